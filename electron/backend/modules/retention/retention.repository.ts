import { sql, type Insertable } from 'kysely';
import type { DestructionCategory } from '../../../../shared/api/retention.schemas';
import type { SyncedEntity } from '../../../../shared/sync/protocol';
import type { Database, DbOrTrx, Trx } from '../../db/schema';
import { PRIMARY_KEY, queueDelete } from '../../sync/outbox';

/** Runs `query` over `ids` in slices (SQLite limits the number of bound parameters). */
export async function inSlices<T>(ids: readonly string[], query: (slice: string[]) => Promise<T[]>, size = 500): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await query(ids.slice(i, i + size))));
  return out;
}


// ---- The erase primitive ---------------------------------------------------------------------

/**
 * Really deletes synced rows: queued upserts that still carry their data leave the outbox, sync
 * conflicts holding a copy go, the rows go (secure_delete overwrites the freed pages), and head
 * office gets a tombstone (entity and id only).
 */
export async function eraseRows(trx: Trx, entity: SyncedEntity, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  const key = PRIMARY_KEY[entity];
  await inSlices(ids, async (slice) => {
    await trx.deleteFrom('outbox').where('entity', '=', entity).where('entity_id', 'in', slice).execute();
    await trx.deleteFrom('sync_conflicts').where('entity', '=', entity).where('entity_id', 'in', slice).execute();
    await trx
      .deleteFrom(entity)
      .where(key as never, 'in', slice as never)
      .execute();
    return [];
  });
  for (const id of ids) await queueDelete(trx, entity, id, now);
}

/** Ids of `entity` rows whose `column` is one of `values`. */
export async function idsWhere(trx: Trx, entity: SyncedEntity, column: string, values: readonly string[]): Promise<string[]> {
  const key = PRIMARY_KEY[entity];
  const rows = await inSlices(values, (slice) =>
    trx
      .selectFrom(entity)
      .select(`${key} as id` as never)
      .where(column as never, 'in', slice as never)
      .execute() as Promise<{ id: string }[]>,
  );
  return rows.map((r) => r.id);
}

/** Ids of the legal holds on these records (lifted or not): they go with the record. */
export async function holdIds(db: DbOrTrx, subjectType: string, ids: readonly string[]): Promise<string[]> {
  const rows = await inSlices(ids, (slice) => db.selectFrom('legal_holds').select('id').where('subject_type', '=', subjectType).where('subject_id', 'in', slice).execute());
  return rows.map((r) => r.id);
}

/** Adds to an anonymous count (management information that survives destruction). */
export async function countStatistic(trx: Trx, metric: string, period: string, count: number): Promise<void> {
  if (count === 0) return;
  await trx
    .insertInto('retention_statistics')
    .values({ metric, period, count })
    .onConflict((oc) => oc.columns(['metric', 'period']).doUpdateSet((eb) => ({ count: eb('retention_statistics.count', '+', count) })))
    .execute();
}

// ---- Policies --------------------------------------------------------------------------------

export const policyRows = (db: DbOrTrx) => db.selectFrom('retention_policies').selectAll().execute();

/** Gives a policy row its location's id (`<location id>:<key>`). */
export const movePolicy = (trx: Trx, id: string, to: { id: string; locationId: string }) =>
  trx.updateTable('retention_policies').set({ id: to.id, location_id: to.locationId }).where('id', '=', id).execute();

export const insertPolicy = (trx: Trx, row: Insertable<Database['retention_policies']>) => trx.insertInto('retention_policies').values(row).execute();

// ---- Destruction runs and their log ----------------------------------------------------------

export const insertRun = (trx: Trx, row: Insertable<Database['destruction_runs']>) => trx.insertInto('destruction_runs').values(row).execute();

export const findRun = (db: DbOrTrx, id: string) => db.selectFrom('destruction_runs').selectAll().where('id', '=', id).executeTakeFirst();

export const addToRun = (trx: Trx, id: string, items: number) =>
  trx
    .updateTable('destruction_runs')
    .set((eb) => ({ item_count: eb('item_count', '+', items) }))
    .where('id', '=', id)
    .execute();

export const setRunFinished = (trx: Trx, id: string, at: string) => trx.updateTable('destruction_runs').set({ finished_at: at }).where('id', '=', id).execute();

export const finishedRunIds = async (db: DbOrTrx) =>
  (await db.selectFrom('destruction_runs').select('id').where('finished_at', 'is not', null).orderBy('started_at', 'desc').limit(50).execute()).map((r) => r.id);

/** The newest finished automatic run whose notice the manager has not dismissed. */
export const unseenAutomaticRun = (db: DbOrTrx) =>
  db
    .selectFrom('destruction_runs')
    .select(['id', 'item_count', 'finished_at'])
    .where('automatic', '=', 1)
    .where('notice_seen_at', 'is', null)
    .where('finished_at', 'is not', null)
    .orderBy('started_at', 'desc')
    .executeTakeFirst();

export const setNoticeSeen = (trx: Trx, id: string, at: string) =>
  trx.updateTable('destruction_runs').set({ notice_seen_at: at }).where('id', '=', id).where('notice_seen_at', 'is', null).execute();

/** Log rows in batches (a run logs up to a chunk of records per transaction). */
export async function insertLogEntries(trx: Trx, rows: readonly Insertable<Database['destruction_log']>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('destruction_log').values(rows.slice(i, i + 500)).execute();
}

/** What the log says was destroyed (kind, hash, when), oldest first: the restore's list and the mirror's source. */
export const destructionLogEntries = async (db: DbOrTrx, since?: string) =>
  (
    await (since === undefined ? db.selectFrom('destruction_log') : db.selectFrom('destruction_log').where('executed_at', '>=', since))
      .select(['category', 'subject_hash', 'executed_at'])
      .orderBy('id')
      .execute()
  ).map((r) => ({ category: r.category, hash: r.subject_hash, executedAt: r.executed_at }));

// ---- Destroying again after a restore --------------------------------------------------------

/** Every primary key of a synced table (the restore hashes them to find what was erased). */
export async function allIds(db: DbOrTrx, entity: SyncedEntity): Promise<string[]> {
  const key = PRIMARY_KEY[entity];
  const rows = (await db
    .selectFrom(entity)
    .select(`${key} as id` as never)
    .execute()) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Empties columns of these rows (an erasure that cleared contact details, a BSN or an IBAN) and drops their conflict copies. */
export async function clearColumns(trx: Trx, entity: SyncedEntity, columns: readonly string[], ids: readonly string[]): Promise<void> {
  const key = PRIMARY_KEY[entity];
  const cleared = Object.fromEntries(columns.map((c) => [c, null]));
  await inSlices(ids, async (slice) => {
    await trx
      .updateTable(entity)
      .set(cleared as never)
      .where(key as never, 'in', slice as never)
      .execute();
    await trx.deleteFrom('sync_conflicts').where('entity', '=', entity).where('entity_id', 'in', slice).execute();
    return [];
  });
}

export const logOfRun = (db: DbOrTrx, runId: string) => db.selectFrom('destruction_log').selectAll().where('run_id', '=', runId).orderBy('id').execute();

export const countsByCategory = async (db: DbOrTrx, runId: string) =>
  (
    await db
      .selectFrom('destruction_log')
      .select((eb) => ['category', eb.fn.count<number>('id').as('n')])
      .where('run_id', '=', runId)
      .groupBy('category')
      .execute()
  ).map((c) => ({ category: c.category as DestructionCategory, count: Number(c.n) }));

// ---- "Waarom bewaren" ------------------------------------------------------------------------

export const childHousehold = (db: DbOrTrx, childId: string) =>
  db.selectFrom('children').select(['household_id', 'first_name', 'surname_prefix', 'surname']).where('id', '=', childId).executeTakeFirst();

export const householdExists = async (db: DbOrTrx, id: string) => Boolean(await db.selectFrom('households').select('id').where('id', '=', id).executeTakeFirst());

export const childIdsOf = async (db: DbOrTrx, householdId: string) =>
  (await db.selectFrom('children').select('id').where('household_id', '=', householdId).execute()).map((c) => c.id);

/** Tasks to confirm that a child's paper dossier was destroyed. */
export const paperDossierTasks = async (db: DbOrTrx, childIds: readonly string[]) =>
  (
    await inSlices(childIds, (slice) =>
      db
        .selectFrom('tasks')
        .innerJoin('children', 'children.id', 'tasks.child_id')
        .select(['tasks.due_date', 'tasks.confirmed_at', 'tasks.confirmed_by_name', 'children.first_name'])
        .where('tasks.child_id', 'in', slice)
        .where('tasks.kind', '=', 'paper_dossier_destroy')
        .execute(),
    )
  ).sort((a, b) => a.due_date.localeCompare(b.due_date));

/** Meldcode case files about these children, oldest first. */
export const caseIdsOfChildren = async (db: DbOrTrx, childIds: readonly string[]) =>
  (await inSlices(childIds, (slice) => db.selectFrom('meldcode_cases').select(['id', 'opened_on']).where('child_id', 'in', slice).execute()))
    .sort((a, b) => a.opened_on.localeCompare(b.opened_on))
    .map((c) => c.id);

// ---- Households (category) -------------------------------------------------------------------

/** Per household: its last contract end, how many contracts, how many without an end date. */
export function contractSpans(db: DbOrTrx, ids?: readonly string[]) {
  const query = db
    .selectFrom('households')
    .leftJoin('children', 'children.household_id', 'households.id')
    .leftJoin('contracts', 'contracts.child_id', 'children.id')
    .select((eb) => [
      'households.id as id',
      eb.fn.max('contracts.end_date').as('lastEnd'),
      eb.fn.count<number>('contracts.id').as('contracts'),
      eb.fn.sum<number>(sql`CASE WHEN contracts.id IS NOT NULL AND contracts.end_date IS NULL THEN 1 ELSE 0 END`).as('open'),
    ])
    .groupBy('households.id');
  return ids ? inSlices(ids, (slice) => query.where('households.id', 'in', slice).execute()) : query.execute();
}

/** Case files about the children of these households (all households without `ids`). */
export function caseClosuresByHousehold(db: DbOrTrx, ids?: readonly string[]) {
  const query = db.selectFrom('meldcode_cases').innerJoin('children', 'children.id', 'meldcode_cases.child_id').select(['children.household_id', 'meldcode_cases.closed_on']);
  return ids ? inSlices(ids, (slice) => query.where('children.household_id', 'in', slice).execute()) : query.execute();
}

export const householdsOfChildren = (db: DbOrTrx, childIds: readonly string[]) =>
  inSlices(childIds, (slice) => db.selectFrom('children').select(['id', 'household_id']).where('id', 'in', slice).execute());

/** Parents' names, the contract parent first. */
export const parentNames = (db: DbOrTrx, householdIds: readonly string[]) =>
  inSlices(householdIds, (slice) =>
    db
      .selectFrom('parents')
      .select(['household_id', 'first_name', 'surname_prefix', 'surname'])
      .where('household_id', 'in', slice)
      .orderBy('is_contract_parent', 'desc')
      .execute(),
  );

export const parentsOf = (trx: Trx, householdIds: readonly string[]) =>
  inSlices(householdIds, (slice) => trx.selectFrom('parents').select(['id', 'email']).where('household_id', 'in', slice).execute());

/** Tables whose rows are about a parent or a child (`subject_type`, `subject_id`). */
export type SubjectRowsEntity = 'bsn_verifications' | 'disclosure_subjects' | 'processing_restrictions';

/** Ids of rows about these parents or children (BSN checks, disclosure subjects, restrictions). */
export async function idsAboutSubjects(trx: Trx, entity: SubjectRowsEntity, type: Database['bsn_verifications']['subject_type'], ids: readonly string[]) {
  const rows = await inSlices(ids, (slice) => trx.selectFrom(entity).select('id').where('subject_type', '=', type).where('subject_id', 'in', slice).execute());
  return rows.map((r) => r.id);
}

/** Contracts per care type and start year (anonymous figures kept after destruction). */
export const contractCounts = (trx: Trx, childIds: readonly string[]) =>
  inSlices(childIds, (slice) =>
    trx
      .selectFrom('contracts')
      .select((eb) => ['care_type', sql<string>`substr(start_date, 1, 4)`.as('year'), eb.fn.count<number>('id').as('n')])
      .where('child_id', 'in', slice)
      .groupBy(['care_type', sql`substr(start_date, 1, 4)`])
      .execute(),
  );

// ---- Meldcode files (category) ---------------------------------------------------------------

export function caseClosures(db: DbOrTrx, ids?: readonly string[]) {
  const query = db.selectFrom('meldcode_cases').select(['id', 'opened_on', 'closed_on']);
  return ids ? inSlices(ids, (slice) => query.where('id', 'in', slice).execute()) : query.execute();
}

/** A conflict copy of a case or its entries holds its text: it goes with the case. */
export const deleteCaseConflicts = (trx: Trx, ids: readonly string[]) =>
  inSlices(ids, async (slice) => {
    await trx.deleteFrom('sync_conflicts').where('entity', 'in', ['meldcode_cases', 'meldcode_entries']).where('entity_id', 'in', slice).execute();
    return [];
  });

// ---- Applicants, employees, complaints (categories) ------------------------------------------

export function applicantClosures(db: DbOrTrx, ids?: readonly string[]) {
  const query = db.selectFrom('applicants').select(['id', 'first_name', 'surname_prefix', 'surname', 'position', 'procedure_end_date', 'consent_longer_retention']);
  return ids ? inSlices(ids, (slice) => query.where('id', 'in', slice).execute()) : query.execute();
}

export function employeeClosures(db: DbOrTrx, ids?: readonly string[]) {
  const query = db.selectFrom('employees').select(['id', 'first_name', 'surname_prefix', 'surname', 'position', 'employment_end', 'labour_dispute']);
  return ids ? inSlices(ids, (slice) => query.where('id', 'in', slice).execute()) : query.execute();
}

export const statutoryDuties = (db: DbOrTrx, employeeIds: readonly string[]) =>
  inSlices(employeeIds, (slice) => db.selectFrom('employee_statutory_holds').select(['employee_id', 'until', 'description', 'legal_basis']).where('employee_id', 'in', slice).execute());

export function complaintClosures(db: DbOrTrx, ids?: readonly string[]) {
  const query = db.selectFrom('complaints').select(['id', 'subject', 'received_on', 'closed_on']);
  return ids ? inSlices(ids, (slice) => query.where('id', 'in', slice).execute()) : query.execute();
}
