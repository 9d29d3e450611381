import type { HeadOfficeDatabase, HoDb, HoTrx } from '../db/schema';
import { newestEscrowKey } from '../service/escrow.service';

/** Every query of the console. Plain functions taking the db or a transaction first. */

export type ConsoleUserRow = HeadOfficeDatabase['console_users'];
export type ConsoleSessionRow = HeadOfficeDatabase['console_sessions'];
export type ConsoleAuditRow = HeadOfficeDatabase['console_audit'];

export const userByUsername = (db: HoDb | HoTrx, username: string) => db.selectFrom('console_users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();

export const insertUser = (trx: HoTrx, row: ConsoleUserRow) => trx.insertInto('console_users').values(row).execute();

export const recordLoginFailure = (trx: HoTrx, userId: string, failures: number, nextAttemptAt: string | null) =>
  trx.updateTable('console_users').set({ failed_logins: failures, next_attempt_at: nextAttemptAt }).where('id', '=', userId).execute();

export const clearLoginFailures = (trx: HoTrx, userId: string) => trx.updateTable('console_users').set({ failed_logins: 0, next_attempt_at: null }).where('id', '=', userId).execute();

export const insertSession = (trx: HoTrx, row: ConsoleSessionRow) => trx.insertInto('console_sessions').values(row).execute();

export const sessionByHash = (db: HoDb, tokenHash: string) =>
  db
    .selectFrom('console_sessions')
    .innerJoin('console_users', 'console_users.id', 'console_sessions.user_id')
    .select(['console_sessions.token_hash', 'console_sessions.csrf_token', 'console_sessions.created_at', 'console_sessions.last_seen_at', 'console_users.id as user_id', 'console_users.username', 'console_users.name', 'console_users.role', 'console_users.active'])
    .where('console_sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();

export const touchSession = (db: HoDb, tokenHash: string, at: string) => db.updateTable('console_sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();

export const deleteSession = (db: HoDb | HoTrx, tokenHash: string) => db.deleteFrom('console_sessions').where('token_hash', '=', tokenHash).execute();

/** Sessions that can no longer be used (idle since `idleBefore`, or started before `startedBefore`): nobody will present them again. */
export const deleteEndedSessions = (trx: HoTrx, idleBefore: string, startedBefore: string) =>
  trx.deleteFrom('console_sessions').where((eb) => eb.or([eb('last_seen_at', '<', idleBefore), eb('created_at', '<', startedBefore)])).execute();

/** Takes the next audit sequence number and locks the chain head until the transaction ends. */
export const advanceAuditHead = (trx: HoTrx) =>
  trx
    .updateTable('console_audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();

export const setAuditHeadHash = (trx: HoTrx, hash: string) => trx.updateTable('console_audit_head').set({ hash }).where('id', '=', 1).execute();

export const insertAudit = (trx: HoTrx, row: ConsoleAuditRow) => trx.insertInto('console_audit').values(row).execute();

export const auditEntries = (db: HoDb, limit: number) =>
  db
    .selectFrom('console_audit')
    .leftJoin('console_users', 'console_users.id', 'console_audit.user_id')
    .select(['console_audit.seq', 'console_audit.at', 'console_audit.action', 'console_audit.detail', 'console_users.name as user_name'])
    .orderBy('console_audit.seq', 'desc')
    .limit(limit)
    .execute();

export const allAuditRows = (db: HoDb) => db.selectFrom('console_audit').selectAll().orderBy('seq').execute();

export const auditHead = (db: HoDb) => db.selectFrom('console_audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();

export const locationsWithDevices = async (db: HoDb) => {
  const locations = await db.selectFrom('locations').selectAll().orderBy('name').execute();
  const devices = await db.selectFrom('devices').select(['id', 'location_id', 'name', 'created_at', 'last_sync_at', 'revoked_at', 'open_conflicts']).orderBy('created_at').execute();
  const anchors = await db
    .selectFrom('audit_anchors')
    .select(['device_id', (eb) => eb.fn.max('seq').as('seq'), (eb) => eb.fn.max('received_at').as('received_at')])
    .groupBy('device_id')
    .execute();
  // Which location keys are wrapped to the newest escrow key (a few rows per location).
  const escrowKey = await newestEscrowKey(db);
  const escrowed = escrowKey ? await db.selectFrom('key_escrow').select(['location_id', 'key_id']).where('fingerprint', '=', escrowKey.fingerprint).execute() : null;
  return { locations, devices, anchors, escrowed };
};
