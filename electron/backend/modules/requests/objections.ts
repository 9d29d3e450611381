import { AppError } from '../../../../shared/api/result';
import { nlDate } from '../../../../shared/domain/dates';
import { msg } from '../../../../shared/i18n/translate';
import type { DbOrTrx } from '../../db/schema';
import { pickupPersonKey } from '../pickup/pickup.repository';
import { upheldObjectionOf, upheldObjectionOfPickupPerson } from './objections.repository';

/**
 * What an upheld objection (bezwaar, AVG art. 21) keeps stopped, checked where the processing
 * would happen again (shared/domain/objections.ts words each effect for the letter). The marketing
 * objection works through the opt-out list, which every marketing export already honours; a lifted
 * blokkade needs no guard.
 */

/** The other parent objected to being contacted: their e-mail address and phone number are not recorded again. */
export async function assertContactAllowed(db: DbOrTrx, parentId: string, contact: { email: string | null; phone: string | null }): Promise<void> {
  if (!contact.email && !contact.phone) return;
  const objection = await upheldObjectionOf(db, 'parent', parentId, 'other_parent');
  if (objection) throw new AppError('LOCKED', msg('requests.contactObjected', { date: nlDate(objection.decided_on) }));
}

/** Identifications are no longer recorded for a child, or for a collector, whose objection was upheld. */
export async function assertIdentificationAllowed(db: DbOrTrx, childId: string, collectorName: string): Promise<void> {
  const objection = (await upheldObjectionOf(db, 'child', childId, 'child_identification')) ?? (await upheldObjectionOfPickupPerson(db, pickupPersonKey(collectorName), 'child_identification'));
  if (objection) throw new AppError('LOCKED', msg('requests.identificationObjected', { date: nlDate(objection.decided_on) }), { collectorName: msg('requests.identificationObjectedField') });
}
