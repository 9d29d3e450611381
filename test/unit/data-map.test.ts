import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  checkDataMap,
  DATA_MAP,
  DATA_MAP_DEFAULT_POLICIES,
  DATA_MAP_POLICY_KEYS,
  EVENTS,
  HEAD_OFFICE,
  HEAD_OFFICE_SEALED,
  NEW_POLICY_DEFAULTS,
  POLICY_EVENT,
  processingRegister,
  SEALED_MEASURE,
  SECURITY_MEASURES,
  type DataMap,
  type PolicyLike,
  type RegisterRow,
} from '../../shared/dataMap';
import { DEFAULT_POLICIES } from '../../shared/domain/retention';

const register = processingRegister(DATA_MAP, DATA_MAP_DEFAULT_POLICIES);
const row = (rows: readonly RegisterRow[], category: string) => {
  const found = rows.find((r) => r.category === category);
  if (!found) expect.fail(`no register row for ${category}`);
  return found;
};

describe('data map policies', () => {
  it('gives every policy key an event and a default, existing ones untouched', () => {
    for (const key of DATA_MAP_POLICY_KEYS) {
      expect(EVENTS[POLICY_EVENT[key]], key).toBeTruthy();
      expect(DATA_MAP_DEFAULT_POLICIES.filter((p) => p.key === key), key).toHaveLength(1);
    }
    expect(DATA_MAP_DEFAULT_POLICIES.slice(0, DEFAULT_POLICIES.length)).toEqual(DEFAULT_POLICIES);
  });

  it('has the defaults issue 14 asks for, each with a legal reason', () => {
    const period = (key: string) => {
      const p = DATA_MAP_DEFAULT_POLICIES.find((x) => x.key === key)!;
      return `${p.periodAmount} ${p.periodUnit} after ${POLICY_EVENT[key as keyof typeof POLICY_EVENT]}`;
    };
    expect(['medical', 'pickup_persons', 'pickup_bans', 'identification'].map(period)).toEqual(Array(4).fill('0 days after child_contract_end'));
    expect(['parent_contact', 'other_parent'].map(period)).toEqual(Array(2).fill('3 months after household_contract_end'));
    expect(period('waitlist_withdrawn')).toBe('1 years after waitlist_withdrawn');
    expect(period('waitlist_placed')).toBe('0 days after waitlist_placed');
    for (const p of NEW_POLICY_DEFAULTS) expect(p.legalBasis.length, p.key).toBeGreaterThan(40);
  });
});

describe('data map categories', () => {
  it('uses every category, each with its texts for letters and the register', () => {
    const used = new Set<string>();
    for (const entry of Object.values(DATA_MAP)) if (entry.kind === 'personal') for (const g of entry.groups) for (const k of [g.category, ...(g.uses ?? [])]) used.add(k);
    expect(Object.keys(CATEGORIES).filter((k) => !used.has(k))).toEqual([]);
    for (const [key, c] of Object.entries(CATEGORIES)) for (const text of [c.label, c.purpose, c.legalBasis, c.source]) expect(text.trim().length, key).toBeGreaterThan(5);
  });
});

describe('checkDataMap', () => {
  // A tampered copy: the types forbid these keys, which is exactly what the runtime check is for.
  const tampered = (table: string, patch: object) => ({ ...DATA_MAP, [table]: { ...DATA_MAP[table as keyof typeof DATA_MAP], ...patch } }) as unknown as DataMap;
  const schema = Object.fromEntries(
    Object.entries(DATA_MAP).map(([table, e]) => [table, e.kind === 'technical' ? e.columns : [...e.noPersonalData, ...(e.copies?.columns ?? []), ...e.groups.flatMap((g) => g.columns)]]),
  );

  it('accepts the map against the schema it describes', () => {
    expect(checkDataMap(DATA_MAP, schema)).toEqual([]);
  });

  it('reports unknown categories, policies, subjects without a path and broken paths', () => {
    const groups = DATA_MAP.pickup_persons.groups;
    const problems = checkDataMap(
      {
        ...tampered('pickup_persons', { groups: [{ ...groups[0], category: 'pickup_notes' }], rules: [{ kind: 'policy', policy: 'forever', deletion: 'delete_row' }] }),
        contracts: { ...DATA_MAP.contracts, subjects: { child: [{ from: 'child_id', to: 'children.kid_id' }] } },
        complaints: { ...DATA_MAP.complaints, subjects: {} },
      },
      schema,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        "pickup_persons: group 1 (Naam, relatie tot het kind, telefoonnummer en geldigheid) uses unknown category 'pickup_notes'",
        "pickup_persons: rule 1 uses unknown policy 'forever'",
        'children.kid_id: contracts subject child: path leads to a column that does not exist',
        "complaints: group 1 (Naam en contactgegevens van de klager) is about 'complainant' but there is no path to that person",
      ]),
    );
  });

  it('refuses a column listed twice without disjoint conditions, and a portable column under a legal-obligation basis', () => {
    const bsnAgain = { label: 'BSN', category: 'child_bsn', subject: 'child', columns: ['bsn'], portable: true };
    const problems = checkDataMap(tampered('children', { groups: [...DATA_MAP.children.groups, bsnAgain] }), schema);
    expect(problems).toContain('children.bsn: listed more than once without disjoint conditions');
    expect(problems).toContain("children: group 4 (BSN) is portable, but its category's basis is neither consent nor contract");
  });
});

describe('verwerkingsregister', () => {
  it('has one row per category in use, each with purposes, bases, persons, data, retention and security', () => {
    expect(register.map((r) => r.category)).toEqual(Object.keys(CATEGORIES));
    for (const r of register) {
      expect([r.purpose, r.legalBasis, r.source].every((t) => t.length > 0), r.category).toBe(true);
      expect(r.personCategories.length, r.category).toBeGreaterThan(0);
      expect(r.dataCategories.length, r.category).toBeGreaterThan(0);
      expect(r.retention.length, r.category).toBeGreaterThan(0);
      expect(r.security).toEqual([...SECURITY_MEASURES]);
    }
  });

  it('states medical data as special category, kept until the child’s last contract ends', () => {
    const medical = row(register, 'child_medical');
    expect(medical).toMatchObject({ processing: 'Medische gegevens en bijzonderheden (allergieën, dieet, medicatie)', specialCategory: true, personCategories: ['Kinderen'], tables: ['child_medical'], transfersOutsideEea: 'Geen' });
    expect(medical.dataCategories).toEqual(['Allergieën, dieet, medicatie en andere bijzonderheden']);
    // Issue 16: emergency care in the child's vital interest is a recipient of medical data (registered by hand).
    expect(medical.recipients).toEqual(['Spoedeisende zorg (alleen in het vitale belang van het kind)', HEAD_OFFICE]);
    expect(medical.retention).toEqual([{ text: 'Direct na einde van het laatste contract van het kind', action: 'vernietigd', legalBasis: expect.stringContaining('art. 9'), policy: 'medical' }]);
  });

  it('clears parents’ e-mail and phone after 3 months while name and address keep the 7-year contract rule', () => {
    expect(row(register, 'parent_contact').retention).toEqual([
      { text: '3 maanden na einde van het laatste contract van het gezin', action: 'gewist', legalBasis: expect.stringContaining('jaaropgave'), policy: 'parent_contact' },
    ]);
    const identity = row(register, 'parent_identity');
    expect(identity.retention).toEqual([{ text: '7 jaar na einde van het laatste contract', action: 'vernietigd', legalBasis: DEFAULT_POLICIES[0]!.legalBasis, policy: 'contract' }]);
    expect(identity.recipients).toContain(HEAD_OFFICE);
    expect(identity.tables).toEqual(['households', 'parents']);
  });

  it('lists the waiting list under both of its rules, and marketing as its own processing of the e-mail address', () => {
    expect(row(register, 'waitlist').retention.map((l) => [l.policy, l.text])).toEqual([
      ['waitlist_withdrawn', '1 jaar na intrekking of afwijzing van de wachtlijstaanvraag'],
      ['waitlist_placed', 'Direct na plaatsing van het kind (de gegevens staan dan in het gezinsdossier)'],
    ]);
    const marketing = row(register, 'parent_marketing');
    expect(marketing.dataCategories).toEqual(['E-mailadres en telefoonnummer', 'Naam, contactgegevens en ouderlijk gezag van de andere ouder']);
    expect(marketing.recipients[0]).toMatch(/Advertentieplatforms/);
    expect(marketing.transfersOutsideEea).toMatch(/standaardcontractbepalingen/);
    // Issue 14 §4: the engine cannot anonymise accounts (no deactivation date, the kept audit log points at them): kept, with the reason; roles go with the account.
    expect(row(register, 'user_account').retention.map((l) => l.action)).toEqual([null, 'vernietigd']);
    expect(row(register, 'marketing_objection').retention).toEqual([{ text: expect.stringContaining('art. 21 lid 3'), action: null, legalBasis: null, policy: null }]);
  });

  it('reads periods and events from the policy list it is given', () => {
    const changed: PolicyLike[] = DATA_MAP_DEFAULT_POLICIES.map((p) => (p.key === 'medical' ? { ...p, periodAmount: 2, periodUnit: 'weeks', anchor: 'laatste opvangdag' } : p));
    expect(row(processingRegister(DATA_MAP, changed), 'child_medical').retention[0]!.text).toBe('2 weken na laatste opvangdag');
    expect(() => processingRegister(DATA_MAP, DEFAULT_POLICIES)).toThrow(/no retention policy 'parent_contact'/);
  });

  it('states sealing for special categories only when it is in place', () => {
    const sealed = processingRegister(DATA_MAP, DATA_MAP_DEFAULT_POLICIES, { sealing: true });
    expect(row(sealed, 'child_medical').recipients).toEqual(['Spoedeisende zorg (alleen in het vitale belang van het kind)', HEAD_OFFICE_SEALED]);
    expect(row(sealed, 'child_medical').security).toContain(SEALED_MEASURE);
    expect(row(sealed, 'parent_identity').security).not.toContain(SEALED_MEASURE);
    expect(row(register, 'child_medical').security).not.toContain(SEALED_MEASURE);
  });
});
