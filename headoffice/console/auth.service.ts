import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { NewConsoleUser, SessionInfo } from '../../shared/console/api';
import { ConsoleRole } from '../../shared/console/roles';
import type { HoDb } from '../db/schema';
import { appendAudit } from './audit';
import * as repo from './console.repository';
import { hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './password';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A session ends after 30 minutes without use, and after 10 hours in any case. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_MAX_MS = 10 * 60 * 60 * 1000;

/** No wait for the first two failures; then 2, 4, 8 … seconds, at most 15 minutes. */
function loginDelaySeconds(failures: number): number {
  return failures < 3 ? 0 : Math.min(2 ** (failures - 2), 15 * 60);
}

export async function createConsoleUser(db: HoDb, input: z.infer<typeof NewConsoleUser>, now: Date, actorId: string | null = null) {
  const existing = await repo.userByUsername(db, input.username);
  if (existing) throw new ConsoleError(409, `De gebruikersnaam '${input.username}' bestaat al.`);
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await repo.insertUser(trx, { id, username: input.username.toLowerCase(), name: input.name, role: input.role, password_hash: passwordHash, failed_logins: 0, next_attempt_at: null, active: 1, created_at: now.toISOString() });
    await appendAudit(trx, { userId: actorId, action: 'console.user.create', detail: { userId: id, role: input.role } }, now);
  });
  return { id };
}

/** An error with the HTTP status and the Dutch message the console shows. */
export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Per-field messages of a refused form (dotted paths). */
    readonly fields?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

export type LoginOutcome = { ok: true; token: string; session: SessionInfo } | { ok: false; status: 401 | 429; message: string };

export async function login(db: HoDb, username: string, password: string, now: Date): Promise<LoginOutcome> {
  const user = await repo.userByUsername(db, username);
  if (!user || !user.active) {
    await verifyPassword(password, await UNKNOWN_USER_HASH);
    return { ok: false, status: 401, message: 'Gebruikersnaam of wachtwoord klopt niet.' };
  }
  if (user.next_attempt_at && user.next_attempt_at > now.toISOString()) {
    const seconds = Math.ceil((Date.parse(user.next_attempt_at) - now.getTime()) / 1000);
    return { ok: false, status: 429, message: `Te veel mislukte pogingen. Probeer het over ${seconds} ${seconds === 1 ? 'seconde' : 'seconden'} opnieuw.` };
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    const failures = user.failed_logins + 1;
    const delay = loginDelaySeconds(failures);
    await db.transaction().execute(async (trx) => {
      await repo.recordLoginFailure(trx, user.id, failures, delay > 0 ? new Date(now.getTime() + delay * 1000).toISOString() : null);
      await appendAudit(trx, { userId: user.id, action: 'console.login.failed', detail: { failures } }, now);
    });
    return { ok: false, status: 401, message: 'Gebruikersnaam of wachtwoord klopt niet.' };
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await repo.clearLoginFailures(trx, user.id);
    // Housekeeping: a session abandoned without logging out (a closed browser) leaves no row behind.
    await repo.deleteEndedSessions(trx, new Date(now.getTime() - SESSION_IDLE_MS).toISOString(), new Date(now.getTime() - SESSION_MAX_MS).toISOString());
    await repo.insertSession(trx, { token_hash: sha256(token), user_id: user.id, csrf_token: csrfToken, created_at: now.toISOString(), last_seen_at: now.toISOString() });
    await appendAudit(trx, { userId: user.id, action: 'console.login', detail: {} }, now);
  });
  return { ok: true, token, session: { user: { id: user.id, username: user.username, name: user.name, role: ConsoleRole.parse(user.role) }, csrfToken } };
}

/** The signed-in user for a cookie token, or null when the session is unknown, ended or its user inactive. */
export async function sessionFor(db: HoDb, token: string, now: Date): Promise<(SessionInfo & { tokenHash: string }) | null> {
  const tokenHash = sha256(token);
  const row = await repo.sessionByHash(db, tokenHash);
  if (!row) return null;
  const idle = now.getTime() - Date.parse(row.last_seen_at);
  const age = now.getTime() - Date.parse(row.created_at);
  if (!row.active || idle > SESSION_IDLE_MS || age > SESSION_MAX_MS) {
    await repo.deleteSession(db, tokenHash);
    return null;
  }
  await repo.touchSession(db, tokenHash, now.toISOString());
  return { tokenHash, csrfToken: row.csrf_token, user: { id: row.user_id, username: row.username, name: row.name, role: ConsoleRole.parse(row.role) } };
}

export async function logout(db: HoDb, tokenHash: string, userId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, tokenHash);
    await appendAudit(trx, { userId, action: 'console.logout', detail: {} }, now);
  });
}
