import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ConsoleStatementVersion, PublishStatementInput } from '../../shared/console/statements';
import type { HoDb } from '../db/schema';
import { appendAudit } from './audit';
import { ConsoleError } from './auth.service';

/** Every published privacy statement version, newest effective date first. */
export async function listStatementVersions(db: HoDb): Promise<ConsoleStatementVersion[]> {
  const rows = await db.selectFrom('privacy_statement_versions').selectAll().orderBy('effective_date', 'desc').orderBy('published_at', 'desc').execute();
  return rows.map((row) => ({ id: row.id, version: row.version, effectiveDate: row.effective_date, text: row.text, publishedAt: row.published_at, publishedBy: row.published_by }));
}

/** Publishes a new version; a version label is used once (field error, nothing written). */
export async function publishStatementVersion(db: HoDb, input: z.output<typeof PublishStatementInput>, actorId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('privacy_statement_versions').select('id').where('version', '=', input.version).executeTakeFirst();
    if (taken) throw new ConsoleError(400, `Versie ${input.version} is al gepubliceerd.`, { version: `Versie ${input.version} is al gepubliceerd.` });
    const id = randomUUID();
    await trx
      .insertInto('privacy_statement_versions')
      .values({ id, version: input.version, effective_date: input.effectiveDate, text: input.text, published_at: now.toISOString(), published_by: actorId })
      .execute();
    await appendAudit(trx, { userId: actorId, action: 'console.statement.publish', detail: { statementId: id, version: input.version } }, now);
    return { id };
  });
}
