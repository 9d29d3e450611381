import { createHash } from 'node:crypto';
import { startOfDayIn } from '../../../../shared/domain/clock';
import { addDays } from '../../../../shared/domain/requests';
import type { AuditAction } from '../../../../shared/api/auditActions';
import type { AuditEntry as AuditListEntry, AuditVerification } from '../../../../shared/api/schemas';
import type { AuditRow, DbOrTrx, Trx } from '../../db/schema';
import { auditRowsInOrder, insertAuditRow, lastAuditRow, recentAuditRows } from './audit.repository';

const GENESIS_HASH = '0'.repeat(64);

/**
 * What an audit entry may hold: who (user id), what (action code), on which record (entity + id),
 * and details made of ids and codes. Never names, BSNs or medical text (AVG: data minimisation).
 */
export interface AuditEntry {
  userId: string | null;
  /** A contract method name or one of EXTRA_AUDIT_ACTIONS (each has a Dutch label on Beveiliging). */
  action: AuditAction;
  entity?: string;
  entityId?: string;
  details?: Record<string, string | number | boolean | null>;
  /** When the event happened, if earlier than now (failed logins are written at the next unlock). */
  at?: Date;
}

/** SHA-256 over the previous hash and this row's content, in a fixed field order. */
function hashAuditRow(row: Omit<AuditRow, 'hash'>): string {
  const content = JSON.stringify([row.seq, row.at, row.user_id, row.action, row.entity, row.entity_id, row.details]);
  return createHash('sha256').update(row.prev_hash).update('\n').update(content).digest('hex');
}

/** Appends one row to the chain; `now` is the app's clock (`core.now()`), the time of the row unless `entry.at` says earlier. */
export async function appendAudit(trx: Trx, entry: AuditEntry, now: Date): Promise<AuditRow> {
  const last = await lastAuditRow(trx);
  const base = {
    seq: (last?.seq ?? 0) + 1,
    at: (entry.at ?? now).toISOString(),
    user_id: entry.userId,
    action: entry.action,
    entity: entry.entity ?? null,
    entity_id: entry.entityId ?? null,
    details: JSON.stringify(entry.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const row = { ...base, hash: hashAuditRow(base) };
  await insertAuditRow(trx, row);
  return row;
}

/**
 * Walks the chain and names the first row that does not fit: a changed row fails its own hash,
 * a deleted row leaves a gap in the sequence or a wrong `prev_hash` in the row after it.
 */
export async function verifyAuditChain(db: DbOrTrx, now: Date = new Date()): Promise<AuditVerification> {
  let count = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const result = (firstBrokenSeq: number | null, reason: string | null): AuditVerification => ({
    ok: firstBrokenSeq === null,
    count,
    verifiedAt: now.toISOString(),
    firstBrokenSeq,
    reason,
  });
  for await (const row of auditRowsInOrder(db)) {
    count++;
    if (row.seq !== expectedSeq) return result(expectedSeq, `Regel ${expectedSeq} ontbreekt (verwijderd).`);
    if (row.prev_hash !== prevHash) return result(row.seq, `Regel ${row.seq} sluit niet aan op de vorige regel.`);
    const { hash, ...rest } = row;
    if (hashAuditRow(rest) !== hash) return result(row.seq, `Regel ${row.seq} is gewijzigd.`);
    prevHash = hash;
    expectedSeq++;
  }
  return result(null, null);
}

/** The latest rows, newest first (ids and codes only), for one person and/or calendar days if asked. */
export async function recentAuditEntries(
  db: DbOrTrx,
  filter: { limit: number; userId?: string | null; from?: string | null; to?: string | null },
): Promise<AuditListEntry[]> {
  const rows = await recentAuditRows(db, {
    limit: filter.limit,
    userId: filter.userId,
    from: filter.from ? startOfDayIn(filter.from) : null,
    to: filter.to ? startOfDayIn(addDays(filter.to, 1)) : null,
  });
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
  }));
}
