import { v7 as uuidv7 } from 'uuid';
import { queueUpsert } from '../../sync/outbox';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import { type Contract, type ContractFields, type ContractUpdateInput } from '../../../../shared/api/clients.schemas';
import { contractStatus } from '../../../../shared/domain/contracts';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { ContractRow, DbOrTrx, Trx } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import { findChild } from '../children/children.repository';
import { ensureDossierTask } from '../tasks/tasks.service';
import { contractsOfChild, findContract, insertContract, updateContractRow } from './contracts.repository';
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
 * Also used by waitlist.place and the portability import; audited as the calling method declares.
 * `_session` is unused since the audit row moved to the contract; it stays until the portability import's call drops it.
 */
export async function createContract(
  core: AppCore,
  _session: Session,
  input: z.output<typeof ContractFields> & { childId: string },
  trxOuter?: Trx,
): Promise<string> {
  const work = async (trx: Trx) => {
    const child = await findChild(trx, input.childId);
    if (!child) throw new AppError('NOT_FOUND', msg('children.notFound'));
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
    await ensureDossierTask(trx, core, row);
    return id;
  };
  return trxOuter ? work(trxOuter) : core.transaction(work);
}

/** Audited as `contracts.update` (contract); setting the end date is also logged as `contracts.end`. */
export async function updateContract(core: AppCore, session: Session, input: z.output<typeof ContractUpdateInput>): Promise<void> {
  await core.transaction(async (trx) => {
    const existing = await findContract(trx, input.id);
    if (!existing) throw new AppError('NOT_FOUND', msg('contracts.notFound'));
    await assertNotRestricted(trx, 'child', [existing.child_id], core.today());
    await updateContractRow(trx, input.id, {
      care_type: input.careType,
      days: JSON.stringify(input.days),
      hours_per_week: input.hoursPerWeek,
      start_date: input.startDate,
      end_date: input.endDate,
      updated_at: core.now().toISOString(),
    });
    await queueUpsert(trx, 'contracts', input.id, core.now());
    await ensureDossierTask(trx, core, { ...existing, end_date: input.endDate });
    // The contract ends: a sub-event of contracts.update, not a method of its own.
    if (!existing.end_date && input.endDate) await appendAudit(trx, { userId: session.userId, action: 'contracts.end', entity: 'contract', entityId: input.id }, core.now());
  });
}

export async function loadContract(db: DbOrTrx, id: string, today: string): Promise<Contract> {
  const row = await findContract(db, id);
  if (!row) throw new AppError('NOT_FOUND', msg('contracts.notFound'));
  return toContract(row, today);
}
