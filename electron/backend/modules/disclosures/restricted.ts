import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../../shared/api/result';
import type { RestrictedPerson, RestrictionDecision, RestrictionDecisionInput } from '../../../../shared/api/restrictedDisclosures.schemas';
import { displayName } from '../../../../shared/domain/names';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { currentLocationId } from '../location/location.service';
import { decisionsOfDisclosure, insertRestrictionDecision, restrictionDecisionRows, restrictionsInForce } from './restricted.repository';

/**
 * A legally required disclosure and restriction of processing (AVG art. 18). Nobody under
 * restriction is left out silently: the preview names them, the manager decides per person
 * (included because the law requires it, or left out) with a reason, and the export is refused
 * until every one of them is decided. The decisions are kept with the register line.
 */

type PersonType = 'child' | 'parent';
/** Restrictions exist for every request subject type; a legal data set carries only children and parents. */
const keyOf = (type: string, id: string) => `${type}:${id}`;

/** A line of a data set as far as restriction is concerned: whose data it carries. */
interface Line {
  childId: string;
  parentId: string | null;
  childName: string;
  parentName: string;
}

/** The persons a line discloses: the child always, the contract parent when parent fields go out. */
const personsOf = (line: Line, carriesParent: boolean): { type: PersonType; id: string; name: string }[] => [
  { type: 'child', id: line.childId, name: line.childName },
  ...(carriesParent && line.parentId ? [{ type: 'parent' as const, id: line.parentId, name: line.parentName }] : []),
];

/** The restricted persons among the lines, each once, in the lines' order. */
export async function restrictedInLines(db: DbOrTrx, lines: readonly Line[], carriesParent: boolean, today: string): Promise<RestrictedPerson[]> {
  const restrictions = new Map((await restrictionsInForce(db, today)).map((r) => [keyOf(r.subject_type, r.subject_id), r]));
  const found = new Map<string, RestrictedPerson>();
  for (const line of lines) {
    for (const person of personsOf(line, carriesParent)) {
      const restriction = restrictions.get(keyOf(person.type, person.id));
      if (!restriction) continue;
      const earlier = found.get(keyOf(person.type, person.id));
      if (earlier) {
        // A parent with more children on the list: every child whose line carries the parent's data.
        if (earlier.childName !== null) earlier.childName = `${earlier.childName}, ${line.childName}`;
        continue;
      }
      found.set(keyOf(person.type, person.id), {
        subjectType: person.type,
        subjectId: person.id,
        name: person.name,
        childName: person.type === 'parent' ? line.childName : null,
        restrictionReason: restriction.reason,
        since: restriction.since,
      });
    }
  }
  return [...found.values()];
}

/**
 * The decisions must cover exactly the restricted persons of the selection: a missing one refuses
 * the export (naming who is undecided), one about anyone else or a second one about the same
 * person is refused as well. Nothing is written before this check.
 */
export function checkDecisions(restricted: readonly RestrictedPerson[], decisions: readonly RestrictionDecisionInput[]): Map<string, RestrictionDecisionInput> {
  const wanted = new Set(restricted.map((p) => keyOf(p.subjectType, p.subjectId)));
  const chosen = new Map<string, RestrictionDecisionInput>();
  for (const decision of decisions) {
    const key = keyOf(decision.subjectType, decision.subjectId);
    if (!wanted.has(key)) throw new AppError('VALIDATION', msg('disclosures.restricted.notRestricted'));
    if (chosen.has(key)) throw new AppError('VALIDATION', msg('disclosures.restricted.duplicate'));
    chosen.set(key, decision);
  }
  const undecided = restricted.filter((p) => !chosen.has(keyOf(p.subjectType, p.subjectId)));
  if (undecided.length > 0) throw new AppError('CONFLICT', msg('disclosures.restricted.undecided', { names: undecided.map((p) => p.name).join(', ') }));
  return chosen;
}

/**
 * Which lines go out: a line without restricted persons always; a line with one only when every
 * restricted person in it is included. Without decisions (the preview) restricted lines stay out.
 */
export function keptLines<T extends Line>(lines: readonly T[], carriesParent: boolean, restricted: readonly RestrictedPerson[], chosen: ReadonlyMap<string, RestrictionDecisionInput>): T[] {
  const restrictedKeys = new Set(restricted.map((p) => keyOf(p.subjectType, p.subjectId)));
  return lines.filter((line) =>
    personsOf(line, carriesParent).every((p) => !restrictedKeys.has(keyOf(p.type, p.id)) || chosen.get(keyOf(p.type, p.id))?.include === true),
  );
}

/** The decisions with the register line they belong to, in the export's transaction. */
export async function recordDecisions(trx: Trx, core: AppCore, disclosureId: string, decisions: Iterable<RestrictionDecisionInput>): Promise<void> {
  const location_id = await currentLocationId(trx);
  for (const d of decisions) {
    const id = uuidv7();
    await insertRestrictionDecision(trx, { id, location_id, disclosure_id: disclosureId, subject_type: d.subjectType, subject_id: d.subjectId, decision: d.include ? 'include' : 'exclude', reason: d.reason, version: null });
    await queueUpsert(trx, 'disclosure_restriction_decisions', id, core.now());
  }
}

/** Whether an earlier line was decided exactly like this export (same persons, same way, same reason). */
export async function decidedAlike(db: DbOrTrx, disclosureId: string, decisions: readonly RestrictionDecisionInput[]): Promise<boolean> {
  const earlier = await decisionsOfDisclosure(db, disclosureId);
  const a = earlier.map((d) => `${keyOf(d.subject_type, d.subject_id)}:${d.decision}:${d.reason}`).sort();
  const b = decisions.map((d) => `${keyOf(d.subjectType, d.subjectId)}:${d.include ? 'include' : 'exclude'}:${d.reason}`).sort();
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The decisions per register line, as the register shows them. */
export async function decisionsByDisclosure(db: DbOrTrx, disclosureIds: readonly string[]): Promise<Map<string, RestrictionDecision[]>> {
  const out = new Map<string, RestrictionDecision[]>();
  for (const r of await restrictionDecisionRows(db, disclosureIds)) {
    const name = r.first_name ? displayName({ firstName: r.first_name, surnamePrefix: r.surname_prefix, surname: r.surname ?? '' }) : '(gegevens verwijderd)';
    out.set(r.disclosure_id, [...(out.get(r.disclosure_id) ?? []), { subjectType: r.subject_type, name, include: r.decision === 'include', reason: r.reason }]);
  }
  return out;
}
