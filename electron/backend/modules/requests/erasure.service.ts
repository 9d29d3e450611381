import type { CategoryRetention, Decision, ErasurePreview } from '../../../../shared/api/requests.schemas';
import { DATA_MAP, SUBJECTS, type DataCategoryKey, type SubjectDef, type MappedTable, type PersonalTable } from '../../../../shared/dataMap';
import { isoDateIn } from '../../../../shared/domain/clock';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { REGISTER_CATEGORIES, categoryRetention, meldcodeDisclosureFor, subjectDossier, type PersonDossier } from './dossier';
import { closeRequest, requireOpen, requireRequest } from './requests.service';
import { optOutByRequest } from './optOut';
import { createRecipientTasks } from './restriction.service';
import { nullableColumns, rowsWith } from './subjectRows.repository';
import { clearRow, eraseSets } from './erase';
import { holdsPeople, keyOf, withDependents, type EraseSet } from './subjectRows';

/**
 * AVG erasure (art. 17), derived from the data map: the person's rows (subjectRows.ts), per
 * category what may go now (dossier.ts), and per row what erasing means — the row goes when all
 * its data about the person go (taking along what the map says goes `with` it), otherwise the
 * erased columns are cleared. Rows leave through the one erase primitive (eraseRows: the row, its
 * queued payloads, its sync-conflict copies, a tombstone to head office).
 */

/**
 * The request's own subject only (erasure of a child is its own request by the contract parent).
 * The manager sees meldcode files in the preview (meldcode.access); what is stored for the letter follows the officer's decision.
 */
const dossierOf = subjectDossier;

/** Categories that hold data and that an erasure request is about (not the registers of the processing itself), each with what may happen to it now. */
const withData = (dossier: PersonDossier): CategoryRetention[] => dossier.categories.filter((c) => c.items.length > 0 && !REGISTER_CATEGORIES.has(c.key)).map(categoryRetention);

export async function erasurePreview(db: DbOrTrx, id: string, today: string): Promise<ErasurePreview> {
  const row = await requireRequest(db, id);
  requireOpen(row, ['erasure']);
  const dossier = await dossierOf(db, row, today, 'include');
  return { subjectName: dossier.name, categories: withData(dossier) };
}

/** The register entry survives the erasure it asked for (map note on subject_requests). */
const KEEP_ON_ERASURE = new Set<string>(['subject_requests']);

/**
 * Erases the given categories of the person. Per row about them: the row goes when every group of
 * it about the person is erased, or when an erased group has a column that cannot be emptied; else
 * the erased columns are cleared. A row other people live in (the household) never goes while one
 * of them remains: its erasable columns are cleared, and it goes once it is empty.
 */
async function erasePerson(trx: Trx, person: PersonDossier, erased: ReadonlySet<DataCategoryKey>, now: Date, by: string): Promise<{ personGone: boolean }> {
  const deletions: EraseSet[] = [];
  const containers: { table: MappedTable; key: string }[] = [];
  for (const row of person.rows) {
    const hit = row.groups.filter((g) => erased.has(g.category));
    if (hit.length === 0) continue;
    const nullable = await nullableColumns(trx, row.table);
    const clearable = [...new Set(hit.flatMap((g) => g.columns))].filter((c) => nullable.has(c));
    if (holdsPeople(row.table).length > 0) {
      await clearRow(trx, row.table, row.key, clearable, now, by);
      containers.push({ table: row.table, key: row.key });
    } else if (hit.length === row.groups.length || hit.some((g) => g.columns.some((c) => !nullable.has(c)))) {
      deletions.push({ table: row.table, keys: [row.key] });
    } else {
      await clearRow(trx, row.table, row.key, clearable, now, by);
    }
  }
  await eraseSets(trx, await withDependents(trx, deletions, KEEP_ON_ERASURE), now, by);

  // A household goes when nobody is left in it.
  for (const c of containers) {
    let empty = true;
    for (const table of holdsPeople(c.table)) {
      const entry = DATA_MAP[table] as PersonalTable;
      for (const rule of entry.rules) if (rule.kind === 'with' && rule.table === c.table && (await rowsWith(trx, table, keyOf(table)!, rule.via, [c.key])).length > 0) empty = false;
    }
    if (empty) await eraseSets(trx, await withDependents(trx, [{ table: c.table, keys: [c.key] }], KEEP_ON_ERASURE), now, by);
  }
  const home = (SUBJECTS[person.subject] as SubjectDef).home?.table;
  return { personGone: deletions.some((d) => d.table === home && d.keys.includes(person.id)) };
}

/**
 * Executes an erasure request: erases every category that may go now, keeps the rest with rule,
 * legal basis and end date, lists the recipients to inform (art. 19) and closes the request.
 */
export async function executeErasure(core: AppCore, session: Session, id: string, today: string): Promise<void> {
  await core.transaction(async (trx) => {
    const row = await requireRequest(trx, id);
    requireOpen(row, ['erasure']);
    const disclose = await meldcodeDisclosureFor(trx, row);
    // Erase with the whole picture (meldcode files included); the letter gets what may be told.
    const person = await dossierOf(trx, row, today, 'include');
    const told = disclose === 'include' ? person : await dossierOf(trx, row, today, 'omit');
    const categories = withData(person);
    const erased = categories.filter((c) => c.erasableNow);
    const kept = categories.filter((c) => !c.erasableNow);
    const toldKept = withData(told).filter((c) => !c.erasableNow);
    // Recipients first: once the person is gone, the register can no longer be read for them.
    const informed = erased.length > 0 ? await createRecipientTasks(trx, core, row, [{ type: row.subject_type, id: row.subject_id }], row.deadline) : [];
    const now = core.now();
    const keys = new Set(erased.map((c) => c.category as DataCategoryKey));
    // Marketing use ends by putting the address on the opt-out list (which every marketing export honours), unless the person goes.
    const email = person.rows.find((r) => r.table === 'parents')?.values.email;
    const { personGone } = await erasePerson(trx, person, keys, now, session.name);
    if (keys.has('parent_marketing') && !keys.has('parent_contact') && !personGone && typeof email === 'string' && email) await optOutByRequest(trx, core, session, email, isoDateIn(now));
    const decision: Decision = {
      outcome: kept.length === 0 ? 'granted' : erased.length > 0 ? 'partially_granted' : 'refused',
      reason: kept.length === 0 ? null : 'Voor een deel van de gegevens geldt nog een bewaartermijn. Hieronder staat per categorie waarom en tot wanneer wij ze bewaren.',
      erased,
      kept: toldKept,
      corrections: 0,
      informedRecipients: informed,
      objections: [],
    };
    await closeRequest(trx, core, row, decision, today);
  });
}
