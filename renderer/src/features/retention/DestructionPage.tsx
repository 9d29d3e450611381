import { Alert, Badge, Button, Card, Checkbox, EmptyState, Group, Progress, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewItem, RunSummary } from '../../../../shared/api/retention.schemas';
import { call } from '../../api/client';
import { errorMessage } from '../../api/forms';
import { apiQuery } from '../../api/queries';
import { AppModal } from '../../components/AppModal';
import { FormError } from '../../components/FormError';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime } from '../children/format';
import { refreshAfter } from '../../api/mutations';
import { useFileDownload } from '../consents/files';

/** Records per call: the progress bar moves per chunk. */
const CHUNK = 100;
const STATUS_COLOR = { due: 'red', pending: 'yellow', held: 'gray', running: 'gray' } as const;

/** Vernietigen: the preview (now + 30 days, with reasons), the confirmed run with progress, the report. */
export function DestructionPage() {
  const { t } = useTranslation();
  const preview = useQuery(apiQuery('retention.preview', {}));
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<RunSummary | null>(null);
  const due = preview.data?.items.filter((i) => i.status === 'due') ?? [];
  return (
    <>
      <PageHeader title={t('retention.destroyTitle')} intro={t('retention.destroyIntro')} />
      <Stack gap="lg">
        {result && <RunDone run={result} />}
        <Card withBorder padding="lg" component="section" aria-labelledby="destroy-preview">
          <Group justify="space-between" mb="md">
            <Title order={2} size="h3" id="destroy-preview">
              {preview.data ? t('retention.previewTitle', { date: formatDate(preview.data.windowEnd) }) : t('retention.destroyTitle')}
            </Title>
            <Button color="red" disabled={due.length === 0} onClick={() => { setConfirming(true); }}>
              {t('retention.run', { count: due.length })}
            </Button>
          </Group>
          {preview.isPending ? (
            <LoadingState minHeight={120} />
          ) : preview.isError ? (
            <FormError message={errorMessage(preview.error)} />
          ) : preview.data.items.length === 0 ? (
            <EmptyState py="lg" title={t('retention.nothingDueTitle')} description={t('retention.nothingDue')} />
          ) : (
            <PreviewTable items={preview.data.items} />
          )}
        </Card>
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
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm">
        <VisuallyHidden component="caption">{t('retention.destroyTitle')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('retention.what')}</Table.Th>
            <Table.Th scope="col">{t('retention.reason')}</Table.Th>
            <Table.Th scope="col">{t('retention.dueDate')}</Table.Th>
            <Table.Th scope="col">{t('retention.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={`${item.category}:${item.id}`}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {item.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`retention.categories.${item.category}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.reason}</Text>
                <Text size="xs" c="dimmed">
                  {item.legalBasis}
                </Text>
                {item.holdReason && (
                  <Text size="xs" c="red.8">
                    {item.holdReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDate(item.dueDate)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATUS_COLOR[item.status]}>
                  {t(`retention.status.${item.status}`, { count: item.daysLeft })}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button color="red" disabled={!checked} loading={busy} onClick={() => void run()}>
            {t('retention.confirmRun')}
          </Button>
        </Group>
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
  const runs = useQuery(apiQuery('retention.runs', {}));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="destroy-runs">
      <Title order={2} size="h3" id="destroy-runs" mb="md">
        {t('retention.runsTitle')}
      </Title>
      {runs.isPending ? (
        <LoadingState minHeight={80} />
      ) : runs.isError ? (
        <FormError message={errorMessage(runs.error)} />
      ) : runs.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('retention.noRuns')}
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <VisuallyHidden component="caption">{t('retention.runsTitle')}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('retention.startedAt')}</Table.Th>
              <Table.Th scope="col">{t('retention.kind')}</Table.Th>
              <Table.Th scope="col">{t('retention.by')}</Table.Th>
              <Table.Th scope="col">{t('retention.count')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('retention.report')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Td>{formatDateTime(run.startedAt)}</Table.Td>
                <Table.Td>{run.automatic ? t('retention.automatic') : t('retention.manual')}</Table.Td>
                <Table.Td>{run.executedByName}</Table.Td>
                <Table.Td>{run.itemCount}</Table.Td>
                <Table.Td>
                  <ReportButton runId={run.id} variant="light" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
