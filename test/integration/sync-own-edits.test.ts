import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from '../../electron/backend/sync/http';
import type { Transport } from '../../electron/backend/sync/sync.engine';
import type { TestBackend } from '../helpers/backend';
import { createFamily } from '../helpers/clients';
import { enrolledPc, giveKey, startHeadOffice, type RunningHeadOffice, syncPc } from '../helpers/headoffice';

/**
 * Medical data (and meldcode files) are conflict-checked: a stale edit is kept side by side. A
 * manager who edits the same medical data twice on one PC before the first edit's answer came
 * (between rounds, while the round is under way, or after the answer got lost) makes no stale edit:
 * the second builds on the first. Found by the reordered sync model; this is its own small case.
 */
let ho: RunningHeadOffice;
beforeAll(async () => {
  ho = await startHeadOffice();
});
afterAll(async () => ho?.close());

const edit = (pc: TestBackend, childId: string, allergies: string) => pc.ok('medical.update', { childId, allergies, diet: null, medication: null, otherParticulars: null });
const conflicts = (pc: TestBackend) => pc.core.sqlite().prepare('SELECT count(*) AS n FROM sync_conflicts').pluck().get() as number;

async function location() {
  const site = await ho.newLocation('Eigen bewerkingen');
  const pc = await enrolledPc(ho, await site.code());
  const other = await enrolledPc(ho, await site.code(), { name: 'Tweede pc' });
  await giveKey(pc, other);
  const { child } = await createFamily(pc);
  await edit(pc, child.id, 'Pinda');
  await syncPc(pc);
  await syncPc(other);
  return { pc, other, childId: child.id };
}

/** Both PCs read the last edit, and neither keeps a conflict. */
async function expectLastEdit(pc: TestBackend, other: TestBackend, childId: string, allergies: string) {
  for (const p of [pc, other]) await syncPc(p);
  for (const p of [pc, other]) {
    expect((await p.ok('medical.get', { childId })).allergies).toBe(allergies);
    expect(conflicts(p)).toBe(0);
    expect(p.core.sqlite().prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
  }
}

describe('own edits of medical data are no conflict', () => {
  it('three edits between two rounds', async () => {
    const { pc, other, childId } = await location();
    await edit(pc, childId, 'Pinda en noten');
    await edit(pc, childId, 'Pinda, noten');
    await edit(pc, childId, 'Pinda, noten en gluten');
    const report = await syncPc(pc);
    expect(report).toMatchObject({ pushed: 3, conflicts: 0 });
    await expectLastEdit(pc, other, childId, 'Pinda, noten en gluten');
  });

  it('an edit while the previous one is on its way, and after its answer got lost', async () => {
    const { pc, other, childId } = await location();
    await edit(pc, childId, 'Pinda en noten');
    // The manager saves again while the push is under way (network I/O runs outside the database work).
    const editWhilePushing: Transport = async (base, options) => {
      if (options.path === '/v1/sync/push') await edit(pc, childId, 'Pinda, noten');
      return requestJson(base, options);
    };
    await syncPc(pc, editWhilePushing);
    expect(pc.core.sqlite().prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(1);
    // Applied at head office, the answer lost; edited once more before the next round.
    const answerLost: Transport = async (base, options) => {
      const answer = await requestJson(base, options);
      if (options.path === '/v1/sync/push') throw new Error('antwoord kwijt');
      return answer;
    };
    await expect(syncPc(pc, answerLost)).rejects.toThrow('antwoord kwijt');
    await edit(pc, childId, 'Pinda, noten en gluten');
    expect((await syncPc(pc)).conflicts).toBe(0);
    await expectLastEdit(pc, other, childId, 'Pinda, noten en gluten');
  });

  it('an edit on another PC in between is still a conflict', async () => {
    const { pc, other, childId } = await location();
    await edit(other, childId, 'Lactose');
    await syncPc(other);
    await edit(pc, childId, 'Pinda en noten');
    await edit(pc, childId, 'Pinda, noten');
    const report = await syncPc(pc);
    // Both of this PC's edits were stale against the other PC's: each is kept for the manager.
    expect(report.conflicts).toBe(2);
    const kept = await pc.ok('sync.conflicts', {});
    expect(kept.map((c) => [c.entity, (c.localPayload as { allergies: string }).allergies, (c.serverPayload as { allergies: string }).allergies])).toEqual([
      ['child_medical', 'Pinda en noten', 'Lactose'],
      ['child_medical', 'Pinda, noten', 'Lactose'],
    ]);
    await syncPc(other);
    expect((await other.ok('medical.get', { childId })).allergies).toBe('Lactose');
  });
});
