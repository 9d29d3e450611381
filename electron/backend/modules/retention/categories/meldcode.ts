import { nlDate } from '../../../../../shared/domain/dates';
import { destructionDate } from '../../../../../shared/domain/retention';
import { destroyCase } from '../../meldcode/meldcode.service';
import { countStatistic, eraseRows, holdIds } from '../erase';
import { directHolds, inSlices, type Candidate, type RetentionCategory } from './category';

/**
 * Meldcodedossiers: destroyed 2 years after closing, case and entries together (destroyCase keeps
 * the append-only entries' rules). Labels name no child: the preview only says which file.
 */
export const meldcodeCategory: RetentionCategory = {
  key: 'meldcode',
  label: 'Meldcodedossier',

  async candidates(db, policies, ids) {
    let query = db.selectFrom('meldcode_cases').select(['id', 'closed_on']);
    if (ids) query = query.where('id', 'in', ids.length ? [...ids] : ['']);
    return (await query.execute()).map(
      (r): Candidate =>
        r.closed_on
          ? { id: r.id, policy: 'meldcode', anchorDate: r.closed_on, ruleDate: destructionDate(policies.get('meldcode')!, r.closed_on), statutory: [] }
          : { id: r.id, policy: 'meldcode', anchorDate: null, ruleDate: null, runningReason: 'Het meldcodedossier is nog niet gesloten.', statutory: [] },
    );
  },

  heldBy: async (_db, holds) => directHolds(holds, 'meldcode_case'),

  async labels(db, ids) {
    const rows = await inSlices(ids, (slice) => db.selectFrom('meldcode_cases').select(['id', 'opened_on']).where('id', 'in', slice).execute());
    return new Map(rows.map((r) => [r.id, `Meldcodedossier geopend op ${nlDate(r.opened_on)}`]));
  },

  async destroy(trx, ids, now) {
    await destroyMeldcodeCases(trx, ids, now);
  },
};

/** Also used when a household goes: its children's (due) case files go first. */
export async function destroyMeldcodeCases(trx: Parameters<RetentionCategory['destroy']>[0], ids: readonly string[], now: Date): Promise<void> {
  const closed = await inSlices(ids, (slice) => trx.selectFrom('meldcode_cases').select('closed_on').where('id', 'in', slice).execute());
  const perYear = new Map<string, number>();
  for (const c of closed) if (c.closed_on) perYear.set(c.closed_on.slice(0, 4), (perYear.get(c.closed_on.slice(0, 4)) ?? 0) + 1);
  for (const [year, n] of perYear) await countStatistic(trx, 'meldcode.closed', year, n);
  await eraseRows(trx, 'legal_holds', await holdIds(trx, 'meldcode_case', ids), now);
  for (const id of ids) {
    const { entryIds } = await destroyCase(trx, id, now);
    // A conflict copy of a case holds its text: it goes too.
    await trx.deleteFrom('sync_conflicts').where('entity', 'in', ['meldcode_cases', 'meldcode_entries']).where('entity_id', 'in', [id, ...entryIds]).execute();
  }
}
