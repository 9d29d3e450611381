import { ActionIcon, Badge, Box, Group, Loader, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/format';
import { useCan } from '../../lib/session';
import { RefreshIcon } from './RefreshIcon';
import { CONNECTION_COLOR, connectionOf, OFFLINE_TEXT, HEAD_OFFICE_PATH, useOfflineExplanation, useRefreshOnPull, useSyncNow, useSyncStatus } from './syncStatus';

/**
 * The header's sync state, for every logged-in user: online/offline, pending changes, the last
 * successful sync and "Nu synchroniseren"; for managers a link to open conflicts.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const may = useCan();
  const fmt = useFormat();
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  useRefreshOnPull(status.data?.pulledVersion);

  const offline = useOfflineExplanation(status.data);

  // Until the first answer (or when the backend cannot be asked) the header stays calm.
  if (!status.data) return null;
  const sync = status.data;
  const connection = connectionOf(sync);
  const help =
    connection === 'offline'
      ? offline
      : connection === 'notEnrolled'
        ? t('sync.status.notEnrolledHelp')
        : null;

  // The state word carries the tooltip (hover or keyboard focus) with the reason when offline.
  const state = (
    <Group
      gap={6}
      wrap="nowrap"
      tabIndex={help ? 0 : undefined}
      style={{ borderRadius: 'var(--mantine-radius-sm)', cursor: help ? 'help' : undefined }}
      data-testid="sync-summary"
    >
      {connection === 'running' ? (
        <Loader size={10} color="blue.7" aria-hidden />
      ) : (
        <Box w={10} h={10} bg={CONNECTION_COLOR[connection]} style={{ borderRadius: '50%', flexShrink: 0 }} aria-hidden />
      )}
      <Text size="sm" fw={600} lh={1.25} c={connection === 'offline' ? OFFLINE_TEXT : undefined} style={{ whiteSpace: 'nowrap' }}>
        {t(`sync.status.${connection}`)}
      </Text>
      {help && <VisuallyHidden>{help}</VisuallyHidden>}
    </Group>
  );

  // Narrow on purpose (the header also holds search, user and lock): state, then one short line each.
  return (
    <Stack gap={0} role="group" aria-label={t('sync.status.label')} style={{ flexShrink: 0 }}>
      <Group gap={8} wrap="nowrap">
        {help ? (
          <Tooltip label={help} multiline w={320} withArrow events={{ hover: true, focus: true, touch: true }}>
            {state}
          </Tooltip>
        ) : (
          state
        )}
        {sync.openConflicts > 0 && may('sync.manage') && (
          <Badge
            component={Link}
            to={HEAD_OFFICE_PATH}
            state={{ section: 'conflicts' }}
            size="sm"
            color="red"
            variant="filled"
            title={t('sync.status.conflictsTitle')}
            style={{ cursor: 'pointer' }}
          >
            {t('sync.status.conflicts', { count: sync.openConflicts })}
          </Badge>
        )}
        {sync.enrolled && (
          <Tooltip label={t('sync.status.syncNow')} withArrow>
            <ActionIcon
              variant="default"
              size="md"
              aria-label={t('sync.status.syncNow')}
              loading={syncNow.isPending || sync.running}
              loaderProps={{ size: 12 }}
              onClick={() => { syncNow.mutate(); }}
            >
              <RefreshIcon size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {/* Only roles who manage sync see the queue; for staff it is nothing to act on. */}
      {sync.pending > 0 && may('sync.manage') && (
        <Text size="xs" lh={1.25} style={{ whiteSpace: 'nowrap' }}>
          {t('sync.status.pending', { count: sync.pending })}
        </Text>
      )}
      {sync.enrolled && (
        <Text size="xs" c="dimmed" lh={1.25} style={{ whiteSpace: 'nowrap' }}>
          {t('sync.status.lastSync', { time: sync.lastSuccessAt ? fmt.timeOrDateTime(sync.lastSuccessAt) : t('sync.status.never') })}
        </Text>
      )}
    </Stack>
  );
}
