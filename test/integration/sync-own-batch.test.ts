import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncOnce } from '../../electron/backend/sync/sync.engine';
import { readCursor } from '../../electron/backend/sync/sync.state';
import type { TestBackend } from '../helpers/backend';
import { HOUSEHOLD } from '../helpers/clients';
import { enrolledPc, startHeadOffice, type RunningHeadOffice } from '../helpers/headoffice';

/**
 * A push whose applied mutations took exactly the versions after the PC's cursor moves the cursor
 * past them: the PC already holds those rows and does not fetch them back. When another PC's
 * change lies in between, the cursor stays and the pull fetches everything after it, so both PCs
 * still end up with the same rows.
 */
let ho: RunningHeadOffice;
beforeAll(async () => {
  ho = await startHeadOffice();
});
afterAll(async () => ho?.close());

const exclusive = <T>(work: () => Promise<T>) => work();
const locationVersion = async (id: string) => Number((await ho.db.selectFrom('locations').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version);
const households = (pc: TestBackend) => pc.core.sqlite().prepare('SELECT id, street, city, version FROM households ORDER BY id').all();

describe('the cursor after a push', () => {
  it('moves past the PC’s own batch, and stays when another PC’s change lies in between', async () => {
    const location = await ho.newLocation('KDV Eigen Rij');
    const a = await enrolledPc(ho, await location.code(), { name: 'Kantoor' });
    const b = await enrolledPc(ho, await location.code(), { name: 'Groepsruimte' });

    // PC A alone: its rows are not fetched back, and the cursor stands at head office's last version.
    for (let i = 0; i < 3; i++) await a.ok('households.create', { ...HOUSEHOLD, street: `Eigenweg ${i}` });
    const own = await syncOnce(a.core, exclusive);
    expect(own.pushed).toBeGreaterThanOrEqual(3);
    expect(own.pulled).toBe(0);
    expect(await readCursor(a.core.db())).toBe(await locationVersion(location.id));

    // PC B pulls them as usual.
    expect((await syncOnce(b.core, exclusive)).pulled).toBe(own.pushed);
    expect(households(b)).toEqual(households(a));

    // B writes first; A's next batch then does not follow its cursor: A fetches B's change and its own.
    const fromB = await b.ok('households.create', { ...HOUSEHOLD, street: 'Anderweg' });
    await syncOnce(b.core, exclusive);
    const fromA = await a.ok('households.create', { ...HOUSEHOLD, street: 'Eigenweg 3' });
    const mixed = await syncOnce(a.core, exclusive);
    expect(mixed.pulled).toBeGreaterThan(mixed.pushed);
    expect((await a.ok('households.get', { id: fromB.id })).street).toBe('Anderweg');
    expect(await readCursor(a.core.db())).toBe(await locationVersion(location.id));

    await syncOnce(b.core, exclusive);
    expect((await b.ok('households.get', { id: fromA.id })).street).toBe('Eigenweg 3');
    expect(households(b)).toEqual(households(a));
    expect(await readCursor(b.core.db())).toBe(await locationVersion(location.id));
  });
});
