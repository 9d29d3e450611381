import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { statementRow, type ConsoleStatementVersion, type PublishStatementInput } from '../../shared/console/statements';
import type { HoDb, HoTrx } from '../db/schema';
import { publishToLocation } from '../service/publish.service';
import { appendAudit } from './audit';
import { ConsoleError } from './auth.service';

/** Every published privacy statement version, newest effective date first. */
export async function listStatementVersions(db: HoDb | HoTrx): Promise<ConsoleStatementVersion[]> {
  const rows = await db.selectFrom('privacy_statement_versions').selectAll().orderBy('effective_date', 'desc').orderBy('published_at', 'desc').execute();
  return rows.map((row) => ({ id: row.id, version: row.version, effectiveDate: row.effective_date, text: row.text, publishedAt: row.published_at, publishedBy: row.published_by }));
}

/** Writes versions into one location's stream (one row per version, its id carrying the location). */
async function publishTo(trx: HoTrx, locationId: string, versions: readonly ConsoleStatementVersion[], at: string) {
  await publishToLocation(trx, locationId, versions.map((v) => ({ entity: 'privacy_statement_versions', entityId: statementRow(v, locationId).id, payload: statementRow(v, locationId) })), at);
}

/**
 * Publishes a new version to every location in the same transaction, audited; a version label is
 * used once (field error, nothing written). Each location then shows it and has the task to inform parents.
 */
export async function publishStatementVersion(db: HoDb, input: z.output<typeof PublishStatementInput>, actorId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('privacy_statement_versions').select('id').where('version', '=', input.version).executeTakeFirst();
    if (taken) throw new ConsoleError(400, `Versie ${input.version} is al gepubliceerd.`, { version: `Versie ${input.version} is al gepubliceerd.` });
    const id = randomUUID();
    await trx
      .insertInto('privacy_statement_versions')
      .values({ id, version: input.version, effective_date: input.effectiveDate, text: input.text, published_at: now.toISOString(), published_by: actorId })
      .execute();
    const version: ConsoleStatementVersion = { id, version: input.version, effectiveDate: input.effectiveDate, text: input.text, publishedAt: now.toISOString(), publishedBy: actorId };
    const locations = await trx.selectFrom('locations').select('id').orderBy('id').execute();
    for (const location of locations) await publishTo(trx, location.id, [version], now.toISOString());
    await appendAudit(trx, { userId: actorId, action: 'console.statement.publish', detail: { statementId: id, version: input.version, locations: locations.length } }, now);
    return { id };
  });
}

/** A newly created location gets every version published so far in its first changes (history included). */
export async function publishStatementsTo(trx: HoTrx, locationId: string, now: Date): Promise<void> {
  const versions = await listStatementVersions(trx);
  if (versions.length > 0) await publishTo(trx, locationId, versions, now.toISOString());
}
