import { Anchor, Badge, Button, Card, DataList, Group, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RectifiableField, RequestDetail } from '../../../../shared/api/requests.schemas';
import { saveFolder } from '../../api/client';
import { errorMessage } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../auth/session';
import { formatDate, formatDateTime } from '../children/format';
import { useApiMutation } from '../../api/mutations';
import { DeadlineBadge, OutcomeBadge, savePdf, useSubjectLabel } from './common';
import { CloseDialog, ErasureDialog, ExtendDialog, MeldcodeDecisionDialog, RectifyDialog, RestrictDialog } from './RequestDialogs';

type Dialog = 'extend' | 'close' | 'restrict' | 'rectify' | 'erase' | 'meldcode' | null;

/** One AVG-verzoek: its facts and deadline, the actions for its kind, tasks, history and letters. */
export function RequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const request = useQuery(apiQuery('requests.get', { id }));
  const subjectLabel = useSubjectLabel();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const notify = useNotify();
  const onError = (error: unknown) => { setActionError(errorMessage(error)); };
  const letter = useApiMutation('requests.letter', { onSuccess: (file) => void savePdf(file), onError });
  const report = useApiMutation('requests.accessReport', { onSuccess: (file) => void savePdf(file), onError });
  const exportBundle = useApiMutation('requests.portabilityExport', {
    onSuccess: (bundle) => void saveFolder(bundle.folderName, bundle.files).then((saved) => { if (saved) notify({ title: t('common.saved'), message: t('requests.portabilitySaved', { count: bundle.files.length }) }); }),
    onError,
  });
  const objection = useApiMutation('requests.objection', { onError });
  const lift = useApiMutation('requests.requestLift', { onError });
  const completeTask = useApiMutation('requests.completeTask', { onError });

  if (request.isPending) return <LoadingState />;
  if (request.isError) return <FormError message={errorMessage(request.error)} />;
  const r = request.data;
  const open = r.status === 'open';
  const close = () => { setDialog(null); };

  return (
    <>
      <PageHeader
        title={t('requests.detailTitle', { kind: t(`requests.kinds.${r.kind}`), name: subjectLabel(r) })}
        intro={
          <Anchor component={Link} to="/verzoeken" size="sm">
            {t('requests.backToList')}
          </Anchor>
        }
        actions={
          r.status === 'closed' ? (
            <Button onClick={() => { setActionError(null); letter.mutate({ id: r.id }); }} loading={letter.isPending}>
              {t('requests.letter')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <FormError message={actionError} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="request-facts">
            <Title order={2} size="h3" id="request-facts" mb="sm">
              {t('requests.factsTitle')}
            </Title>
            <DataList labelWidth={190}>
              <Item label={t('requests.columns.subject')}>
                {r.subjectName && r.subjectType === 'child' ? (
                  <Anchor component={Link} to={`/kinderen/${r.subjectId}`}>
                    {r.subjectName}
                  </Anchor>
                ) : r.subjectName ? (
                  <Anchor component={Link} to={`/gezinnen/${r.householdId}`}>
                    {r.subjectName}
                  </Anchor>
                ) : (
                  subjectLabel(r)
                )}
              </Item>
              <Item label={t('requests.columns.requester')}>{r.requesterName}</Item>
              <Item label={t('requests.columns.received')}>{formatDate(r.receivedOn)}</Item>
              <Item label={t('requests.fields.identity')}>{t(`requests.identityMethods.${r.identityMethod}`)}</Item>
              {r.description && <Item label={t('requests.fields.description')}>{r.description}</Item>}
              <Item label={t('requests.columns.deadline')}>
                <Group gap="xs">
                  <Text size="sm" data-testid="request-deadline">
                    {formatDate(r.deadline)}
                  </Text>
                  <DeadlineBadge request={r} />
                </Group>
                {r.extendedMonths > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('requests.extendedNote', { count: r.extendedMonths, date: formatDate(r.firstDeadline), reason: r.extensionReason ?? '' })}
                  </Text>
                )}
              </Item>
              {!open && (
                <Item label={t('requests.columns.closed')}>
                  <Group gap="xs">
                    <Text size="sm">{formatDate(r.closedOn)}</Text>
                    <OutcomeBadge outcome={r.outcome} />
                  </Group>
                </Item>
              )}
              {r.meldcode && (
                <Item label={t('requests.meldcodeTitle')}>
                  {t(`requests.meldcodeDecisions.${r.meldcode.decision}`)} — {r.meldcode.reason} ({r.meldcode.decidedByName}, {formatDateTime(r.meldcode.decidedAt)})
                </Item>
              )}
              {r.restriction && (
                <Item label={t('requests.restrictionTitle')}>
                  {t('requests.restrictedSince', { date: formatDate(r.restriction.since), reason: r.restriction.reason })}
                  {r.restriction.liftPending && (
                    <Text size="xs" c="var(--mantine-color-orange-light-color)">
                      {t('requests.liftPending')}
                    </Text>
                  )}
                </Item>
              )}
            </DataList>
          </Card>

          <Card withBorder padding="lg" component="section" aria-labelledby="request-actions">
            <Title order={2} size="h3" id="request-actions" mb="xs">
              {t('requests.actionsTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {open ? t(`requests.kindHelp.${r.kind}`) : t('requests.closedHelp')}
            </Text>
            <Stack gap="sm" align="flex-start">
              {open && r.kind === 'access' && (
                <>
                  <Button onClick={() => { setActionError(null); report.mutate({ id: r.id }); }} loading={report.isPending}>
                    {t('requests.accessReport')}
                  </Button>
                  <MeldcodeButton onClick={() => { setDialog('meldcode'); }} />
                </>
              )}
              {open && r.kind === 'portability' && (
                <Button onClick={() => { setActionError(null); exportBundle.mutate({ id: r.id }); }} loading={exportBundle.isPending}>
                  {t('requests.portabilityExport')}
                </Button>
              )}
              {open && (r.kind === 'rectification' || r.kind === 'completion') && <Button onClick={() => { setDialog('rectify'); }}>{t('requests.rectify')}</Button>}
              {r.kind === 'restriction' && open && !r.restriction && <Button onClick={() => { setDialog('restrict'); }}>{t('requests.restrict')}</Button>}
              {r.kind === 'restriction' && r.restriction && !r.restriction.liftPending && (
                <Button variant="default" onClick={() => { setActionError(null); lift.mutate({ id: r.id }); }} loading={lift.isPending}>
                  {t('requests.requestLift')}
                </Button>
              )}
              {open && r.kind === 'erasure' && (
                <>
                  <Button color="red" onClick={() => { setDialog('erase'); }}>
                    {t('requests.erasurePreview')}
                  </Button>
                  <MeldcodeButton onClick={() => { setDialog('meldcode'); }} />
                </>
              )}
              {open && r.kind === 'objection' && (
                <Button onClick={() => { setActionError(null); objection.mutate({ id: r.id }); }} loading={objection.isPending}>
                  {t('requests.objection')}
                </Button>
              )}
              {open && (
                <Group gap="sm">
                  {r.extendedMonths === 0 && (
                    <Button variant="default" onClick={() => { setDialog('extend'); }}>
                      {t('requests.extend')}
                    </Button>
                  )}
                  {r.kind !== 'erasure' && r.kind !== 'objection' && (
                    <Button variant="default" onClick={() => { setDialog('close'); }}>
                      {t('requests.close')}
                    </Button>
                  )}
                </Group>
              )}
            </Stack>
          </Card>
        </SimpleGrid>

        {r.tasks.length > 0 && (
          <Card withBorder padding="lg" component="section" aria-labelledby="request-tasks">
            <Title order={2} size="h3" id="request-tasks" mb="xs">
              {t('requests.tasksTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('requests.tasksIntro')}
            </Text>
            <Table verticalSpacing="xs">
              <VisuallyHidden component="caption">{t('requests.tasksTitle')}</VisuallyHidden>
              <Table.Tbody>
                {r.tasks.map((task) => (
                  <Table.Tr key={task.id}>
                    <Table.Td>
                      <Text size="sm">{task.kind === 'inform_recipient' ? t('requests.taskInformRecipient', { name: task.recipientName ?? '' }) : t('requests.taskInformBeforeLift')}</Text>
                      <Text size="xs" c="dimmed">
                        {t('requests.taskDue', { date: formatDate(task.dueDate) })}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      {task.doneAt ? (
                        <Badge variant="light" color="green">
                          {t('requests.taskDone', { name: task.doneByName ?? '', date: formatDate(task.doneAt) })}
                        </Badge>
                      ) : (
                        <Button size="compact-sm" variant="light" onClick={() => { setActionError(null); completeTask.mutate({ id: task.id }); }} loading={completeTask.isPending && completeTask.variables.id === task.id}>
                          {t('requests.taskComplete')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )}

        {r.corrections.length > 0 && <CorrectionsCard request={r} />}
      </Stack>

      {dialog === 'extend' && <ExtendDialog request={r} onClose={close} />}
      {dialog === 'close' && <CloseDialog request={r} onClose={close} />}
      {dialog === 'restrict' && <RestrictDialog request={r} onClose={close} />}
      {dialog === 'rectify' && <RectifyDialog request={r} onClose={close} />}
      {dialog === 'erase' && <ErasureDialog request={r} onClose={close} />}
      {dialog === 'meldcode' && <MeldcodeDecisionDialog request={r} onClose={close} />}
    </>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** Only the aandachtsfunctionaris records whether meldcode information may go into the answer. */
function MeldcodeButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session.roles.includes('meldcodeOfficer')) return null;
  return (
    <Button variant="default" onClick={onClick}>
      {t('requests.meldcodeDecide')}
    </Button>
  );
}

function CorrectionsCard({ request }: { request: RequestDetail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="request-corrections">
      <Title order={2} size="h3" id="request-corrections" mb="sm">
        {t('requests.correctionsTitle')}
      </Title>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('requests.correctionColumns.field')}</Table.Th>
            <Table.Th scope="col">{t('requests.correctionColumns.old')}</Table.Th>
            <Table.Th scope="col">{t('requests.correctionColumns.new')}</Table.Th>
            <Table.Th scope="col">{t('requests.correctionColumns.when')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {request.corrections.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.field ? t(`requests.rectifyFields.${c.field as RectifiableField}`) : t('requests.statement')}</Table.Td>
              <Table.Td>{c.field ? (c.oldValue ?? '—') : ''}</Table.Td>
              <Table.Td>{c.field ? (c.newValue ?? '—') : c.statement}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(c.correctedOn)}, {c.correctedByName}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
