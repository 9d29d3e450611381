import type { HoDb } from '../db/schema';

/** Every query of the figures: the synced rows they count, and the locations' statistics. */

export const FIGURE_ENTITIES = ['subject_requests', 'data_breaches', 'disclosures', 'photo_consents', 'contracts'] as const;
export type FigureEntity = (typeof FIGURE_ENTITIES)[number];

export const figureRecords = (db: HoDb) =>
  db
    .selectFrom('records')
    .leftJoin('breach_assessments', 'breach_assessments.breach_id', 'records.entity_id')
    .select(['records.location_id', 'records.entity', 'records.payload', 'breach_assessments.ap_reported_at'])
    .where('records.entity', 'in', FIGURE_ENTITIES)
    .where('records.deleted', '=', 0)
    .execute();

export const statisticsOfYear = (db: HoDb, year: string) => db.selectFrom('location_statistics').select(['location_id', 'metric', 'count']).where('period', '=', year).execute();

export const figureLocations = (db: HoDb) => db.selectFrom('locations').select(['id', 'name']).orderBy('name').execute();
