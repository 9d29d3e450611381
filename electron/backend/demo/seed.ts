import { fakerNL as faker } from '@faker-js/faker';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import { elfproef } from '../../../shared/validation/bsn';
import { normaliseIban } from '../../../shared/validation/iban';
import { normalisePostcode } from '../../../shared/validation/postcode';
import type { Backend } from '../index';
import { isoDateIn } from '../../../shared/domain/clock';
import { weekdayOf } from '../../../shared/domain/weekdays';

/**
 * Demo data (`--demo`): a fictional location, a manager and a staff account, ~150 households
 * with realistic Dutch names and addresses (faker, nl locale) and valid test BSNs. Everything goes
 * through the public API, so it is validated and audited like real input.
 */
export const DEMO_ACCOUNTS = {
  manager: { name: 'Marieke Visser', username: 'manager', password: 'Demo-Locatie-2026' },
  staff: { name: 'Daan Mulder', username: 'medewerker', password: 'Demo-Groepshulp-2026' },
  /** Aandachtsfunctionaris (meldcode officer): decides what a meldcode file means for an AVG-verzoek. */
  meldcodeOfficer: { name: 'Yvonne Bakker', username: 'aandachtsfunctionaris', password: 'Demo-Meldcode-2026' },
};

const GROUPS = [
  { name: 'Rupsjes', careType: 'dagopvang', minAge: 0, maxAge: 2, capacity: 12 },
  { name: 'Vlinders', careType: 'dagopvang', minAge: 1, maxAge: 4, capacity: 16 },
  { name: 'Peutergroep Egeltjes', careType: 'peuteropvang', minAge: 2, maxAge: 4, capacity: 16 },
  { name: 'BSO Zeebonken', careType: 'bso', minAge: 4, maxAge: 12, capacity: 22 },
] as const;
const DAYS = ['ma', 'di', 'wo', 'do', 'vr'] as const;

async function call<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.call(method, input);
  if (!result.ok) throw new Error(`demo: ${method} failed: ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
  return result.value as MethodOutput<M>;
}

/** A random 9-digit number that passes the elfproef (fictional). */
function testBsn(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, () => faker.number.int({ min: 0, max: 9 }));
    const check = digits.reduce((sum, d, i) => sum + (9 - i) * d, 0) % 11;
    const bsn = [...digits, check].join('');
    if (check < 10 && elfproef(bsn) && digits[0] !== 0) return bsn;
  }
}

/** faker's Dutch surnames include the tussenvoegsel ("van der Horst"): split it off. */
function splitSurname(full: string): { surnamePrefix: string | null; surname: string } {
  const match = /^((?:(?:van|de|der|den|het|ter|ten|in|'t)\s)+)(.+)$/.exec(full);
  return match ? { surnamePrefix: match[1]!.trim(), surname: match[2]! } : { surnamePrefix: null, surname: full };
}

function postcode(): string {
  for (;;) {
    const candidate = normalisePostcode(faker.location.zipCode());
    if (candidate) return candidate;
  }
}

const phone = () => `06 ${faker.string.numeric(8)}`;
const isoDaysAgo = (today: Date, days: number) => isoDateIn(new Date(today.getTime() - days * 86_400_000));

export async function seedDemo(backend: Backend, households = 150, onProgress: (done: number) => void = () => {}): Promise<void> {
  faker.seed(2026);
  const now = new Date();
  await call(backend, 'setup.create', {
    location: { name: 'Kindercentrum De Regenboog (demo)', address: 'Sportlaan 1, 4131 NN Vianen', lrkNumber: '987654321' },
    manager: DEMO_ACCOUNTS.manager,
  });
  await call(backend, 'setup.recoveryKeySaved', {});
  const staff = await call(backend, 'users.create', { ...DEMO_ACCOUNTS.staff, password: 'Tijdelijk-Demo-Wachtwoord-1', roles: ['staff'] });
  const officer = await call(backend, 'users.create', { ...DEMO_ACCOUNTS.meldcodeOfficer, password: 'Tijdelijk-Demo-Wachtwoord-1', roles: ['meldcodeOfficer'] });

  // The Groepen list (issue 17): children pick a group from it.
  const groupIds = new Map<string, string>();
  for (const g of GROUPS) {
    const created = await call(backend, 'groups.create', { name: g.name, careType: g.careType, ageFromMonths: g.minAge * 12, ageToMonths: (g.maxAge + 1) * 12, capacity: g.capacity });
    groupIds.set(g.name, created.id);
  }

  // Filled in the loop without extra random draws, so the families stay the same as before.
  const consented: { childId: string; decidedOn: string }[] = [];
  const contractParentEmails: string[] = [];

  for (let h = 0; h < households; h++) {
    const family = splitSurname(faker.person.lastName());
    const twoParents = faker.datatype.boolean(0.7);
    const parentName = () => ({ firstName: faker.person.firstName(), ...family });
    const first = parentName();
    const iban = normaliseIban(faker.finance.iban({ formatted: false, countryCode: 'NL' }));
    const household = await call(backend, 'households.create', {
      street: faker.location.street(),
      houseNumber: faker.location.buildingNumber(),
      postcode: postcode(),
      city: faker.location.city(),
      iban,
      ibanHolder: iban ? `${first.firstName[0]}. ${[first.surnamePrefix, first.surname].filter(Boolean).join(' ')}` : null,
      parents: [
        { ...first, initials: `${first.firstName[0]}.`, email: faker.internet.email({ firstName: first.firstName, lastName: first.surname, provider: 'example.nl' }), phone: phone(), bsn: testBsn(), hasParentalAuthority: true, isContractParent: true },
        ...(twoParents
          ? [{ ...parentName(), ...splitSurname(faker.person.lastName()), email: null, phone: phone(), bsn: null, hasParentalAuthority: faker.datatype.boolean(0.9), isContractParent: false }]
          : []),
      ],
    });
    const contractParent = household.parents[0]!;
    if (contractParent.email) contractParentEmails.push(contractParent.email);
    if (faker.datatype.boolean(0.75)) {
      await call(backend, 'bsn.recordCheck', { subject: 'parent', id: contractParent.id, method: 'id_document', checkedOn: isoDaysAgo(now, faker.number.int({ min: 30, max: 900 })) });
    }

    for (let c = 0; c < faker.number.int({ min: 1, max: 2 }); c++) {
      const group = faker.helpers.arrayElement(GROUPS);
      const ageDays = faker.number.int({ min: group.minAge * 365 + 60, max: group.maxAge * 365 + 300 });
      const firstName = faker.person.firstName();
      const child = await call(backend, 'children.create', {
        householdId: household.id,
        firstName,
        initials: `${firstName[0]}.`,
        ...family,
        birthDate: isoDaysAgo(now, ageDays),
        groupId: groupIds.get(group.name)!,
        bsn: testBsn(),
      });
      if (faker.datatype.boolean(0.8)) {
        await call(backend, 'bsn.recordCheck', { subject: 'child', id: child.id, method: 'svb_letter', checkedOn: isoDaysAgo(now, faker.number.int({ min: 10, max: 600 })) });
      }
      const started = faker.number.int({ min: 20, max: Math.max(30, ageDays - 40) });
      const ending = faker.helpers.weightedArrayElement([
        { weight: 7, value: null },
        // ends within the coming four weeks (dashboard), or ended recently (paper dossier task)
        { weight: 2, value: -faker.number.int({ min: 1, max: 28 }) },
        { weight: 1, value: faker.number.int({ min: 1, max: Math.min(60, started - 1) }) },
      ]);
      await call(backend, 'contracts.create', {
        childId: child.id,
        careType: group.careType,
        days: faker.helpers.arrayElements(DAYS, { min: 1, max: 4 }),
        hoursPerWeek: group.careType === 'bso' ? faker.number.int({ min: 6, max: 15 }) : faker.number.int({ min: 8, max: 40 }),
        startDate: isoDaysAgo(now, started),
        endDate: ending === null ? null : isoDaysAgo(now, ending),
      });
      if (faker.datatype.boolean(0.6)) {
        const decidedOn = isoDaysAgo(now, faker.number.int({ min: 5, max: 300 }));
        consented.push({ childId: child.id, decidedOn });
        await call(backend, 'consents.record', {
          childId: child.id,
          parentId: contractParent.id,
          decidedOn,
          channel: 'signed_form',
          answers: (['ouderportaal', 'nieuwsbrief', 'interne_training', 'website_social'] as const).map((purpose) => {
            const given = faker.datatype.boolean(purpose === 'website_social' ? 0.3 : 0.8);
            return { purpose, given, recognisable: given && faker.datatype.boolean(0.6) };
          }),
        });
      }
      if (faker.datatype.boolean(0.15)) {
        await call(backend, 'medical.update', {
          childId: child.id,
          allergies: faker.helpers.arrayElement(['Pinda-allergie', 'Koemelkallergie', 'Allergisch voor ei', 'Hooikoorts']),
          diet: faker.helpers.arrayElement([null, 'Vegetarisch', 'Halal', 'Glutenvrij']),
          medication: faker.helpers.arrayElement([null, 'Epipen in de tas', 'Puffer bij benauwdheid']),
          otherParticulars: null,
        });
      }
      if (faker.datatype.boolean(0.4)) {
        await call(backend, 'pickup.addPerson', { childId: child.id, name: `${faker.person.firstName()} ${faker.person.lastName()}`, relation: faker.helpers.arrayElement(['Oma', 'Opa', 'Tante', 'Buurvrouw', 'Oppas']), phone: phone(), validUntil: null });
      }
      if (h % 60 === 7 && c === 0) {
        await call(backend, 'pickup.addBan', { childId: child.id, name: `${faker.person.firstName()} ${faker.person.lastName()}`, basisReference: 'Beschikking rechtbank Midden-Nederland', basisDate: isoDaysAgo(now, 120), notes: null });
      }
    }
    onProgress(h + 1);
  }

  for (let w = 0; w < 12; w++) {
    const surname = faker.person.lastName();
    const unborn = w % 4 === 0;
    await call(backend, 'waitlist.create', {
      parentName: `${faker.person.firstName()} ${surname}`,
      parentEmail: faker.internet.email({ lastName: surname, provider: 'example.nl' }),
      parentPhone: phone(),
      childFirstName: unborn ? null : faker.person.firstName(),
      childSurname: unborn ? null : splitSurname(surname).surname,
      childBirthDate: unborn ? null : isoDaysAgo(now, faker.number.int({ min: 60, max: 900 })),
      expectedDate: unborn ? isoDaysAgo(now, -faker.number.int({ min: 20, max: 150 })) : null,
      careType: faker.helpers.arrayElement(['dagopvang', 'bso', 'peuteropvang'] as const),
      desiredDays: faker.helpers.arrayElements(DAYS, { min: 1, max: 3 }),
      desiredStartDate: isoDaysAgo(now, -faker.number.int({ min: 30, max: 240 })),
      notes: null,
    });
  }

  // Most signed consent forms came back on the day the answers were recorded.
  for (const [i, { childId, decidedOn }] of consented.entries()) {
    if (i % 4 !== 3) await call(backend, 'consents.formReturned', { childId, returnedOn: decidedOn });
  }
  // The location's municipality asks these fields for VVE (voor- en vroegschoolse educatie).
  await call(backend, 'municipalities.save', {
    name: 'Vianen',
    legalBasis: 'Subsidieregeling VVE gemeente Vianen, artikel 6 (verantwoording)',
    fields: ['child_first_name', 'child_surname', 'child_birth_date', 'postcode', 'hours', 'contract_start'],
  });
  // Two parents asked by e-mail not to be used for marketing; one GGD inspection list was handed over.
  for (const [i, email] of contractParentEmails.slice(0, 2).entries()) {
    await call(backend, 'marketing.addOptOut', { email, requestedOn: isoDaysAgo(now, 40 + i * 25), how: 'email' });
  }
  // The inspection was on a weekday about two weeks ago (the list holds the children who come that day).
  let inspection = 14;
  while (weekdayOf(isoDaysAgo(now, inspection)) === null) inspection++;
  await call(backend, 'disclosures.export', { params: { kind: 'ggd', date: isoDaysAgo(now, inspection) }, format: 'pdf' });

  // The staff and aandachtsfunctionaris accounts start with their printed passwords (no forced change in the demo).
  for (const [user, password] of [[staff, DEMO_ACCOUNTS.staff.password], [officer, DEMO_ACCOUNTS.meldcodeOfficer.password]] as const) {
    await call(backend, 'auth.lock', { reason: 'user' });
    await call(backend, 'auth.login', { username: user.username, password: 'Tijdelijk-Demo-Wachtwoord-1' });
    await call(backend, 'auth.changePassword', { currentPassword: 'Tijdelijk-Demo-Wachtwoord-1', newPassword: password });
  }
  await call(backend, 'auth.lock', { reason: 'user' });
}
