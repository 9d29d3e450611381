import { nlDate } from '../../../../../shared/domain/dates';
import { destructionDate } from '../../../../../shared/domain/retention';
import { complaintClosures, countStatistic, eraseRows, holdIds } from '../retention.repository';
import { directHolds, type Candidate, type RetentionCategory } from './category';

/** Klachten: the complaint policy's period after the complaint was closed; only a yearly count remains. */
export const complaintCategory: RetentionCategory = {
  key: 'complaint',
  policies: ['complaint'],
  label: 'Klacht',

  async candidates(db, policies, ids) {
    return (await complaintClosures(db, ids)).map(
      (r): Candidate =>
        r.closed_on
          ? { id: r.id, policy: 'complaint', anchorDate: r.closed_on, ruleDate: destructionDate(policies.get('complaint')!, r.closed_on), statutory: [] }
          : { id: r.id, policy: 'complaint', anchorDate: null, ruleDate: null, runningReason: 'De klacht is nog niet afgesloten.', statutory: [] },
    );
  },

  heldBy: async (_db, holds) => directHolds(holds, 'complaint'),

  async labels(db, ids) {
    return new Map((await complaintClosures(db, ids)).map((r) => [r.id, `Klacht "${r.subject}" van ${nlDate(r.received_on)}`]));
  },

  async destroy(trx, ids, now) {
    const perYear = new Map<string, number>();
    for (const c of await complaintClosures(trx, ids)) perYear.set(c.received_on.slice(0, 4), (perYear.get(c.received_on.slice(0, 4)) ?? 0) + 1);
    for (const [year, n] of perYear) await countStatistic(trx, 'complaints.received', year, n);
    await eraseRows(trx, 'legal_holds', await holdIds(trx, 'complaint', ids), now);
    await eraseRows(trx, 'complaints', ids, now);
  },
};
