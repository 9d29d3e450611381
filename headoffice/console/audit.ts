import { createHash } from 'node:crypto';
import type { HoDb, HoTrx } from '../db/schema';
import { advanceAuditHead, allAuditRows, auditHead, insertAudit, setAuditHeadHash, type ConsoleAuditRow } from './console.repository';

/**
 * The console's audit log: every action, hash-chained (each row's hash covers the previous hash
 * and the row), so a deleted or altered row breaks the chain from there on.
 */

const rowHash = (prevHash: string, row: Omit<ConsoleAuditRow, 'prev_hash' | 'hash'>) =>
  createHash('sha256').update(prevHash).update(JSON.stringify([row.seq, row.at, row.user_id, row.action, row.detail])).digest('hex');

/** Appends one entry in the caller's transaction (the action and its audit row commit together). */
export async function appendAudit(trx: HoTrx, entry: { userId: string | null; action: string; detail?: Record<string, unknown> }, now: Date): Promise<void> {
  const head = await advanceAuditHead(trx);
  const row = { seq: head.seq, at: now.toISOString(), user_id: entry.userId, action: entry.action, detail: JSON.stringify(entry.detail ?? {}) };
  const hash = rowHash(head.hash, row);
  await insertAudit(trx, { ...row, prev_hash: head.hash, hash });
  await setAuditHeadHash(trx, hash);
}

/** Recomputes the chain; the first broken sequence number, or null when it is intact up to the head. */
export async function verifyAuditChain(db: HoDb): Promise<{ intact: boolean; brokenAt: number | null; entries: number }> {
  const rows = await allAuditRows(db);
  let prev = '0'.repeat(64);
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectedSeq || row.prev_hash !== prev || rowHash(prev, row) !== row.hash) return { intact: false, brokenAt: expectedSeq, entries: rows.length };
    prev = row.hash;
    expectedSeq += 1;
  }
  const head = await auditHead(db);
  if (head.seq !== rows.length || head.hash !== prev) return { intact: false, brokenAt: expectedSeq, entries: rows.length };
  return { intact: true, brokenAt: null, entries: rows.length };
}
