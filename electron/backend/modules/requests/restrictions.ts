import { AppError } from '../../../../shared/api/result';
import type { DbOrTrx } from '../../db/schema';

/**
 * Beperking van de verwerking (AVG art. 18). While a restriction is in force the person's data are
 * read-only and left out of every disclosure, export and marketing. `until` is the day it was
 * lifted: in force while `until` is null or later than today.
 */
export async function restrictedIds(db: DbOrTrx, subjectType: 'parent' | 'child', today: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('processing_restrictions')
    .select('subject_id')
    .where('subject_type', '=', subjectType)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', today)]))
    .execute();
  return new Set(rows.map((r) => r.subject_id));
}

/** Ordinary edits of a restricted person are refused; a correction goes through the AVG-verzoek. */
export async function assertNotRestricted(db: DbOrTrx, subjectType: 'parent' | 'child', ids: string[], today: string): Promise<void> {
  if (ids.length === 0) return;
  const restricted = await restrictedIds(db, subjectType, today);
  if (ids.some((id) => restricted.has(id))) {
    throw new AppError(
      'LOCKED',
      `De verwerking van de gegevens van ${subjectType === 'child' ? 'dit kind' : 'deze ouder'} is beperkt (AVG-verzoek): ze zijn alleen-lezen tot de beperking is opgeheven. Een correctie loopt via het AVG-verzoek.`,
    );
  }
}
