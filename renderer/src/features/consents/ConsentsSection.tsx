import { Alert, Badge, Button, Group, Menu, Radio, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConsentChannel, ConsentRecordInput, type ConsentOverview, type ConsentRecord } from '../../../../shared/api/consents.schemas';
import { contract } from '../../../../shared/api/contract';
import { appToday } from '../../../../shared/domain/clock';
import { PURPOSES, type PhotoPermission, type Purpose } from '../../../../shared/domain/consents';
import { errorMessage } from '../../api/forms';
import { useApiMutation } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { DataTable } from '../../components/DataTable';
import { DateField, RadioField } from '../../components/fields';
import { FormDialog } from '../../components/FormDialog';
import { FormError } from '../../components/FormError';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useApiForm } from '../../components/useApiForm';
import i18n from '../../i18n';
import { useFileDownload } from '../../lib/files';
import { useFormat } from '../../lib/format';
import { useCan } from '../../lib/session';
import { ExchangeSection } from './ExchangeSection';

const PERMISSION_COLOR: Record<PhotoPermission, string> = { recognisable: 'green', unrecognisable: 'teal', no: 'gray' };

/** Ja, herkenbaar / Ja, niet herkenbaar / Nee — the current answer for one purpose. */
function PermissionBadge({ permission }: { permission: PhotoPermission }) {
  const { t } = useTranslation();
  return (
    <Badge variant={permission === 'no' ? 'outline' : 'light'} color={PERMISSION_COLOR[permission]}>
      {t(`consents.permission.${permission}`)}
    </Badge>
  );
}

type Dialog = 'record' | 'withdraw' | 'returned' | null;

/**
 * Toestemmingen on the child's page: photo/film consent per purpose (current answer and the
 * append-only history), the consent form to print, when the signed form came back, and consent
 * for exchange with a school or care institution.
 */
export function ConsentsSection({ childId, childName }: { childId: string; childName: string }) {
  const overview = useQuery(apiQuery('consents.overview', { childId }));
  return (
    <QueryState query={overview} loaderHeight={80}>
      {(data) => <ConsentsView overview={data} childName={childName} />}
    </QueryState>
  );
}

function ConsentsView({ overview, childName }: { overview: ConsentOverview; childName: string }) {
  const { t } = useTranslation();
  const may = useCan();
  const fmt = useFormat();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => { setDialog(null); };
  const mayWrite = may('consents.write');
  const form = useFileDownload('consents.formPdf');
  const { childId, current, history, formReturns, contractParent, privacyStatementVersion } = overview;
  // A signed form counts whether it was recorded as returned or as the channel of a decision.
  const lastSignedForm = [
    ...formReturns.map((r) => ({ on: r.returnedOn, by: r.recordedByName })),
    ...history.filter((r) => r.channel === 'signed_form').map((r) => ({ on: r.decidedOn, by: r.recordedByName })),
  ].sort((a, b) => b.on.localeCompare(a.on))[0];

  return (
    <Stack gap="xl">
      <Section
        level={3}
        title={t('consents.photoTitle')}
        intro={t('consents.photoIntro')}
        actions={
          mayWrite && (
            <>
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
              <Button variant="default" onClick={() => { setDialog('withdraw'); }} disabled={!contractParent || current.every((row) => row.permission === 'no')}>
                {t('consents.withdraw')}
              </Button>
              <Button onClick={() => { setDialog('record'); }} disabled={!contractParent}>
                {t('consents.record')}
              </Button>
            </>
          )
        }
      >
        <FormError message={form.isError ? errorMessage(form.error) : null} />
        {contractParent ? (
          <Text size="sm">{t('consents.decidedBy', { name: contractParent.displayName, version: privacyStatementVersion })}</Text>
        ) : (
          <Alert color="yellow" variant="light">
            {t('consents.noContractParent')}
          </Alert>
        )}
        <DataTable
          rows={current}
          caption={t('consents.currentCaption', { name: childName })}
          rowKey={(row) => row.purpose}
          tableProps={{ verticalSpacing: 'xs', maw: 760 }}
          columns={[
            { key: 'purpose', header: t('consents.purpose'), cell: (row) => t(`consents.purposes.${row.purpose}`), rowHeader: true, strong: true },
            { key: 'answer', header: t('consents.answer'), cell: (row) => <PermissionBadge permission={row.permission} /> },
            { key: 'since', header: t('consents.since'), cell: (row) => (row.since ? fmt.date(row.since) : <Text span c="dimmed" size="sm">{t('consents.defaultNo')}</Text>) },
          ]}
        />
        <Text size="sm" c="dimmed">
          {lastSignedForm
            ? t('consents.lastFormReturned', { date: fmt.date(lastSignedForm.on), name: lastSignedForm.by })
            : t('consents.noFormReturned')}
        </Text>
      </Section>

      <HistoryTable history={history} childName={childName} />

      {mayWrite && <ExchangeSection childId={childId} childName={childName} contractParent={contractParent} />}

      {(dialog === 'record' || dialog === 'withdraw') && contractParent && (
        <RecordDialog overview={overview} contractParent={contractParent} childName={childName} withdraw={dialog === 'withdraw'} onClose={close} />
      )}
      {dialog === 'returned' && <FormReturnedDialog childId={childId} childName={childName} onClose={close} />}
    </Stack>
  );
}

/** The decision for the same purpose just before this one (history is newest first). */
const previousOf = (history: ConsentRecord[], index: number) => history.slice(index + 1).find((r) => r.purpose === history[index]!.purpose);

/** Append-only: every decision stays visible, a newer one supersedes it. */
function HistoryTable({ history, childName }: { history: ConsentRecord[]; childName: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Section level={3} title={t('consents.historyTitle')} intro={t('consents.historyIntro')}>
      <DataTable
        rows={history}
        caption={t('consents.historyCaption', { name: childName })}
        rowKey={(record) => record.id}
        minWidth={900}
        tableProps={{ verticalSpacing: 'xs' }}
        empty={t('consents.noHistory')}
        columns={[
          { key: 'decidedOn', header: t('consents.decidedOn'), cell: (record) => fmt.date(record.decidedOn), whiteSpace: 'nowrap' },
          { key: 'purpose', header: t('consents.purpose'), cell: (record) => t(`consents.purposes.${record.purpose}`), strong: true },
          { key: 'decision', header: t('consents.decision'), cell: (record) => <Decision record={record} history={history} /> },
          { key: 'by', header: t('consents.by'), cell: (record) => record.parentName },
          { key: 'channel', header: t('consents.channel'), cell: (record) => t(`consents.channels.${record.channel}`) },
          { key: 'version', header: t('consents.statementVersion'), cell: (record) => record.privacyStatementVersion },
          {
            key: 'recorded',
            header: t('consents.recordedAt'),
            cell: (record) => (
              <>
                <Text size="sm">{fmt.dateTime(record.recordedAt)}</Text>
                <Text size="xs" c="dimmed">
                  {record.recordedByName}
                </Text>
              </>
            ),
          },
        ]}
      />
    </Section>
  );
}

function Decision({ record, history }: { record: ConsentRecord; history: ConsentRecord[] }) {
  const { t } = useTranslation();
  if (record.decision !== 'withdrawn') return <PermissionBadge permission={record.recognisable ? 'recognisable' : 'unrecognisable'} />;
  // "Ingetrokken" only when it ends an earlier yes; a first answer no is just "Nee".
  if (previousOf(history, history.indexOf(record))?.decision !== 'given') return <PermissionBadge permission="no" />;
  return (
    <Badge variant="light" color="red">
      {t('consents.withdrawn')}
    </Badge>
  );
}

/** In the dialog each purpose starts at "geen wijziging": only what the parent decided is recorded. */
const CHOICES = ['keep', 'recognisable', 'unrecognisable', 'no'] as const;
type Choice = (typeof CHOICES)[number];
const RecordForm = ConsentRecordInput.omit({ answers: true }).extend({
  choices: z.record(z.enum(PURPOSES), z.enum(CHOICES)).refine((choices) => Object.values(choices).some((c) => c !== 'keep'), { error: () => i18n.t('consents.chooseOne') }),
});

/** "Toestemming vastleggen": one decision of the contract parent, for one or more purposes. */
function RecordDialog({
  overview,
  contractParent,
  childName,
  withdraw,
  onClose,
}: {
  overview: ConsentOverview;
  contractParent: { id: string; displayName: string };
  childName: string;
  /** "Toestemming intrekken": only the purposes with consent, each kept or withdrawn. */
  withdraw: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: RecordForm,
    defaultValues: {
      childId: overview.childId,
      parentId: contractParent.id,
      decidedOn: appToday(),
      choices: Object.fromEntries(PURPOSES.map((p) => [p, 'keep'])) as Record<Purpose, Choice>,
    },
    mutation: useApiMutation('consents.record'),
    toInput: ({ choices, ...rest }) => ({
      ...rest,
      answers: PURPOSES.filter((p) => choices[p] !== 'keep').map((purpose) => ({ purpose, given: choices[purpose] !== 'no', recognisable: choices[purpose] === 'recognisable' })),
    }),
    // Only withdrawals: the toast says "ingetrokken", not "vastgelegd".
    success: (_output, values) => (Object.values(values.choices).every((c) => c === 'keep' || c === 'no') ? t('consents.withdrawnSaved', { name: childName }) : t('consents.recorded', { name: childName })),
    onSuccess: onClose,
  });
  const { control, errors, clearErrors } = form;
  const currentOf = (purpose: Purpose) => overview.current.find((c) => c.purpose === purpose)?.permission ?? 'no';

  return (
    <FormDialog form={form} title={t(withdraw ? 'consents.withdrawTitle' : 'consents.recordTitle', { name: childName })} onClose={onClose} submitLabel={t(withdraw ? 'consents.withdrawSubmit' : 'consents.recordSubmit')} size="xl">
      <Alert color="blue" variant="light">
        {t('consents.onBehalfOf', { name: contractParent.displayName, version: overview.privacyStatementVersion })}
      </Alert>
      <Group align="flex-start" gap="xl">
        <DateField control={control} name="decidedOn" label={t('consents.decidedOn')} required maw={180} />
        <RadioField control={control} name="channel" label={t('consents.channel')} required options={ConsentChannel.options.map((channel) => ({ value: channel, label: t(`consents.channels.${channel}`) }))} />
      </Group>
      {PURPOSES.filter((purpose) => !withdraw || currentOf(purpose) !== 'no').map((purpose) => (
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
                {!withdraw && <Radio value="recognisable" label={t('consents.permission.recognisable')} />}
                {!withdraw && <Radio value="unrecognisable" label={t('consents.permission.unrecognisable')} />}
                <Radio value="no" label={withdraw ? t('consents.withdrawChoice') : t('consents.permission.no')} />
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
    </FormDialog>
  );
}

/** "Formulier retour ontvangen": the date the signed form came back. */
function FormReturnedDialog({ childId, childName, onClose }: { childId: string; childName: string; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm({
    schema: contract['consents.formReturned'].input,
    defaultValues: { childId, returnedOn: appToday() },
    mutation: useApiMutation('consents.formReturned'),
    success: () => t('consents.formReturnedSaved', { name: childName }),
    onSuccess: onClose,
  });
  return (
    <FormDialog form={form} title={t('consents.formReturnedTitle', { name: childName })} onClose={onClose} size="md">
      <Text size="sm">{t('consents.formReturnedHelp')}</Text>
      <DateField control={form.control} name="returnedOn" label={t('consents.returnedOn')} required autoFocus maw={180} />
    </FormDialog>
  );
}
