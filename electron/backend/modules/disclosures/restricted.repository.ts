import { sql, type Insertable } from 'kysely';
import type { DbOrTrx, DisclosureRestrictionDecisionsTable, Trx } from '../../db/schema';

/** Every restriction in force today (AVG art. 18), with its start and reason. */
export const restrictionsInForce = (db: DbOrTrx, today: string) =>
  db
    .selectFrom('processing_restrictions')
    .select(['subject_type', 'subject_id', 'since', 'reason'])
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', today)]))
    .execute();

export const insertRestrictionDecision = (trx: Trx, row: Insertable<DisclosureRestrictionDecisionsTable>) => trx.insertInto('disclosure_restriction_decisions').values(row).execute();

/** The decisions of these register lines, with the person's name as it is now (empty once erased). */
export const restrictionDecisionRows = (db: DbOrTrx, disclosureIds: readonly string[]) =>
  disclosureIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('disclosure_restriction_decisions as d')
        .leftJoin('children', (j) => j.onRef('children.id', '=', 'd.subject_id').on('d.subject_type', '=', 'child'))
        .leftJoin('parents', (j) => j.onRef('parents.id', '=', 'd.subject_id').on('d.subject_type', '=', 'parent'))
        .select([
          'd.id',
          'd.disclosure_id',
          'd.subject_type',
          'd.subject_id',
          'd.decision',
          'd.reason',
          sql<string | null>`coalesce(children.first_name, parents.first_name)`.as('first_name'),
          sql<string | null>`coalesce(children.surname_prefix, parents.surname_prefix)`.as('surname_prefix'),
          sql<string | null>`coalesce(children.surname, parents.surname)`.as('surname'),
        ])
        .where('d.disclosure_id', 'in', disclosureIds)
        .orderBy('d.id')
        .execute();

/** Earlier register lines to the same recipient for the same period, fields and basis: candidates for "the same list". */
export const sameListCandidates = (db: DbOrTrx, line: { recipient: string; recipientName: string; legalBasis: string; fields: string; period: string }) =>
  db
    .selectFrom('disclosures')
    .select(['id', 'format'])
    .where('recipient', '=', line.recipient)
    .where('recipient_name', '=', line.recipientName)
    .where('legal_basis', '=', line.legalBasis)
    .where('fields', '=', line.fields)
    .where('period', '=', line.period)
    .execute();

export const subjectsOfDisclosure = (db: DbOrTrx, disclosureId: string) =>
  db.selectFrom('disclosure_subjects').select(['subject_type', 'subject_id']).where('disclosure_id', '=', disclosureId).execute();

export const decisionsOfDisclosure = (db: DbOrTrx, disclosureId: string) =>
  db.selectFrom('disclosure_restriction_decisions').select(['subject_type', 'subject_id', 'decision', 'reason']).where('disclosure_id', '=', disclosureId).execute();

/** The same list downloaded in one more format: the line names every format. */
export const setDisclosureFormat = (trx: Trx, id: string, format: string) => trx.updateTable('disclosures').set({ format }).where('id', '=', id).execute();
