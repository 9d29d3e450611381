import { describe, expect, it } from 'vitest';
import { isoDateIn } from '../../shared/domain/clock';
import { addDays } from '../../shared/domain/requests';
import { makeBackend, setUpLocation } from '../helpers/backend';
import { createFamily, groupId } from '../helpers/clients';

const DAY_MS = 86_400_000;

/**
 * Every "not in the future" check follows the backend's clock (`--clock`, test clocks), not the PC's:
 * with the app's clock far ahead or far back, a date just before the app's today is accepted and one
 * just after is refused — whatever day the PC thinks it is.
 */
describe.each([
  ['far ahead', 800],
  ['far back', -800],
])('date checks on the app clock (%s)', (_label, offsetDays) => {
  it('a received date, a BSN-controle date and a birth date just before today pass; just after today they are refused', async () => {
    const now = () => new Date(Date.now() + offsetDays * DAY_MS);
    const backend = makeBackend(undefined, { now });
    await setUpLocation(backend);
    const today = isoDateIn(now());
    const yesterday = addDays(today, -1);
    const tomorrow = addDays(today, 1);
    const { household, child } = await createFamily(backend);
    const parent = household.parents.find((p) => p.isContractParent)!;

    const request = { kind: 'access' as const, subjectType: 'parent' as const, subjectId: parent.id, requesterParentId: parent.id, identityMethod: 'id_shown' as const };
    const refused = await backend.err('requests.create', { ...request, receivedOn: tomorrow });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details?.receivedOn).toMatch(/toekomst/);
    expect(await backend.ok('requests.list', {})).toEqual([]);
    expect((await backend.ok('requests.create', { ...request, receivedOn: yesterday })).receivedOn).toBe(yesterday);
    expect((await backend.ok('requests.create', { ...request, receivedOn: today })).receivedOn).toBe(today);

    expect((await backend.err('bsn.recordCheck', { subject: 'child', id: child.id, method: 'svb_letter', checkedOn: tomorrow })).details?.checkedOn).toMatch(/toekomst/);
    await backend.ok('bsn.recordCheck', { subject: 'child', id: child.id, method: 'svb_letter', checkedOn: yesterday });

    const newborn = { householdId: household.id, firstName: 'Mila', initials: 'M.', surnamePrefix: 'de', surname: 'Boer', groupId: await groupId(backend, 'Rupsjes'), bsn: null };
    expect((await backend.err('children.create', { ...newborn, birthDate: tomorrow })).details?.birthDate).toMatch(/toekomst/);
    expect((await backend.ok('children.create', { ...newborn, birthDate: yesterday })).birthDate).toBe(yesterday);
  });
});
