import type { Dashboard } from '../../../../shared/api/clients.schemas';
import { contractStatus } from '../../../../shared/domain/contracts';
import { displayName } from '../../../../shared/domain/names';
import { addPeriod } from '../../../../shared/domain/retention';
import type { DbOrTrx } from '../../db/schema';
import { contractDates, contractsEndingBetween } from '../contracts/contracts.repository';
import { listTasks } from '../tasks/tasks.service';
import { groupRows } from '../groups/groups.repository';
import { childGroups, withoutBsnCheck } from './dashboard.repository';

/** Overzicht: open tasks, missing BSN-controles, contracts ending within 30 days, counts per group. */
export async function dashboard(db: DbOrTrx, today: string): Promise<Dashboard> {
  const ending = await contractsEndingBetween(db, today, addPeriod(today, 30, 'days'));
  const [parents, children] = await Promise.all([withoutBsnCheck(db, 'parent'), withoutBsnCheck(db, 'child')]);

  // Counted per group id of the Groepen list and shown by name: a typo can no longer split a group.
  const [childRows, groupList] = await Promise.all([childGroups(db), groupRows(db)]);
  const contracts = await contractDates(db, null);
  const activeChildren = new Set(contracts.filter((c) => contractStatus(c.start_date, c.end_date, today) === 'actief').map((c) => c.child_id));
  const counts = new Map<string, { children: number; activeContracts: number }>();
  for (const row of childRows) {
    if (!row.group_id) continue;
    const g = counts.get(row.group_id) ?? { children: 0, activeContracts: 0 };
    g.children++;
    if (activeChildren.has(row.id)) g.activeContracts++;
    counts.set(row.group_id, g);
  }
  const groups = groupList
    .filter((g) => g.archived_at === null || counts.has(g.id))
    .map((g) => ({ groupId: g.id, groupName: g.name, capacity: g.capacity, ...(counts.get(g.id) ?? { children: 0, activeContracts: 0 }) }))
    .sort((a, b) => a.groupName.localeCompare(b.groupName, 'nl'));

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
    groups,
  };
}
