import type { DbOrTrx } from '../../db/schema';

/** The disclosures (verstrekkingen) that name one of these people: the register entries the engine evaluates for them. */
export async function disclosuresAbout(db: DbOrTrx, subjectType: 'parent' | 'child', ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('disclosure_subjects').select('disclosure_id').distinct().where('subject_type', '=', subjectType).where('subject_id', 'in', ids).execute();
  return rows.map((r) => r.disclosure_id);
}

/** The waiting-list entries that led to placing these children. */
export async function waitlistEntriesOf(db: DbOrTrx, childIds: readonly string[]): Promise<string[]> {
  if (childIds.length === 0) return [];
  return (await db.selectFrom('waitlist_entries').select('id').where('placed_child_id', 'in', childIds).execute()).map((r) => r.id);
}
