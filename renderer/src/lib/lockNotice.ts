import { useSyncExternalStore } from 'react';

/**
 * Why the app was locked, shown on the login screen; kept in memory only.
 * `user`: the user locked the app; nothing to explain on the login screen.
 */
export type LockNotice = { kind: 'idle' } | { kind: 'user' } | { kind: 'message'; text: string } | null;

let notice: LockNotice = null;
const listeners = new Set<() => void>();

export function setLockNotice(next: LockNotice) {
  notice = next;
  for (const listener of listeners) listener();
}

/**
 * The backend answered LOCKED. When the app locked itself a moment ago (idle timer, "Vergrendelen")
 * a poll still on its way gets that answer too; the reason already shown stays.
 */
export function noteBackendLock(text: string) {
  if (notice === null) setLockNotice({ kind: 'message', text });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const currentLockNotice = () => notice;
export const useLockNotice = () => useSyncExternalStore(subscribe, currentLockNotice);
