import { useSyncExternalStore } from 'react';

/**
 * Why the app was locked, shown on the login screen, and who was logged in (to pre-fill the
 * username). Kept in memory only; the last username also goes to localStorage for convenience
 * (never the password).
 */
export type LockNotice = { kind: 'idle' } | { kind: 'message'; text: string } | null;

let notice: LockNotice = null;
const listeners = new Set<() => void>();

export function setLockNotice(next: LockNotice) {
  notice = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const useLockNotice = () => useSyncExternalStore(subscribe, () => notice);

const LAST_USERNAME_KEY = 'kop.lastUsername';

export const rememberUsername = (username: string) => { localStorage.setItem(LAST_USERNAME_KEY, username); };
export const lastUsername = () => localStorage.getItem(LAST_USERNAME_KEY) ?? '';
