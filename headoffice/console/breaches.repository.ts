import type { HeadOfficeDatabase, HoDb, HoTrx } from '../db/schema';

/** Every query of the datalekkenregister. */

export type AssessmentRow = HeadOfficeDatabase['breach_assessments'];

/** The breaches the locations reported (synced records), with the location's name and the assessment, if any. */
export const breachRecords = (db: HoDb | HoTrx, breachId?: string) => {
  let query = db
    .selectFrom('records')
    .innerJoin('locations', 'locations.id', 'records.location_id')
    .leftJoin('breach_assessments', 'breach_assessments.breach_id', 'records.entity_id')
    .select(['records.entity_id as id', 'records.location_id as breach_location_id', 'locations.name as location_name', 'records.payload'])
    .selectAll('breach_assessments')
    .where('records.entity', '=', 'data_breaches')
    .where('records.deleted', '=', 0);
  if (breachId) query = query.where('records.entity_id', '=', breachId);
  return query.execute();
};

export const upsertAssessment = (trx: HoTrx, row: AssessmentRow) =>
  trx
    .insertInto('breach_assessments')
    .values(row)
    .onConflict((oc) =>
      oc.column('breach_id').doUpdateSet({
        risk: row.risk,
        likely_consequences: row.likely_consequences,
        report_to_ap: row.report_to_ap,
        reasons: row.reasons,
        inform_persons: row.inform_persons,
        inform_reasons: row.inform_reasons,
        follow_up: row.follow_up,
        assessed_by: row.assessed_by,
        assessed_at: row.assessed_at,
      }),
    )
    .execute();

export const updateAssessment = (trx: HoTrx, breachId: string, changes: Partial<AssessmentRow>) => trx.updateTable('breach_assessments').set(changes).where('breach_id', '=', breachId).execute();
