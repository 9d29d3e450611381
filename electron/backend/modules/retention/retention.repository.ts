import { sql, type Insertable } from 'kysely';
import type { DestructionCategory } from '../../../../shared/api/retention.schemas';
import { SYNCED_ENTITIES, type SyncedEntity } from '../../../../shared/sync/protocol';
import type { Database, DbOrTrx, Trx } from '../../db/schema';
import { PRIMARY_KEY, queueDelete, queueUpsert } from '../../sync/outbox';

/**
 * A list of values as one bound parameter (`x IN (SELECT value FROM json_each(?))`): one
 * statement for thousands of ids, sorted so that SQLite visits the index in order.
 */
const inList = (values: readonly string[]) => sql<string>`(SELECT value FROM json_each(${asJson(values)}))`;
/** The same list (the window's children, read by every part table) is turned into JSON once. */
const asJsonCache = new WeakMap<readonly string[], string>();
function asJson(values: readonly string[]): string {
  const known = asJsonCache.get(values);
  if (known !== undefined) return known;
  const json = JSON.stringify(isSorted(values) ? values : [...values].sort());
  asJsonCache.set(values, json);
  return json;
}
/** The window's lists come sorted from SQLite: no need to sort 12k ids again for every part. */
const isSorted = (values: readonly string[]) => values.every((v, i) => i === 0 || values[i - 1]! <= v);

/** Runs `query` over `ids` in slices (SQLite limits the number of bound parameters). */
export async function inSlices<T>(ids: readonly string[], query: (slice: string[]) => Promise<T[]>, size = 500): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await query(ids.slice(i, i + size))));
  return out;
}


// ---- The erase primitive and its sibling for columns -------------------------------------------

/** Tables the engine may delete rows from: every synced table, and the local destruction log. */
export type ErasableTable = SyncedEntity | LocalErasable;
type LocalErasable = 'destruction_runs' | 'destruction_log';
const LOCAL_KEYS: Record<LocalErasable, string> = { destruction_runs: 'id', destruction_log: 'id' };
const SYNCED: ReadonlySet<string> = new Set(SYNCED_ENTITIES);
export const isErasable = (table: string): table is ErasableTable => SYNCED.has(table) || Object.hasOwn(LOCAL_KEYS, table);
const isSynced = (table: ErasableTable): table is SyncedEntity => SYNCED.has(table);
const primaryKey = (table: ErasableTable) => (isSynced(table) ? PRIMARY_KEY[table] : LOCAL_KEYS[table]);

/**
 * Really deletes rows: queued upserts that still carry their data leave the outbox, sync
 * conflicts holding a copy go, the rows go (secure_delete overwrites the freed pages), and head
 * office gets a tombstone (entity and id only). Local tables (the destruction log) have no copies
 * elsewhere: only the rows go.
 */
export async function eraseRows(trx: Trx, entity: ErasableTable, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  const key = primaryKey(entity);
  await inSlices(ids, async (slice) => {
    if (isSynced(entity)) {
      await trx.deleteFrom('outbox').where('entity', '=', entity).where('entity_id', 'in', slice).execute();
      await trx.deleteFrom('sync_conflicts').where('entity', '=', entity).where('entity_id', 'in', slice).execute();
    }
    await trx
      .deleteFrom(entity)
      .where(key as never, 'in', slice as never)
      .execute();
    return [];
  });
  if (isSynced(entity)) for (const id of ids) await queueDelete(trx, entity, id, now);
}

/**
 * Clears columns of synced rows whose own rule ended while the row stays (parents' e-mail and
 * phone): the columns become NULL, queued payloads and conflict copies that still hold the old
 * values go, and the row as it now is goes to head office (last writer wins there, so the cleared
 * values replace the old ones).
 */
export async function clearColumns(trx: Trx, entity: SyncedEntity, ids: readonly string[], columns: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0 || columns.length === 0) return;
  const key = PRIMARY_KEY[entity];
  const cleared = Object.fromEntries(columns.map((c) => [c, null]));
  await inSlices(ids, async (slice) => {
    await trx.deleteFrom('outbox').where('entity', '=', entity).where('entity_id', 'in', slice).where('op', '=', 'upsert').execute();
    await trx.deleteFrom('sync_conflicts').where('entity', '=', entity).where('entity_id', 'in', slice).execute();
    await trx
      .updateTable(entity)
      .set(cleared as never)
      .where(key as never, 'in', slice as never)
      .execute();
    return [];
  });
  for (const id of ids) await queueUpsert(trx, entity, id, now);
}

/** Primary keys of `table` rows whose `column` is one of `values` (and that match `when`): the rows that go with others. */
export async function rowIds(db: DbOrTrx, table: ErasableTable, column: string, values: readonly string[], when?: { column: string; equals: string | number }): Promise<string[]> {
  const key = primaryKey(table);
  const rows = await inSlices(values, (slice) => {
    let query = db
      .selectFrom(table)
      .select(`${key} as id` as never)
      .where(column as never, 'in', slice as never);
    if (when) query = query.where(when.column as never, '=', when.equals as never);
    return query.execute() as Promise<{ id: string | number }[]>;
  });
  return rows.map((r) => String(r.id));
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

/** Every anonymous count, sent to head office with each sync push (the console's figures). */
export const statisticRows = (db: DbOrTrx) => db.selectFrom('retention_statistics').select(['metric', 'period', 'count']).execute();

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

/** Log entries without a run (AVG erasures, entries carried over by a restore): they go under the log's rule by their own date. */
export const runlessLogEntries = (db: DbOrTrx) => db.selectFrom('destruction_log').select(['id', 'executed_at']).where('run_id', 'is', null).execute();

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

/**
 * Every parent of these households: names, whether a contract parent, and per column group in
 * `filled` whether one of its columns is still filled in (`filled_0`, `filled_1` …). With the
 * groups e-mail and phone it reads the covering index parents_household_labels (0024) alone.
 */
export async function parentsOfHouseholds(db: DbOrTrx, householdIds: readonly string[], filled: readonly (readonly string[])[] = []) {
  if (householdIds.length === 0) return [];
  const flags = filled.map((columns, i) =>
    sql<number>`(${sql.join(
      columns.map((c) => sql`${sql.ref(c)} IS NOT NULL`),
      sql` OR `,
    )})`.as(`filled_${i}`),
  );
  // The rows as SQLite gives them (a large location has tens of thousands): the flags are columns filled_0, filled_1 … (isFilled).
  return (await db
    .selectFrom('parents')
    .select(['id', 'household_id', 'is_contract_parent', 'first_name', 'surname_prefix', 'surname', ...flags])
    .where('household_id', 'in', inList(householdIds))
    .execute()) as unknown as HouseholdParent[];
}

export interface HouseholdParent {
  id: string;
  household_id: string;
  is_contract_parent: number;
  first_name: string;
  surname_prefix: string | null;
  surname: string;
}

/** Whether one of the columns of group `i` (as passed to parentsOfHouseholds) is still filled in for this parent. */
export const isFilled = (p: HouseholdParent, i: number) => (p as unknown as Record<string, unknown>)[`filled_${i}`] === 1;

export const parentsOf = (trx: Trx, householdIds: readonly string[]) =>
  inSlices(householdIds, (slice) => trx.selectFrom('parents').select(['id', 'email']).where('household_id', 'in', slice).execute());

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

// ---- Parts of records with their own rule (data map categories) ------------------------------

/** Per child: household, name, last contract end, how many contracts, how many without an end date. */
export function childSpans(db: DbOrTrx, ids?: readonly string[]) {
  const query = db
    .selectFrom('children')
    .leftJoin('contracts', 'contracts.child_id', 'children.id')
    .select((eb) => [
      'children.id as id',
      'children.household_id as household_id',
      'children.first_name as first_name',
      'children.surname_prefix as surname_prefix',
      'children.surname as surname',
      eb.fn.max('contracts.end_date').as('lastEnd'),
      eb.fn.count<number>('contracts.id').as('contracts'),
      eb.fn.sum<number>(sql`CASE WHEN contracts.id IS NOT NULL AND contracts.end_date IS NULL THEN 1 ELSE 0 END`).as('open'),
    ])
    .groupBy('children.id');
  return ids ? inSlices(ids, (slice) => query.where('children.id', 'in', slice).execute()) : query.execute();
}

/**
 * Children whose every contract ended on or before `endedBy` (at least one contract), with their
 * name, last end and how many children their household has. Read from indexes alone (0017, 0024):
 * the contracts that ended by then from (end_date, child_id), each child's household and name
 * from (id, household_id, names), and "all of its contracts" as the count of the child's entries
 * in the child index — a running contract is never read. Sorted by child id.
 */
export async function childrenEndedBy(db: DbOrTrx, endedBy: string) {
  // Plain SQL for INDEXED BY: the planner would otherwise walk the whole child index (to avoid
  // sorting the groups) and read each contract's row for its end date.
  const { rows } = await sql<{ id: string; household_id: string; first_name: string; surname_prefix: string | null; surname: string; lastEnd: string; contracts: number; open: 0; siblings: number }>`
    SELECT c.id AS id, c.household_id AS household_id, c.first_name AS first_name, c.surname_prefix AS surname_prefix, c.surname AS surname,
      max(k.end_date) AS lastEnd, count(*) AS contracts, 0 AS open,
      (SELECT count(*) FROM children AS c3 WHERE c3.household_id = c.household_id) AS siblings
    FROM contracts AS k INDEXED BY contracts_end_child
    JOIN children AS c INDEXED BY children_id_household_names ON c.id = k.child_id
    WHERE k.end_date <= ${endedBy}
    GROUP BY c.id
    HAVING count(*) = (SELECT count(*) FROM contracts AS k3 WHERE k3.child_id = c.id)
    ORDER BY c.id`.execute(db);
  return rows;
}

/** Children's names (for the preview's labels). */
export const childNames = async (db: DbOrTrx, ids: readonly string[]) =>
  ids.length === 0 ? [] : db.selectFrom('children').select(['id', 'first_name', 'surname_prefix', 'surname']).where('id', 'in', inList(ids)).execute();

/** Households with a case file still open about one of their children. */
export const householdsWithOpenCase = async (db: DbOrTrx) =>
  new Set(
    (await db.selectFrom('meldcode_cases').innerJoin('children', 'children.id', 'meldcode_cases.child_id').select('children.household_id').where('meldcode_cases.closed_on', 'is', null).execute()).map(
      (r) => r.household_id,
    ),
  );

type Match = { column: string; equals: string | number };

/** The distinct values of `column` in `table` (rows matching `when`; only `values` when given): whose rows a table holds. */
export async function distinctValues(db: DbOrTrx, table: ErasableTable, column: string, when?: Match, values?: readonly string[]): Promise<string[]> {
  const base = () => {
    let query = db
      .selectFrom(table)
      .select(`${column} as value` as never)
      .distinct();
    if (when) query = query.where(when.column as never, '=', when.equals as never);
    return query;
  };
  if (values?.length === 0) return [];
  const rows = (values ? await base().where(column as never, 'in', inList(values) as never).execute() : await base().execute()) as unknown as { value: string | null }[];
  return rows.flatMap((r) => (r.value === null ? [] : [String(r.value)]));
}

/** Parents matching `when` (contract parent or not) of these households, or all. */
export function parentsWhere(db: DbOrTrx, when: Match, householdIds?: readonly string[]) {
  const query = db
    .selectFrom('parents')
    .select(['id', 'household_id', 'first_name', 'surname_prefix', 'surname', 'email', 'phone'])
    .where(when.column as never, '=', when.equals as never);
  if (householdIds?.length === 0) return Promise.resolve([]);
  return householdIds ? query.where('household_id', 'in', inList(householdIds)).execute() : query.execute();
}

/** Households with a parent matching `when` that still has one of `columns` filled in (what is left to clear). */
export async function householdsWithFilled(db: DbOrTrx, when: Match, columns: readonly string[], householdIds?: readonly string[]): Promise<string[]> {
  const query = db
    .selectFrom('parents')
    .select('household_id')
    .distinct()
    .where(when.column as never, '=', when.equals as never)
    .where((eb) => eb.or(columns.map((c) => eb(c as never, 'is not', null))));
  if (householdIds?.length === 0) return [];
  const rows = householdIds ? await query.where('household_id', 'in', inList(householdIds)).execute() : await query.execute();
  return rows.map((r) => r.household_id);
}

export function parentsById(db: DbOrTrx, ids: readonly string[]) {
  return inSlices(ids, (slice) => db.selectFrom('parents').select(['id', 'household_id', 'first_name', 'surname_prefix', 'surname', 'is_contract_parent']).where('id', 'in', slice).execute());
}

/** Rectifications that hold an old or new value of these fields of these rows: they go when the field is cleared. */
export async function correctionsOfFields(trx: Trx, subjectType: 'parent' | 'child' | 'household', subjectIds: readonly string[], fields: readonly string[]) {
  const rows = await inSlices(subjectIds, (slice) =>
    trx.selectFrom('data_corrections').select('id').where('subject_type', '=', subjectType).where('subject_id', 'in', slice).where('field', 'in', fields).execute(),
  );
  return rows.map((r) => r.id);
}

/** Closed waiting-list entries (placed, withdrawn, declined) with the date they closed. */
export function closedWaitlistEntries(db: DbOrTrx, statuses: readonly string[], ids?: readonly string[]) {
  const query = db
    .selectFrom('waitlist_entries')
    .select(['id', 'status', 'closed_at', 'created_at', 'parent_name', 'child_first_name', 'child_surname'])
    .where('status', 'in', statuses as never);
  return ids ? inSlices(ids, (slice) => query.where('id', 'in', slice).execute()) : query.execute();
}

/** Exchange consents with the child's household and name. */
export function exchangeConsentRows(db: DbOrTrx, ids?: readonly string[]) {
  const query = db
    .selectFrom('exchange_consents')
    .innerJoin('children', 'children.id', 'exchange_consents.child_id')
    .select([
      'exchange_consents.id as id',
      'exchange_consents.child_id as child_id',
      'children.household_id as household_id',
      'children.first_name as first_name',
      'exchange_consents.recipient_name as recipient_name',
      'exchange_consents.valid_until as valid_until',
      'exchange_consents.withdrawn_on as withdrawn_on',
    ]);
  return ids ? inSlices(ids, (slice) => query.where('exchange_consents.id', 'in', slice).execute()) : query.execute();
}

export function disclosureRows(db: DbOrTrx, ids?: readonly string[]) {
  const query = db.selectFrom('disclosures').select(['id', 'recipient_name', 'created_at']);
  return ids ? inSlices(ids, (slice) => query.where('id', 'in', slice).execute()) : query.execute();
}

/** Whose data each disclosure held, with the household of that child or parent. */
export async function disclosureHouseholds(db: DbOrTrx, disclosureIds?: readonly string[]) {
  const children = db
    .selectFrom('disclosure_subjects')
    .innerJoin('children', (j) => j.onRef('children.id', '=', 'disclosure_subjects.subject_id').on('disclosure_subjects.subject_type', '=', 'child'))
    .select(['disclosure_subjects.disclosure_id as disclosure_id', 'children.id as child_id', 'children.household_id as household_id']);
  const parents = db
    .selectFrom('disclosure_subjects')
    .innerJoin('parents', (j) => j.onRef('parents.id', '=', 'disclosure_subjects.subject_id').on('disclosure_subjects.subject_type', '=', 'parent'))
    .select(['disclosure_subjects.disclosure_id as disclosure_id', sql<string | null>`NULL`.as('child_id'), 'parents.household_id as household_id']);
  if (!disclosureIds) return [...(await children.execute()), ...(await parents.execute())];
  return [
    ...(await inSlices(disclosureIds, (slice) => children.where('disclosure_subjects.disclosure_id', 'in', slice).execute())),
    ...(await inSlices(disclosureIds, (slice) => parents.where('disclosure_subjects.disclosure_id', 'in', slice).execute())),
  ];
}

export function requestRows(db: DbOrTrx, ids?: readonly string[]) {
  const query = db.selectFrom('subject_requests').select(['id', 'kind', 'received_on', 'closed_on', 'household_id', 'subject_type', 'subject_id']);
  return ids ? inSlices(ids, (slice) => query.where('id', 'in', slice).execute()) : query.execute();
}

/** Finished destruction runs (their log goes under the destruction_log rule). */
export function finishedRuns(db: DbOrTrx, ids?: readonly string[]) {
  const query = db.selectFrom('destruction_runs').select(['id', 'started_at', 'finished_at']).where('finished_at', 'is not', null);
  return ids ? inSlices(ids, (slice) => query.where('id', 'in', slice).execute()) : query.execute();
}

/** Opt-outs of these addresses that no parent uses any more (the address was cleared or destroyed). */
export async function optOutsNoLongerNeeded(trx: Trx, addresses: readonly string[]): Promise<string[]> {
  const normalised = [...new Set(addresses.map((a) => a.trim().toLowerCase()))];
  if (normalised.length === 0) return [];
  const inUse = new Set(
    (await inSlices(normalised, (slice) => trx.selectFrom('parents').select(sql<string>`lower(trim(email))`.as('email')).where(sql<string>`lower(trim(email))`, 'in', slice).execute())).map((r) => r.email),
  );
  const free = normalised.filter((a) => !inUse.has(a));
  return (await inSlices(free, (slice) => trx.selectFrom('marketing_opt_outs').select('id').where('email', 'in', slice).execute())).map((r) => r.id);
}
