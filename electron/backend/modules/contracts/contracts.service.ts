import { v7 as uuidv7 } from 'uuid';
import { queueUpsert } from '../../sync/outbox';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import { type Contract, type ContractFields, type ContractUpdateInput, type Task } from '../../../../shared/api/clients.schemas';
import { contractStatus } from '../../../../shared/domain/contracts';
import { displayName } from '../../../../shared/domain/names';
import type { AppCore, Session } from '../../core';
import type { ContractRow, DbOrTrx, Trx } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import { findChild } from '../children/children.repository';
import { contractsOfChild, findContract, insertContract, insertTask, taskForContract, taskRows, updateContractRow } from './contracts.repository';
import { assertNotRestricted } from '../requests/restrictions';

const toContract = (row: ContractRow, today: string): Contract => ({
  id: row.id,
  childId: row.child_id,
  careType: row.care_type,
  days: JSON.parse(row.days) as Contract['days'],
  hoursPerWeek: row.hours_per_week,
  startDate: row.start_date,
  endDate: row.end_date,
  status: contractStatus(row.start_date, row.end_date, today),
});

export const listContracts = async (db: DbOrTrx, childId: string, today: string) => (await contractsOfChild(db, childId)).map((r) => toContract(r, today));

/**
 * Ending a contract means the paper child dossier at the location must be destroyed at the end
 * date (privacystatement). The task stays on the dashboard until a manager confirms it.
 */
async function ensureDossierTask(trx: Trx, contract: { id: string; child_id: string; location_id: string; end_date: string | null }, now: string) {
  if (!contract.end_date) return;
  const existing = await taskForContract(trx, contract.id);
  if (existing) {
    if (!existing.confirmed_at && existing.due_date !== contract.end_date) {
      await trx.updateTable('tasks').set({ due_date: contract.end_date }).where('id', '=', existing.id).execute();
      await queueUpsert(trx, 'tasks', existing.id, new Date(now));
    }
    return;
  }
  const id = uuidv7();
  await insertTask(trx, {
    id,
    location_id: contract.location_id,
    kind: 'paper_dossier_destroy',
    child_id: contract.child_id,
    contract_id: contract.id,
    due_date: contract.end_date,
    created_at: now,
    confirmed_at: null,
    confirmed_by: null,
    confirmed_by_name: null,
    version: null,
  });
  await queueUpsert(trx, 'tasks', id, new Date(now));
}

export async function createContract(
  core: AppCore,
  session: Session,
  input: z.output<typeof ContractFields> & { childId: string },
  trxOuter?: Trx,
): Promise<string> {
  const work = async (trx: Trx) => {
    const child = await findChild(trx, input.childId);
    if (!child) throw new AppError('NOT_FOUND', 'Dit kind bestaat niet (meer).');
    await assertNotRestricted(trx, 'child', [child.id], core.today());
    const id = uuidv7();
    const now = core.now().toISOString();
    const row = {
      id,
      location_id: child.location_id,
      child_id: child.id,
      care_type: input.careType,
      days: JSON.stringify(input.days),
      hours_per_week: input.hoursPerWeek,
      start_date: input.startDate,
      end_date: input.endDate,
      created_at: now,
      updated_at: now,
      version: null,
    };
    await insertContract(trx, row);
    await queueUpsert(trx, 'contracts', id, core.now());
    await ensureDossierTask(trx, row, now);
    await appendAudit(trx, { userId: session.userId, action: 'contracts.create', entity: 'contract', entityId: id }, core.now());
    return id;
  };
  return trxOuter ? work(trxOuter) : core.transaction(work);
}

export async function updateContract(core: AppCore, session: Session, input: z.output<typeof ContractUpdateInput>): Promise<void> {
  await core.transaction(async (trx) => {
    const existing = await findContract(trx, input.id);
    if (!existing) throw new AppError('NOT_FOUND', 'Dit contract bestaat niet (meer).');
    await assertNotRestricted(trx, 'child', [existing.child_id], core.today());
    const now = core.now().toISOString();
    await updateContractRow(trx, input.id, {
      care_type: input.careType,
      days: JSON.stringify(input.days),
      hours_per_week: input.hoursPerWeek,
      start_date: input.startDate,
      end_date: input.endDate,
      updated_at: now,
    });
    await queueUpsert(trx, 'contracts', input.id, core.now());
    await ensureDossierTask(trx, { ...existing, end_date: input.endDate }, now);
    const ended = !existing.end_date && input.endDate;
    await appendAudit(trx, { userId: session.userId, action: ended ? 'contracts.end' : 'contracts.update', entity: 'contract', entityId: input.id }, core.now());
  });
}

export async function loadContract(db: DbOrTrx, id: string, today: string): Promise<Contract> {
  const row = await findContract(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Dit contract bestaat niet (meer).');
  return toContract(row, today);
}

// ---- tasks ---------------------------------------------------------------------------------

export async function listTasks(db: DbOrTrx, includeConfirmed: boolean, id?: string): Promise<Task[]> {
  return (await taskRows(db, { includeConfirmed, ...(id ? { id } : {}) })).map((r) => ({
    id: r.id,
    kind: r.kind,
    childId: r.child_id,
    childName: displayName({ firstName: r.first_name, surnamePrefix: r.surname_prefix, surname: r.surname }),
    contractId: r.contract_id,
    dueDate: r.due_date,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    confirmedByName: r.confirmed_by_name,
  }));
}

/** "Papieren kinddossier vernietigd": who confirmed it and when. */
export async function confirmTask(core: AppCore, session: Session, id: string): Promise<Task> {
  await core.transaction(async (trx) => {
    const task = await trx.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
    if (!task) throw new AppError('NOT_FOUND', 'Deze taak bestaat niet (meer).');
    if (task.confirmed_at) throw new AppError('CONFLICT', 'Deze taak is al afgerond.');
    await trx.updateTable('tasks').set({ confirmed_at: core.now().toISOString(), confirmed_by: session.userId, confirmed_by_name: session.name }).where('id', '=', id).execute();
    await queueUpsert(trx, 'tasks', id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'tasks.confirm', entity: 'task', entityId: id, details: { kind: task.kind } }, core.now());
  });
  const [task] = await listTasks(core.db(), true, id);
  return task!;
}
