import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../../shared/api/schemas';
import { can, type Permission } from '../../../shared/auth/permissions';

/** The logged-in user, as the backend last reported it (app.status). */
export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside an unlocked app');
  return session;
}

/** Same matrix as the backend: the UI hides what the role may not use. */
export function useCan(): (permission: Permission) => boolean {
  const session = useSession();
  return (permission) => can(session.roles, permission);
}
