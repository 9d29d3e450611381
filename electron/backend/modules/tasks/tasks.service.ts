import { v7 as uuidv7 } from 'uuid';
import { queueUpsert } from '../../sync/outbox';
import { AppError } from '../../../../shared/api/result';
import type { Task } from '../../../../shared/api/clients.schemas';
import { displayName } from '../../../../shared/domain/names';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { dossierTaskOfContract, findTask, insertTask, taskRows, updateTaskRow } from './tasks.repository';

/**
 * Ending a contract means the paper child dossier at the location must be destroyed at the end
 * date (privacystatement). The task stays on the dashboard until a manager confirms it.
 */
export async function ensureDossierTask(trx: Trx, core: AppCore, contract: { id: string; child_id: string; location_id: string; end_date: string | null }) {
  if (!contract.end_date) return;
  const existing = await dossierTaskOfContract(trx, contract.id);
  if (existing) {
    if (!existing.confirmed_at && existing.due_date !== contract.end_date) {
      await updateTaskRow(trx, existing.id, { due_date: contract.end_date });
      await queueUpsert(trx, 'tasks', existing.id, core.now());
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
    created_at: core.now().toISOString(),
    confirmed_at: null,
    confirmed_by: null,
    confirmed_by_name: null,
    version: null,
  });
  await queueUpsert(trx, 'tasks', id, core.now());
}

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

/** "Papieren kinddossier vernietigd": who confirmed it and when (audited as `tasks.confirm`). */
export async function confirmTask(core: AppCore, session: Session, id: string): Promise<Task> {
  await core.transaction(async (trx) => {
    const task = await findTask(trx, id);
    if (!task) throw new AppError('NOT_FOUND', msg('contracts.taskNotFound'));
    if (task.confirmed_at) throw new AppError('CONFLICT', msg('contracts.taskDone'));
    await updateTaskRow(trx, id, { confirmed_at: core.now().toISOString(), confirmed_by: session.userId, confirmed_by_name: session.name });
    await queueUpsert(trx, 'tasks', id, core.now());
  });
  const [task] = await listTasks(core.db(), true, id);
  return task!;
}
