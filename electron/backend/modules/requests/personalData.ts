import { AppError } from '../../../../shared/api/result';
import type { DisclosureEntry } from '../../../../shared/api/consents.schemas';
import { PURPOSE_LABEL } from '../../../../shared/domain/consents';
import { ruleText, type RetentionState } from '../../../../shared/domain/retention';
import { displayName } from '../../../../shared/domain/names';
import { nlDate } from '../../../../shared/domain/dates';
import {
  CATEGORIES,
  CHILD_CATEGORIES,
  OTHER_PARENT_CATEGORIES,
  PARENT_CATEGORIES,
  RULE_TEXT,
  contractFacts,
  retentionOf,
  type CategoryKey,
  type ContractFacts,
  type Retention,
  type RetentionRule,
} from '../../../../shared/domain/personalData';
import { formatIban } from '../../../../shared/validation/iban';
import type { CategoryRetention } from '../../../../shared/api/requests.schemas';
import type { CareType } from '../../../../shared/api/clients.schemas';
import type { SubjectType } from '../../../../shared/api/requests.schemas';
import { msg } from '../../../../shared/i18n/translate';
import type { DbOrTrx, SubjectRequestRow } from '../../db/schema';
import { childrenOfHousehold, findChild } from '../children/children.repository';
import { disclosureRegister } from '../disclosures/disclosures.service';
import { findHousehold } from '../households/households.repository';
import { optOutsOfEmail } from '../marketing/marketing.repository';
import { normaliseEmail } from '../marketing/marketing.service';
import { evaluate } from '../retention/engine';
import { loadPolicies, type Policies } from '../retention/policies';
import {
  bsnChecksOf,
  contractsOfChildByStart,
  exchangeConsentsByDate,
  hasMeldcodeCase,
  householdContractEnds,
  identificationsOfChild,
  meldcodeCasesOfChild,
  meldcodeEntriesOfCases,
  medicalOfChild,
  parentNamesOfHousehold,
  photoConsentsOfChild,
  pickupBansOfChild,
  pickupPersonsOfChild,
} from './personalData.repository';
import { findParent } from './requests.repository';

/** Everything the location holds about one person, grouped by category, as an access answer shows it. */
export interface DataItem {
  label: string;
  value: string;
}
export interface CategoryBlock {
  key: CategoryKey;
  items: DataItem[];
  retention: Retention;
  /** The bewaartermijn in words and its legal basis (from the retention policies for contract and meldcode data). */
  rule: string;
  legalBasis: string;
  /** Why there is no end date yet (contract still running, open meldcode file, objection in force). */
  note: string | null;
}
export interface PersonDossier {
  type: SubjectType;
  id: string;
  name: string;
  householdId: string;
  facts: ContractFacts;
  categories: CategoryBlock[];
  recipients: DisclosureEntry[];
}

const CARE_TYPE: Record<CareType, string> = { dagopvang: 'Dagopvang', bso: 'Buitenschoolse opvang (BSO)', peuteropvang: 'Peuteropvang' };
const CHECK_METHOD: Record<string, string> = { id_document: 'identiteitsbewijs', svb_letter: 'SVB-brief' };
const ID_METHOD: Record<string, string> = { known: 'bekend bij de medewerkers', colleague_confirmed: 'bevestigd door een collega', parent_called: 'ouder gebeld', id_shown: 'identiteitsbewijs getoond' };

const item = (label: string, value: string | number | null | undefined): DataItem[] => (value === null || value === undefined || value === '' ? [] : [{ label, value: String(value) }]);

/** The retention of a category for this person, with the rule's Dutch text (for preview and letters). */
export function categoryRetention(block: CategoryBlock): CategoryRetention {
  const def = CATEGORIES[block.key];
  return { category: block.key, label: def.label, erasableNow: block.retention.erasableNow, rule: block.rule, legalBasis: block.legalBasis, keptUntil: block.retention.keptUntil, note: block.note };
}

async function bsnCheckText(db: DbOrTrx, subjectType: SubjectType, id: string) {
  const checks = await bsnChecksOf(db, subjectType, id);
  return checks.map((c) => `Gecontroleerd met ${CHECK_METHOD[c.method]} op ${nlDate(c.checked_on)} door ${c.checked_by_name}`);
}

/** What the retention engine says about the person's household and meldcode files, plus the local contract facts. */
interface RetentionInputs {
  facts: ContractFacts;
  policies: Policies;
  household: RetentionState | undefined;
  meldcode: RetentionState[];
  /** Meldcode files may not be mentioned (no decision to include them): explanations stay neutral. */
  hideMeldcode: boolean;
}

async function retentionInputs(db: DbOrTrx, householdId: string, facts: ContractFacts, caseIds: string[], disclose: MeldcodeDisclosure, today: string): Promise<RetentionInputs> {
  const evaluated = await evaluate(db, today, [
    { category: 'household', ids: [householdId] },
    { category: 'meldcode', ids: caseIds },
  ]);
  return {
    facts,
    policies: await loadPolicies(db),
    household: evaluated.find((e) => e.category === 'household')?.state,
    meldcode: evaluated.filter((e) => e.category === 'meldcode').map((e) => e.state),
    hideMeldcode: disclose === 'omit' && (await hasMeldcodeCase(db, { householdId })),
  };
}

/** Several case files: kept while one runs, otherwise until the last one's date. */
function combined(states: RetentionState[]): RetentionState | undefined {
  return states.find((s) => s.status === 'running') ?? [...states].sort((a, b) => ('dueDate' in b ? b.dueDate : '').localeCompare('dueDate' in a ? a.dueDate : ''))[0];
}

/** The engine's state as an answer to "may it go now?" ('due' = the bewaartermijn is over). */
function fromEngine(state: RetentionState | undefined): { retention: Retention; note: string | null } {
  if (!state || state.status === 'due') return { retention: { erasableNow: true, keptUntil: null }, note: null };
  if (state.status === 'running') return { retention: { erasableNow: false, keptUntil: null }, note: sentencePart(state.reason) };
  const hold = state.status === 'held' ? `blokkade: ${state.hold.reason}` : null;
  return { retention: { erasableNow: false, keptUntil: state.dueDate }, note: hold };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** An engine sentence as part of ours: "Er loopt nog een contract." → "er loopt nog een contract". */
const sentencePart = (text: string) => text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
const LOCAL_NOTE: Record<string, string> = { during_contract: 'tot het einde van het lopende contract', to_honour_objection: 'zolang het bezwaar geldt' };

function resolveRule(rule: RetentionRule, inputs: RetentionInputs, today: string): Omit<CategoryBlock, 'key' | 'items'> {
  if (rule === 'contract' || rule === 'meldcode') {
    const policy = inputs.policies.get(rule)!;
    // Without any contract there is no fiscal duty: only a meldcode file can still keep the data.
    const state = rule === 'meldcode' || !inputs.facts.anyContract ? combined(inputs.meldcode) : inputs.household;
    const engine = fromEngine(state);
    // The engine's reason may name a meldcode file; without the officer's decision it must not show.
    const note = inputs.hideMeldcode && engine.note ? 'de einddatum staat nog niet vast' : engine.note;
    return { retention: engine.retention, note, rule: capitalise(ruleText(policy)), legalBasis: policy.legalBasis };
  }
  const retention = retentionOf(rule, inputs.facts, today);
  return { retention, note: retention.erasableNow || retention.keptUntil ? null : (LOCAL_NOTE[rule] ?? null), ...RULE_TEXT[rule] };
}

function blocks(keys: readonly CategoryKey[], items: Partial<Record<CategoryKey, DataItem[]>>, inputs: RetentionInputs, today: string): CategoryBlock[] {
  return keys.map((key) => ({ key, items: items[key] ?? [], ...resolveRule(CATEGORIES[key].rule, inputs, today) }));
}

/**
 * Whether meldcode information may appear: only on the aandachtsfunctionaris' recorded decision
 * ('include'); otherwise the category is left out entirely. Retention still counts the case files.
 */
export type MeldcodeDisclosure = 'include' | 'omit';

const STEP_TEXT: Record<string, string> = {
  signal: 'Stap 1 — signaal',
  consultation: 'Stap 2 — consultatie of advies',
  parent_conversation: 'Stap 3 — gesprek met de ouder',
  parent_conversation_skipped: 'Stap 3 — gesprek met de ouder niet gevoerd',
  vertrouwensinspecteur: 'Stap 3 — overleg vertrouwensinspecteur',
  weighing: 'Stap 4 — weging',
  decision: 'Stap 5 — besluit',
  correction: 'Correctie',
};
const OUTCOME_TEXT: Record<string, string> = { help: 'hulp organiseren', report: 'melden bij Veilig Thuis', both: 'hulp organiseren en melden bij Veilig Thuis' };

/**
 * The content of an entry without any name: never who observed or reported a concern, who was
 * consulted, who held a conversation or decided (authors included).
 */
function meldcodeEntryText(kind: string, payloadJson: string): string {
  const p = JSON.parse(payloadJson) as Record<string, unknown>;
  const text = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : '');
  switch (kind) {
    case 'signal':
      return text('observation');
    case 'consultation':
    case 'vertrouwensinspecteur':
      return text('advice');
    case 'parent_conversation':
      return text('summary');
    case 'parent_conversation_skipped':
      return text('reason');
    case 'weighing':
      return text('explanation');
    case 'decision':
      return [OUTCOME_TEXT[text('outcome')] ?? '', text('helpDescription'), text('explanation')].filter(Boolean).join('; ');
    default:
      return text('text');
  }
}

async function meldcodeOf(db: DbOrTrx, childId: string, disclose: MeldcodeDisclosure) {
  const cases = await meldcodeCasesOfChild(db, childId);
  const caseIds = cases.map((c) => c.id);
  if (disclose === 'omit' || cases.length === 0) return { caseIds, items: [] as DataItem[] };
  const entries = await meldcodeEntriesOfCases(db, caseIds);
  const items = cases.flatMap((c) => [
    { label: 'Meldcodedossier', value: `geopend op ${nlDate(c.opened_on)}${c.closed_on ? `, gesloten op ${nlDate(c.closed_on)}` : ', nog open'}` },
    ...entries.filter((e) => e.case_id === c.id).map((e) => ({ label: `${STEP_TEXT[e.kind] ?? e.kind} (${nlDate(e.occurred_on)})`, value: meldcodeEntryText(e.kind, e.payload) })),
  ]);
  return { caseIds, items };
}

export async function parentDossier(db: DbOrTrx, parentId: string, today: string, disclose: MeldcodeDisclosure): Promise<PersonDossier> {
  const parent = await findParent(db, parentId);
  if (!parent) throw new AppError('NOT_FOUND', msg('requests.parentNotFound'));
  const household = (await findHousehold(db, parent.household_id))!;
  const facts = contractFacts(await householdContractEnds(db, household.id));
  const name = displayName({ firstName: parent.first_name, surnamePrefix: parent.surname_prefix, surname: parent.surname });
  const optOuts = parent.email ? await optOutsOfEmail(db, normaliseEmail(parent.email)) : [];
  const objection = optOuts.flatMap((o) => item('Bezwaar ontvangen', `${nlDate(o.requested_on)} (${o.how})`));
  // Without an objection the e-mail address goes (hashed) into marketing exports.
  const marketing = parent.email && optOuts.length === 0 ? item('E-mailadres (alleen gepseudonimiseerd gedeeld)', parent.email) : [];
  const identity = [
    ...item('Voornaam', parent.first_name),
    ...item('Voorletters', parent.initials),
    ...item('Tussenvoegsel', parent.surname_prefix),
    ...item('Achternaam', parent.surname),
    ...item('Adres', `${household.street} ${household.house_number}, ${household.postcode} ${household.city}`),
    ...item('Ouderlijk gezag', parent.has_parental_authority ? 'ja' : 'nee'),
    ...item('Rol', parent.is_contract_parent ? 'contractouder' : 'ouder zonder contract'),
  ];
  const contact = [...item('E-mailadres', parent.email), ...item('Telefoonnummer', parent.phone)];
  const items: Partial<Record<CategoryKey, DataItem[]>> = parent.is_contract_parent
    ? {
        parent_identity: identity,
        parent_contact: contact,
        parent_bsn: [...item('BSN', parent.bsn), ...(await bsnCheckText(db, 'parent', parent.id)).map((v) => ({ label: 'BSN-controle', value: v }))],
        household_financial: [...item('IBAN', household.iban ? formatIban(household.iban) : null), ...item('Tenaamstelling', household.iban_holder)],
        parent_marketing: marketing,
        marketing_objection: objection,
      }
    : { other_parent: [...identity, ...contact], parent_marketing: marketing, marketing_objection: objection };
  return {
    type: 'parent',
    id: parent.id,
    name,
    householdId: household.id,
    facts,
    categories: blocks(parent.is_contract_parent ? PARENT_CATEGORIES : OTHER_PARENT_CATEGORIES, items, await retentionInputs(db, household.id, facts, [], disclose, today), today),
    recipients: await disclosureRegister(db, { subjectType: 'parent', subjectId: parent.id }),
  };
}

export async function childDossier(db: DbOrTrx, childId: string, today: string, disclose: MeldcodeDisclosure): Promise<PersonDossier> {
  const child = await findChild(db, childId);
  if (!child) throw new AppError('NOT_FOUND', msg('requests.childNotFound'));
  const [contracts, medical, persons, bans, identifications, photo, exchange, parents] = await Promise.all([
    contractsOfChildByStart(db, childId),
    medicalOfChild(db, childId),
    pickupPersonsOfChild(db, childId, { current: false }),
    pickupBansOfChild(db, childId),
    identificationsOfChild(db, childId),
    photoConsentsOfChild(db, childId),
    exchangeConsentsByDate(db, childId),
    parentNamesOfHousehold(db, child.household_id),
  ]);
  const facts = contractFacts(contracts);
  const meldcode = await meldcodeOf(db, childId, disclose);
  const parentName = (id: string) => {
    const p = parents.find((x) => x.id === id);
    return p ? displayName({ firstName: p.first_name, surnamePrefix: p.surname_prefix, surname: p.surname }) : 'contractouder';
  };
  const items: Partial<Record<CategoryKey, DataItem[]>> = {
    child_identity: [
      ...item('Voornaam', child.first_name),
      ...item('Voorletters', child.initials),
      ...item('Tussenvoegsel', child.surname_prefix),
      ...item('Achternaam', child.surname),
      ...item('Geboortedatum', nlDate(child.birth_date)),
      ...item('Groep', child.group_name),
    ],
    child_bsn: [...item('BSN', child.bsn), ...(await bsnCheckText(db, 'child', child.id)).map((v) => ({ label: 'BSN-controle', value: v }))],
    child_contracts: contracts.map((c) => ({
      label: `Contract ${CARE_TYPE[c.care_type]}`,
      value: `${(JSON.parse(c.days) as string[]).join(', ')}; ${String(c.hours_per_week).replace('.', ',')} uur per week; van ${nlDate(c.start_date)}${c.end_date ? ` tot en met ${nlDate(c.end_date)}` : ' (lopend)'}`,
    })),
    child_medical: medical
      ? [...item('Allergieën', medical.allergies), ...item('Dieet', medical.diet), ...item('Medicatie', medical.medication), ...item('Overige bijzonderheden', medical.other_particulars)]
      : [],
    child_pickup: [
      ...persons.map((p) => ({ label: 'Ophaalpersoon', value: `${p.name} (${p.relation})${p.valid_until ? `, geldig tot ${nlDate(p.valid_until)}` : ''}${p.revoked_at ? ', ingetrokken' : ''}` })),
      ...bans.map((b) => ({ label: 'Mag niet ophalen', value: `${b.name}; grondslag: ${b.basis_reference}${b.lifted_at ? `; opgeheven ${nlDate(b.lifted_at.slice(0, 10))}` : ''}` })),
      ...identifications.map((i) => ({ label: 'Identificatie bij ophalen', value: `${nlDate(i.recorded_at.slice(0, 10))}: ${i.collector_name}, ${ID_METHOD[i.method]}${i.id_type ? ` (${i.id_type}, niet gekopieerd)` : ''}` })),
    ],
    child_consents: [
      ...photo.map((p) => ({
        label: `Beeldmateriaal: ${PURPOSE_LABEL[p.purpose]}`,
        value: `${p.decision === 'given' ? (p.recognisable ? 'toestemming, herkenbaar' : 'toestemming, niet herkenbaar') : 'geen toestemming / ingetrokken'} op ${nlDate(p.decided_on)} door ${parentName(p.parent_id)}`,
      })),
      ...exchange.map((e) => ({
        label: `Uitwisseling met ${e.recipient_name}`,
        value: `${e.data_description}; doel: ${e.purpose}; gegeven ${nlDate(e.given_on)}, geldig tot ${nlDate(e.valid_until)}${e.withdrawn_on ? `; ingetrokken ${nlDate(e.withdrawn_on)}` : ''}`,
      })),
    ],
    child_meldcode: meldcode.items,
  };
  const keys = disclose === 'include' ? CHILD_CATEGORIES : CHILD_CATEGORIES.filter((k) => k !== 'child_meldcode');
  return {
    type: 'child',
    id: child.id,
    name: displayName({ firstName: child.first_name, surnamePrefix: child.surname_prefix, surname: child.surname }),
    householdId: child.household_id,
    facts,
    categories: blocks(keys, items, await retentionInputs(db, child.household_id, facts, meldcode.caseIds, disclose, today), today),
    recipients: await disclosureRegister(db, { subjectType: 'child', subjectId: child.id }),
  };
}

/**
 * The dossiers an answer covers: the person, and — when a contract parent asks about themself —
 * also their children, whose rights the contract parent exercises. Never anyone else.
 */
export async function dossiersFor(db: DbOrTrx, subject: { subject_type: SubjectType; subject_id: string }, today: string, disclose: MeldcodeDisclosure): Promise<PersonDossier[]> {
  if (subject.subject_type === 'child') return [await childDossier(db, subject.subject_id, today, disclose)];
  const parent = await parentDossier(db, subject.subject_id, today, disclose);
  const isContractParent = parent.categories.some((c) => c.key === 'parent_identity');
  if (!isContractParent) return [parent];
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
  if (!(await hasMeldcodeCase(db, row.subject_type === 'child' ? { childId: row.subject_id } : { householdId: row.household_id }))) return 'omit';
  if (!row.meldcode_decision) throw new AppError('CONFLICT', msg('requests.meldcodeDecisionFirst'));
  return row.meldcode_decision === 'include' ? 'include' : 'omit';
}
