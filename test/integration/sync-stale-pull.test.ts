import { afterAll, beforeAll, expect, it } from 'vitest';
import { requestJson } from '../../electron/backend/sync/http';
import { syncOnce, type Transport } from '../../electron/backend/sync/sync.engine';
import { createFamily } from '../helpers/clients';
import { enrolledPc, giveKey, startHeadOffice, type RunningHeadOffice } from '../helpers/headoffice';

/**
 * A pull answer that arrives late — for an older cursor, after this PC's own edit was answered —
 * never rolls a row back. Found by the reordered sync model: the PC showed the older medical data,
 * and the manager's next edit of them became a conflict with her own earlier edit.
 */
let ho: RunningHeadOffice;
beforeAll(async () => {
  ho = await startHeadOffice();
});
afterAll(async () => ho?.close());

it('a late pull answer for an older cursor leaves newer rows as they are', async () => {
  const location = await ho.newLocation('Late antwoorden');
  const pc = await enrolledPc(ho, await location.code());
  const other = await enrolledPc(ho, await location.code(), { name: 'Tweede pc' });
  await giveKey(pc, other);
  const { child } = await createFamily(other);
  await other.ok('medical.update', { childId: child.id, allergies: 'Pinda', diet: null, medication: null, otherParticulars: null });
  await syncOnce(other.core, (w) => w());

  // The PC pulls the family; the answer is kept (as a cache or a slow network would).
  let earlier: unknown = null;
  const keep: Transport = async (base, options) => {
    const answer = await requestJson(base, options);
    if (options.path.startsWith('/v1/sync/pull')) earlier ??= answer;
    return answer;
  };
  await syncOnce(pc.core, (w) => w(), keep);
  await pc.ok('medical.update', { childId: child.id, allergies: 'Pinda en noten', diet: null, medication: null, otherParticulars: null });
  await syncOnce(pc.core, (w) => w());
  const rows = () => pc.core.sqlite().prepare('SELECT allergies, version FROM child_medical').all();
  const current = rows();

  // The kept answer arrives for a later pull.
  const late: Transport = async (base, options) => (options.path.startsWith('/v1/sync/pull') ? earlier : requestJson(base, options));
  await syncOnce(pc.core, (w) => w(), late);
  expect(rows()).toEqual(current);
  expect(current).toEqual([{ allergies: 'Pinda en noten', version: expect.any(Number) }]);

  // The next edit builds on the PC's own: no conflict, and both PCs end on it.
  await pc.ok('medical.update', { childId: child.id, allergies: 'Pinda, noten', diet: null, medication: null, otherParticulars: null });
  expect((await syncOnce(pc.core, (w) => w())).conflicts).toBe(0);
  await syncOnce(other.core, (w) => w());
  for (const p of [pc, other]) expect((await p.ok('medical.get', { childId: child.id })).allergies).toBe('Pinda, noten');
});
