import { describe, expect, it } from 'vitest';
import { makeBackend, setUpLocation, type TestBackend } from '../helpers/backend';
import { HOUSEHOLD, createFamily, groupId } from '../helpers/clients';
import { readPdf as readPdfRaw } from '../helpers/pdf';

/** The letter's text on one line (pdftotext breaks lines where the PDF wraps them). */
const readPdf = (file: Parameters<typeof readPdfRaw>[0]) => readPdfRaw(file).replace(/\s+/g, ' ');

/**
 * Issue 16 part 2: bezwaar (AVG art. 21) against any processing on legitimate interest, taken
 * from the data map. Upheld: that processing stops for the person and stays stopped; refused: the
 * reasons are required at the field and printed in the letter.
 */
async function location(today = '2026-11-25') {
  const now = new Date(`${today}T10:00:00Z`);
  const backend = makeBackend(undefined, { now: () => now });
  await setUpLocation(backend);
  return { backend };
}

async function family(backend: TestBackend) {
  const { household, child } = await createFamily(backend);
  await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, startDate: '2025-01-01', endDate: null });
  const contractParent = household.parents.find((p) => p.isContractParent)!;
  const otherParent = household.parents.find((p) => !p.isContractParent)!;
  return { household, child, contractParent, otherParent };
}

const objection = (backend: TestBackend, input: { subjectType: 'parent' | 'child' | 'employee' | 'pickup_person' | 'waitlist_prospect'; subjectId: string; requesterParentId?: string }) =>
  backend.ok('requests.create', { kind: 'objection', receivedOn: '2026-11-20', identityMethod: 'id_shown', ...input });

const rowCount = (backend: TestBackend, table: string) => (backend.core.sqlite().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('objection (bezwaar, art. 21) against processing on legitimate interest', () => {
  it('the other parent: the processings come from the data map; a refusal without reasons is refused at the field and writes nothing; upheld, contact stops and stays stopped', async () => {
    const { backend } = await location();
    const { household, otherParent } = await family(backend);
    const r = await objection(backend, { subjectType: 'parent', subjectId: otherParent.id, requesterParentId: otherParent.id });
    expect(r.requesterName).toBe('Joris Bakker');

    const categories = await backend.ok('requests.objectionCategories', { id: r.id });
    // The other parent's data rest on legitimate interest; their e-mail address also serves marketing.
    expect(categories.map((c) => c.category)).toEqual(['other_parent', 'parent_marketing']);
    expect(categories[0]).toMatchObject({ hasData: true, legalBasis: expect.stringMatching(/Gerechtvaardigd belang/) });

    // A refusal needs reasons: in Dutch at the field, nothing written, the request still open.
    const noReason = await backend.err('requests.objection', { id: r.id, decisions: [{ category: 'other_parent', outcome: 'refused', reason: '  ' }] });
    expect(noReason.code).toBe('VALIDATION');
    expect(noReason.details).toEqual({ 'decisions.0.reason': 'Vermeld waarom het bezwaar is afgewezen (de dwingende gerechtvaardigde gronden); dit komt in de brief.' });
    // A processing that does not rest on legitimate interest (medical data: consent and vital interest) cannot be objected to here.
    const notApplicable = await backend.err('requests.objection', { id: r.id, decisions: [{ category: 'child_medical', outcome: 'upheld' }] });
    expect(notApplicable.details).toEqual({ 'decisions.0.category': expect.stringMatching(/niet op gerechtvaardigd belang/) });
    expect(rowCount(backend, 'processing_objections')).toBe(0);
    expect((await backend.ok('requests.get', { id: r.id })).status).toBe('open');

    const done = await backend.ok('requests.objection', { id: r.id, decisions: [{ category: 'other_parent', outcome: 'upheld' }] });
    expect(done).toMatchObject({ status: 'closed', outcome: 'granted' });
    expect(done.decision?.objections).toEqual([expect.objectContaining({ category: 'other_parent', outcome: 'upheld', effect: expect.stringMatching(/benaderen u niet meer/) })]);
    // Stopped: the phone number is gone, name and gezag stay.
    const after = (await backend.ok('households.get', { id: household.id })).parents.find((p) => p.id === otherParent.id)!;
    expect(after).toMatchObject({ firstName: 'Joris', phone: null, email: null, hasParentalAuthority: true });
    // And stays stopped: entering the number again is refused, and nothing changes.
    const update = { id: household.id, ...HOUSEHOLD, parents: HOUSEHOLD.parents.map(({ bsn: _bsn, ...p }, i) => ({ ...p, id: household.parents.find((x) => x.isContractParent === (i === 0))!.id })) };
    const refused = await backend.err('households.update', update);
    expect(refused.code).toBe('LOCKED');
    expect(refused.message).toMatch(/bezwaar tegen het vastleggen van contactgegevens; het bezwaar is op 25-11-2026 gehonoreerd/);
    expect((await backend.ok('households.get', { id: household.id })).parents.find((p) => p.id === otherParent.id)!.phone).toBeNull();
    // Without contact details the household can still be edited.
    await backend.ok('households.update', { ...update, parents: update.parents.map((p) => (p.id === otherParent.id ? { ...p, phone: null, email: null } : p)) });

    const letter = readPdf(await backend.ok('requests.letter', { id: r.id }));
    expect(letter).toContain('Besluit op uw verzoek: bezwaar (avg artikel 21)');
    expect(letter).toContain('Naam en contactgegevens (ouder zonder contract): bezwaar gehonoreerd.');
    expect(letter).toMatch(/Wij benaderen u niet meer over de opvang/);
  });

  it('refused with reasons: the reasons are printed in the letter and the processing goes on (a blokkade for a labour dispute stays)', async () => {
    const { backend } = await location();
    const ilse = await backend.ok('employees.save', {
      firstName: 'Ilse', surnamePrefix: 'van', surname: 'Dijk', address: 'Lindelaan 3, Vianen', email: 'ilse@voorbeeld.nl', phone: null,
      position: 'Pedagogisch medewerker', employmentStart: '2019-03-01', employmentEnd: '2024-06-30', labourDispute: true,
    });
    const hold = await backend.ok('holds.place', { subjectType: 'employee', subjectId: ilse.id, reasonKind: 'legal_claim', reason: 'Procedure bij de kantonrechter', reviewDate: '2027-06-01' });
    const r = await objection(backend, { subjectType: 'employee', subjectId: ilse.id });
    expect((await backend.ok('requests.objectionCategories', { id: r.id })).map((c) => c.category)).toEqual(['legal_hold']);
    const reason = 'De gegevens zijn nodig voor de lopende procedure bij de kantonrechter (AVG artikel 21 lid 1: rechtsvordering).';
    const done = await backend.ok('requests.objection', { id: r.id, decisions: [{ category: 'legal_hold', outcome: 'refused', reason }] });
    expect(done.outcome).toBe('refused');
    expect((await backend.ok('holds.list', { subjectType: 'employee', subjectId: ilse.id })).find((h) => h.id === hold.id)?.liftedAt).toBeNull();
    const letter = readPdf(await backend.ok('requests.letter', { id: r.id }));
    expect(letter).toContain('bezwaar afgewezen. Onze redenen: De gegevens zijn nodig voor de lopende procedure bij de kantonrechter');
    expect(letter).toContain('Autoriteit Persoonsgegevens');

    // Upheld on a second request, the blokkade is lifted with the objection as its reason.
    const again = await objection(backend, { subjectType: 'employee', subjectId: ilse.id });
    await backend.ok('requests.objection', { id: again.id, decisions: [{ category: 'legal_hold', outcome: 'upheld' }] });
    const lifted = (await backend.ok('holds.list', { subjectType: 'employee', subjectId: ilse.id })).find((h) => h.id === hold.id)!;
    expect(lifted.liftedAt).not.toBeNull();
    expect(lifted.liftReason).toMatch(/Bezwaar van de betrokkene gehonoreerd/);
  });

  it('identification at pickup: upheld for a child, its identifications go and no new one is recorded; for a pickup person only their own', async () => {
    const { backend } = await location();
    const { child, contractParent } = await family(backend);
    const { child: sibling } = await (async () => {
      const s = await backend.ok('children.create', { householdId: child.householdId, firstName: 'Mees', initials: 'M.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2024-02-01', groupId: await groupId(backend, 'Rupsjes'), bsn: null });
      return { child: s };
    })();
    const oma = await backend.ok('pickup.addPerson', { childId: sibling.id, name: 'Oma Truus', relation: 'oma', phone: '06 33334444', validUntil: null });
    const identify = (childId: string, collectorName: string) => backend.call('pickup.recordIdentification', { childId, collectorName, method: 'parent_called' });
    expect((await identify(child.id, 'Buurvrouw Els')).ok).toBe(true);
    expect((await identify(sibling.id, 'Oma Truus')).ok).toBe(true);

    // The contract parent objects for the child.
    const r = await objection(backend, { subjectType: 'child', subjectId: child.id, requesterParentId: contractParent.id });
    // A blokkade could also be placed on the child's records (none now): that, too, rests on legitimate interest.
    const categories = await backend.ok('requests.objectionCategories', { id: r.id });
    expect(categories.map((c) => [c.category, c.hasData])).toEqual([['child_identification', true], ['legal_hold', false]]);
    await backend.ok('requests.objection', { id: r.id, decisions: [{ category: 'child_identification', outcome: 'upheld' }] });
    expect((await backend.ok('pickup.list', { childId: child.id })).identifications).toEqual([]);
    const refused = await backend.err('pickup.recordIdentification', { childId: child.id, collectorName: 'Buurvrouw Els', method: 'parent_called' });
    expect(refused.code).toBe('LOCKED');
    expect(refused.message).toMatch(/bezwaar tegen het vastleggen van identificaties gehonoreerd/);
    // The sibling's log is untouched.
    expect((await backend.ok('pickup.list', { childId: sibling.id })).identifications).toHaveLength(1);

    // A pickup person objects for themself: only identifications naming them stop.
    const byOma = await objection(backend, { subjectType: 'pickup_person', subjectId: oma.id });
    expect(byOma.requesterName).toBe('Oma Truus');
    await backend.ok('requests.objection', { id: byOma.id, decisions: [{ category: 'child_identification', outcome: 'upheld' }] });
    expect((await backend.ok('pickup.list', { childId: sibling.id })).identifications).toEqual([]);
    expect((await backend.err('pickup.recordIdentification', { childId: sibling.id, collectorName: ' oma truus ', method: 'parent_called' })).code).toBe('LOCKED');
    expect((await identify(sibling.id, 'Opa Kees')).ok).toBe(true);
  });

  it('marketing: upheld puts the address on the opt-out list; a waiting-list parent has no processing on legitimate interest', async () => {
    const { backend } = await location();
    const { contractParent } = await family(backend);
    const r = await objection(backend, { subjectType: 'parent', subjectId: contractParent.id, requesterParentId: contractParent.id });
    expect((await backend.ok('requests.objectionCategories', { id: r.id })).map((c) => c.category)).toEqual(['parent_marketing', 'legal_hold']);
    await backend.ok('requests.objection', { id: r.id, decisions: [{ category: 'parent_marketing', outcome: 'upheld' }] });
    expect((await backend.ok('marketing.optOuts', {})).map((o) => o.email)).toEqual(['sanne@example.nl']);

    const prospect = await backend.ok('waitlist.create', { parentName: 'Karin Mulder', parentEmail: 'karin@voorbeeld.nl', parentPhone: null, childFirstName: 'Mees', childSurname: 'Mulder', childBirthDate: '2025-05-01', careType: 'dagopvang', desiredDays: ['wo'], desiredStartDate: '2027-01-06' });
    const w = await objection(backend, { subjectType: 'waitlist_prospect', subjectId: prospect.id });
    expect(await backend.ok('requests.objectionCategories', { id: w.id })).toEqual([]);
    expect((await backend.err('requests.objection', { id: w.id, decisions: [{ category: 'parent_marketing', outcome: 'upheld' }] })).code).toBe('VALIDATION');
  });
});
