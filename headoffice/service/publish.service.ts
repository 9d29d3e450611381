import type { SyncedEntity } from '../../shared/sync/protocol';
import type { HoTrx } from '../db/schema';
import { reserveVersions, upsertRecords } from './sync.repository';

/** A row head office writes into a location's stream; `payload` null is a tombstone. */
export interface PublishedRow {
  entity: SyncedEntity;
  entityId: string;
  payload: Record<string, unknown> | null;
}

/**
 * Head office as a writer (issue 18): an organisation register that concerns a location (a request
 * received via privacy@, the organisation's identity, a privacy statement version, a retention
 * rule) reaches it as ordinary changes in its stream, so every PC of the location pulls them like
 * any other row. The versions come from the location's counter, locked until commit, so they order
 * with the PCs' pushes. Returns the last version written.
 */
export async function publishToLocation(trx: HoTrx, locationId: string, rows: readonly PublishedRow[], at: string): Promise<number> {
  const { before } = await reserveVersions(trx, locationId, rows.length);
  if (rows.length === 0) return before;
  const written = await upsertRecords(
    trx,
    rows.map((row, index) => ({
      location_id: locationId,
      entity: row.entity,
      entity_id: row.entityId,
      version: before + index + 1,
      deleted: row.payload ? 0 : 1,
      payload: row.payload ? JSON.stringify(row.payload) : null,
      updated_at: at,
    })),
  );
  // The upsert never overwrites another location's row: a clash means a caller reused an id.
  if (written !== rows.length) throw new Error('publishToLocation: een id hoort al bij een andere locatie');
  return before + rows.length;
}
