import { MutationCache, QueryCache, QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { contract, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/api/contract';
import { followClock } from '../../../shared/domain/clock';
import { noteBackendLock } from '../lib/lockNotice';
import { ApiCallError, call } from './client';

/** Query key of a method call: the method name and its input. */
export const apiKey = <M extends MethodName>(method: M, input: MethodInput<M>) => [method, input] as const;

/** Every successful call of this method writes an audit row (a read of medical data, BSN, meldcode or staff files). */
const isAuditedRead = (method: MethodName) => contract[method].audit?.kind === 'read';

/**
 * An audited read is fetched once per user action: opening the screen or tab that shows it, or an
 * explicit `refetch()` (a button). It never refetches by itself — not on window focus, on
 * reconnect, when a second component mounts it, by interval or because it became stale — and
 * unrelated writes never refresh it (see `refreshAfter`).
 *
 * gcTime 0: the answer is dropped from the cache as soon as the last component showing it
 * unmounts (the user leaves the screen or closes the tab), so special-category data do not stay
 * in memory, and coming back is a new user action with a new read (and a new audit row).
 */
const AUDITED_READ = {
  staleTime: Infinity,
  gcTime: 0,
  refetchOnMount: false,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
  refetchInterval: false,
} as const;

/** TanStack Query options for a read-only API method; an audited read gets `AUDITED_READ`. */
export const apiQuery = <M extends MethodName>(method: M, input: MethodInput<M>) =>
  queryOptions<MethodOutput<M>, ApiCallError>({
    queryKey: apiKey(method, input),
    queryFn: () => call(method, input),
    ...(isAuditedRead(method) ? AUDITED_READ : {}),
  });

export const STATUS_KEY = apiKey('app.status', {});
export type AppStatus = MethodOutput<'app.status'>;

/** The app's state (setup / locked / unlocked), polled every 5 seconds; the renderer's clock follows the backend's. */
const statusQuery = () =>
  queryOptions<AppStatus, ApiCallError>({
    queryKey: STATUS_KEY,
    queryFn: async () => {
      const status = await call('app.status', {});
      followClock(new Date(status.now));
      return status;
    },
    refetchInterval: 5_000,
  });
export const useAppStatus = () => useQuery(statusQuery());

function onLocked(error: unknown) {
  // The backend locked (idle on its side, account deactivated …): show the login screen with
  // the backend's reason instead of a broken page.
  if (error instanceof ApiCallError && error.code === 'LOCKED') {
    noteBackendLock(error.message);
    void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onLocked }),
  mutationCache: new MutationCache({ onError: onLocked }),
  defaultOptions: {
    queries: {
      // Only a lost connection is worth retrying; the backend's answers are final.
      retry: (failureCount, error) => error instanceof ApiCallError && error.code === 'NETWORK' && failureCount < 2,
      staleTime: 2_000,
    },
    mutations: { retry: false },
  },
});

/** After locking: drop every cached answer except the status, so no data stays in memory. */
export function forgetDataAfterLock() {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'app.status' });
}

/** Puts a fresh session into the status cache right away (after login, setup, password change). */
export function setUnlocked(session: NonNullable<AppStatus['session']>) {
  queryClient.setQueryData<AppStatus>(STATUS_KEY, (old) => ({
    state: 'unlocked',
    locationName: session.locationName,
    session,
    loginDelaySeconds: old?.loginDelaySeconds ?? 0,
    corruption: null,
    now: old?.now ?? new Date().toISOString(),
  }));
}

export function setLocked() {
  queryClient.setQueryData<AppStatus>(STATUS_KEY, (old) =>
    old ? { ...old, state: 'locked', session: null } : old,
  );
  forgetDataAfterLock();
  void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
}
