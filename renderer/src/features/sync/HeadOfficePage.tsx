import { Alert, Box, Button, DataList, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { SyncStatus } from '../../../../shared/api/sync.contract';
import { errorMessage } from '../../api/forms';
import { FormError } from '../../components/FormError';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { Detail, Section } from '../../components/Section';
import { useFormat } from '../../lib/format';
import { ConflictsSection } from './ConflictsSection';
import { EnrolForm } from './EnrolForm';
import { RefreshIcon } from './RefreshIcon';
import { SealedKeySection } from './SealedKeySection';
import { CONNECTION_COLOR, connectionOf, OFFLINE_TEXT, useOfflineExplanation, useSyncNow, useSyncStatus } from './syncStatus';

/** The link with head office and its state: where, which device, how the last rounds went. */
function LinkDetails({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const syncNow = useSyncNow();
  const connection = connectionOf(status);
  const offline = useOfflineExplanation(status);
  const when = (iso: string | null) => (iso ? fmt.dateTimeSeconds(iso) : t('common.never'));

  return (
    <Section title={t('sync.details.title')} id="sync-link">
      <Stack gap="lg">
        <DataList labelWidth={230}>
          <Detail label={t('sync.details.location')}>
            <Text span inherit fw={600}>
              {status.locationName ?? '—'}
            </Text>
          </Detail>
          <Detail label={t('sync.details.serverUrl')}>
            <Text span inherit ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {status.serverUrl ?? '—'}
            </Text>
          </Detail>
          <Detail label={t('sync.details.connection')}>
            <Group gap={8} wrap="nowrap" data-testid="sync-connection">
              <Box w={10} h={10} bg={CONNECTION_COLOR[connection]} style={{ borderRadius: '50%', flexShrink: 0 }} aria-hidden />
              <Text span inherit fw={600} c={connection === 'offline' ? OFFLINE_TEXT : undefined}>
                {t(`sync.status.${connection}`)}
              </Text>
            </Group>
          </Detail>
          <Detail label={t('sync.details.pending')}>
            <Text span inherit data-testid="sync-pending">
              {status.pending}
            </Text>
          </Detail>
          <Detail label={t('sync.details.lastSuccess')}>{when(status.lastSuccessAt)}</Detail>
          <Detail label={t('sync.details.lastAttempt')}>{when(status.lastAttemptAt)}</Detail>
          {status.lastError && (
            <Detail label={t('sync.details.lastError')}>
              <Text span inherit c="red.9" data-testid="sync-last-error">
                {offline}
              </Text>
            </Detail>
          )}
          {status.nextAttemptAt && !status.running && <Detail label={t('sync.details.nextAttempt')}>{fmt.dateTime(status.nextAttemptAt)}</Detail>}
        </DataList>
        <Group>
          <Button leftSection={<RefreshIcon />} loading={syncNow.isPending || status.running} onClick={() => { syncNow.mutate(); }}>
            {t('sync.status.syncNow')}
          </Button>
        </Group>
        <FormError message={syncNow.isError ? errorMessage(syncNow.error) : null} />
        <Alert color="blue" variant="light" title={t('sync.details.offlineTitle')}>
          {t('sync.details.offlineText')}
        </Alert>
      </Stack>
    </Section>
  );
}

/**
 * Hoofdkantoor (sync.manage): couple this PC with a one-time code; afterwards the link's state,
 * "Nu synchroniseren" and the conflicts to resolve.
 */
export function HeadOfficePage() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  const location = useLocation();
  // From the header's conflict badge: each click (a new location key) focuses the section.
  const focusKey = (location.state as { section?: string } | null)?.section === 'conflicts' ? location.key : null;

  return (
    <>
      <PageHeader title={t('sync.title')} intro={t('sync.intro')} />
      <QueryState query={status}>
        {(sync) =>
          sync.enrolled ? (
            <Stack gap="lg">
              <LinkDetails status={sync} />
              <SealedKeySection status={sync} />
              <ConflictsSection openConflicts={sync.openConflicts} focusKey={focusKey} />
            </Stack>
          ) : (
            <EnrolForm />
          )
        }
      </QueryState>
    </>
  );
}
