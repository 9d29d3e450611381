import type { SubjectType } from '../../../../shared/api/requests.schemas';
import type { SyncedEntity } from '../../../../shared/sync/protocol';
import type { Trx } from '../../db/schema';

/** The tables an erasure deletes whole rows from (each a synced entity: the deletes leave as tombstones). */
export type ErasedTable = SyncedEntity &
  (
    | 'children'
    | 'parents'
    | 'households'
    | 'contracts'
    | 'tasks'
    | 'child_medical'
    | 'pickup_persons'
    | 'pickup_bans'
    | 'identification_log'
    | 'photo_consents'
    | 'consent_form_returns'
    | 'exchange_consents'
    | 'bsn_verifications'
    | 'data_corrections'
  );

/** Deletes rows by primary key (`child_medical` is keyed by the child). */
export async function deleteRows(trx: Trx, table: ErasedTable, ids: string[]): Promise<void> {
  const key = table === 'child_medical' ? 'child_id' : 'id';
  // Dynamic table from a closed list; Kysely cannot type this generically.
  await trx.deleteFrom(table).where(key as never, 'in', ids as never).execute();
}

/** Ids of a child's rows in the tables that hang off the child. */
export const idsOfChild = async (trx: Trx, table: 'contracts' | 'pickup_persons' | 'pickup_bans' | 'identification_log' | 'photo_consents' | 'consent_form_returns' | 'exchange_consents' | 'tasks', childId: string) =>
  (await trx.selectFrom(table).select('id').where('child_id', '=', childId).execute()).map((r) => r.id);

export const bsnCheckIds = async (trx: Trx, type: SubjectType, id: string) =>
  (await trx.selectFrom('bsn_verifications').select('id').where('subject_type', '=', type).where('subject_id', '=', id).execute()).map((r) => r.id);

export const taskIdsOfContracts = async (trx: Trx, contractIds: string[]) =>
  contractIds.length ? (await trx.selectFrom('tasks').select('id').where('contract_id', 'in', contractIds).execute()).map((r) => r.id) : [];

/** Rectification history of a person or household; with `fields`, only of those fields. */
export async function correctionIds(trx: Trx, subjectId: string, fields: string[] | null): Promise<string[]> {
  let query = trx.selectFrom('data_corrections').select('id').where('subject_id', '=', subjectId);
  if (fields) query = query.where('field', 'in', fields);
  return (await query.execute()).map((r) => r.id);
}

export async function householdIsEmpty(trx: Trx, householdId: string): Promise<boolean> {
  const parents = await trx.selectFrom('parents').select('id').where('household_id', '=', householdId).execute();
  const children = await trx.selectFrom('children').select('id').where('household_id', '=', householdId).execute();
  return parents.length === 0 && children.length === 0;
}

export const clearParentContact = (trx: Trx, id: string) => trx.updateTable('parents').set({ email: null, phone: null }).where('id', '=', id).execute();

export const clearBsn = (trx: Trx, table: 'parents' | 'children', id: string) => trx.updateTable(table).set({ bsn: null }).where('id', '=', id).execute();

export const clearIban = (trx: Trx, householdId: string) => trx.updateTable('households').set({ iban: null, iban_holder: null }).where('id', '=', householdId).execute();

export const parentEmail = async (trx: Trx, id: string) => (await trx.selectFrom('parents').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;

/** A waiting-list entry placed as this child forgets the child. */
export const unlinkPlacedChild = (trx: Trx, childId: string) => trx.updateTable('waitlist_entries').set({ placed_child_id: null }).where('placed_child_id', '=', childId).execute();

export const meldcodeCaseIdsOfChild = async (trx: Trx, childId: string) => (await trx.selectFrom('meldcode_cases').select('id').where('child_id', '=', childId).execute()).map((r) => r.id);
