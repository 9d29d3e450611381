import { AppError } from '../../../../shared/api/result';
import type { RequestSubjectType } from '../../../../shared/api/requests.schemas';
import { msg } from '../../../../shared/i18n/translate';
import type { DbOrTrx } from '../../db/schema';
import { restrictedSubjectIds } from './requests.repository';

/**
 * Beperking van de verwerking (AVG art. 18). While a restriction is in force the person's data are
 * read-only and left out of every disclosure, export and marketing. `until` is the day it was
 * lifted: in force while `until` is null or later than today.
 */
export async function restrictedIds(db: DbOrTrx, subjectType: RequestSubjectType, today: string): Promise<Set<string>> {
  return new Set(await restrictedSubjectIds(db, subjectType, today));
}

/** Ordinary edits of a restricted person are refused; a correction goes through the AVG-verzoek. */
export async function assertNotRestricted(db: DbOrTrx, subjectType: RequestSubjectType, ids: string[], today: string): Promise<void> {
  if (ids.length === 0) return;
  const restricted = await restrictedIds(db, subjectType, today);
  if (ids.some((id) => restricted.has(id))) throw new AppError('LOCKED', msg(subjectType === 'child' ? 'requests.childRestricted' : subjectType === 'parent' ? 'requests.parentRestricted' : 'requests.personRestricted'));
}
