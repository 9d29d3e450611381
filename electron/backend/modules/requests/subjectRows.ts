import { DATA_MAP, SUBJECTS, type ColumnGroup, type Condition, type MappedTable, type Path, type PersonalTable, type SubjectDef, type SubjectKey } from '../../../../shared/dataMap';
import { PRIMARY_KEY } from '../../sync/outbox';
import type { SyncedEntity } from '../../../../shared/sync/protocol';
import type { DbOrTrx } from '../../db/schema';
import { keysLeadingTo, rowsLeadingTo, rowsWith } from './subjectRows.repository';

/**
 * A person's rows, found by following the data map (shared/dataMap/map.ts) and nothing else: for
 * every table, the paths to the person; per row, the column groups about them with their values.
 * The access report, AVG erasure and the portability export all start here, so a table added to
 * the map is read, erased and exported without another list to update.
 */

export interface SubjectRow {
  table: MappedTable;
  /** The row's key (its primary key column, `child_id` for child_medical). */
  key: string;
  /** The columns of `groups` (and their conditions), as stored. */
  values: Record<string, unknown>;
  /** The column groups about the person on this row, in map order. */
  groups: ColumnGroup[];
}

/** Who recorded something is not data about the person the row is about. */
const isStaff = (g: ColumnGroup) => g.category === 'staff_actor';

const personalTables = () => Object.entries(DATA_MAP).filter((e): e is [MappedTable, PersonalTable] => e[1].kind === 'personal');

/** The key column of a table's rows: the synced primary key, else `id`; null for tables without one. */
export function keyOf(table: MappedTable): string | null {
  if (table in PRIMARY_KEY) return PRIMARY_KEY[table as SyncedEntity];
  const entry = DATA_MAP[table];
  const columns = entry.kind === 'personal' ? entry.noPersonalData : entry.columns;
  return columns.includes('id') ? 'id' : null;
}

const holdsOn = (values: Record<string, unknown>, c: Condition | undefined) => !c || values[c.column] === c.equals;

/**
 * The paths from `table` to the subject, each with the groups it reaches: a group about the subject
 * (its own path or the table's), and groups about a person the row names itself (a pickup person,
 * the people on a waiting-list entry) when the row is reached through the subject.
 */
function pathsTo(entry: PersonalTable, subject: SubjectKey): { path: Path; groups: ColumnGroup[] }[] {
  const out: { path: Path; groups: ColumnGroup[] }[] = [];
  const add = (path: Path, group: ColumnGroup) => {
    const found = out.find((o) => o.path === path);
    if (found) found.groups.push(group);
    else out.push({ path, groups: [group] });
  };
  const tablePath = entry.subjects[subject];
  for (const g of entry.groups) {
    if (isStaff(g)) continue;
    if (g.subject === subject) {
      const path = g.path ?? tablePath;
      if (path) add(path, g);
    } else if (tablePath && !g.path && entry.subjects[g.subject]?.length === 0 && !homeWhere(g.subject)) {
      add(tablePath, g);
    }
  }
  return out;
}

/** The condition a subject's own table puts on its rows (contract parent or not). */
function homeWhere(subject: SubjectKey): Condition | undefined {
  const def: SubjectDef = SUBJECTS[subject];
  return def.home?.where;
}

/**
 * Everything the map says is stored about one person, row by row. `id` is their own row; a person
 * without one (a pickup person) is the rows that name them, given as several ids.
 */
export async function subjectRows(db: DbOrTrx, subject: SubjectKey, id: string | readonly string[]): Promise<SubjectRow[]> {
  const where = homeWhere(subject);
  const landing = { ids: typeof id === 'string' ? [id] : id, ...(where ? { where } : {}) };
  const out: SubjectRow[] = [];
  for (const [table, entry] of personalTables()) {
    const key = keyOf(table);
    if (!key) continue;
    const byKey = new Map<string, SubjectRow>();
    for (const { path, groups } of pathsTo(entry, subject)) {
      // The groups' columns, and the columns their conditions and the row's rules read.
      const conditions = [...groups.map((g) => g.when), ...entry.rules.map((r) => r.when)].flatMap((c) => (c ? [c.column] : []));
      const columns = [...new Set([...groups.flatMap((g) => g.columns), ...conditions])];
      for (const values of await rowsLeadingTo(db, table, key, columns, path, landing)) {
        const rowKey = String(values.__key);
        const row = byKey.get(rowKey) ?? { table, key: rowKey, values: {}, groups: [] };
        Object.assign(row.values, values);
        delete row.values.__key;
        for (const g of groups) if (holdsOn(values, g.when) && !row.groups.includes(g)) row.groups.push(g);
        byKey.set(rowKey, row);
      }
    }
    for (const row of byKey.values()) {
      if (row.groups.length === 0) continue;
      row.groups.sort((a, b) => entry.groups.indexOf(a) - entry.groups.indexOf(b));
      out.push(row);
    }
  }
  return out;
}

/** Rows to erase: per table, the keys; owners before the rows that go with them. */
export interface EraseSet {
  table: MappedTable;
  keys: string[];
}

/**
 * The rows that go `with` these rows (the map's `with` rules), recursively, owners first: erasing a
 * child takes its contracts, medical data, pickup lists, waiting-list entry, BSN checks, … along.
 * `except` leaves tables out (the request register survives the erasure it asked for).
 */
export async function withDependents(db: DbOrTrx, start: readonly EraseSet[], except: ReadonlySet<string> = new Set()): Promise<EraseSet[]> {
  const out: EraseSet[] = [];
  const seen = new Map<string, Set<string>>();
  const queue = [...start];
  while (queue.length > 0) {
    const { table, keys } = queue.shift()!;
    const known = seen.get(table) ?? new Set<string>();
    const fresh = keys.filter((k) => !known.has(k));
    if (fresh.length === 0) continue;
    for (const k of fresh) known.add(k);
    seen.set(table, known);
    out.push({ table, keys: fresh });
    for (const [dependent, entry] of personalTables()) {
      if (except.has(dependent)) continue;
      const key = keyOf(dependent);
      if (!key) continue;
      for (const rule of entry.rules) {
        if (rule.kind !== 'with' || rule.table !== table) continue;
        const ids = await rowsWith(db, dependent, key, rule.via, fresh, rule.when);
        if (ids.length > 0) queue.push({ table: dependent, keys: ids });
      }
    }
  }
  return out;
}

/** People of one kind, by id: where the map's paths land. */
export interface People {
  subject: SubjectKey;
  ids: readonly string[];
}

/** Every path of the map from a row of `entry` to a person of `subject`: the table's own and those of its column groups. */
function everyPathTo(entry: PersonalTable, subject: SubjectKey): Path[] {
  const paths = [entry.subjects[subject], ...entry.groups.filter((g) => g.subject === subject).map((g) => g.path)];
  return [...new Set(paths.flatMap((p) => (p ? [p] : [])))];
}

/**
 * Every row of a personal table that leads to one of the people by any path of the map (the
 * table's or a column group's), per table. Unlike subjectRows it asks no columns: the rows that
 * destroying the people (a household with its parents and children) must take along.
 * `except` leaves tables out that the caller handles itself.
 */
export async function rowsLeadingToPeople(db: DbOrTrx, people: readonly People[], except: ReadonlySet<string> = new Set()): Promise<EraseSet[]> {
  const out: EraseSet[] = [];
  for (const [table, entry] of personalTables()) {
    const key = keyOf(table);
    if (!key || except.has(table)) continue;
    const keys = new Set<string>();
    for (const { subject, ids } of people) {
      if (ids.length === 0) continue;
      const where = homeWhere(subject);
      for (const path of everyPathTo(entry, subject)) for (const k of await keysLeadingTo(db, table, key, path, { ids, ...(where ? { where } : {}) })) keys.add(k);
    }
    if (keys.size > 0) out.push({ table, keys: [...keys] });
  }
  return out;
}

/** Owners before the rows that go with them: a table's rank is one more than that of the tables it goes `with`. */
function ownerRank(table: string, seen: ReadonlySet<string> = new Set()): number {
  const entry = DATA_MAP[table as MappedTable];
  if (entry?.kind !== 'personal' || seen.has(table)) return 0;
  const owners = entry.rules.flatMap((r) => (r.kind === 'with' && r.table !== table ? [r.table] : []));
  return owners.length === 0 ? 0 : 1 + Math.max(...owners.map((o) => ownerRank(o, new Set([...seen, table]))));
}

/**
 * The sets merged per table and ordered by the map's `with` rules: `owners-first` (AVG erasure)
 * or `dependents-first` (a household: the rows that go with a child before the child, the
 * parents and children before the household, so no row is left to a foreign-key cascade).
 */
export function inEraseOrder(sets: readonly EraseSet[], order: 'owners-first' | 'dependents-first'): EraseSet[] {
  const byTable = new Map<MappedTable, Set<string>>();
  for (const s of sets) for (const k of s.keys) byTable.set(s.table, (byTable.get(s.table) ?? new Set()).add(k));
  const sign = order === 'owners-first' ? 1 : -1;
  return [...byTable.entries()].sort((a, b) => sign * (ownerRank(a[0]) - ownerRank(b[0]))).map(([table, keys]) => ({ table, keys: [...keys] }));
}

/** Tables whose `with` rules point at `table` from a person's own table (parents and children live in a household). */
export function holdsPeople(table: MappedTable): MappedTable[] {
  const homes = new Set<string>(Object.values(SUBJECTS as Record<string, SubjectDef>).flatMap((s) => (s.home ? [s.home.table] : [])));
  return personalTables()
    .filter(([t, e]) => homes.has(t) && e.rules.some((r) => r.kind === 'with' && r.table === table))
    .map(([t]) => t);
}
