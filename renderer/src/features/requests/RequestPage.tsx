import { Anchor, Badge, Button, DataList, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RectifiableField, RequestDetail } from '../../../../shared/api/requests.schemas';
import { saveFolder } from '../../api/client';
import { errorMessage } from '../../api/forms';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { FormError } from '../../components/FormError';
import { useNotify } from '../../components/Notifications';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { Detail, Section } from '../../components/Section';
import { useFileDownload } from '../../lib/files';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { DeadlineBadge, OutcomeBadge, TaskText, useSubjectLabel } from './common';
import { CloseDialog, ErasureDialog, ExtendDialog, MeldcodeDecisionDialog, ObjectionDialog, RectifyDialog, RestrictDialog } from './RequestDialogs';

type Dialog = 'extend' | 'close' | 'restrict' | 'rectify' | 'erase' | 'meldcode' | 'objection' | null;

/** One AVG-verzoek: its facts and deadline, the actions for its kind, tasks, history and letters. */
export function RequestPage() {
  const { id = '' } = useParams();
  const request = useQuery(apiQuery('requests.get', { id }));
  return <QueryState query={request}>{(data) => <RequestView r={data} />}</QueryState>;
}

/** An action's call; a failure is shown above the page until the next action. */
interface Action<I> {
  mutate: (input: I, callbacks: { onError: (error: unknown) => void }) => void;
}

function RequestView({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const notify = useNotify();
  const subjectLabel = useSubjectLabel();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const letter = useFileDownload('requests.letter');
  const report = useFileDownload('requests.accessReport');
  const exportBundle = useApiMutation('requests.portabilityExport', {
    onSuccess: (bundle) => void saveFolder(bundle.folderName, bundle.files).then((saved) => { if (saved) notify({ title: t('common.saved'), message: t('requests.portabilitySaved', { count: bundle.files.length }) }); }),
  });
  const lift = useApiMutation('requests.requestLift');
  const completeTask = useApiMutation('requests.completeTask');
  const run = <I,>(action: Action<I>, input: I) => {
    setActionError(null);
    action.mutate(input, { onError: (error) => { setActionError(errorMessage(error)); } });
  };
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
            <Button onClick={() => { run(letter, { id: r.id }); }} loading={letter.isPending}>
              {t('requests.letter')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <FormError message={actionError} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Section title={t('requests.factsTitle')} id="request-facts">
            <DataList labelWidth={190}>
              <Detail label={t('requests.columns.subject')}>
                {r.subjectName && r.subjectType === 'child' ? (
                  <Anchor component={Link} to={`/kinderen/${r.subjectId}`}>
                    {r.subjectName}
                  </Anchor>
                ) : r.subjectName && r.householdId ? (
                  <Anchor component={Link} to={`/gezinnen/${r.householdId}`}>
                    {r.subjectName}
                  </Anchor>
                ) : r.subjectName ? (
                  `${r.subjectName} (${t(`requests.subjectTypes.${r.subjectType}`)})`
                ) : (
                  subjectLabel(r)
                )}
              </Detail>
              <Detail label={t('requests.columns.requester')}>{r.requesterName}</Detail>
              <Detail label={t('requests.columns.received')}>{fmt.date(r.receivedOn)}</Detail>
              <Detail label={t('requests.fields.identity')}>{t(`requests.identityMethods.${r.identityMethod}`)}</Detail>
              {r.coordination && (
                <Detail label={t('requests.fields.coordinationTitle')}>
                  {t('requests.coordinationNote', { name: r.coordination.parentName, date: fmt.date(r.coordination.on), how: t(`requests.coordinationMethods.${r.coordination.how}`).toLowerCase() })}
                </Detail>
              )}
              {r.description && <Detail label={t('requests.fields.description')}>{r.description}</Detail>}
              <Detail label={t('requests.columns.deadline')}>
                <Group gap="xs">
                  <Text size="sm" data-testid="request-deadline">
                    {fmt.date(r.deadline)}
                  </Text>
                  <DeadlineBadge request={r} />
                </Group>
                {r.extendedMonths > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('requests.extendedNote', { count: r.extendedMonths, date: fmt.date(r.firstDeadline), reason: r.extensionReason ?? '' })}
                  </Text>
                )}
              </Detail>
              {!open && (
                <Detail label={t('requests.columns.closed')}>
                  <Group gap="xs">
                    <Text size="sm">{fmt.date(r.closedOn)}</Text>
                    <OutcomeBadge outcome={r.outcome} />
                  </Group>
                </Detail>
              )}
              {r.meldcode && (
                <Detail label={t('requests.meldcodeTitle')}>
                  {t(`requests.meldcodeDecisions.${r.meldcode.decision}`)} — {r.meldcode.reason} ({r.meldcode.decidedByName}, {fmt.dateTime(r.meldcode.decidedAt)})
                </Detail>
              )}
              {r.restriction && (
                <Detail label={t('requests.restrictionTitle')}>
                  {t('requests.restrictedSince', { date: fmt.date(r.restriction.since), reason: r.restriction.reason })}
                  {r.restriction.liftPending && (
                    <Text size="xs" c="var(--mantine-color-orange-light-color)">
                      {t('requests.liftPending')}
                    </Text>
                  )}
                </Detail>
              )}
            </DataList>
          </Section>

          <Section title={t('requests.actionsTitle')} intro={open ? t(`requests.kindHelp.${r.kind}`) : t('requests.closedHelp')} id="request-actions">
            <Stack gap="sm" align="flex-start">
              {open && r.kind === 'access' && (
                <>
                  <Button onClick={() => { run(report, { id: r.id }); }} loading={report.isPending}>
                    {t('requests.accessReport')}
                  </Button>
                  <MeldcodeButton onClick={() => { setDialog('meldcode'); }} />
                </>
              )}
              {open && r.kind === 'portability' && (
                <Button onClick={() => { run(exportBundle, { id: r.id }); }} loading={exportBundle.isPending}>
                  {t('requests.portabilityExport')}
                </Button>
              )}
              {open && (r.kind === 'rectification' || r.kind === 'completion') && <Button onClick={() => { setDialog('rectify'); }}>{t('requests.rectify')}</Button>}
              {r.kind === 'restriction' && open && !r.restriction && <Button onClick={() => { setDialog('restrict'); }}>{t('requests.restrict')}</Button>}
              {r.kind === 'restriction' && r.restriction && !r.restriction.liftPending && (
                <Button variant="default" onClick={() => { run(lift, { id: r.id }); }} loading={lift.isPending}>
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
              {open && r.kind === 'objection' && <Button onClick={() => { setDialog('objection'); }}>{t('requests.objection')}</Button>}
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
          </Section>
        </SimpleGrid>

        {r.tasks.length > 0 && (
          <Section title={t('requests.tasksTitle')} intro={t('requests.tasksIntro')} id="request-tasks">
            <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {r.tasks.map((task) => (
                <Group key={task.id} component="li" justify="space-between" wrap="nowrap">
                  <div>
                    <Text size="sm">
                      <TaskText task={task} />
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('requests.taskDue', { date: fmt.date(task.dueDate) })}
                    </Text>
                  </div>
                  {task.doneAt ? (
                    <Badge variant="light" color="green">
                      {t('requests.taskDone', { name: task.doneByName ?? '', date: fmt.date(task.doneAt) })}
                    </Badge>
                  ) : (
                    <Button size="compact-sm" variant="light" onClick={() => { run(completeTask, { id: task.id }); }} loading={completeTask.isPending && completeTask.variables.id === task.id}>
                      {t('requests.taskComplete')}
                    </Button>
                  )}
                </Group>
              ))}
            </Stack>
          </Section>
        )}

        {r.corrections.length > 0 && <CorrectionsCard request={r} />}
        {r.decision && r.decision.objections.length > 0 && <ObjectionsCard objections={r.decision.objections} />}
      </Stack>

      {dialog === 'extend' && <ExtendDialog request={r} onClose={close} />}
      {dialog === 'close' && <CloseDialog request={r} onClose={close} />}
      {dialog === 'restrict' && <RestrictDialog request={r} onClose={close} />}
      {dialog === 'rectify' && <RectifyDialog request={r} onClose={close} />}
      {dialog === 'erase' && <ErasureDialog request={r} onClose={close} />}
      {dialog === 'meldcode' && <MeldcodeDecisionDialog requestId={r.id} onClose={close} />}
      {dialog === 'objection' && <ObjectionDialog request={r} onClose={close} />}
    </>
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
  const fmt = useFormat();
  return (
    <Section title={t('requests.correctionsTitle')} id="request-corrections">
      <DataTable
        rows={request.corrections}
        caption={t('requests.correctionsTitle')}
        rowKey={(c) => c.id}
        tableProps={{ verticalSpacing: 'xs' }}
        columns={[
          { key: 'field', header: t('requests.correctionColumns.field'), cell: (c) => (c.field ? t(`requests.rectifyFields.${c.field as RectifiableField}`) : t('requests.statement')) },
          { key: 'old', header: t('requests.correctionColumns.old'), cell: (c) => (c.field ? (c.oldValue ?? '—') : '') },
          { key: 'new', header: t('requests.correctionColumns.new'), cell: (c) => (c.field ? (c.newValue ?? '—') : c.statement) },
          { key: 'when', header: t('requests.correctionColumns.when'), whiteSpace: 'nowrap', cell: (c) => `${fmt.date(c.correctedOn)}, ${c.correctedByName}` },
        ]}
      />
    </Section>
  );
}

/** The decision on an objection per processing: what stopped for the person, or the reasons it goes on. */
function ObjectionsCard({ objections }: { objections: NonNullable<RequestDetail['decision']>['objections'] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('requests.objectionsTitle')} id="request-objections">
      <DataTable
        rows={objections}
        caption={t('requests.objectionsCaption')}
        rowKey={(o) => o.category}
        tableProps={{ verticalSpacing: 'xs' }}
        columns={[
          { key: 'category', header: t('requests.objectionColumns.category'), cell: (o) => o.label },
          {
            key: 'outcome',
            header: t('requests.objectionColumns.outcome'),
            whiteSpace: 'nowrap',
            cell: (o) => (
              <Badge variant="light" color={o.outcome === 'upheld' ? 'green' : 'red'}>
                {t(`requests.objectionDecided.${o.outcome}`)}
              </Badge>
            ),
          },
          { key: 'what', header: t('requests.objectionColumns.what'), cell: (o) => (o.outcome === 'upheld' ? o.effect : o.reason) },
        ]}
      />
    </Section>
  );
}
