import type { z } from 'zod';
import type { MarkInformedInput, StatementOverview } from '../../../../shared/api/privacyStatement.contract';
import { AppError } from '../../../../shared/api/result';
import { isoDateIn } from '../../../../shared/domain/clock';
import { nlDate } from '../../../../shared/domain/dates';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore } from '../../core';
import type { DbOrTrx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { currentLocationId } from '../location/location.service';
import { findStatementVersion, informedNotes, statementInForce, statementVersions, upsertInformed } from './privacyStatement.repository';

/**
 * Privacyverklaring (issue 18 part 8). Head office publishes every version to every location; the
 * version in force is the newest whose effective date has come on the app's clock.
 *
 * The "ouders informeren" task is derived, not stored: it is the newest version as long as it has
 * no "informed" note. The note's id is the version row's id, so however many PCs pull the version
 * there is one task, and whichever PC marks it done writes the same synced row (last writer wins).
 * Older versions never become tasks: telling parents about the newest covers them, and a location
 * created later (which receives every version) gets one task, not one per old version.
 */
export async function statementOverview(db: DbOrTrx, today: string): Promise<StatementOverview> {
  const versions = await statementVersions(db);
  const informed = await informedNotes(db);
  const inForce = versions.find((v) => v.effective_date <= today) ?? null;
  const newest = versions[0];
  return {
    versions: versions.map((v) => ({ id: v.id, version: v.version_label, effectiveDate: v.effective_date, text: v.text, publishedAt: v.published_at })),
    inForceId: inForce?.id ?? null,
    informed: informed.map((n) => ({ id: n.id, informedOn: n.informed_on })),
    notice: newest && !informed.some((n) => n.id === newest.id) ? { id: newest.id, version: newest.version_label, effectiveDate: newest.effective_date, publishedAt: newest.published_at } : null,
  };
}

/** "Ouders geïnformeerd" about a version, with the day; not before the version was published. */
export async function markInformed(core: AppCore, input: z.output<typeof MarkInformedInput>): Promise<StatementOverview> {
  await core.transaction(async (trx) => {
    const version = await findStatementVersion(trx, input.id);
    if (!version) throw new AppError('NOT_FOUND', msg('privacyStatement.notFound'));
    const publishedOn = isoDateIn(new Date(version.published_at));
    if (input.informedOn < publishedOn) {
      const message = msg('privacyStatement.beforePublished', { date: nlDate(publishedOn) });
      throw new AppError('VALIDATION', message, { informedOn: message });
    }
    await upsertInformed(trx, { id: version.id, location_id: await currentLocationId(trx), informed_on: input.informedOn, recorded_at: core.now().toISOString() });
    await queueUpsert(trx, 'privacy_statement_informed', version.id, core.now());
  });
  return statementOverview(core.db(), core.today());
}

/** The version consent forms cite today, or null while none is in force. */
export async function statementCited(db: DbOrTrx, today: string): Promise<{ version: string; effectiveDate: string } | null> {
  const row = await statementInForce(db, today);
  return row ? { version: row.version_label, effectiveDate: row.effective_date } : null;
}
