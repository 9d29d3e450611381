import { sql, type RawBuilder } from 'kysely';
import type { Condition, Path } from '../../../../shared/dataMap';
import type { DbOrTrx } from '../../db/schema';

/**
 * The one SQL for following a data-map path (shared/dataMap/types.ts Step) backwards: from a person
 * to the rows of a table that lead to them. Table and column names come from the data map only
 * (typed data in shared/, held against the schema by test/integration/data-map.test.ts), never from input.
 */

/** parents.email is stored as typed, marketing_opt_outs.email normalised: e-mail hops compare normalised. */
const isEmail = (column: string) => column === 'email' || column.endsWith('_email');

function col(alias: string, column: string): RawBuilder<unknown> {
  const ref = sql`${sql.id(alias)}.${sql.id(column)}`;
  return isEmail(column) ? sql`lower(trim(${ref}))` : ref;
}

const holds = (alias: string, c: Condition): RawBuilder<unknown> => sql`${sql.id(alias)}.${sql.id(c.column)} = ${c.equals}`;

/** Where the path lands: the person's own row (one of `ids`), with the home table's condition (contract parent or not). */
export interface Landing {
  ids: readonly string[];
  where?: Condition;
}

/** A list of ids as one bound parameter, so a run over thousands of people is one statement per path. */
const idList = (ids: readonly string[]) => sql`(SELECT value FROM json_each(${JSON.stringify([...ids])}))`;

/** The condition on `alias` (a row of the table the path starts from) that the path leads to the person. */
function leadsTo(alias: string, path: Path, landing: Landing, depth = 0): RawBuilder<unknown> {
  const [step, ...rest] = path;
  if (!step) {
    const self = landing.ids.length === 1 ? sql`${sql.id(alias)}.${sql.id('id')} = ${landing.ids[0]}` : sql`${sql.id(alias)}.${sql.id('id')} IN ${idList(landing.ids)}`;
    return landing.where ? sql`${self} AND ${holds(alias, landing.where)}` : self;
  }
  const [target, targetColumn] = step.to.split('.') as [string, string];
  const next = `p${depth + 1}`;
  const parts: RawBuilder<unknown>[] = [];
  if (step.if) parts.push(holds(alias, step.if));
  const inner = [leadsTo(next, rest, landing, depth + 1), ...(step.where ? [holds(next, step.where)] : [])];
  parts.push(sql`${col(alias, step.from)} IN (SELECT ${col(next, targetColumn)} FROM ${sql.id(target)} AS ${sql.id(next)} WHERE ${sql.join(inner, sql` AND `)})`);
  return sql.join(parts, sql` AND `);
}

/** The rows of `table` whose `path` leads to the person: their key and the asked columns. */
export async function rowsLeadingTo(db: DbOrTrx, table: string, key: string, columns: readonly string[], path: Path, landing: Landing): Promise<Record<string, unknown>[]> {
  const select = sql.join([sql`${sql.id('p0')}.${sql.id(key)} AS ${sql.id('__key')}`, ...columns.map((c) => sql`${sql.id('p0')}.${sql.id(c)}`)], sql`, `);
  const query = sql<Record<string, unknown>>`SELECT ${select} FROM ${sql.id(table)} AS ${sql.id('p0')} WHERE ${leadsTo('p0', path, landing)} ORDER BY ${sql.id('p0')}.${sql.id(key)}`;
  return (await query.execute(db)).rows;
}

/** The keys of the rows of `table` whose `path` leads to one of the people. */
export async function keysLeadingTo(db: DbOrTrx, table: string, key: string, path: Path, landing: Landing): Promise<string[]> {
  if (landing.ids.length === 0) return [];
  const query = sql<{ k: string }>`SELECT DISTINCT ${sql.id('p0')}.${sql.id(key)} AS k FROM ${sql.id(table)} AS ${sql.id('p0')} WHERE ${leadsTo('p0', path, landing)}`;
  return (await query.execute(db)).rows.map((r) => r.k);
}

/** Rows of `table` whose `via` column is one of `ids` (and `when` holds): the rows that go `with` them. */
export async function rowsWith(db: DbOrTrx, table: string, key: string, via: string, ids: readonly string[], when?: Condition): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const conditions = [sql`${sql.id(via)} IN (${sql.join(slice)})`, ...(when ? [sql`${sql.id(when.column)} = ${when.equals}`] : [])];
    const rows = (await sql<{ k: string }>`SELECT ${sql.id(key)} AS k FROM ${sql.id(table)} WHERE ${sql.join(conditions, sql` AND `)}`.execute(db)).rows;
    out.push(...rows.map((r) => r.k));
  }
  return out;
}

/** Empties columns of one row (the data map's `clear_columns` deletion). */
export async function clearColumns(db: DbOrTrx, table: string, key: string, id: string, columns: readonly string[]): Promise<void> {
  if (columns.length === 0) return;
  const set = sql.join(
    columns.map((c) => sql`${sql.id(c)} = NULL`),
    sql`, `,
  );
  await sql`UPDATE ${sql.id(table)} SET ${set} WHERE ${sql.id(key)} = ${id}`.execute(db);
}

/** Columns that may hold NULL (the others cannot be cleared, only go with their row). */
export async function nullableColumns(db: DbOrTrx, table: string): Promise<Set<string>> {
  const rows = (await sql<{ name: string; notnull: number }>`SELECT name, "notnull" FROM pragma_table_info(${table})`.execute(db)).rows;
  return new Set(rows.filter((r) => r.notnull === 0).map((r) => r.name));
}

/** Rectification history of a row's fields (old values): it goes when those fields are cleared. */
export async function correctionsOfFields(db: DbOrTrx, subjectId: string, fields: readonly string[]): Promise<string[]> {
  if (fields.length === 0) return [];
  return (await db.selectFrom('data_corrections').select('id').where('subject_id', '=', subjectId).where('field', 'in', [...fields]).execute()).map((r) => r.id);
}

/** Sync-conflict copies of rows (they hold the row as it was). */
export async function dropConflictCopies(db: DbOrTrx, entity: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('sync_conflicts').where('entity', '=', entity).where('entity_id', 'in', [...ids]).execute();
}
