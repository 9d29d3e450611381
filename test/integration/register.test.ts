import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../shared/api/contract';
import { syncOnce } from '../../electron/backend/sync/sync.engine';
import { publishToLocation } from '../../headoffice/service/publish.service';
import { CATEGORIES, DATA_MAP, NEW_POLICY_DEFAULTS } from '../../shared/dataMap';
import { DEFAULT_POLICIES } from '../../shared/domain/retention';
import { LOCATION, makeBackend, setUpLocation, tempDir } from '../helpers/backend';
import { loginAsStaff } from '../helpers/clients';
import { startHeadOffice, type RunningHeadOffice } from '../helpers/headoffice';
import { ORGANISATION_PROFILE, receiveOrganisationProfile } from '../helpers/organisation';
import { readPdf } from '../helpers/pdf';

/**
 * Issue 14 §6: the verwerkingsregister (AVG art. 30) of the location, as data and as a PDF, drawn
 * up from the data map and the bewaartermijnen in force — including a rule head office changed.
 */

const TODAY = '2027-03-15';
const clock = () => new Date(`${TODAY}T10:00:00Z`);

async function newBackend() {
  const backend = makeBackend(tempDir(), { now: clock });
  await setUpLocation(backend);
  return backend;
}

/** Every category some column of the map belongs to (or is also used for). */
const mappedCategories = () => {
  const found = new Set<string>();
  for (const entry of Object.values(DATA_MAP)) {
    if (entry.kind !== 'personal') continue;
    for (const group of entry.groups) for (const key of [group.category, ...(group.uses ?? [])]) found.add(key);
  }
  return Object.keys(CATEGORIES).filter((key) => found.has(key));
};

const rowOf = (register: MethodOutput<'register.get'>, category: string) => {
  const row = register.rows.find((r) => r.category === category);
  if (!row) expect.fail(`no register row for ${category}`);
  return row;
};

/** Head office changes a rule for this location; the PC takes it at the next pull (as in retention.test.ts). */
async function headOfficeSetsPolicy(ho: RunningHeadOffice, locationId: string, policy: { key: string; category: string; period_amount: number; period_unit: string; anchor: string; legal_basis: string }) {
  const id = `${locationId}:${policy.key}`;
  const at = `${TODAY}T09:00:00.000Z`;
  await ho.db.transaction().execute((trx) => publishToLocation(trx, locationId, [{ entity: 'retention_policies', entityId: id, payload: { id, ...policy, updated_at: at } }], at));
}

describe('verwerkingsregister (art. 30 AVG)', () => {
  it('names the controller, the Privacy Officer and the FG once head office has shared them', async () => {
    const backend = await newBackend();
    expect((await backend.ok('register.get', {})).organisation).toBeNull();
    await receiveOrganisationProfile(backend);
    expect((await backend.ok('register.get', {})).organisation).toEqual({
      controller: `${ORGANISATION_PROFILE.controllerName}, ${ORGANISATION_PROFILE.address}, ${ORGANISATION_PROFILE.postcodeCity} · KvK ${ORGANISATION_PROFILE.kvkNumber}`,
      privacyOfficer: `${ORGANISATION_PROFILE.privacyOfficerName} (${ORGANISATION_PROFILE.privacyOfficerEmail}, ${ORGANISATION_PROFILE.privacyOfficerPhone})`,
      dataProtectionOfficer: `${ORGANISATION_PROFILE.fgName}, ${ORGANISATION_PROFILE.fgOrganisation} (${ORGANISATION_PROFILE.fgEmail})`,
    });
    // The PDF prints the same block under its heading.
    const text = readPdf(await backend.ok('register.pdf', {}));
    expect(text).toContain(`Privacy Officer: ${ORGANISATION_PROFILE.privacyOfficerName}`);
    await backend.close();
  });

  it('lists every processing of the data map with purpose, basis and retention, for this location and today', async () => {
    const backend = await newBackend();
    const register = await backend.ok('register.get', {});
    expect(register.location).toEqual({ name: LOCATION.name, address: LOCATION.address, lrkNumber: LOCATION.lrkNumber });
    expect(register.drawnUpOn).toBe(TODAY);

    expect(register.rows.map((r) => r.category)).toEqual(mappedCategories());
    expect(register.rows.length).toBeGreaterThan(20);
    for (const row of register.rows) {
      const category = CATEGORIES[row.category as keyof typeof CATEGORIES];
      expect(row.processing, row.category).toBe(category.label);
      expect(row.purpose, row.category).toBe(category.purpose);
      expect(row.legalBasis, row.category).toBe(category.legalBasis);
      expect(row.personCategories.length, row.category).toBeGreaterThan(0);
      expect(row.dataCategories.length, row.category).toBeGreaterThan(0);
      expect(row.retention.length, row.category).toBeGreaterThan(0);
      for (const line of row.retention) expect(line.text.length, row.category).toBeGreaterThan(5);
      expect(row.security, row.category).toEqual(expect.arrayContaining(register.commonSecurity));
    }
    expect(register.commonSecurity.some((m) => m.includes('SQLCipher'))).toBe(true);

    // Existing rules come from the retention_policies table, new ones (not rows yet) from their defaults.
    const contract = DEFAULT_POLICIES.find((p) => p.key === 'contract')!;
    expect(rowOf(register, 'parent_identity').retention).toContainEqual(expect.objectContaining({ text: `7 jaar na ${contract.anchor}`, legalBasis: contract.legalBasis, policy: 'contract' }));
    const medical = NEW_POLICY_DEFAULTS.find((p) => p.key === 'medical')!;
    expect(rowOf(register, 'child_medical').retention).toContainEqual(expect.objectContaining({ text: 'Direct na einde van het laatste contract van het kind', legalBasis: medical.legalBasis, policy: 'medical' }));
    expect(rowOf(register, 'parent_contact').retention).toContainEqual(expect.objectContaining({ text: '3 maanden na einde van het laatste contract van het gezin', policy: 'parent_contact' }));
    expect(rowOf(register, 'child_medical')).toMatchObject({ specialCategory: true, recipients: expect.arrayContaining([expect.stringContaining('Hoofdkantoor')]) });
  });

  it('shows a rule head office changed, and the PDF reads back the processings, bases and retention texts', { timeout: 60_000 }, async () => {
    const ho = await startHeadOffice();
    try {
      const location = await ho.newLocation('KDV Register');
      const backend = await newBackend();
      await backend.ok('sync.enrol', { serverUrl: ho.url, code: await location.code(), deviceName: 'Kantoor-pc', caCertPem: null });
      const sync = () => syncOnce(backend.core, (work) => work());
      await sync();

      const before = await backend.ok('register.get', {});
      expect(rowOf(before, 'parent_identity').retention.map((l) => l.text)).toContain('7 jaar na einde van het laatste contract');

      const CONTRACT_BASIS = 'Besluit hoofdkantoor 2027: 10 jaar (fiscale bewaarplicht en verjaring)';
      const MEDICAL_BASIS = 'Besluit hoofdkantoor 2027: medische gegevens 2 weken na de laatste opvangdag';
      await headOfficeSetsPolicy(ho, location.id, { key: 'contract', category: 'Contractgegevens', period_amount: 10, period_unit: 'years', anchor: 'einde van het laatste contract', legal_basis: CONTRACT_BASIS });
      // A rule of the data map that is no row on this PC yet: once head office sends it, it counts.
      await headOfficeSetsPolicy(ho, location.id, { key: 'medical', category: 'Medische gegevens', period_amount: 2, period_unit: 'weeks', anchor: 'laatste opvangdag', legal_basis: MEDICAL_BASIS });
      await sync();

      const after = await backend.ok('register.get', {});
      expect(rowOf(after, 'parent_identity').retention).toContainEqual(expect.objectContaining({ text: '10 jaar na einde van het laatste contract', legalBasis: CONTRACT_BASIS, policy: 'contract' }));
      expect(rowOf(after, 'parent_identity').retention.map((l) => l.text)).not.toContain('7 jaar na einde van het laatste contract');
      expect(rowOf(after, 'child_medical').retention).toContainEqual(expect.objectContaining({ text: '2 weken na laatste opvangdag', legalBasis: MEDICAL_BASIS, policy: 'medical' }));

      const file = await backend.ok('register.pdf', {});
      expect(file.fileName).toBe(`verwerkingsregister-${TODAY}.pdf`);
      // qpdf --check and every font embedded (readPdf); without -layout the two columns read as running text.
      const text = readPdf(file, { layout: false }).replace(/\s+/g, ' ');
      expect(text).toContain('Verwerkingsregister');
      expect(text).toContain('Register van verwerkingsactiviteiten (artikel 30 AVG)');
      expect(text).toContain(LOCATION.name);
      expect(text).toContain('Opgesteld op 15-03-2027');
      expect(text).toMatch(/Pagina 1 van \d+/);
      const squash = (s: string) => s.replace(/\s+/g, ' ');
      for (const row of after.rows) {
        expect(text, row.category).toContain(squash(row.processing));
        expect(text, row.category).toContain(squash(row.legalBasis));
        for (const line of row.retention) expect(text, row.category).toContain(squash(line.text));
      }
      expect(text).toContain('10 jaar na einde van het laatste contract');
      expect(text).toContain(CONTRACT_BASIS);
      expect(text).toContain('2 weken na laatste opvangdag');
      expect(text).toContain(MEDICAL_BASIS);
      expect(text).not.toContain('7 jaar na einde van het laatste contract');
      // The document is audited like every other PDF; the register itself is not personal data.
      const actions = backend.core.sqlite().prepare("SELECT action FROM audit_log WHERE action LIKE 'register.%'").pluck().all();
      expect(actions).toEqual(['register.pdf']);
    } finally {
      await ho.close();
    }
  });

  it('is for the location manager only: staff are refused', async () => {
    const backend = await newBackend();
    await loginAsStaff(backend);
    for (const method of ['register.get', 'register.pdf'] as const) {
      expect(await backend.err(method, {})).toMatchObject({ code: 'FORBIDDEN', message: 'U heeft geen toegang tot deze functie.' });
    }
  });
});
