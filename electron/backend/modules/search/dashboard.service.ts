import type { Dashboard } from '../../../../shared/api/clients.schemas';
import { contractStatus } from '../../../../shared/domain/contracts';
import { displayName } from '../../../../shared/domain/names';
import type { DbOrTrx } from '../../db/schema';
import { listTasks } from '../contracts/contracts.service';

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** Overzicht: open tasks, missing BSN-controles, contracts ending within 30 days, counts per group. */
export async function dashboard(db: DbOrTrx, today: string): Promise<Dashboard> {
  const in30 = addDays(today, 30);
  const ending = await db
    .selectFrom('contracts')
    .innerJoin('children', 'children.id', 'contracts.child_id')
    .select(['contracts.id', 'contracts.child_id', 'contracts.end_date', 'contracts.care_type', 'children.first_name', 'children.surname_prefix', 'children.surname'])
    .where('contracts.end_date', '>=', today)
    .where('contracts.end_date', '<=', in30)
    .orderBy('contracts.end_date')
    .execute();

  const unchecked = (table: 'parents' | 'children', subject: 'parent' | 'child') =>
    db
      .selectFrom(table)
      .select(['id', 'household_id', 'first_name', 'surname_prefix', 'surname', 'bsn'])
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('bsn_verifications').select('bsn_verifications.id').whereRef('bsn_verifications.subject_id', '=', `${table}.id`).where('bsn_verifications.subject_type', '=', subject))),
      )
      .orderBy('surname')
      .limit(200);
  // Only the contract parent's BSN is needed (kinderopvangtoeslag); other parents are not listed.
  const [parents, children] = await Promise.all([
    unchecked('parents', 'parent').where('is_contract_parent', '=', 1).execute(),
    unchecked('children', 'child').execute(),
  ]);

  const groupRows = await db.selectFrom('children').select(['id', 'group_name']).execute();
  const contracts = await db.selectFrom('contracts').select(['child_id', 'start_date', 'end_date']).execute();
  const activeChildren = new Set(contracts.filter((c) => contractStatus(c.start_date, c.end_date, today) === 'actief').map((c) => c.child_id));
  const groups = new Map<string, { children: number; activeContracts: number }>();
  for (const row of groupRows) {
    const g = groups.get(row.group_name) ?? { children: 0, activeContracts: 0 };
    g.children++;
    if (activeChildren.has(row.id)) g.activeContracts++;
    groups.set(row.group_name, g);
  }

  return {
    openTasks: await listTasks(db, false),
    bsnChecksMissing: [
      ...children.map((c) => ({ subject: 'child' as const, id: c.id, householdId: c.household_id, displayName: displayName({ firstName: c.first_name, surnamePrefix: c.surname_prefix, surname: c.surname }), hasBsn: c.bsn !== null })),
      ...parents.map((p) => ({ subject: 'parent' as const, id: p.id, householdId: p.household_id, displayName: displayName({ firstName: p.first_name, surnamePrefix: p.surname_prefix, surname: p.surname }), hasBsn: p.bsn !== null })),
    ],
    contractsEnding: ending.map((c) => ({
      contractId: c.id,
      childId: c.child_id,
      childName: displayName({ firstName: c.first_name, surnamePrefix: c.surname_prefix, surname: c.surname }),
      endDate: c.end_date!,
      careType: c.care_type,
    })),
    groups: [...groups].map(([groupName, g]) => ({ groupName, ...g })).sort((a, b) => a.groupName.localeCompare(b.groupName, 'nl')),
  };
}
