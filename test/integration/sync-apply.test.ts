import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from '../../electron/backend/sync/http';
import { syncOnce, type Transport } from '../../electron/backend/sync/sync.engine';
import { readCursor } from '../../electron/backend/sync/sync.state';
import type { Change } from '../../shared/sync/protocol';
import type { TestBackend } from '../helpers/backend';
import { HOUSEHOLD } from '../helpers/clients';
import { enrolledPc, startHeadOffice, type RunningHeadOffice } from '../helpers/headoffice';
import { containsText, decryptDatabaseFile, decryptWalFile } from '../helpers/sqlcipher';

/**
 * A pulled page is written in one transaction with the cursor after it: a page that fails halfway
 * (a row that breaks a constraint while being written, or a reference that only fails at commit)
 * leaves the PC's data and cursor exactly as they were, on disk too; the next healthy round pulls
 * the whole page.
 */
let ho: RunningHeadOffice;
beforeAll(async () => {
  ho = await startHeadOffice();
});
afterAll(async () => ho?.close());

const exclusive = <T>(work: () => Promise<T>) => work();
/** PRAGMA synchronous: 2 is FULL. */
const FULL = 2;


const SYNCED_TABLES = ['households', 'parents', 'children', 'child_medical'] as const;
function snapshot(pc: TestBackend) {
  const sqlite = pc.core.sqlite();
  return Object.fromEntries(SYNCED_TABLES.map((t) => [t, sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()]));
}

/** Everything on disk, decrypted: the database file and the page images in its WAL. */
function diskText(pc: TestBackend) {
  const key = Buffer.from(pc.core.dbKey());
  return Buffer.concat([decryptDatabaseFile(pc.core.dbFile, key), decryptWalFile(`${pc.core.dbFile}-wal`, key)]);
}

/** The engine's transport, with each pull page passed through `spoil` first. */
const spoiling =
  (spoil: (changes: Change[]) => void): Transport =>
  async (base, options) => {
    const answer = await requestJson(base, options);
    if (options.path.startsWith('/v1/sync/pull')) spoil((answer as { changes: Change[] }).changes);
    return answer;
  };

const FAILURES: { name: string; spoil: (changes: Change[]) => void }[] = [
  {
    name: 'a row halfway through the page breaks a NOT NULL constraint',
    spoil: (changes) => {
      const households = changes.filter((c) => c.entity === 'households');
      households[Math.floor(households.length / 2)]!.payload!.street = null;
    },
  },
  {
    name: 'a parent row points at a household that does not exist (fails only at commit)',
    spoil: (changes) => {
      const parents = changes.filter((c) => c.entity === 'parents');
      parents[parents.length - 1]!.payload!.household_id = 'bestaat-niet';
    },
  },
];

describe('a pulled page is applied in one transaction', () => {
  for (const failure of FAILURES) {
    it(`${failure.name}: data and cursor stay exactly as before`, async () => {
      const location = await ho.newLocation(`KDV Half ${failure.name.slice(0, 12)}`);
      const writer = await enrolledPc(ho, await location.code(), { name: 'Kantoor' });
      const reader = await enrolledPc(ho, await location.code(), { name: 'Groepsruimte' });

      // The reader already holds one family and the cursor after it.
      const first = await writer.ok('households.create', { ...HOUSEHOLD, street: 'Eerstelaan' });
      await syncOnce(writer.core, exclusive);
      await syncOnce(reader.core, exclusive);
      expect((await reader.ok('households.get', { id: first.id })).street).toBe('Eerstelaan');

      // Then the writer adds households and changes the first one.
      const added = [];
      for (let i = 0; i < 6; i++) added.push(await writer.ok('households.create', { ...HOUSEHOLD, street: `Kanarieweg ${i}` }));
      const current = await writer.ok('households.get', { id: first.id });
      await writer.ok('households.update', {
        id: first.id,
        ...HOUSEHOLD,
        street: 'Eerstelaan',
        city: 'Kanariestad',
        parents: current.parents.map((p) => ({ ...HOUSEHOLD.parents[0]!, id: p.id, isContractParent: p.isContractParent, bsn: null })),
      });
      await syncOnce(writer.core, exclusive);

      const before = snapshot(reader);
      const cursorBefore = await readCursor(reader.core.db());
      expect(cursorBefore).toBeGreaterThan(0);
      await expect(syncOnce(reader.core, exclusive, spoiling(failure.spoil))).rejects.toThrow(/constraint/i);

      // Nothing of the page was kept: not one row, not the cursor, not a byte on disk.
      expect(snapshot(reader)).toEqual(before);
      expect(await readCursor(reader.core.db())).toBe(cursorBefore);
      expect((await reader.ok('households.get', { id: first.id })).city).toBe(HOUSEHOLD.city);
      for (const household of added) expect((await reader.err('households.get', { id: household.id })).code).toBe('NOT_FOUND');
      const disk = diskText(reader);
      expect(containsText(disk, 'Eerstelaan')).toBe(true); // the decryption reads the real rows
      expect(containsText(disk, 'Kanarieweg')).toBe(false);
      expect(containsText(disk, 'Kanariestad')).toBe(false);
      expect((await reader.ok('sync.status', {})).lastError).toMatch(/constraint/i);
      // A page commits without waiting for the disk (synchronous=NORMAL); every other write waits again, also after a failed page.
      expect(reader.core.sqlite().pragma('synchronous', { simple: true })).toBe(FULL);

      // A healthy round pulls the whole page.
      const report = await syncOnce(reader.core, exclusive);
      expect(report.pulled).toBeGreaterThanOrEqual(added.length + 1);
      expect((await reader.ok('households.get', { id: first.id })).city).toBe('Kanariestad');
      for (const household of added) expect((await reader.ok('households.get', { id: household.id })).street).toMatch(/^Kanarieweg/);
      expect(snapshot(reader)).toEqual(snapshot(writer));
      expect(reader.core.sqlite().pragma('synchronous', { simple: true })).toBe(FULL);
    });
  }
});
