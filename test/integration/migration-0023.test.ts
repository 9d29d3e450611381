import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../electron/backend/db/open';
import { createKysely, migrateTo, migrateToLatest } from '../../electron/backend/db/kysely';
import { tempDir } from '../helpers/backend';

describe('0023 decisions about restricted persons in a legal disclosure', () => {
  it('keeps register lines written under 0017; a decision belongs to its line, only include/exclude, and goes with it', async () => {
    const sqlite = openEncryptedDatabase(path.join(tempDir(), 'm.db'), randomBytes(32));
    const db = createKysely(sqlite);
    await migrateTo(db, '0017_retention_indexes');
    const at = '2026-03-10T09:00:00.000Z';
    const line = { id: 'd1', location_id: 'l1', recipient: 'ggd', recipient_name: 'GGD (inspectie)', legal_basis: 'Wet kinderopvang', fields: '["child_first_name"]', subject_count: 1, format: 'csv', period: '2026-03-10', exchange_consent_id: null, created_at: at, created_by: 'u1', created_by_name: 'Anna', version: 4 };
    await db.insertInto('disclosures').values(line).execute();
    await db.insertInto('disclosure_subjects').values({ id: 's1', location_id: 'l1', disclosure_id: 'd1', subject_type: 'child', subject_id: 'c1', version: 4 }).execute();
    await expect(db.selectFrom('disclosure_restriction_decisions').selectAll().execute()).rejects.toThrow(/no such table/);

    await migrateToLatest(db);
    // 0018 added the manual recipients' columns, empty for lines written before.
    expect(await db.selectFrom('disclosures').selectAll().execute()).toEqual([{ ...line, order_reference: null, confidentiality: null, disclosed_on: null, meldcode_case_id: null }]);
    expect(await db.selectFrom('disclosure_subjects').select('id').execute()).toEqual([{ id: 's1' }]);
    expect(await db.selectFrom('disclosure_restriction_decisions').selectAll().execute()).toEqual([]);

    const decision = { id: 'r1', location_id: 'l1', disclosure_id: 'd1', subject_type: 'child', subject_id: 'c1', decision: 'include', reason: 'Wettelijk verplicht', version: null } as const;
    await db.insertInto('disclosure_restriction_decisions').values(decision).execute();
    await expect(db.insertInto('disclosure_restriction_decisions').values({ ...decision, id: 'r2', decision: 'maybe' as never }).execute()).rejects.toThrow(/CHECK/);
    await expect(db.insertInto('disclosure_restriction_decisions').values({ ...decision, id: 'r3', disclosure_id: 'missing' }).execute()).rejects.toThrow(/FOREIGN KEY/);
    await db.deleteFrom('disclosures').where('id', '=', 'd1').execute();
    expect(await db.selectFrom('disclosure_restriction_decisions').selectAll().execute()).toEqual([]);
    await db.destroy();
  });
});
