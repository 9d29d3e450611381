import { z } from 'zod';
import { ConsoleRole } from './roles';

/** Request and answer shapes of the console API (/console/api/…), shared by service and console UI. */

export const LoginRequest = z.object({
  username: z.string().trim().min(1, 'Vul je gebruikersnaam in.').max(100),
  password: z.string().min(1, 'Vul je wachtwoord in.').max(200),
});

const ConsoleUserInfo = z.object({ id: z.string(), username: z.string(), name: z.string(), role: ConsoleRole });

/** The answer to login and GET /me: who is signed in, and the token every change must carry in X-CSRF-Token. */
export const SessionInfo = z.object({ user: ConsoleUserInfo, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const CreateLocationRequest = z.object({
  name: z.string().trim().min(2, 'Vul de naam van de locatie in (minstens 2 tekens).').max(120, 'De naam is te lang (hoogstens 120 tekens).'),
});

export const NewConsoleUser = z.object({
  username: z
    .string()
    .trim()
    .min(3, 'De gebruikersnaam heeft minstens 3 tekens.')
    .max(60)
    .regex(/^[a-z0-9._-]+$/i, 'Alleen letters, cijfers, punt, streepje en liggend streepje.'),
  name: z.string().trim().min(2, 'Vul de naam in.').max(120),
  role: ConsoleRole,
  password: z.string().min(12, 'Het wachtwoord heeft minstens 12 tekens.').max(200),
});

export interface ConsoleDevice {
  id: string;
  name: string;
  createdAt: string;
  lastSyncAt: string | null;
  revokedAt: string | null;
  /** The audit-chain head this device last reported (its anchor), or null when none yet. */
  lastAnchor: { seq: number; receivedAt: string } | null;
}

export interface ConsoleLocation {
  id: string;
  name: string;
  createdAt: string;
  /** Changes held for the location (its sync counter). */
  version: number;
  devices: ConsoleDevice[];
}

export interface ConsoleAuditEntry {
  seq: number;
  at: string;
  userName: string | null;
  action: string;
  detail: Record<string, unknown>;
}
