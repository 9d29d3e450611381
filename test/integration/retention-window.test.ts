import { describe, expect, it } from 'vitest';
import { category } from '../../electron/backend/modules/retention/categories';
import { evaluate, type Evaluated } from '../../electron/backend/modules/retention/engine';
import { addPeriod } from '../../shared/domain/retention';
import { moveClock, newBackend } from '../helpers/retention';

/**
 * The preview reads only what can fall due by its window's end (issue 14, bench): children and
 * households whose contracts all ended by then. Whatever the day, it must list exactly what a full
 * evaluation lists — multi-child households with a running or contract-less sibling, month ends,
 * parts inside and outside the window included.
 */

const listedBy = (items: readonly Evaluated[], windowEnd: string) =>
  items
    .filter((e) => e.state.status !== 'running' && e.state.dueDate <= windowEnd)
    .map((e) => `${e.category}:${e.id}:${JSON.stringify(e.state)}`)
    .sort();

describe('retention preview window', () => {
  it('lists the same records as a full evaluation on every day, for every kind of household', async () => {
    const { backend, clock } = await newBackend('2025-09-01');
    const sqlite = backend.core.sqlite();
    const location = (sqlite.prepare('SELECT id FROM location').get() as { id: string }).id;
    const userId = (sqlite.prepare('SELECT id FROM users').get() as { id: string }).id;
    const now = '2025-09-01T10:00:00.000Z';
    let n = 0;
    const uuid = () => `01900000-0000-7000-8000-${(++n).toString(16).padStart(12, '0')}`;
    const household = (children: (string | null | 'none')[][], otherParent = false) => {
      const h = uuid();
      sqlite.prepare(`INSERT INTO households VALUES (?, ?, 'Straat', '1', '1234 AB', 'Plaats', NULL, NULL, ?, ?, NULL)`).run(h, location, now, now);
      const parent = sqlite.prepare(
        `INSERT INTO parents (id, location_id, household_id, first_name, initials, surname_prefix, surname, search_name, email, phone, bsn, has_parental_authority, is_contract_parent, created_at, updated_at, version) VALUES (?, ?, ?, ?, NULL, NULL, ?, 'ouder venster', 'ouder@example.nl', '0611111111', NULL, 1, ?, ?, ?, NULL)`,
      );
      // Names that tell the households and their parents apart (the labels are compared below).
      if (otherParent) parent.run(uuid(), location, h, 'Andere', `Venster ${n}`, 0, now, now);
      parent.run(uuid(), location, h, 'Ouder', `Venster ${n}`, 1, now, now);
      for (const ends of children) {
        const c = uuid();
        sqlite
          .prepare(`INSERT INTO children (id, location_id, household_id, first_name, initials, surname_prefix, surname, search_name, birth_date, bsn, created_at, updated_at, version) VALUES (?, ?, ?, 'Kind', NULL, NULL, 'Venster', 'kind venster', '2020-01-01', NULL, ?, ?, NULL)`)
          .run(c, location, h, now, now);
        sqlite.prepare(`UPDATE children SET first_name = ? WHERE id = ?`).run(`Kind ${n}`, c);
        sqlite.prepare(`INSERT INTO child_medical (child_id, location_id, allergies, diet, medication, other_particulars, updated_at, updated_by, version) VALUES (?, ?, 'Pinda', NULL, NULL, NULL, ?, ?, NULL)`).run(c, location, now, userId);
        for (const end of ends) {
          if (end === 'none') continue;
          sqlite.prepare(`INSERT INTO contracts VALUES (?, ?, ?, 'bso', '["ma"]', 8, '2014-01-06', ?, ?, ?, NULL)`).run(uuid(), location, c, end, now, now);
        }
      }
    };
    household([['2018-06-30']]); // due as a whole
    household([['2018-06-30'], ['2018-05-31', '2017-12-31']], true); // two children, both ended long ago
    household([['2025-10-31'], [null]], true); // one child ended, its sibling runs: the child's parts only
    household([['2025-11-30'], ['none']], true); // a sibling without a contract: the household counts as ended
    household([['2025-12-31', null]]); // one child, one contract still running
    household([['2026-01-31'], ['2026-02-28']], true); // month ends, both ended
    household([['none']]); // no contract yet
    household([['2018-06-30'], ['2026-03-31']]); // long ago and recently: the household waits for the last
    household([['2019-05-15']], true); // due as a whole in May 2026 (its parts went in 2019)
    household([['2026-05-20']]); // its medical data go in May 2026

    for (let today = '2025-09-01'; today <= '2026-08-31'; today = addPeriod(today, 6, 'days')) {
      clock.set(today);
      for (const windowEnd of [addPeriod(today, 30, 'days'), today]) {
        const full = listedBy(await evaluate(backend.core.db(), today), windowEnd);
        const windowed = listedBy(await evaluate(backend.core.db(), today, undefined, windowEnd), windowEnd);
        expect(windowed, `${today}, window to ${windowEnd}`).toEqual(full);
      }
    }
    // The same through the API (after the login run destroyed what was past due): the preview lists what a full evaluation lists.
    await moveClock(backend, clock, '2026-05-01');
    const preview = await backend.ok('retention.preview', {});
    expect(preview.items.map((i) => `${i.category}:${i.id}`).sort()).toEqual(
      listedBy(await evaluate(backend.core.db(), '2026-05-01'), preview.windowEnd)
        .map((s) => s.split(':').slice(0, 2).join(':'))
        .sort(),
    );
    expect(preview.items.length).toBeGreaterThan(0);
    // Labels read in the window's pass (parents' and children's names from the covering indexes) say what each category's own labels say.
    for (const item of preview.items) {
      const own = (await category(item.category).labels(backend.core.db(), [item.id])).get(item.id);
      expect(own, `${item.category}:${item.id}`).toBeDefined();
      expect(item.label, `${item.category}:${item.id}`).toBe(own);
    }
    expect([...new Set(preview.items.map((i) => i.category))].sort()).toEqual(['household', 'medical', 'other_parent', 'parent_contact']);
  });
});
