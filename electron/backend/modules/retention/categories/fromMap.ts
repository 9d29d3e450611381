import { DATA_MAP, type Condition, type DataMapPolicyKey, type Deletion, type PersonalTable, type Rule, type TableEntry } from '../../../../../shared/dataMap';
import type { SyncedEntity } from '../../../../../shared/sync/protocol';
import { isErasable, type ErasableTable } from '../retention.repository';

/**
 * What the engine reads from the data map (shared/dataMap/map.ts): which tables and columns a
 * policy covers, how they end (delete the row, clear columns), and which rows go with them. The
 * categories in parts.ts take their table and column lists from here, so a table that joins a
 * rule in the map joins its destruction.
 */

type PolicyRule = Extract<Rule, { kind: 'policy' }>;
const PERSONAL = (Object.entries(DATA_MAP) as [string, TableEntry][]).filter((e): e is [string, PersonalTable] => e[1].kind === 'personal');

function erasable(table: string): ErasableTable {
  if (!isErasable(table)) throw new Error(`data map: the engine cannot delete rows of ${table}`);
  return table;
}

export interface RowRule {
  table: ErasableTable;
  when?: Condition;
  deletion: Deletion;
}

/** Tables whose rows end under `policy` (row rules), with the condition that selects those rows. */
export function rowRules(policy: DataMapPolicyKey): RowRule[] {
  return PERSONAL.flatMap(([table, entry]) =>
    entry.rules.filter((r): r is PolicyRule => r.kind === 'policy' && r.policy === policy).map((r) => ({ table: erasable(table), ...(r.when ? { when: r.when } : {}), deletion: r.deletion })),
  );
}

export interface ColumnRule {
  table: SyncedEntity;
  columns: readonly string[];
  when?: Condition;
  deletion: Deletion;
}

/** Column groups that end under `policy` before their row does (cleared while the row stays). */
export function columnRules(policy: DataMapPolicyKey): ColumnRule[] {
  return PERSONAL.flatMap(([table, entry]) =>
    entry.groups.flatMap((g) => {
      const rule = g.rule;
      if (rule?.kind !== 'policy' || rule.policy !== policy) return [];
      const t = erasable(table);
      if (t === 'destruction_runs' || t === 'destruction_log') throw new Error(`data map: columns of ${table} cannot be cleared`);
      return [{ table: t, columns: g.columns, ...(g.when ? { when: g.when } : {}), deletion: rule.deletion }];
    }),
  );
}

/** The one rule of `policy` (a category built on one table), checked to be a row deletion. */
export function onlyRowRule(policy: DataMapPolicyKey): RowRule {
  const rules = rowRules(policy);
  if (rules.length !== 1 || rules[0]!.deletion !== 'delete_row') throw new Error(`data map: policy ${policy} must delete the rows of exactly one table`);
  return rules[0]!;
}

export interface Dependent {
  table: ErasableTable;
  via: string;
  when?: Condition;
}

/** Rows that go `with` a row of `table` (the map's `with` rules): they are erased first, in the same transaction. */
export function dependents(table: string): Dependent[] {
  return PERSONAL.flatMap(([dep, entry]) =>
    entry.rules.filter((r) => r.kind === 'with' && r.table === table).map((r) => ({ table: erasable(dep), via: (r as Extract<Rule, { kind: 'with' }>).via, ...(r.when ? { when: r.when } : {}) })),
  );
}

/** The column that links a table's rows to the child (its subjects.child path is one hop to children.id). */
export function childColumn(table: string): string {
  const entry = PERSONAL.find(([t]) => t === table)?.[1];
  const path = entry?.subjects.child;
  if (!path || path.length !== 1 || path[0]!.to !== 'children.id' || path[0]!.if) throw new Error(`data map: ${table} has no direct path to the child`);
  return path[0]!.from;
}
