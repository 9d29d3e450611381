import { AppError } from '../../../../shared/api/result';
import type { DisclosureEntry } from '../../../../shared/api/consents.schemas';
import type { CategoryRetention, RequestSubjectType } from '../../../../shared/api/requests.schemas';
import { CATEGORIES, type DataCategoryKey, type SubjectKey } from '../../../../shared/dataMap';
import { displayName } from '../../../../shared/domain/names';
import { isOwnRecordSubject, type OwnRecordSubject } from '../../../../shared/domain/requests';
import { msg } from '../../../../shared/i18n/translate';
import type { DbOrTrx, SubjectRequestRow } from '../../db/schema';
import { childrenOfHousehold, findChild } from '../children/children.repository';
import { groupRows } from '../groups/groups.repository';
import { activeUserNamesWithRole } from '../users/users.repository';
import { disclosureRegister } from '../disclosures/disclosures.service';
import { meldcodeSubjectRowIds } from '../disclosures/recipients.repository';
import { aboutMeldcode, categoryEndDates, retentionOfCategory, type CategoryRetention as CategoryRetentionOf } from '../retention/endDates';
import { hasMeldcodeCase } from './dossier.repository';
import { pickupPersonRows } from '../pickup/pickup.repository';
import { findParent, ownPersonName } from './requests.repository';
import { present, type DataItem } from './subjectFields';
import { subjectRows, type SubjectRow } from './subjectRows';

/**
 * A person's dossier as an AVG answer shows it (access report, erasure preview and letter): the
 * categories of shared/dataMap/categories.ts that hold data about them, the values from their rows
 * (subjectRows.ts, following the data map), and per category the rule that ends it with the date
 * the retention engine acts (retention/endDates.ts: holds, running contracts and open meldcode
 * files included), so no answer promises a deletion the engine does not perform.
 */

export type { DataItem } from './subjectFields';

export interface Retention {
  erasableNow: boolean;
  keptUntil: string | null;
}

export interface CategoryBlock {
  key: DataCategoryKey;
  items: DataItem[];
  retention: Retention;
  /** The bewaartermijn in words and its legal basis. */
  rule: string;
  legalBasis: string;
  /** Why there is no end date yet (contract still running, open meldcode file, blokkade). */
  note: string | null;
}

export interface PersonDossier {
  type: RequestSubjectType;
  subject: SubjectKey;
  id: string;
  name: string;
  /** Null for a person without a household (employee, applicant, waiting-list prospect, complainant). */
  householdId: string | null;
  categories: CategoryBlock[];
  /** The rows behind the categories (erasure works on these). */
  rows: SubjectRow[];
  recipients: DisclosureEntry[];
}

/**
 * Categories about the processing itself (registers the law asks us to keep): shown in an access
 * report, never erased on request (AVG art. 17 lid 3 sub b and e); they go with the person's rows
 * as the map's `with` rules say, or under their own rule.
 */
export const REGISTER_CATEGORIES: ReadonlySet<DataCategoryKey> = new Set(['subject_request', 'disclosure_register', 'processing_restriction', 'legal_hold']);

/**
 * Whether meldcode information may appear: only on the aandachtsfunctionaris' recorded decision
 * ('include'); otherwise the category is left out entirely. Retention still counts the case files.
 */
export type MeldcodeDisclosure = 'include' | 'omit';

/** Said for a category none of whose rules has data left with the engine (e-mail and phone already cleared). */
const NO_RULE_LEFT = 'Geen bewaartermijn meer van toepassing';

/** The retention of a category for this person, with the rule's Dutch text (for preview and letters). */
export function categoryRetention(block: CategoryBlock): CategoryRetention {
  return { category: block.key, label: CATEGORIES[block.key].label, erasableNow: block.retention.erasableNow, rule: block.rule, legalBasis: block.legalBasis, keptUntil: block.retention.keptUntil, note: block.note };
}

interface Person {
  type: RequestSubjectType;
  subject: SubjectKey;
  id: string;
  name: string;
  householdId: string | null;
  /** For a person without a row of their own (a pickup person): the rows that name them. */
  rowIds?: readonly string[];
}

/** A child's group is stored as a reference to `groups`: the report shows the group's name. */
async function withGroupNames(db: DbOrTrx, rows: SubjectRow[]): Promise<SubjectRow[]> {
  if (!rows.some((r) => r.table === 'children' && r.values.group_id)) return rows;
  const names = new Map((await groupRows(db)).map((g) => [g.id, g.name]));
  return rows.map((r) => (r.table === 'children' && typeof r.values.group_id === 'string' ? { ...r, values: { ...r.values, group_id: names.get(r.values.group_id) ?? '' } } : r));
}

async function dossierOf(db: DbOrTrx, person: Person, today: string, disclose: MeldcodeDisclosure): Promise<PersonDossier> {
  // A Veilig Thuis line in the register is meldcode information too: without the decision its row about the person is left out.
  const reportRows = disclose === 'omit' ? await meldcodeSubjectRowIds(db, person.type, person.id) : new Set<string>();
  const rows = (await withGroupNames(db, await subjectRows(db, person.subject, person.rowIds ?? person.id)))
    .filter((r) => !(r.table === 'disclosure_subjects' && reportRows.has(r.key)))
    .map((r) => (disclose === 'omit' ? { ...r, groups: r.groups.filter((g) => !aboutMeldcode(r.table, g)) } : r))
    .filter((r) => r.groups.length > 0);
  // The engine's end date per category (issue 14 §7): what a letter says is what the engine will do.
  const ends = await categoryEndDates(db, today, { type: person.type, id: person.id }, { hideMeldcode: disclose === 'omit' });

  const found = new Map<DataCategoryKey, { items: DataItem[]; retention: CategoryRetentionOf | null }>();
  const add = (key: DataCategoryKey, items: DataItem[], retention: CategoryRetentionOf | null) => {
    const block = found.get(key) ?? { items: [], retention };
    block.items.push(...items);
    found.set(key, block);
  };
  const optedOut = rows.some((r) => r.groups.some((g) => g.category === 'marketing_objection'));
  for (const row of rows) {
    for (const group of row.groups) {
      add(group.category, present(row, group), retentionOfCategory(ends, group.category));
      // Another use of the same columns (the e-mail address for marketing): ends by objection (art. 21), which erasure records.
      for (const use of group.uses ?? []) {
        const email = row.values.email;
        const items = use === 'parent_marketing' && typeof email === 'string' && email && !optedOut ? [{ label: 'E-mailadres (alleen gepseudonimiseerd gedeeld)', value: email }] : [];
        add(use, items, { erasableNow: true, keptUntil: null, note: null, rule: 'Tot intrekking, bezwaar of een verzoek om verwijdering', legalBasis: CATEGORIES[use].legalBasis });
      }
    }
  }
  const order = Object.keys(CATEGORIES) as DataCategoryKey[];
  const categories = [...found.entries()]
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([key, { items, retention }]): CategoryBlock => {
      // No engine record under any rule of the category (its data were already cleared): nothing keeps it.
      const r = retention ?? { erasableNow: true, keptUntil: null, note: null, rule: NO_RULE_LEFT, legalBasis: CATEGORIES[key].legalBasis };
      return { key, items, retention: { erasableNow: r.erasableNow, keptUntil: r.keptUntil }, note: r.note, rule: r.rule, legalBasis: r.legalBasis };
    });
  // Everyone's recipients (issue 16); Veilig Thuis only on the aandachtsfunctionaris' decision to include meldcode information.
  const recipients = await disclosureRegister(db, { subjectType: person.type, subjectId: person.id, includeMeldcode: disclose === 'include' });
  return { ...person, categories, rows, recipients };
}

async function parentDossier(db: DbOrTrx, parentId: string, today: string, disclose: MeldcodeDisclosure): Promise<PersonDossier> {
  const parent = await findParent(db, parentId);
  if (!parent) throw new AppError('NOT_FOUND', msg('requests.parentNotFound'));
  const name = displayName({ firstName: parent.first_name, surnamePrefix: parent.surname_prefix, surname: parent.surname });
  const subject: SubjectKey = parent.is_contract_parent ? 'parent' : 'other_parent';
  return dossierOf(db, { type: 'parent', subject, id: parent.id, name, householdId: parent.household_id }, today, disclose);
}

async function childDossier(db: DbOrTrx, childId: string, today: string, disclose: MeldcodeDisclosure): Promise<PersonDossier> {
  const child = await findChild(db, childId);
  if (!child) throw new AppError('NOT_FOUND', msg('requests.childNotFound'));
  const name = displayName({ firstName: child.first_name, surnamePrefix: child.surname_prefix, surname: child.surname });
  return dossierOf(db, { type: 'child', subject: 'child', id: child.id, name, householdId: child.household_id }, today, disclose);
}

/** The data-map subject of someone with a row of their own. */
const OWN_SUBJECT = { employee: 'employee', applicant: 'applicant', waitlist_prospect: 'waitlist_prospect', complainant: 'complainant', pickup_person: 'pickup_person' } as const satisfies Record<OwnRecordSubject, SubjectKey>;

/**
 * The dossier of an employee, applicant, waiting-list prospect or complainant: their own row and
 * what the map links to it; of a pickup person: every pickup-list and identification row with their name.
 */
async function ownDossier(db: DbOrTrx, type: OwnRecordSubject, id: string, today: string, disclose: MeldcodeDisclosure): Promise<PersonDossier> {
  if (type === 'pickup_person') {
    const found = await pickupPersonRows(db, id);
    if (!found) throw new AppError('NOT_FOUND', msg('requests.personNotFound'));
    // The request's own records (corrections, restriction, objection) point at the row the request names.
    const rowIds = [...new Set([id, ...[...found.persons, ...found.bans, ...found.identifications].map((r) => r.id)])];
    return dossierOf(db, { type, subject: 'pickup_person', id, name: found.name, householdId: null, rowIds }, today, disclose);
  }
  const name = await ownPersonName(db, type, id);
  if (name === undefined) throw new AppError('NOT_FOUND', msg('requests.personNotFound'));
  return dossierOf(db, { type, subject: OWN_SUBJECT[type], id, name, householdId: null }, today, disclose);
}

/** The request's own subject. */
export function subjectDossier(db: DbOrTrx, row: { subject_type: RequestSubjectType; subject_id: string }, today: string, disclose: MeldcodeDisclosure): Promise<PersonDossier> {
  if (isOwnRecordSubject(row.subject_type)) return ownDossier(db, row.subject_type, row.subject_id, today, disclose);
  return row.subject_type === 'child' ? childDossier(db, row.subject_id, today, disclose) : parentDossier(db, row.subject_id, today, disclose);
}

/**
 * The dossiers an answer covers: the person, and — when a contract parent asks about themself —
 * also their children, whose rights the contract parent exercises. Never anyone else.
 */
export async function dossiersFor(db: DbOrTrx, subject: { subject_type: RequestSubjectType; subject_id: string }, today: string, disclose: MeldcodeDisclosure): Promise<PersonDossier[]> {
  if (subject.subject_type !== 'parent') return [await subjectDossier(db, subject, today, disclose)];
  const parent = await parentDossier(db, subject.subject_id, today, disclose);
  if (parent.subject !== 'parent' || !parent.householdId) return [parent];
  const children = await childrenOfHousehold(db, parent.householdId);
  return [parent, ...(await Promise.all(children.map((c) => childDossier(db, c.id, today, disclose))))];
}

/**
 * What a document may say about meldcode files: nothing unless the aandachtsfunctionaris decided
 * for this request. When the people in scope have a case file and nobody decided yet, the
 * document waits for that decision.
 */
export async function meldcodeDisclosureFor(
  db: DbOrTrx,
  row: Pick<SubjectRequestRow, 'subject_type' | 'subject_id' | 'household_id' | 'meldcode_decision'>,
): Promise<MeldcodeDisclosure> {
  // Meldcode files are about children (and their household); someone else's answer never includes them without the officer's decision.
  if (!row.household_id) return row.meldcode_decision === 'include' ? 'include' : 'omit';
  if (!(await hasMeldcodeCase(db, row.subject_type === 'child' ? { childId: row.subject_id } : { householdId: row.household_id }))) return 'omit';
  if (!row.meldcode_decision) {
    // Say who decides, so the manager knows whom to ask.
    const officers = await activeUserNamesWithRole(db, 'meldcodeOfficer');
    throw new AppError('CONFLICT', officers.length > 0 ? msg('requests.meldcodeDecisionFirst', { names: officers.join(', ') }) : msg('requests.meldcodeNoOfficer'));
  }
  return row.meldcode_decision === 'include' ? 'include' : 'omit';
}
