import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/api/sync.contract';
import { call } from '../../api/client';
import { refreshAfterPull } from '../../api/mutations';
import { apiKey, apiQuery, queryClient } from '../../api/queries';

export const SYNC_STATUS_KEY = apiKey('sync.status', {});

/** Route of the Hoofdkantoor page (navigation, and the header's conflict badge). */
export const HEAD_OFFICE_PATH = '/hoofdkantoor';

/**
 * The sync state (`sync.status`, passive: polling does not count as user activity). Every 3 s,
 * every second while a round runs so "Bezig…" ends promptly. Header and Hoofdkantoor page share
 * this one cache entry.
 */
export const useSyncStatus = () =>
  useQuery({
    ...apiQuery('sync.status', {}),
    refetchInterval: (query) => (query.state.data?.running ? 1_000 : 3_000),
  });

/**
 * When a sync round pulled changes (the pulled version grew), every screen reads its data again:
 * a request registered at head office or a colleague's edit on another PC shows without a reload.
 * Called once, in the header.
 */
export function useRefreshOnPull(pulledVersion: number | undefined) {
  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (pulledVersion === undefined) return;
    const before = seen.current;
    seen.current = pulledVersion;
    if (before !== undefined && pulledVersion > before) void refreshAfterPull();
  }, [pulledVersion]);
}

/** "Nu synchroniseren": the backend starts a round in the background and answers at once. */
export function useSyncNow() {
  return useMutation({
    mutationFn: () => call('sync.now', {}),
    onSuccess: (status) => {
      queryClient.setQueryData(SYNC_STATUS_KEY, status);
    },
  });
}

export type Connection = 'notEnrolled' | 'running' | 'online' | 'offline' | 'notTried';

export function connectionOf(status: SyncStatus): Connection {
  if (!status.enrolled) return 'notEnrolled';
  if (status.running) return 'running';
  if (status.online === null) return 'notTried';
  return status.online ? 'online' : 'offline';
}

/** Dot colour per state (the text next to it carries the meaning; the colour only supports it). */
export const CONNECTION_COLOR: Record<Connection, string> = {
  notEnrolled: 'var(--mantine-color-gray-6)',
  running: 'var(--mantine-color-blue-7)',
  online: 'var(--mantine-color-green-7)',
  offline: 'var(--mantine-color-orange-7)',
  notTried: 'var(--mantine-color-gray-6)',
};

/** Text colour of "Offline": a dark orange (5.8:1 on white; Mantine's orange-9 is below 4.5:1). */
export const OFFLINE_TEXT = '#b33f00';

/**
 * Offline, in words: why (the backend's Dutch reason, never a network code) and when the app
 * tries again: "Het hoofdkantoor is niet bereikbaar: … De app blijft offline werken en probeert
 * het over 2 minuten opnieuw."
 */
export function useOfflineExplanation(status: SyncStatus | undefined): string {
  const { t } = useTranslation();
  if (!status) return '';
  const reason = status.lastError ?? t('sync.status.unreachable');
  if (status.nextAttemptInSeconds === null) return `${reason} ${t('sync.status.keepsWorking')}`;
  const minutes = Math.ceil(status.nextAttemptInSeconds / 60);
  return `${reason} ${minutes <= 1 ? t('sync.status.retrySoon') : t('sync.status.retryIn', { count: minutes })}`;
}
