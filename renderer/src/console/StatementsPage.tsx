import { Badge, Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../shared/console/api';
import { mayDo } from '../../../shared/console/roles';
import { PublishStatementInput, type ConsoleStatementVersion } from '../../../shared/console/statements';
import { appToday } from '../../../shared/domain/clock';
import { AppModal } from '../components/AppModal';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { DataTable } from '../components/DataTable';
import { DateField, TextAreaField, TextField } from '../components/fields';
import { ApiForm, SubmitButton } from '../components/FormDialog';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../lib/format';
import { consoleApi } from './api';
import { useConsoleForm } from './useConsoleForm';

const STATEMENTS_KEY = ['console', 'statements'] as const;
const FIELDS = ['version', 'effectiveDate', 'text'] as const;
const STATUS = {
  current: { color: 'green', label: 'console.statements.statusCurrent' },
  upcoming: { color: 'blue', label: 'console.statements.statusUpcoming' },
  previous: { color: 'gray', label: 'console.statements.statusPrevious' },
} as const;

/** The list is newest effective date first: the first that has started is in force, later ones are upcoming. */
function statusOf(versions: readonly ConsoleStatementVersion[], version: ConsoleStatementVersion, today: string): keyof typeof STATUS {
  if (version.effectiveDate > today) return 'upcoming';
  return versions.find((v) => v.effectiveDate <= today)?.id === version.id ? 'current' : 'previous';
}

/**
 * Privacyverklaring (issue 18 part 8): the published versions; the privacy officer publishes a new
 * one, after a confirmation since it goes to every location at once. The FG reads.
 */
export function StatementsPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const format = useFormat();
  const statements = useQuery({ queryKey: STATEMENTS_KEY, queryFn: consoleApi.statements });
  const [reading, setReading] = useState<ConsoleStatementVersion | null>(null);
  const today = appToday();
  const versions = statements.data ?? [];
  return (
    <>
      <PageHeader title={t('console.statements.title')} intro={t('console.statements.intro')} />
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('console.statements.listTitle')}
          </Title>
          <DataTable
            card
            caption={t('console.statements.listTitle')}
            query={statements}
            rowKey={(v) => v.id}
            empty={{ title: t('console.statements.empty'), text: t('console.statements.emptyText') }}
            columns={[
              { key: 'version', header: t('console.statements.version'), cell: (v) => v.version, rowHeader: true, strong: true },
              { key: 'effective', header: t('console.statements.effectiveDate'), cell: (v) => format.date(v.effectiveDate), whiteSpace: 'nowrap' },
              { key: 'published', header: t('console.statements.publishedAt'), cell: (v) => format.dateTime(v.publishedAt), whiteSpace: 'nowrap' },
              {
                key: 'status',
                header: t('console.statements.status'),
                cell: (v) => {
                  const status = STATUS[statusOf(versions, v, today)];
                  return (
                    <Badge variant="light" color={status.color}>
                      {t(status.label)}
                    </Badge>
                  );
                },
              },
              {
                key: 'read',
                header: t('console.statements.read'),
                hiddenHeader: true,
                align: 'right',
                cell: (v) => (
                  <Button size="xs" variant="light" onClick={() => setReading(v)} aria-label={`${t('console.statements.read')}: ${t('console.statements.version')} ${v.version}`}>
                    {t('console.statements.read')}
                  </Button>
                ),
              },
            ]}
          />
        </Stack>
        {mayDo(session.user.role, 'registers.manage') && <PublishForm />}
      </Stack>
      {reading && (
        <AppModal title={t('console.statements.readTitle', { version: reading.version })} onClose={() => setReading(null)} size="xl">
          <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{reading.text}</Text>
        </AppModal>
      )}
    </>
  );
}

/** Publish a version: validated at the field (the service again, with the version label used once), then confirmed. */
function PublishForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const [confirming, setConfirming] = useState<{ values: PublishStatementInput; send: (values: PublishStatementInput) => void } | null>(null);
  const { form, handle } = useConsoleForm<PublishStatementInput>({
    schema: PublishStatementInput,
    defaultValues: { version: '', effectiveDate: '', text: '' },
    fields: FIELDS,
    save: consoleApi.publishStatement,
    refresh: STATEMENTS_KEY,
    success: (values) => t('console.statements.published', { version: values.version.trim() }),
    onDone: () => form.reset({ version: '', effectiveDate: '', text: '' }),
    onValid: (values, send) => setConfirming({ values, send }),
  });
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="publish-statement-title">
      <Title order={2} size="h4" id="publish-statement-title" mb={4}>
        {t('console.statements.formTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('console.statements.formIntro')}
      </Text>
      <ApiForm form={handle} maw={880}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField control={form.control} name="version" label={t('console.statements.fields.version')} description={t('console.statements.versionHint')} required />
          <DateField control={form.control} name="effectiveDate" label={t('console.statements.fields.effectiveDate')} required />
        </SimpleGrid>
        <TextAreaField control={form.control} name="text" label={t('console.statements.fields.text')} description={t('console.statements.textHint')} required autosize minRows={8} maxRows={20} />
        <div>
          <SubmitButton form={handle}>{t('console.statements.publish')}</SubmitButton>
        </div>
      </ApiForm>
      {confirming && (
        <ConfirmDialog
          title={t('console.statements.confirmTitle', { version: confirming.values.version.trim() })}
          confirmLabel={t('console.statements.confirm')}
          mutation={{ isPending: handle.pending, isError: false, error: null }}
          onClose={() => setConfirming(null)}
          onConfirm={() => {
            confirming.send(confirming.values);
            setConfirming(null);
          }}
        >
          <Text size="sm">{t('console.statements.confirmText', { version: confirming.values.version.trim(), date: format.dateLong(confirming.values.effectiveDate) })}</Text>
        </ConfirmDialog>
      )}
    </Card>
  );
}
