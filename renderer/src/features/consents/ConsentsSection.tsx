import { Alert, Badge, Button, Group, Menu, Radio, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConsentChannel, ConsentRecordInput, type ConsentOverview, type ConsentRecord } from '../../../../shared/api/consents.schemas';
import { contract } from '../../../../shared/api/contract';
import { PURPOSES, type PhotoPermission, type Purpose } from '../../../../shared/domain/consents';
import { applyServerErrors, errorMessage, formResolver } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import i18n from '../../i18n';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { useNotify } from '../../components/Notifications';
import { useCan } from '../auth/session';
import { DateField } from '../children/common';
import { formatDate, formatDateTime } from '../children/format';
import { useApiMutation } from '../../api/mutations';
import { ExchangeSection } from './ExchangeSection';
import { useFileDownload } from './files';
import { appToday } from '../../../../shared/domain/clock';

const PERMISSION_COLOR: Record<PhotoPermission, string> = { recognisable: 'green', unrecognisable: 'teal', no: 'gray' };

/** Ja, herkenbaar / Ja, niet herkenbaar / Nee — the current answer for one purpose. */
export function PermissionBadge({ permission }: { permission: PhotoPermission }) {
  const { t } = useTranslation();
  return (
    <Badge variant={permission === 'no' ? 'outline' : 'light'} color={PERMISSION_COLOR[permission]}>
      {t(`consents.permission.${permission}`)}
    </Badge>
  );
}

type Dialog = 'record' | 'returned' | null;

/**
 * Toestemmingen on the child's page: photo/film consent per purpose (current answer and the
 * append-only history), the consent form to print, when the signed form came back, and consent
 * for exchange with a school or care institution.
 */
export function ConsentsSection({ childId, childName }: { childId: string; childName: string }) {
  const { t } = useTranslation();
  const may = useCan();
  const overview = useQuery(apiQuery('consents.overview', { childId }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => { setDialog(null); };
  const mayWrite = may('consents.write');
  const form = useFileDownload('consents.formPdf');

  if (overview.isPending) return <LoadingState minHeight={80} />;
  if (overview.isError) return <FormError message={errorMessage(overview.error)} />;
  const { current, history, formReturns, contractParent, privacyStatementVersion } = overview.data;

  return (
    <Stack gap="xl">
      <Stack gap="sm" component="section" aria-labelledby="consents-photo">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2} maw={640}>
            <Title order={3} size="h4" id="consents-photo">
              {t('consents.photoTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('consents.photoIntro')}
            </Text>
          </Stack>
          {mayWrite && (
            <Group gap="xs">
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button variant="default" loading={form.isPending}>
                    {t('consents.printForm')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => { form.mutate({ childId, blank: false }); }}>{t('consents.printFilled')}</Menu.Item>
                  <Menu.Item onClick={() => { form.mutate({ childId, blank: true }); }}>{t('consents.printBlank')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
              <Button variant="default" onClick={() => { setDialog('returned'); }}>
                {t('consents.formReturned')}
              </Button>
              <Button onClick={() => { setDialog('record'); }} disabled={!contractParent}>
                {t('consents.record')}
              </Button>
            </Group>
          )}
        </Group>
        <FormError message={form.isError ? errorMessage(form.error) : null} />
        {contractParent ? (
          <Text size="sm">{t('consents.decidedBy', { name: contractParent.displayName, version: privacyStatementVersion })}</Text>
        ) : (
          <Alert color="yellow" variant="light">
            {t('consents.noContractParent')}
          </Alert>
        )}

        <Table verticalSpacing="xs" maw={760}>
          <VisuallyHidden component="caption">{t('consents.currentCaption', { name: childName })}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('consents.purpose')}</Table.Th>
              <Table.Th scope="col">{t('consents.answer')}</Table.Th>
              <Table.Th scope="col">{t('consents.since')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {current.map((row) => (
              <Table.Tr key={row.purpose}>
                <Table.Th scope="row" fw={600}>
                  {t(`consents.purposes.${row.purpose}`)}
                </Table.Th>
                <Table.Td>
                  <PermissionBadge permission={row.permission} />
                </Table.Td>
                <Table.Td>{row.since ? formatDate(row.since) : <Text span c="dimmed" size="sm">{t('consents.defaultNo')}</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          {formReturns.length === 0
            ? t('consents.noFormReturned')
            : t('consents.lastFormReturned', { date: formatDate(formReturns[0]!.returnedOn), name: formReturns[0]!.recordedByName })}
        </Text>
      </Stack>

      <HistoryTable history={history} childName={childName} />

      {mayWrite && <ExchangeSection childId={childId} childName={childName} contractParent={contractParent} />}

      {dialog === 'record' && contractParent && <RecordDialog overview={overview.data} contractParent={contractParent} childName={childName} onClose={close} />}
      {dialog === 'returned' && <FormReturnedDialog childId={childId} childName={childName} onClose={close} />}
    </Stack>
  );
}

/** The decision for the same purpose just before this one (history is newest first). */
const previousOf = (history: ConsentRecord[], index: number) => history.slice(index + 1).find((r) => r.purpose === history[index]!.purpose);

/** Append-only: every decision stays visible, a newer one supersedes it. */
function HistoryTable({ history, childName }: { history: ConsentRecord[]; childName: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="section" aria-labelledby="consents-history">
      <Title order={3} size="h4" id="consents-history">
        {t('consents.historyTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('consents.historyIntro')}
      </Text>
      {history.length === 0 ? (
        <Text c="dimmed">{t('consents.noHistory')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs">
            <VisuallyHidden component="caption">{t('consents.historyCaption', { name: childName })}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('consents.decidedOn')}</Table.Th>
                <Table.Th scope="col">{t('consents.purpose')}</Table.Th>
                <Table.Th scope="col">{t('consents.decision')}</Table.Th>
                <Table.Th scope="col">{t('consents.by')}</Table.Th>
                <Table.Th scope="col">{t('consents.channel')}</Table.Th>
                <Table.Th scope="col">{t('consents.statementVersion')}</Table.Th>
                <Table.Th scope="col">{t('consents.recordedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((record, index) => (
                <Table.Tr key={record.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(record.decidedOn)}</Table.Td>
                  <Table.Td fw={600}>{t(`consents.purposes.${record.purpose}`)}</Table.Td>
                  <Table.Td>
                    {record.decision === 'withdrawn' ? (
                      // "Ingetrokken" only when it ends an earlier yes; a first answer no is just "Nee".
                      previousOf(history, index)?.decision === 'given' ? (
                        <Badge variant="light" color="red">
                          {t('consents.withdrawn')}
                        </Badge>
                      ) : (
                        <PermissionBadge permission="no" />
                      )
                    ) : (
                      <PermissionBadge permission={record.recognisable ? 'recognisable' : 'unrecognisable'} />
                    )}
                  </Table.Td>
                  <Table.Td>{record.parentName}</Table.Td>
                  <Table.Td>{t(`consents.channels.${record.channel}`)}</Table.Td>
                  <Table.Td>{record.privacyStatementVersion}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(record.recordedAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {record.recordedByName}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** In the dialog each purpose starts at "geen wijziging": only what the parent decided is recorded. */
const CHOICES = ['keep', 'recognisable', 'unrecognisable', 'no'] as const;
type Choice = (typeof CHOICES)[number];
const RecordForm = ConsentRecordInput.omit({ answers: true }).extend({
  choices: z.record(z.enum(PURPOSES), z.enum(CHOICES)).refine((choices) => Object.values(choices).some((c) => c !== 'keep'), { error: () => i18n.t('consents.chooseOne') }),
});
type RecordFormValues = z.input<typeof RecordForm>;

/** "Toestemming vastleggen": one decision of the contract parent, for one or more purposes. */
function RecordDialog({
  overview,
  contractParent,
  childName,
  onClose,
}: {
  overview: ConsentOverview;
  contractParent: { id: string; displayName: string };
  childName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, clearErrors, formState } = useForm({
    resolver: formResolver(RecordForm),
    defaultValues: {
      childId: overview.childId,
      parentId: contractParent.id,
      decidedOn: appToday(),
      choices: Object.fromEntries(PURPOSES.map((p) => [p, 'keep'])) as Record<Purpose, Choice>,
    } as RecordFormValues,
  });
  const { errors } = formState;
  const save = useApiMutation('consents.record', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('consents.recorded', { name: childName }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['decidedOn', 'channel', 'parentId'])); },
  });
  const currentOf = (purpose: Purpose) => overview.current.find((c) => c.purpose === purpose)?.permission ?? 'no';

  return (
    <AppModal onClose={onClose} title={t('consents.recordTitle', { name: childName })} size="xl">
      <form
        noValidate
        onSubmit={(event) => void handleSubmit(({ choices, ...rest }) => {
          setFormError(null);
          const answers = PURPOSES.filter((p) => choices[p] !== 'keep').map((purpose) => ({ purpose, given: choices[purpose] !== 'no', recognisable: choices[purpose] === 'recognisable' }));
          save.mutate({ ...rest, answers });
        })(event)}
      >
        <Stack gap="md">
          <FormError message={formError} />
          <Alert color="blue" variant="light">
            {t('consents.onBehalfOf', { name: contractParent.displayName, version: overview.privacyStatementVersion })}
          </Alert>
          <Group align="flex-start" gap="xl">
            <DateField control={control} name="decidedOn" label={t('consents.decidedOn')} required maw={180} />
            <Controller
              control={control}
              name="channel"
              render={({ field }) => (
                <Radio.Group label={t('consents.channel')} withAsterisk value={field.value ?? null} onChange={field.onChange} error={errors.channel?.message}>
                  <Group gap="lg" mt="xs">
                    {ConsentChannel.options.map((channel) => (
                      <Radio key={channel} value={channel} label={t(`consents.channels.${channel}`)} />
                    ))}
                  </Group>
                </Radio.Group>
              )}
            />
          </Group>
          {PURPOSES.map((purpose) => (
            <Controller
              key={purpose}
              control={control}
              name={`choices.${purpose}`}
              render={({ field }) => (
                <Radio.Group
                  label={t(`consents.purposes.${purpose}`)}
                  description={t(`consents.explanations.${purpose}`)}
                  value={field.value}
                  onChange={(value) => {
                    field.onChange(value);
                    // The "at least one purpose" error belongs to all four groups together.
                    clearErrors('choices');
                  }}
                >
                  <Group gap="lg" mt="xs">
                    <Radio value="keep" label={t('consents.keep', { current: t(`consents.permission.${currentOf(purpose)}`) })} />
                    <Radio value="recognisable" label={t('consents.permission.recognisable')} />
                    <Radio value="unrecognisable" label={t('consents.permission.unrecognisable')} />
                    <Radio value="no" label={t('consents.permission.no')} />
                  </Group>
                </Radio.Group>
              )}
            />
          ))}
          {errors.choices?.message && (
            <Text c="red" size="sm" role="alert">
              {errors.choices.message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('consents.recordSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

/** "Formulier retour ontvangen": the date the signed form came back. */
function FormReturnedDialog({ childId, childName, onClose }: { childId: string; childName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError } = useForm({
    resolver: formResolver(contract['consents.formReturned'].input),
    defaultValues: { childId, returnedOn: appToday() },
  });
  const save = useApiMutation('consents.formReturned', {
    onSuccess: () => {
      notify({ title: t('common.saved'), message: t('consents.formReturnedSaved', { name: childName }) });
      onClose();
    },
    onError: (error) => { setFormError(applyServerErrors(error, setError, ['returnedOn'])); },
  });
  return (
    <AppModal onClose={onClose} title={t('consents.formReturnedTitle', { name: childName })} size="md">
      <form noValidate onSubmit={(event) => void handleSubmit((input) => { setFormError(null); save.mutate(input); })(event)}>
        <Stack gap="md">
          <FormError message={formError} />
          <Text size="sm">{t('consents.formReturnedHelp')}</Text>
          <DateField control={control} name="returnedOn" label={t('consents.returnedOn')} required autoFocus maw={180} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
