import { describe, expect, it } from 'vitest';
import { makeBackend, setUpLocation } from '../helpers/backend';
import { createFamily, groupId } from '../helpers/clients';
import { offStyleDates } from '../helpers/dateStyles';
import { readPdf } from '../helpers/pdf';

/**
 * Issue 17: paper speaks the same date style as the screen (shared/domain/dates.ts): every letter,
 * form, list and register a location prints, from a family with a history, holds no ISO date,
 * no unpadded or abbreviated date and no "1 december 2026, 14:05".
 */
describe('one date style on paper', () => {
  it('letters, forms, lists, registers and the meldcode file print dates only as 01-12-2026, 1 december 2026 (om 14:05)', async () => {
    const clock = { now: new Date('2026-11-25T10:00:00Z') };
    const backend = makeBackend(undefined, { now: () => clock.now });
    const setup = await setUpLocation(backend);
    // The manager is also the aandachtsfunctionaris here (decides on the meldcode file in the answer).
    await backend.ok('users.update', { id: setup.session!.userId, name: setup.session!.name, roles: ['manager', 'meldcodeOfficer'] });
    const recoveryKey = await backend.ok('setup.recoveryKeyPdf', {});
    const { household, child } = await createFamily(backend);
    const parent = household.parents.find((p) => p.isContractParent)!;
    await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, startDate: '2025-01-06', endDate: '2027-07-31' });
    await backend.ok('consents.record', { childId: child.id, parentId: parent.id, decidedOn: '2026-01-05', channel: 'signed_form', answers: [{ purpose: 'nieuwsbrief', given: true, recognisable: true }] });
    await backend.ok('exchange.create', { childId: child.id, parentId: parent.id, recipientName: 'Basisschool De Wegwijzer', recipientType: 'school', purpose: 'Overdracht', dataDescription: 'Overdrachtsformulier', validUntil: '2027-06-30', givenOn: '2026-01-05', written: true });
    const ggd = await backend.ok('disclosures.export', { params: { kind: 'ggd', date: '2026-11-23' }, format: 'pdf' });
    const tax = await backend.ok('disclosures.export', { params: { kind: 'belastingdienst', month: '2026-10' }, format: 'pdf' });
    const file = await backend.ok('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: '2026-11-02' });
    await backend.ok('meldcode.addEntry', { caseId: file.id, kind: 'signal', occurredOn: '2026-11-02', payload: { observation: 'Blauwe plek op de arm', observedBy: 'Petra Melder' } });
    const access = await backend.ok('requests.create', { kind: 'access', subjectType: 'parent', subjectId: parent.id, requesterParentId: parent.id, receivedOn: '2026-11-20', identityMethod: 'id_shown', description: null });
    await backend.ok('requests.meldcodeDecision', { id: access.id, decision: 'exclude', reason: 'Het dossier loopt nog.' });
    const report = await backend.ok('requests.accessReport', { id: access.id });
    await backend.ok('requests.close', { id: access.id, outcome: 'granted' });

    const documents = {
      'herstelsleutel': recoveryKey,
      'toestemmingsformulier': await backend.ok('consents.formPdf', { childId: child.id, blank: false }),
      'fotolijst': await backend.ok('consents.rosterPdf', { groupId: await groupId(backend, 'Rupsjes'), purpose: 'nieuwsbrief' }),
      'GGD-lijst': ggd,
      'Belastingdienst': tax,
      'inzageverslag': report,
      'besluitbrief': await backend.ok('requests.letter', { id: access.id }),
      'waarom bewaren': await backend.ok('retention.whyPdf', { subjectType: 'household', id: household.id }),
      'verwerkingsregister': await backend.ok('register.pdf', {}),
      'meldcodedossier': await backend.ok('meldcode.printPdf', { caseId: file.id }),
    };
    const texts = Object.fromEntries(Object.entries(documents).map(([name, pdf]) => [name, readPdf(pdf, { layout: false }).replace(/\s+/g, ' ')]));
    const found = Object.entries(texts).flatMap(([name, text]) => offStyleDates(text).map((f) => `${name}: ${f}`));
    expect(found).toEqual([]);
    // The dates are there, in the one style (the test would pass on a document without dates otherwise).
    // The GGD list names its day in words, with the weekday (issue 16 §5): "maandag 23 november 2026".
    expect(texts['GGD-lijst']).toContain('maandag 23 november 2026');
    expect(texts['Belastingdienst']).toContain('Periode/datum: oktober 2026');
    expect(texts['inzageverslag']).toContain('Op 20-11-2026 vroeg u ons');
    expect(texts['meldcodedossier']).toMatch(/Afgedrukt door .+ op 25 november 2026 om 11:00/);
    expect(texts['herstelsleutel']).toMatch(/Aangemaakt: 25 november 2026 om 11:00/);
  });
});
