import { useCallback } from 'react';
import { call } from '../../api/client';
import { setLocked } from '../../api/queries';
import { setLockNotice } from '../../lib/lockNotice';
import { rememberUsername } from '../../lib/lastUsername';

/**
 * Locks the app (`auth.lock`): the backend closes the database and wipes the key; the UI drops
 * every cached answer and shows the login screen.
 */
export function useLock() {
  return useCallback(async (reason: 'idle' | 'user', username?: string) => {
    if (username) rememberUsername(username);
    setLockNotice({ kind: reason });
    try {
      await call('auth.lock', { reason });
    } finally {
      // Even if the call failed (server gone), never leave data on screen.
      setLocked();
    }
  }, []);
}
