import type { BsnSubjectType } from '../../../../shared/api/clients.schemas';
import type { DbOrTrx } from '../../db/schema';

/**
 * Parents or children without any BSN-controle (at most 200, by surname). Of the parents only the
 * contract parent is listed: only their BSN is needed (kinderopvangtoeslag).
 */
export function withoutBsnCheck(db: DbOrTrx, subject: BsnSubjectType) {
  const table = subject === 'parent' ? 'parents' : 'children';
  const query = db
    .selectFrom(table)
    .select(['id', 'household_id', 'first_name', 'surname_prefix', 'surname', 'bsn'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('bsn_verifications').select('bsn_verifications.id').whereRef('bsn_verifications.subject_id', '=', `${table}.id`).where('bsn_verifications.subject_type', '=', subject))),
    )
    .orderBy('surname')
    .limit(200);
  return subject === 'parent' ? query.where('is_contract_parent', '=', 1).execute() : query.execute();
}

/** Every child's group id. */
export const childGroups = (db: DbOrTrx) => db.selectFrom('children').select(['id', 'group_id']).execute();
