import { useSyncExternalStore } from 'react';

/**
 * The herstelsleutel between setup and "Verder". Held in memory only and dropped on lock: the
 * backend forgets it then as well, and it must never be shown again.
 */
let recoveryKey: string | null = null;
const listeners = new Set<() => void>();

export function setPendingRecoveryKey(next: string | null) {
  if (next === recoveryKey) return;
  recoveryKey = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const usePendingRecoveryKey = () => useSyncExternalStore(subscribe, () => recoveryKey);
