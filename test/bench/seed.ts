import type { Backend } from '../../electron/backend';
import { searchKey } from '../../shared/domain/names';

export const BENCH_MANAGER = { username: 'meter', password: 'Snelheid-Wachtzin-123' };

const FIRST_NAMES = ['Emma', 'Noah', 'Julia', 'Liam', 'Mila', 'Luca', 'Sophie', 'Sem', 'Tess', 'Daan', 'Zoë', 'Finn', 'Nora', 'Levi', 'Saar', 'Mees'];
const SURNAMES = ['Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker'];

/** Sets up a location and writes `count` households (two parents, one child each) straight into the database. */
export async function seedHouseholds(backend: Backend, count: number): Promise<void> {
  const setup = await backend.call('setup.create', {
    location: { name: 'Bench', address: 'Benchstraat 1', lrkNumber: '123456789' },
    manager: { name: 'Meet Manager', ...BENCH_MANAGER },
  });
  if (!setup.ok) throw new Error(setup.error.message);
  const now = new Date().toISOString();
  await backend.core.db().transaction().execute(async (trx) => {
    const location_id = (await trx.selectFrom('location').select('id').executeTakeFirstOrThrow()).id;
    for (let h = 0; h < count; h++) {
      const householdId = `h-${h}`;
      const surname = `${SURNAMES[h % SURNAMES.length]!}${h % 7 === 0 ? '' : h}`;
      await trx.insertInto('households').values({ id: householdId, location_id, street: 'Straat', house_number: String(h), postcode: `${1000 + (h % 9000)} AB`, city: 'Plaats', iban: null, iban_holder: null, created_at: now, updated_at: now, version: null }).execute();
      for (let p = 0; p < 2; p++) {
        const first = FIRST_NAMES[(h + p * 5) % FIRST_NAMES.length]!;
        await trx.insertInto('parents').values({ id: `p-${h}-${p}`, location_id, household_id: householdId, first_name: first, initials: null, surname_prefix: null, surname, search_name: searchKey({ firstName: first, surname }), email: null, phone: null, bsn: null, has_parental_authority: 1, is_contract_parent: p === 0 ? 1 : 0, created_at: now, updated_at: now, version: null }).execute();
      }
      const child = FIRST_NAMES[(h * 3) % FIRST_NAMES.length]!;
      await trx.insertInto('children').values({ id: `c-${h}`, location_id, household_id: householdId, first_name: child, initials: null, surname_prefix: null, surname, search_name: searchKey({ firstName: child, surname }), birth_date: '2022-01-01', group_id: null, bsn: null, created_at: now, updated_at: now, version: null }).execute();
    }
  });
}
