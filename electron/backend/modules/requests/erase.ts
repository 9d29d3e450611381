import { SYNCED_ENTITIES, type SyncedEntity } from '../../../../shared/sync/protocol';
import type { MappedTable } from '../../../../shared/dataMap';
import type { Trx } from '../../db/schema';
import { requeueAfterErasure } from '../../sync/outbox';
import { recordErasure } from '../retention/destructionLog';
import { eraseRows } from '../retention/retention.repository';
import { clearColumns, correctionsOfFields, dropConflictCopies } from './subjectRows.repository';
import { inEraseOrder, keyOf, type EraseSet } from './subjectRows';

/**
 * What the request paths (erasure, objection) do to a person's rows, each step written to the
 * destruction log (hashed ids) so a restored backup erases them again: whole rows through the one
 * erase primitive (eraseRows), or columns cleared in a row that stays.
 */

const SYNCED = new Set<string>(SYNCED_ENTITIES);
const isSynced = (table: string): table is SyncedEntity => SYNCED.has(table);

/** Erases the sets (owners first), each through the one primitive; `by` is the user who executes the request (for the destruction log). */
export async function eraseSets(trx: Trx, sets: readonly EraseSet[], now: Date, by: string) {
  for (const { table, keys } of inEraseOrder(sets, 'owners-first')) {
    if (!isSynced(table)) throw new Error(`erasure: ${table} is not a synced table`);
    await eraseRows(trx, table, [...keys], now);
    // The destruction log (hashed ids): a backup restored later erases them again.
    await recordErasure(trx, { kind: 'rows', entity: table }, [...keys], now, by);
    if (table === 'meldcode_cases') await recordErasure(trx, { kind: 'record', category: 'meldcode' }, [...keys], now, by);
  }
}

/** camelCase of a column, as rectifications name the field (iban_holder → ibanHolder). */
const fieldName = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Clears columns of a row that stays; its older values also go from the rectification history and conflict copies. */
export async function clearRow(trx: Trx, table: MappedTable, key: string, columns: readonly string[], now: Date, by: string) {
  if (columns.length === 0) return;
  const keyColumn = keyOf(table)!;
  await clearColumns(trx, table, keyColumn, key, columns);
  await dropConflictCopies(trx, table, [key]);
  if (!isSynced(table)) return;
  await recordErasure(trx, { kind: 'columns', entity: table, columns }, [key], now, by);
  await requeueAfterErasure(trx, table, key, now);
  await eraseRows(trx, 'data_corrections', await correctionsOfFields(trx, key, [...columns, ...columns.map(fieldName)]), now);
}
