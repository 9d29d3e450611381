import type { HoDb, HoTrx } from '../db/schema';

/** Every query of the console's overview of AVG-verzoeken. */

export const locationName = async (db: HoDb | HoTrx, id: string) => (await db.selectFrom('locations').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;

/** The request rows of every location (AVG-verzoeken and those via privacy@), with the location's name. */
export const requestRecords = (db: HoDb) =>
  db
    .selectFrom('records')
    .innerJoin('locations', 'locations.id', 'records.location_id')
    .select(['records.entity', 'records.entity_id', 'records.location_id', 'records.payload', 'locations.name as location_name'])
    .where('records.entity', 'in', ['subject_requests', 'central_requests'])
    .where('records.deleted', '=', 0)
    .execute();
