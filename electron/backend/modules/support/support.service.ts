import type { Kysely } from 'kysely';
import { checkDatabaseFile, readOnlyLeftovers } from '../../db/integrity';
import type { AppCore } from '../../core';
import { createKysely } from '../../db/kysely';
import { openEncryptedDatabase, readCipherInfo, type SqliteDb } from '../../db/open';
import type { Database } from '../../db/schema';
import { auditRowsInOrder } from '../audit/audit.repository';
import { verifyAuditChain } from '../audit/audit.service';
import { backupFolder } from '../backup/backup.config';
import { listBackups } from '../backup/backup.service';
import { toCsv } from '../disclosures/csv';
import { countPending } from '../sync/sync.repository';

/**
 * Support for head-office IT (`npm run cli`): checks that only read. The database is opened
 * read-only, so a doctor run on a damaged file changes nothing.
 */

export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
}

const DAY_MS = 86_400_000;

async function withReadOnlyDb<T>(core: AppCore, key: Buffer, work: (db: Kysely<Database>, sqlite: SqliteDb) => Promise<T>): Promise<T> {
  const removeLeftovers = readOnlyLeftovers(core.dbFile);
  const sqlite = openEncryptedDatabase(core.dbFile, key, { readonly: true });
  const db = createKysely(sqlite);
  try {
    return await work(db, sqlite);
  } finally {
    await db.destroy();
    removeLeftovers();
  }
}

export async function runDoctor(core: AppCore, key: Buffer): Promise<DoctorCheck[]> {
  const keyring = core.loadKeyring();
  const now = core.now();
  const checks: DoctorCheck[] = [
    {
      name: 'Sleutelbestand',
      ok: keyring.hasRecoverySlot && keyring.userSlotCount > 0,
      detail: `${keyring.userSlotCount} gebruikerssleutel(s), herstelsleutel ${keyring.hasRecoverySlot ? 'aanwezig' : 'ONTBREEKT'}`,
    },
  ];
  const problem = checkDatabaseFile(core.dbFile, key, 'full');
  checks.push({ name: 'Integriteit', ok: problem === null, detail: problem ? `beschadigd (${problem.kind}): ${problem.detail}` : 'in orde (integrity_check)' });
  if (!problem) {
    await withReadOnlyDb(core, key, async (db, sqlite) => {
      const info = readCipherInfo(sqlite);
      const cipherOk = info.cipher === 'sqlcipher' && info.legacy === 4;
      checks.push({ name: 'Versleuteling', ok: cipherOk, detail: `${info.cipher}, legacy=${info.legacy}, SQLite ${info.sqliteVersion}, sqlite3mc ${info.sqlite3mcVersion}` });
      const chain = await verifyAuditChain(db, now);
      checks.push({ name: 'Auditketen', ok: chain.ok, detail: chain.ok ? `in orde (${chain.count} regels)` : `verbroken bij regel ${chain.firstBrokenSeq}: ${chain.reason}` });
      const pending = await countPending(db);
      checks.push({ name: 'Synchronisatie', ok: true, detail: `${pending} wijziging(en) wachten op verzending naar het hoofdkantoor` });
    });
  }
  const { folder } = backupFolder(core.options.dataDir);
  const last = listBackups(folder)[0];
  const recent = last !== undefined && now.getTime() - Date.parse(last.createdAt) < 2 * DAY_MS;
  checks.push({
    name: 'Laatste back-up',
    ok: recent,
    detail: last ? `${last.createdAt} (${last.reason}) in ${folder}${recent ? '' : ' — ouder dan 2 dagen'}` : `geen back-up gevonden in ${folder}`,
  });
  return checks;
}

export function verifyAudit(core: AppCore, key: Buffer) {
  return withReadOnlyDb(core, key, (db) => verifyAuditChain(db, core.now()));
}

/** The audit log as CSV. It holds ids and codes only by design (no names, BSNs or medical text). */
export function exportAudit(core: AppCore, key: Buffer): Promise<Buffer> {
  return withReadOnlyDb(core, key, async (db) => {
    const rows: string[][] = [];
    for await (const row of auditRowsInOrder(db)) {
      rows.push([String(row.seq), row.at, row.user_id ?? '', row.action, row.entity ?? '', row.entity_id ?? '', row.details, row.hash]);
    }
    return toCsv(['seq', 'at', 'user_id', 'action', 'entity', 'entity_id', 'details', 'hash'], rows);
  });
}
