import { Alert, Badge, Button, Checkbox, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewItem, RunSummary } from '../../../../shared/api/retention.schemas';
import { call } from '../../api/client';
import { errorMessage } from '../../api/forms';
import { refreshAfter } from '../../api/mutations';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { DataTable } from '../../components/DataTable';
import { DialogButtons } from '../../components/FormDialog';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useFileDownload } from '../../lib/files';
import { useFormat } from '../../lib/format';

/** Records per call: the progress bar moves per chunk. */
const CHUNK = 100;
const STATUS_COLOR = { due: 'red', pending: 'yellow', held: 'gray', running: 'gray' } as const;

/** Vernietigen: the preview (now + 30 days, with reasons), the confirmed run with progress, the report. */
export function DestructionPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const preview = useQuery(apiQuery('retention.preview', {}));
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<RunSummary | null>(null);
  const due = preview.data?.items.filter((i) => i.status === 'due') ?? [];
  return (
    <>
      <PageHeader title={t('retention.destroyTitle')} intro={t('retention.destroyIntro')} />
      <Stack gap="lg">
        {result && <RunDone run={result} />}
        <Section
          title={preview.data ? t('retention.previewTitle', { date: fmt.date(preview.data.windowEnd) }) : t('retention.destroyTitle')}
          id="destroy-preview"
          actions={
            <Button color="red" disabled={due.length === 0} onClick={() => { setConfirming(true); }}>
              {t('retention.run', { count: due.length })}
            </Button>
          }
        >
          <QueryState query={preview} loaderHeight={120}>
            {(data) => <PreviewTable items={data.items} />}
          </QueryState>
        </Section>
        <RunsCard />
      </Stack>
      {confirming && (
        <ConfirmRun
          items={due}
          onClose={() => { setConfirming(false); }}
          onDone={(run) => {
            setConfirming(false);
            setResult(run);
          }}
        />
      )}
    </>
  );
}

function PreviewTable({ items }: { items: PreviewItem[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <DataTable
      rows={items}
      caption={t('retention.destroyTitle')}
      rowKey={(item) => `${item.category}:${item.id}`}
      minWidth={860}
      empty={{ title: t('retention.nothingDueTitle'), text: t('retention.nothingDue') }}
      columns={[
        {
          key: 'what',
          header: t('retention.what'),
          cell: (item) => (
            <>
              <Text fw={600} size="sm">
                {item.label}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`retention.categories.${item.category}`)}
              </Text>
            </>
          ),
        },
        {
          key: 'reason',
          header: t('retention.reason'),
          cell: (item) => (
            <>
              <Text size="sm">{item.reason}</Text>
              <Text size="xs" c="dimmed">
                {item.legalBasis}
              </Text>
              {item.holdReason && (
                <Text size="xs" c="red.8">
                  {item.holdReason}
                </Text>
              )}
            </>
          ),
        },
        { key: 'due', header: t('retention.dueDate'), cell: (item) => fmt.date(item.dueDate) },
        {
          key: 'state',
          header: t('retention.state'),
          cell: (item) => (
            <Badge variant="light" color={STATUS_COLOR[item.status]}>
              {t(`retention.status.${item.status}`, { count: item.daysLeft })}
            </Badge>
          ),
        },
      ]}
    />
  );
}

/** Confirmation before the destructive action; then the run in chunks with a progress bar. */
function ConfirmRun({ items, onClose, onDone }: { items: PreviewItem[]; onClose: () => void; onDone: (run: RunSummary) => void }) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    setDone(0);
    try {
      const { runId } = await call('retention.startRun', {});
      for (let i = 0; i < items.length; i += CHUNK) {
        const chunk = items.slice(i, i + CHUNK);
        await call('retention.destroy', { runId, items: chunk.map((item) => ({ category: item.category, id: item.id })) });
        setDone(i + chunk.length);
      }
      const summary = await call('retention.finishRun', { runId });
      void refreshAfter('retention.startRun', 'retention.destroy', 'retention.finishRun');
      onDone(summary);
    } catch (failure) {
      setError(errorMessage(failure));
      setDone(null);
      void refreshAfter('retention.startRun', 'retention.destroy', 'retention.finishRun');
    }
  };
  const busy = done !== null;
  return (
    <AppModal onClose={busy ? () => undefined : onClose} title={t('retention.confirmTitle')} size="md" closeOnEscape={!busy} withCloseButton={!busy}>
      <Stack gap="md">
        <FormError message={error} />
        <Text size="sm">{t('retention.confirmText', { count: items.length })}</Text>
        {busy ? (
          <Stack gap={4}>
            <Text size="sm" role="status">
              {t('retention.progress', { done, total: items.length })}
            </Text>
            <Progress value={(done / items.length) * 100} aria-label={t('retention.progress', { done, total: items.length })} />
          </Stack>
        ) : (
          <Checkbox label={t('retention.confirmCheck')} checked={checked} onChange={(event) => { setChecked(event.currentTarget.checked); }} />
        )}
        <DialogButtons onCancel={onClose} label={t('retention.confirmRun')} color="red" pending={busy} disabled={!checked} cancelDisabled={busy} onConfirm={() => void run()} />
      </Stack>
    </AppModal>
  );
}

function RunDone({ run }: { run: RunSummary }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" variant="light" title={t('retention.doneTitle')} role="status">
      <Group justify="space-between">
        <Text size="sm">{t('retention.done', { count: run.itemCount })}</Text>
        <ReportButton runId={run.id} />
      </Group>
    </Alert>
  );
}

export function ReportButton({ runId, variant = 'filled' }: { runId: string; variant?: 'filled' | 'light' }) {
  const { t } = useTranslation();
  const report = useFileDownload('retention.reportPdf');
  return (
    <Button size="xs" variant={variant} loading={report.isPending} onClick={() => { report.mutate({ runId }); }}>
      {t('retention.report')}
    </Button>
  );
}

function RunsCard() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const runs = useQuery(apiQuery('retention.runs', {}));
  return (
    <Section title={t('retention.runsTitle')} id="destroy-runs">
      <DataTable
        query={runs}
        caption={t('retention.runsTitle')}
        rowKey={(run) => run.id}
        loaderHeight={80}
        tableProps={{ verticalSpacing: 'xs' }}
        empty={t('retention.noRuns')}
        columns={[
          { key: 'started', header: t('retention.startedAt'), cell: (run) => fmt.dateTime(run.startedAt) },
          { key: 'kind', header: t('retention.kind'), cell: (run) => (run.automatic ? t('retention.automatic') : t('retention.manual')) },
          { key: 'by', header: t('retention.by'), cell: (run) => run.executedByName },
          { key: 'count', header: t('retention.count'), cell: (run) => run.itemCount },
          { key: 'report', header: t('retention.report'), hiddenHeader: true, cell: (run) => <ReportButton runId={run.id} variant="light" /> },
        ]}
      />
    </Section>
  );
}
