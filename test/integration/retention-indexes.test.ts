import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { openEncryptedDatabase } from '../../electron/backend/db/open';
import { createKysely, migrateTo, migrateToLatest } from '../../electron/backend/db/kysely';
import { childrenEndedBy, parentsOfHouseholds } from '../../electron/backend/modules/retention/retention.repository';
import { tempDir } from '../helpers/backend';

/**
 * Migration 0024: the retention preview reads a household's parents (label, contact details left,
 * other parents) and a child's name from covering indexes. Data written under 0017 stay, and the
 * preview's statements read those indexes, not the rows (the 100k-household bench depends on it).
 */
describe('0024 covering indexes for the retention preview', () => {
  it('keeps parents and children written under 0017, and the preview reads them from the indexes alone', async () => {
    const sqlite = openEncryptedDatabase(path.join(tempDir(), 'm.db'), randomBytes(32));
    const db = createKysely(sqlite);
    await migrateTo(db, '0017_retention_indexes');
    const now = '2026-01-01T00:00:00.000Z';
    await db.insertInto('households').values({ id: 'h1', location_id: 'l1', street: 'S', house_number: '1', postcode: '1234 AB', city: 'C', iban: null, iban_holder: null, created_at: now, updated_at: now, version: null }).execute();
    const parent = { location_id: 'l1', household_id: 'h1', initials: null, surname_prefix: null, bsn: null, has_parental_authority: 1 as const, created_at: now, updated_at: now, version: null };
    await db
      .insertInto('parents')
      .values([
        { ...parent, id: 'p1', first_name: 'Anna', surname: 'Oud', search_name: 'anna oud', email: 'anna@example.nl', phone: null, is_contract_parent: 1 },
        { ...parent, id: 'p0', first_name: 'Bert', surname_prefix: 'de', surname: 'Ander', search_name: 'bert de ander', email: null, phone: null, is_contract_parent: 0 },
      ])
      .execute();
    await db
      .insertInto('children')
      // Shaped as under 0017 (with group_name), whatever the current schema type says.
      .values({ id: 'c1', location_id: 'l1', household_id: 'h1', first_name: 'Cas', initials: null, surname_prefix: null, surname: 'Oud', search_name: 'cas oud', birth_date: '2022-01-01', group_name: 'G', bsn: null, created_at: now, updated_at: now, version: null } as never)
      .execute();
    await db.insertInto('contracts').values({ id: 'k1', location_id: 'l1', child_id: 'c1', care_type: 'bso', days: '["ma"]', hours_per_week: 8, start_date: '2024-01-01', end_date: '2025-12-31', created_at: now, updated_at: now, version: null }).execute();

    await migrateToLatest(db);
    const indexes = (table: string) => (sqlite.prepare(`SELECT name FROM pragma_index_list(?)`).all(table) as { name: string }[]).map((r) => r.name);
    expect(indexes('parents')).toContain('parents_household_labels');
    expect(indexes('parents')).not.toContain('parents_household');
    expect(indexes('children')).toContain('children_id_household_names');
    expect(indexes('children')).not.toContain('children_id_household');

    // Every statement the two reads prepare, to ask SQLite how it reads them.
    const statements: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      statements.push(source);
      return prepare(source);
    }) as typeof sqlite.prepare;

    expect(await parentsOfHouseholds(db, ['h1'], [['email', 'phone']])).toEqual([
      { id: 'p0', household_id: 'h1', is_contract_parent: 0, first_name: 'Bert', surname_prefix: 'de', surname: 'Ander', filled_0: 0 },
      { id: 'p1', household_id: 'h1', is_contract_parent: 1, first_name: 'Anna', surname_prefix: null, surname: 'Oud', filled_0: 1 },
    ]);
    expect(await childrenEndedBy(db, '2026-01-31')).toEqual([{ id: 'c1', household_id: 'h1', first_name: 'Cas', surname_prefix: null, surname: 'Oud', lastEnd: '2025-12-31', contracts: 1, open: 0, siblings: 1 }]);
    expect(await childrenEndedBy(db, '2025-12-30')).toEqual([]);
    sqlite.prepare = prepare;

    const plan = (source: string) =>
      (prepare(`EXPLAIN QUERY PLAN ${source}`).all(...source.split('?').slice(1).map(() => null)) as { detail: string }[]).map((r) => r.detail).join('\n');
    const parentsPlan = plan(statements.find((s) => s.includes('from "parents"'))!);
    expect(parentsPlan).toContain('USING COVERING INDEX parents_household_labels');
    const windowPlan = plan(statements.find((s) => s.includes('contracts_end_child'))!);
    expect(windowPlan).toContain('USING COVERING INDEX children_id_household_names');
    expect(windowPlan).not.toMatch(/SEARCH c USING INDEX|SCAN c\b/);
    await db.destroy();
  });
});
