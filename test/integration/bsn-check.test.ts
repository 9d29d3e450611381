import { describe, expect, it } from 'vitest';
import { appToday } from '../../shared/domain/clock';
import { makeBackend, setUpLocation } from '../helpers/backend';
import { BSN, createFamily, loginAsStaff } from '../helpers/clients';

/**
 * BSN-controle at intake by a pedagogisch medewerker: they type the number from the ID document or
 * the SVB letter, the backend compares it with the recorded BSN and records the check only when it
 * matches. The full BSN (or any digit of it) never reaches them.
 */
describe('BSN-controle by staff', () => {
  it('staff record the check by typing the BSN; a wrong number or none is refused; the BSN is never read back', async () => {
    const backend = makeBackend();
    await setUpLocation(backend);
    const { household, child } = await createFamily(backend);
    const parent = household.parents.find((p) => p.isContractParent)!;
    await loginAsStaff(backend);
    const today = appToday();
    const checks = () => backend.core.sqlite().prepare('SELECT subject_id, method, checked_by_name FROM bsn_verifications').all();

    // What staff see: that there is a BSN and that its check is missing — no digit of it.
    const before = await backend.ok('children.get', { id: child.id });
    expect(before.bsn).toEqual({ masked: '•••••••••', check: null });

    const untyped = await backend.err('bsn.recordCheck', { subject: 'child', id: child.id, method: 'svb_letter', checkedOn: today });
    expect(untyped.details?.bsn).toBe('Typ het BSN over van het ID-bewijs of de SVB-brief.');
    const wrong = await backend.err('bsn.recordCheck', { subject: 'child', id: child.id, method: 'svb_letter', checkedOn: today, bsn: BSN.other });
    expect(wrong.details?.bsn).toMatch(/^Dit BSN komt niet overeen met het vastgelegde BSN/);
    expect(JSON.stringify([untyped, wrong])).not.toContain(BSN.child);
    const invalid = await backend.err('bsn.recordCheck', { subject: 'child', id: child.id, method: 'svb_letter', checkedOn: today, bsn: '123456789' });
    expect(invalid.details?.bsn).toMatch(/elfproef/);
    expect(checks()).toEqual([]);

    const done = await backend.ok('bsn.recordCheck', { subject: 'child', id: child.id, method: 'svb_letter', checkedOn: today, bsn: BSN.child });
    expect(JSON.stringify(done)).not.toContain(BSN.child);
    await backend.ok('bsn.recordCheck', { subject: 'parent', id: parent.id, method: 'id_document', checkedOn: today, bsn: BSN.parent });
    expect(checks()).toEqual([
      { subject_id: child.id, method: 'svb_letter', checked_by_name: 'Bert Jansen' },
      { subject_id: parent.id, method: 'id_document', checked_by_name: 'Bert Jansen' },
    ]);
    const after = await backend.ok('children.get', { id: child.id });
    expect(after.bsn).toEqual({ masked: '•••••••••', check: { method: 'svb_letter', checkedOn: today, checkedByName: 'Bert Jansen' } });

    // Reading or changing the full BSN stays refused.
    expect((await backend.err('bsn.reveal', { subject: 'child', id: child.id })).code).toBe('FORBIDDEN');
    expect((await backend.err('bsn.set', { subject: 'child', id: child.id, bsn: BSN.other })).code).toBe('FORBIDDEN');
    // Ids (UUIDs) and timestamps are left out: random digits in them ("…-8333bb…") are no BSN.
    const everything = JSON.stringify([await backend.ok('households.get', { id: household.id }), after, await backend.ok('children.list', {})])
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
      .replace(/\d{4}-\d{2}-\d{2}T[0-9:.]+Z/g, '<tijd>');
    for (const digits of [BSN.parent, BSN.child, '333', '782']) expect(everything).not.toContain(digits);
    const audit = JSON.stringify(backend.core.sqlite().prepare('SELECT * FROM audit_log').all());
    expect(audit).not.toContain(BSN.child);
  });

  it('a manager may type the number too; a mismatch is refused for them as well', async () => {
    const backend = makeBackend();
    await setUpLocation(backend);
    const { child } = await createFamily(backend);
    const wrong = await backend.err('bsn.recordCheck', { subject: 'child', id: child.id, method: 'svb_letter', checkedOn: appToday(), bsn: BSN.other });
    expect(wrong.code).toBe('VALIDATION');
    await backend.ok('bsn.recordCheck', { subject: 'child', id: child.id, method: 'svb_letter', checkedOn: appToday(), bsn: BSN.child });
  });
});
