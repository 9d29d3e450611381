import { describe, expect, it } from 'vitest';
import { categoryEndDates, retentionOfCategory, type CategoryEndDate } from '../../electron/backend/modules/retention/endDates';
import { CATEGORIES, type DataCategoryKey } from '../../shared/dataMap';
import { nlDate } from '../../shared/domain/dates';
import type { TestBackend } from '../helpers/backend';
import { createFamily } from '../helpers/clients';
import { readPdf } from '../helpers/pdf';
import { moveClock, newBackend } from '../helpers/retention';
import { containsText, decryptDatabaseFile } from '../helpers/sqlcipher';

/**
 * Issue 14 §7: the access report, the erasure preview and the decision letter state each
 * category's real end date — the one the retention engine acts on (retention/endDates.ts), with
 * its holds and running contracts — so no answer promises a deletion the engine does not perform.
 */

const ALLERGY = 'Kanariepinda-allergie';
const HOLD_REASON = 'Klacht over de facturatie';

const flat = (pdf: { fileName: string; base64: string }) => readPdf(pdf).replace(/\s+/g, ' ');

function decrypted(backend: TestBackend) {
  backend.core.sqlite().pragma('wal_checkpoint(TRUNCATE)');
  return decryptDatabaseFile(backend.core.dbFile, Buffer.from(backend.core.dbKey()));
}

/** The line of the access report's "Bewaartermijnen per categorie" for one category, from the engine's values. */
function reportLine(ends: readonly CategoryEndDate[], key: DataCategoryKey): string {
  const r = retentionOfCategory(ends, key)!;
  const until = r.keptUntil ? `bewaard tot ${nlDate(r.keptUntil)}${r.note ? ` (${r.note})` : ''}` : r.erasableNow ? 'geen bewaarplicht meer: op verzoek direct te verwijderen' : (r.note ?? 'geen vaste einddatum');
  return `${CATEGORIES[key].label}: ${r.rule}; ${until}.`;
}

/** The bullet of the decision letter for a kept category, from the engine's values. */
function letterLine(ends: readonly CategoryEndDate[], key: DataCategoryKey): string {
  const r = retentionOfCategory(ends, key)!;
  const until = r.keptUntil ? `bewaard tot ${nlDate(r.keptUntil)}${r.note ? ` (${r.note})` : ''}` : (r.note ?? 'zonder vaste einddatum');
  return `${CATEGORIES[key].label}: ${r.rule}; ${until}. Grondslag: ${r.legalBasis}.`;
}

const request = (backend: TestBackend, input: { kind: 'access' | 'erasure'; subjectType: 'parent' | 'child'; subjectId: string; requesterParentId: string; receivedOn: string }) =>
  backend.ok('requests.create', { identityMethod: 'id_shown', description: null, ...input });

describe('letters and the access report take every date from the retention engine', () => {
  it('for a child and its contract parent with data in every category, a blokkade and a moved clock', async () => {
    const { backend, clock } = await newBackend('2025-01-10');
    const { household, child } = await createFamily(backend);
    const parent = household.parents.find((p) => p.isContractParent)!;
    await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, startDate: '2025-01-01', endDate: '2026-06-30' });
    await backend.ok('medical.update', { childId: child.id, allergies: ALLERGY, diet: null, medication: null, otherParticulars: null });
    await backend.ok('pickup.addPerson', { childId: child.id, name: 'Tante Truus', relation: 'Tante', phone: null, validUntil: null });
    await backend.ok('pickup.addBan', { childId: child.id, name: 'Oom Verbod', basisReference: 'Beschikking rechtbank', basisDate: null, notes: null });
    await backend.ok('pickup.recordIdentification', { childId: child.id, collectorName: 'Buurvrouw Els', method: 'parent_called' });
    await backend.ok('consents.record', { childId: child.id, parentId: parent.id, decidedOn: '2025-01-08', channel: 'signed_form', answers: [{ purpose: 'ouderportaal', given: true, recognisable: true }] });
    await backend.ok('exchange.create', { childId: child.id, parentId: parent.id, recipientName: 'Basisschool De Wegwijzer', recipientType: 'school', purpose: 'Overdracht', dataDescription: 'Overdrachtsformulier', validUntil: '2025-12-31', givenOn: '2025-01-05', written: true });
    await backend.ok('disclosures.export', { params: { kind: 'belastingdienst', month: '2025-01' }, format: 'csv' });
    await backend.ok('disclosures.export', { params: { kind: 'ggd', date: '2025-01-10' }, format: 'csv' });
    const hold = await backend.ok('holds.place', { subjectType: 'household', subjectId: household.id, reasonKind: 'complaint', reason: HOLD_REASON, reviewDate: '2027-03-01' });

    // Past the contract's end and the 3 months of the parents' contact details: the blokkade keeps everything.
    await moveClock(backend, clock, '2026-10-15');
    const db = backend.core.db();
    const today = backend.core.today();
    expect(today).toBe('2026-10-15');
    expect((await backend.ok('medical.get', { childId: child.id })).allergies).toBe(ALLERGY);

    const access = await request(backend, { kind: 'access', subjectType: 'parent', subjectId: parent.id, requesterParentId: parent.id, receivedOn: today });
    const erasure = await request(backend, { kind: 'erasure', subjectType: 'parent', subjectId: parent.id, requesterParentId: parent.id, receivedOn: today });
    const parentEnds = await categoryEndDates(db, today, { type: 'parent', id: parent.id }, { hideMeldcode: true });
    const childEnds = await categoryEndDates(db, today, { type: 'child', id: child.id }, { hideMeldcode: true });

    // The engine's own view, in a few fixed points: the household under its 7-year rule, the parts past their date, all held.
    const held = `blokkade: lopende klacht: ${HOLD_REASON}`;
    expect(parentEnds.find((e) => e.category === 'parent_identity')).toMatchObject({ policy: 'contract', endDate: '2033-06-30', status: 'held', keptUntil: '2033-06-30', note: held });
    expect(parentEnds.find((e) => e.category === 'parent_contact')).toMatchObject({ policy: 'parent_contact', endDate: '2026-09-30', status: 'held', erasableNow: false, keptUntil: null, note: held });
    expect(childEnds.find((e) => e.category === 'child_medical')).toMatchObject({ policy: 'medical', endDate: '2026-06-30', status: 'held', keptUntil: null, note: held });
    expect(childEnds.find((e) => e.category === 'child_photo_consents')).toMatchObject({ policy: 'photo_consent', endDate: '2031-06-30', keptUntil: '2031-06-30' });
    expect(childEnds.find((e) => e.category === 'child_exchange_consents')).toMatchObject({ policy: 'exchange_consent', endDate: '2030-12-31', keptUntil: '2030-12-31' });
    expect(childEnds.find((e) => e.category === 'disclosure_register')).toMatchObject({ policy: 'disclosure_register', status: 'held', endDate: '2032-01-10' });
    expect(childEnds.find((e) => e.category === 'legal_hold')).toBeUndefined();
    expect(parentEnds.find((e) => e.category === 'legal_hold')).toMatchObject({ status: 'with', policy: 'contract', endDate: '2033-06-30', rule: 'Samen met het gezin' });

    // The access report (parent and the child whose rights she exercises): every category's line is the engine's.
    const report = flat(await backend.ok('requests.accessReport', { id: access.id }));
    const reported = { parent: new Set<DataCategoryKey>(), child: new Set<DataCategoryKey>() };
    for (const [who, ends] of [['parent', parentEnds], ['child', childEnds]] as const) {
      for (const key of new Set(ends.map((e) => e.category))) {
        if (ends.every((e) => e.category !== key || e.status === 'kept')) continue; // a rule without data (the opt-out list) is not in the report
        expect(report, `${who}: ${key}`).toContain(reportLine(ends, key));
        reported[who].add(key);
      }
    }
    const expected: DataCategoryKey[] = ['child_identity', 'child_bsn', 'child_contracts', 'child_paper_dossier', 'child_medical', 'child_pickup_persons', 'child_pickup_bans', 'child_identification', 'child_photo_consents', 'child_exchange_consents', 'disclosure_register'];
    expect([...reported.child].sort()).toEqual(expected.sort());
    expect([...reported.parent]).toEqual(expect.arrayContaining(['parent_identity', 'parent_contact', 'parent_bsn', 'household_financial', 'disclosure_register', 'subject_request', 'legal_hold']));
    expect(report).toContain('Naam, voorletters en adres: 7 jaar na einde van het laatste contract; bewaard tot 30-06-2033 (blokkade: lopende klacht: Klacht over de facturatie).');

    // The erasure preview (JSON) and, after executing it, the stored decision and the letter.
    const preview = await backend.ok('requests.erasurePreview', { id: erasure.id });
    for (const c of preview.categories) {
      if (c.category === 'parent_marketing') continue; // ends by objection, which the erasure records itself
      const engine = retentionOfCategory(parentEnds, c.category as DataCategoryKey);
      expect(engine, c.category).not.toBeNull();
      expect({ erasableNow: c.erasableNow, keptUntil: c.keptUntil, note: c.note, rule: c.rule }, c.category).toEqual({ erasableNow: engine!.erasableNow, keptUntil: engine!.keptUntil, note: engine!.note, rule: engine!.rule });
    }
    expect(preview.categories.map((c) => [c.category, c.erasableNow, c.keptUntil])).toEqual([
      ['parent_identity', false, '2033-06-30'],
      ['parent_contact', false, null],
      ['parent_bsn', false, '2033-06-30'],
      ['household_financial', false, '2033-06-30'],
      ['parent_marketing', true, null],
    ]);
    const done = await backend.ok('requests.erase', { id: erasure.id });
    expect(done.decision?.erased.map((c) => c.category)).toEqual(['parent_marketing']);
    for (const c of done.decision?.kept ?? []) expect(c.keptUntil, c.category).toBe(retentionOfCategory(parentEnds, c.category as DataCategoryKey)!.keptUntil);
    const letter = flat(await backend.ok('requests.letter', { id: erasure.id }));
    for (const c of done.decision?.kept ?? []) expect(letter, c.category).toContain(letterLine(parentEnds, c.category as DataCategoryKey));
    expect(letter).toContain('E-mailadres en telefoonnummer: 3 maanden na einde van het laatste contract van het gezin; blokkade: lopende klacht: Klacht over de facturatie.');

    // The blokkade is lifted: the next run does what the letters said — the parts past their date go, the rest keeps its date.
    await backend.ok('holds.lift', { id: hold.id, reason: 'Klacht afgehandeld' });
    await moveClock(backend, clock, '2026-10-16');
    expect((await backend.ok('medical.get', { childId: child.id })).allergies ?? null).toBeNull();
    expect(containsText(decrypted(backend), ALLERGY)).toBe(false);
    const later = backend.core.today();
    const childErasure = await request(backend, { kind: 'erasure', subjectType: 'child', subjectId: child.id, requesterParentId: parent.id, receivedOn: later });
    const afterEnds = await categoryEndDates(backend.core.db(), later, { type: 'child', id: child.id }, { hideMeldcode: true });
    expect(afterEnds.find((e) => e.category === 'child_medical')).toBeUndefined();
    const childPreview = await backend.ok('requests.erasurePreview', { id: childErasure.id });
    for (const c of childPreview.categories) {
      const engine = retentionOfCategory(afterEnds, c.category as DataCategoryKey);
      expect(engine, c.category).not.toBeNull();
      expect({ erasableNow: c.erasableNow, keptUntil: c.keptUntil, note: c.note }, c.category).toEqual({ erasableNow: engine!.erasableNow, keptUntil: engine!.keptUntil, note: engine!.note });
    }
    expect(Object.fromEntries(childPreview.categories.map((c) => [c.category, c.keptUntil]))).toMatchObject({ child_identity: '2033-06-30', child_photo_consents: '2031-06-30', child_exchange_consents: '2030-12-31' });
    const childDone = await backend.ok('requests.erase', { id: childErasure.id });
    const childLetter = flat(await backend.ok('requests.letter', { id: childErasure.id }));
    expect(childDone.decision?.kept.length).toBeGreaterThan(0);
    for (const c of childDone.decision?.kept ?? []) expect(childLetter, c.category).toContain(letterLine(afterEnds, c.category as DataCategoryKey));
    expect(childLetter).toContain('bewaard tot 30-06-2033.');
    expect(childLetter).not.toContain('blokkade');
  });
});
