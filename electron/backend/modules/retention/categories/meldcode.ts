import { nlDate } from '../../../../../shared/domain/dates';
import { destructionDate } from '../../../../../shared/domain/retention';
import type { Trx } from '../../../db/schema';
import { destroyCase } from '../../meldcode/meldcode.service';
import { caseClosures, countStatistic, deleteCaseConflicts, eraseRows, holdIds } from '../retention.repository';
import { directHolds, type Candidate, type RetentionCategory } from './category';

/**
 * Meldcodedossiers: destroyed the meldcode policy's period after closing, case and entries
 * together (destroyCase keeps the append-only entries' rules). Labels name no child: the preview
 * only says which file.
 */
export const meldcodeCategory: RetentionCategory = {
  key: 'meldcode',
  policies: ['meldcode'],
  label: 'Meldcodedossier',

  async candidates(db, policies, ids) {
    return (await caseClosures(db, ids)).map(
      (r): Candidate =>
        r.closed_on
          ? { id: r.id, policy: 'meldcode', anchorDate: r.closed_on, ruleDate: destructionDate(policies.get('meldcode')!, r.closed_on), statutory: [] }
          : { id: r.id, policy: 'meldcode', anchorDate: null, ruleDate: null, runningReason: 'Het meldcodedossier is nog niet gesloten.', runningCause: 'meldcode', statutory: [] },
    );
  },

  heldBy: async (_db, holds) => directHolds(holds, 'meldcode_case'),

  async labels(db, ids) {
    return new Map((await caseClosures(db, ids)).map((r) => [r.id, `Meldcodedossier geopend op ${nlDate(r.opened_on)}`]));
  },

  async destroy(trx, ids, now) {
    await destroyMeldcodeCases(trx, ids, now);
  },
};

/** Also used when a household goes: its children's (due) case files go first. */
export async function destroyMeldcodeCases(trx: Trx, ids: readonly string[], now: Date): Promise<void> {
  const perYear = new Map<string, number>();
  for (const c of await caseClosures(trx, ids)) if (c.closed_on) perYear.set(c.closed_on.slice(0, 4), (perYear.get(c.closed_on.slice(0, 4)) ?? 0) + 1);
  for (const [year, n] of perYear) await countStatistic(trx, 'meldcode.closed', year, n);
  await eraseRows(trx, 'legal_holds', await holdIds(trx, 'meldcode_case', ids), now);
  for (const id of ids) {
    const { entryIds } = await destroyCase(trx, id, now);
    // A conflict copy of a case holds its text: it goes too.
    await deleteCaseConflicts(trx, [id, ...entryIds]);
  }
}
