import { SYNCED_ENTITIES } from '../sync/protocol';
import { CATEGORIES } from './categories';
import { DATA_MAP_POLICY_KEYS, EVENTS, POLICY_EVENT } from './policies';
import { SUBJECTS, type SubjectKey } from './subjects';
import type { ColumnGroup, Condition, DataMap, Path, PersonalTable, Rule } from './types';

/** Table name → column names, as the database reports them (sqlite_master + pragma table_info). */
export type SchemaColumns = Readonly<Record<string, readonly string[]>>;

/**
 * Holds the data map against a schema and against itself. Returns one message per problem, each
 * naming `table` or `table.column`; an empty list means the map is complete and consistent.
 */
export function checkDataMap(map: DataMap, schema: SchemaColumns): string[] {
  const problems: string[] = [];
  const has = (table: string, column: string) => schema[table]?.includes(column) ?? false;

  for (const table of Object.keys(schema)) if (!map[table]) problems.push(`${table}: table has no entry in the data map`);
  for (const table of Object.keys(map)) if (!schema[table]) problems.push(`${table}: the data map has an entry for a table that does not exist`);

  const synced = new Set<string>(SYNCED_ENTITIES);
  for (const [table, entry] of Object.entries(map)) {
    const columns = schema[table];
    if (!columns) continue;
    if (entry.syncs !== synced.has(table)) problems.push(`${table}: syncs is ${entry.syncs}, but the table is ${synced.has(table) ? '' : 'not '}in SYNCED_ENTITIES`);

    // Where each column is listed.
    const places = new Map<string, { when?: Condition }[]>();
    const list = (column: string, place: { when?: Condition }) => places.set(column, [...(places.get(column) ?? []), place]);
    if (entry.kind === 'technical') {
      if (!entry.reason.trim()) problems.push(`${table}: a table without personal data needs a reason`);
      for (const c of entry.columns) list(c, {});
    } else {
      for (const c of entry.noPersonalData) list(c, {});
      for (const c of entry.copies?.columns ?? []) list(c, {});
      for (const g of entry.groups) for (const c of g.columns) list(c, g);
    }
    for (const column of columns) if (!places.has(column)) problems.push(`${table}.${column}: column has no entry in the data map`);
    for (const [column, where] of places) {
      if (!columns.includes(column)) problems.push(`${table}.${column}: the data map lists a column that does not exist`);
      if (where.length > 1 && !disjoint(where.map((w) => w.when))) problems.push(`${table}.${column}: listed more than once without disjoint conditions`);
    }
    if (entry.kind === 'personal') problems.push(...checkPersonal(map, schema, table, entry, has));
  }
  return problems;
}

function checkPersonal(map: DataMap, schema: SchemaColumns, table: string, entry: PersonalTable, has: (table: string, column: string) => boolean): string[] {
  const problems: string[] = [];
  const at = (column: string) => `${table}.${column}`;
  if (entry.groups.length === 0 && !entry.copies) problems.push(`${table}: a table with personal data needs column groups or copies`);
  if (entry.rules.length === 0) problems.push(`${table}: no rule says when its rows end`);
  if (entry.sealed && !entry.syncs) problems.push(`${table}: sealed only makes sense for a synced table`);
  if (entry.copies) {
    for (const c of [entry.copies.entityColumn, entry.copies.idColumn]) if (!has(table, c)) problems.push(`${at(c)}: copies refers to a column that does not exist`);
  }

  const checkCondition = (c: Condition | undefined, what: string) => {
    if (c && !has(table, c.column)) problems.push(`${at(c.column)}: ${what} condition on a column that does not exist`);
  };
  const checkRule = (rule: Rule, what: string) => {
    checkCondition(rule.when, what);
    if (rule.kind === 'policy' && !DATA_MAP_POLICY_KEYS.includes(rule.policy)) problems.push(`${table}: ${what} uses unknown policy '${rule.policy}'`);
    if (rule.kind === 'policy' && !(rule.policy in POLICY_EVENT)) problems.push(`${table}: policy '${rule.policy}' has no starting event`);
    if (rule.kind === 'fixed' && !(rule.event in EVENTS)) problems.push(`${table}: ${what} uses unknown event '${rule.event}'`);
    if (rule.kind === 'with') {
      if (!schema[rule.table]) problems.push(`${table}: ${what} goes with table '${rule.table}', which does not exist`);
      if (!has(table, rule.via)) problems.push(`${at(rule.via)}: ${what} goes with '${rule.table}' via a column that does not exist`);
    }
    if ((rule.kind === 'fixed' || rule.kind === 'kept') && !rule.reason.trim()) problems.push(`${table}: ${what} needs a reason`);
  };
  entry.rules.forEach((r, i) => checkRule(r, `rule ${i + 1}`));
  if (entry.rules.some((r) => 'deletion' in r && r.deletion === 'clear_columns')) problems.push(`${table}: a row rule cannot clear columns; put the rule on the group`);

  for (const [subject, path] of Object.entries(entry.subjects) as [SubjectKey, Path][]) {
    if (!(subject in SUBJECTS)) problems.push(`${table}: unknown subject '${subject}'`);
    problems.push(...checkPath(map, schema, table, subject, path, `subject ${subject}`));
  }

  entry.groups.forEach((g, i) => {
    const name = `group ${i + 1} (${g.label})`;
    if (!(g.category in CATEGORIES)) problems.push(`${table}: ${name} uses unknown category '${g.category}'`);
    for (const u of g.uses ?? []) if (!(u in CATEGORIES)) problems.push(`${table}: ${name} uses unknown category '${u}'`);
    if (!(g.subject in SUBJECTS)) problems.push(`${table}: ${name} has unknown subject '${g.subject}'`);
    const path = g.path ?? entry.subjects[g.subject];
    if (!path) problems.push(`${table}: ${name} is about '${g.subject}' but there is no path to that person`);
    checkCondition(g.when, name);
    if (g.rule) {
      checkRule(g.rule, name);
      if (g.rule.kind === 'with') problems.push(`${table}: ${name} cannot go 'with' another row on its own; only rows do`);
    }
    if (applicableRules(entry, g).length === 0) problems.push(`${table}: ${name} has no rule that ends it`);
    if (g.portable !== false) {
      const bases: readonly string[] = CATEGORIES[g.category]?.bases ?? [];
      if (!bases.includes('consent') && !bases.includes('contract')) problems.push(`${table}: ${name} is portable, but its category's basis is neither consent nor contract`);
      if (Array.isArray(g.portable)) for (const c of g.portable) if (!g.columns.includes(c)) problems.push(`${at(c)}: portable but not in ${name}`);
    }
  });
  return problems;
}

/**
 * A path must run over real columns, and land where the person is: their own table, or a table
 * that names that person in its own columns (a group with an empty path).
 */
function checkPath(map: DataMap, schema: SchemaColumns, table: string, subject: SubjectKey, path: Path, what: string): string[] {
  const problems: string[] = [];
  let current = table;
  for (const step of path) {
    const [target, targetColumn] = step.to.split('.') as [string, string | undefined];
    if (!schema[current]?.includes(step.from)) problems.push(`${current}.${step.from}: ${table} ${what}: path starts from a column that does not exist`);
    if (step.if && !schema[current]?.includes(step.if.column)) problems.push(`${current}.${step.if.column}: ${table} ${what}: path condition on a column that does not exist`);
    if (!targetColumn || !schema[target]?.includes(targetColumn)) problems.push(`${step.to}: ${table} ${what}: path leads to a column that does not exist`);
    if (step.where && !schema[target]?.includes(step.where.column)) problems.push(`${target}.${step.where.column}: ${table} ${what}: path condition on a column that does not exist`);
    current = target;
  }
  if (path.length > 0) {
    const def = SUBJECTS[subject];
    const home = 'home' in def ? def.home.table : undefined;
    const landing = map[current];
    const namesInline = landing?.kind === 'personal' && landing.groups.some((g) => g.subject === subject && (g.path ?? landing.subjects[subject])?.length === 0);
    if (current !== home && !namesInline) problems.push(`${table}: ${what}: path ends at '${current}', which is neither the ${subject}'s own table nor names them`);
  }
  return problems;
}

/** Conditions are disjoint when all are on one column with different values. */
function disjoint(conditions: readonly (Condition | undefined)[]): boolean {
  if (conditions.some((c) => !c)) return false;
  const cs = conditions as Condition[];
  return cs.every((c) => c.column === cs[0]!.column) && new Set(cs.map((c) => c.equals)).size === cs.length;
}

/** Two conditions can hold for the same row unless they name one column with different values. */
const compatible = (a?: Condition, b?: Condition) => !a || !b || a.column !== b.column || a.equals === b.equals;

/** The rules that end a group's columns: its own rule, else the row's rules that can apply to its rows. */
export function applicableRules(entry: PersonalTable, group: ColumnGroup): readonly Rule[] {
  if (group.rule) return [group.rule];
  return entry.rules.filter((r) => compatible(r.when, group.when));
}
