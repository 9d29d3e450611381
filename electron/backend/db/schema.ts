import type { Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { ComplaintOutcome, ComplaintStatus } from '../../../shared/api/complaints.schemas';
import type { ApplicantOutcome, HoldReasonKind } from '../../../shared/api/retention.schemas';
import type { SyncConflict } from '../../../shared/api/sync.contract';
import type { CoordinationHow, RequestKind, RequestSubjectType } from '../../../shared/domain/requests';
import type { PeriodUnit } from '../../../shared/domain/retention';
import type { Mutation } from '../../../shared/sync/protocol';

/** Booleans are stored as 0/1 (SQLite has no boolean type). */
type Bool = 0 | 1;

export interface LocationTable {
  id: string;
  name: string;
  address: string;
  /** LRK-nummer: Landelijk Register Kinderopvang. */
  lrk_number: string;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  name: string;
  username: string;
  active: Bool;
  must_change_password: Bool;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface SettingsTable {
  key: string;
  /** JSON text. */
  value: string;
}

/** Append-only, hash-chained. Ids only: never names, BSNs or medical text. */
export interface AuditLogTable {
  seq: number;
  at: string;
  user_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  /** JSON object with ids and codes only. */
  details: string;
  prev_hash: string;
  hash: string;
}

/** Columns every synced row has: the location it belongs to and the head-office version. */
interface Synced {
  location_id: string;
  version: number | null;
}

export interface HouseholdsTable extends Synced {
  id: string;
  street: string;
  house_number: string;
  postcode: string;
  city: string;
  iban: string | null;
  iban_holder: string | null;
  created_at: string;
  updated_at: string;
}

interface PersonNameColumns {
  first_name: string;
  initials: string | null;
  surname_prefix: string | null;
  surname: string;
  /** Lower case without diacritics, for search. */
  search_name: string;
}

export interface ParentsTable extends Synced, PersonNameColumns {
  id: string;
  household_id: string;
  email: string | null;
  phone: string | null;
  bsn: string | null;
  has_parental_authority: Bool;
  is_contract_parent: Bool;
  created_at: string;
  updated_at: string;
}

export interface ChildrenTable extends Synced, PersonNameColumns {
  id: string;
  household_id: string;
  birth_date: string;
  /** The child's group (migration 0021); null only for a child carried over without a group. */
  group_id: string | null;
  bsn: string | null;
  created_at: string;
  updated_at: string;
}

/** A group of the location (migration 0021): no personal data; archived instead of deleted while children are in it. */
export interface GroupsTable extends Synced {
  id: string;
  name: string;
  /** Null for a group carried over from free text until the manager fills it in. */
  care_type: 'dagopvang' | 'bso' | 'peuteropvang' | null;
  age_from_months: number | null;
  age_to_months: number | null;
  capacity: number | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface BsnVerificationsTable extends Synced {
  id: string;
  subject_type: 'parent' | 'child';
  subject_id: string;
  method: 'id_document' | 'svb_letter';
  checked_on: string;
  checked_by: string;
  checked_by_name: string;
  recorded_at: string;
}

export interface ChildMedicalTable extends Synced {
  child_id: string;
  allergies: string | null;
  diet: string | null;
  medication: string | null;
  other_particulars: string | null;
  updated_at: string;
  updated_by: string;
}

export interface ContractsTable extends Synced {
  id: string;
  child_id: string;
  care_type: 'dagopvang' | 'bso' | 'peuteropvang';
  /** JSON array of weekdays: ["ma","di"]. */
  days: string;
  hours_per_week: number;
  start_date: string;
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface TasksTable extends Synced {
  id: string;
  kind: 'paper_dossier_destroy';
  child_id: string;
  contract_id: string | null;
  due_date: string;
  created_at: string;
  confirmed_at: string | null;
  confirmed_by: string | null;
  confirmed_by_name: string | null;
}

export interface WaitlistEntriesTable extends Synced {
  id: string;
  parent_name: string;
  parent_email: string | null;
  parent_phone: string | null;
  child_first_name: string | null;
  child_surname: string | null;
  child_birth_date: string | null;
  expected_date: string | null;
  care_type: 'dagopvang' | 'bso' | 'peuteropvang';
  desired_days: string;
  desired_start_date: string;
  notes: string | null;
  /** ingetrokken: withdrawn by the parent; afgewezen: declined by the location (migration 0009). */
  status: 'open' | 'geplaatst' | 'ingetrokken' | 'afgewezen';
  created_at: string;
  /** When it was placed, withdrawn or declined: starts its retention rule. */
  closed_at: string | null;
  placed_child_id: string | null;
  withdraw_reason: string | null;
}

export interface PickupPersonsTable extends Synced {
  id: string;
  child_id: string;
  name: string;
  relation: string;
  phone: string | null;
  valid_until: string | null;
  revoked_at: string | null;
  created_at: string;
}

export interface PickupBansTable extends Synced {
  id: string;
  child_id: string;
  name: string;
  basis_reference: string;
  basis_date: string | null;
  notes: string | null;
  created_at: string;
  created_by: string;
  lifted_at: string | null;
  lift_reason: string | null;
}

export interface IdentificationLogTable extends Synced {
  id: string;
  child_id: string;
  collector_name: string;
  method: 'known' | 'colleague_confirmed' | 'parent_called' | 'id_shown';
  id_type: string | null;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

/** The location's sync keys (sealed special categories); the key bytes never leave the encrypted DB in clear. */
export interface SyncKeysTable {
  key_id: string;
  key_material: string;
  source: 'created' | 'transfer' | 'recovery' | 'rotated';
  created_at: string;
  retired_at: string | null;
}

export interface OutboxTable {
  seq: Generated<number>;
  mutation_id: string;
  entity: string;
  entity_id: string;
  op: Mutation['op'];
  payload: string | null;
  base_version: number | null;
  created_at: string;
}

export interface SyncConflictsTable {
  id: string;
  kind: SyncConflict['kind'];
  entity: string;
  entity_id: string;
  local_payload: string | null;
  server_payload: string | null;
  server_version: number | null;
  reason: string | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
}

export interface PhotoConsentsTable extends Synced {
  id: string;
  child_id: string;
  purpose: 'ouderportaal' | 'nieuwsbrief' | 'interne_training' | 'website_social';
  decision: 'given' | 'withdrawn';
  recognisable: Bool;
  parent_id: string;
  decided_on: string;
  channel: 'signed_form' | 'parent_portal' | 'email';
  privacy_statement_version: string;
  recorded_at: string;
  recorded_by_name: string;
}

export interface ConsentFormReturnsTable extends Synced {
  id: string;
  child_id: string;
  returned_on: string;
  recorded_at: string;
  recorded_by_name: string;
}

export interface ExchangeConsentsTable extends Synced {
  id: string;
  child_id: string;
  recipient_name: string;
  recipient_type: string;
  purpose: string;
  data_description: string;
  valid_until: string;
  parent_id: string;
  given_on: string;
  withdrawn_on: string | null;
  recorded_at: string;
  recorded_by_name: string;
}

export interface DisclosuresTable extends Synced {
  id: string;
  recipient: string;
  recipient_name: string;
  legal_basis: string;
  /** JSON array of field keys. */
  fields: string;
  subject_count: number;
  format: string;
  period: string | null;
  exchange_consent_id: string | null;
  created_at: string;
  created_by: string;
  created_by_name: string;
  /** The authority's order or claim (vordering, bevel), required for police and justice (0018). */
  order_reference: string | null;
  /** The confidentiality an auditor or accountant is bound by (0018). */
  confidentiality: string | null;
  /** The day the data were handed over (manual entries and Veilig Thuis reports, 0018). */
  disclosed_on: string | null;
  /** The meldcode file a Veilig Thuis report came from: the line is shown only with meldcode access (0018). */
  meldcode_case_id: string | null;
}

export interface DisclosureSubjectsTable extends Synced {
  id: string;
  disclosure_id: string;
  /** Every data subject with a row of their own (0018). */
  subject_type: 'child' | 'parent' | 'employee' | 'applicant' | 'waitlist_prospect' | 'complainant';
  subject_id: string;
}

/** Per restricted person in a legally required disclosure: included (the law requires it) or left out, and why. */
export interface DisclosureRestrictionDecisionsTable extends Synced {
  id: string;
  disclosure_id: string;
  subject_type: 'child' | 'parent';
  subject_id: string;
  decision: 'include' | 'exclude';
  reason: string;
}

export interface MunicipalityConfigsTable extends Synced {
  id: string;
  name: string;
  legal_basis: string;
  fields: string;
  updated_at: string;
}

export interface MarketingOptOutsTable extends Synced {
  id: string;
  email: string;
  requested_on: string;
  how: string;
  recorded_at: string;
  recorded_by_name: string;
}

export interface ProcessingRestrictionsTable extends Synced {
  id: string;
  /** Everyone a request can be about (migration 0019; parents and children before). */
  subject_type: RequestSubjectType;
  subject_id: string;
  since: string;
  until: string | null;
  reason: string;
  /** The AVG-verzoek that asked for the restriction (null for restrictions recorded before 0008). */
  request_id: string | null;
}

/** AVG-verzoek (data subject request). */
export interface SubjectRequestsTable extends Synced {
  id: string;
  kind: 'access' | 'rectification' | 'completion' | 'restriction' | 'erasure' | 'portability' | 'objection';
  subject_type: RequestSubjectType;
  subject_id: string;
  /** Null for a person without a household (employee, applicant, waiting-list prospect, complainant; migration 0011). */
  household_id: string | null;
  /** The parent who asks; null when the person asks for themself without being a parent. */
  requester_parent_id: string | null;
  requester_name: string;
  received_on: string;
  identity_method: 'id_shown' | 'known_in_person' | 'registered_contact';
  description: string | null;
  deadline: string;
  extended_months: number;
  extension_reason: string | null;
  extended_on: string | null;
  meldcode_decision: 'include' | 'exclude' | null;
  meldcode_decision_reason: string | null;
  meldcode_decided_by_name: string | null;
  meldcode_decided_at: string | null;
  status: 'open' | 'closed';
  outcome: 'granted' | 'partially_granted' | 'refused' | null;
  decision: string | null;
  closed_on: string | null;
  created_at: string;
  created_by_name: string;
  /** The afstemming with the contract parent when the other parent asks about a child (migration 0011). */
  coordination_parent_id: string | null;
  coordination_parent_name: string | null;
  coordination_on: string | null;
  coordination_how: CoordinationHow | null;
}

export interface DataCorrectionsTable extends Synced {
  id: string;
  request_id: string;
  /** The record corrected: a person a request can be about, or the household (migration 0019). */
  subject_type: RequestSubjectType | 'household';
  subject_id: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  statement: string | null;
  corrected_on: string;
  corrected_by_name: string;
}

/** Bezwaar (AVG art. 21) against one processing on legitimate interest, and its outcome (migration 0019). */
export interface ProcessingObjectionsTable extends Synced {
  id: string;
  request_id: string;
  subject_type: RequestSubjectType;
  subject_id: string;
  /** A pickup person's normalised name: their rows carry only a name, so an upheld objection applies by it. */
  person_key: string | null;
  /** The data category (shared/dataMap/categories.ts) whose processing the person objected to. */
  category: string;
  outcome: 'upheld' | 'refused';
  /** Required for a refusal: the compelling grounds, printed in the letter. */
  reason: string | null;
  decided_on: string;
  decided_by_name: string;
}

export interface RequestTasksTable extends Synced {
  id: string;
  request_id: string;
  kind: 'inform_recipient' | 'inform_before_lift';
  recipient_name: string | null;
  due_date: string;
  created_at: string;
  done_at: string | null;
  done_by_name: string | null;
}

/** Meldcodedossier: a case file about a concern for a child's safety (or an employee as suspect). */
export interface MeldcodeCasesTable extends Synced {
  id: string;
  child_id: string | null;
  route: 'huiselijk' | 'medewerker';
  suspect_employee_name: string | null;
  status: 'open' | 'closed';
  opened_on: string;
  opened_by: string;
  opened_by_name: string;
  closed_on: string | null;
  closed_by: string | null;
  closed_by_name: string | null;
  closing_summary: string | null;
  created_at: string;
  updated_at: string;
}

/** Append-only events of a case (triggers refuse UPDATE and DELETE while the case exists). */
export interface MeldcodeEntriesTable extends Synced {
  id: string;
  case_id: string;
  kind: 'signal' | 'consultation' | 'parent_conversation' | 'parent_conversation_skipped' | 'vertrouwensinspecteur' | 'weighing' | 'decision' | 'correction';
  occurred_on: string;
  author_user_id: string;
  author_name: string;
  /** JSON object, shape per kind in shared/api/meldcode.schemas.ts. */
  payload: string;
  corrects_entry_id: string | null;
  created_at: string;
}

export interface RetentionPoliciesTable extends Synced {
  /** `<location id>:<key>`, so head office can address a location's rule. */
  id: string;
  key: string;
  category: string;
  period_amount: number;
  period_unit: PeriodUnit;
  anchor: string;
  legal_basis: string;
  updated_at: string;
}

/** The organisation's identity and privacy contacts, pulled from head office (shared/organisation/profile.ts). */
export interface OrganisationProfileTable extends Synced {
  /** `<location id>:organisation`: one row per location. */
  id: string;
  controller_name: string;
  address: string;
  postcode_city: string;
  kvk_number: string;
  privacy_officer_name: string;
  privacy_officer_email: string;
  privacy_officer_phone: string;
  fg_name: string;
  fg_email: string;
  fg_organisation: string;
  updated_at: string;
}

/**
 * A privacy statement version head office published (issue 18 part 8). `version_label` is the
 * label parents see ("2026.2"; `version` is the sync version, as on every synced row).
 */
export interface PrivacyStatementVersionsTable extends Synced {
  /** UUIDv5 of (location, head-office statement id): one row per version per location (shared/console/statements.ts). */
  id: string;
  version_label: string;
  /** YYYY-MM-DD: in force from this day. */
  effective_date: string;
  text: string;
  published_at: string;
}

/** "Ouders geïnformeerd" about a version: id = the version row's id (one per version, whichever PC marks it). */
export interface PrivacyStatementInformedTable extends Synced {
  id: string;
  informed_on: string;
  recorded_at: string;
}

/** Sollicitant. Hiring moves the data into an employee record (personeelsdossier). */
export interface ApplicantsTable extends Synced {
  id: string;
  first_name: string;
  surname_prefix: string | null;
  surname: string;
  email: string | null;
  phone: string | null;
  position: string;
  applied_on: string;
  procedure_end_date: string | null;
  outcome: ApplicantOutcome;
  consent_longer_retention: Bool;
  consent_on: string | null;
  created_at: string;
  updated_at: string;
}

/** Medewerker: a minimal personnel record. */
export interface EmployeesTable extends Synced {
  id: string;
  first_name: string;
  surname_prefix: string | null;
  surname: string;
  address: string;
  email: string | null;
  phone: string | null;
  position: string;
  employment_start: string;
  employment_end: string | null;
  /** Arbeidsconflict bij uitdiensttreding: 10 years instead of 2. */
  labour_dispute: Bool;
  hired_from_application_on: string | null;
  created_at: string;
  updated_at: string;
}

/** Wettelijke bewaarplicht for part of a personnel file, e.g. ziek uit dienst. */
export interface EmployeeStatutoryHoldsTable extends Synced {
  id: string;
  employee_id: string;
  description: string;
  legal_basis: string;
  until: string;
  created_at: string;
}

/** Datalek (issue 18): the fields of BreachRecord (shared/breaches/record.ts); kept on record, never deleted by the app. */
export interface DataBreachesTable extends Synced {
  id: string;
  what_happened: string;
  discovered_at: string;
  occurred_on: string | null;
  /** JSON array of BREACH_PERSON_CATEGORIES. */
  person_categories: string;
  persons_count: number;
  /** JSON array of BREACH_DATA_CATEGORIES. */
  data_categories: string;
  measures_taken: string;
  reported_by: string;
  reporter_name: string;
  reported_at: string;
}

/**
 * Verzoek via privacy@ (issue 18 part 3), written by head office: waits as a task until the manager
 * registers it as an AVG-verzoek (request_id) or records that the person is not known here; then the
 * requester's name, contact and words are cleared.
 */
export interface CentralRequestsTable extends Synced {
  id: string;
  kind: RequestKind;
  received_on: string;
  deadline: string;
  requester_name: string | null;
  requester_contact: string | null;
  description: string | null;
  registered_by_name: string;
  registered_at: string;
  status: 'new' | 'registered' | 'not_here';
  request_id: string | null;
  handled_on: string | null;
  handled_by_name: string | null;
}

/** Klacht. */
export interface ComplaintsTable extends Synced {
  id: string;
  received_on: string;
  complainant_name: string;
  complainant_contact: string | null;
  subject: string;
  description: string;
  status: ComplaintStatus;
  handling_notes: string | null;
  resolution: string | null;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
  /** The household (gezin) the complaint concerns, if any (0020). */
  household_id: string | null;
  /** The houder's judgement, set when closing (0020). */
  outcome: ComplaintOutcome | null;
  /** Concrete measures and their term, if any (0020). */
  measures: string | null;
}

/** Blokkade on one record: nothing under an active hold is destroyed. */
export interface LegalHoldsTable extends Synced {
  id: string;
  subject_type: string;
  subject_id: string;
  reason_kind: HoldReasonKind;
  reason: string;
  review_date: string;
  placed_at: string;
  placed_by_name: string;
  lifted_at: string | null;
  lifted_by_name: string | null;
  lift_reason: string | null;
}

/** Vernietigingsronde (local only). */
export interface DestructionRunsTable {
  id: string;
  started_at: string;
  finished_at: string | null;
  executed_by: string;
  executed_by_name: string;
  automatic: Bool;
  item_count: number;
  notice_seen_at: string | null;
}

/** Vernietigingslogboek: category, hashed internal id, rule, due date, when, by whom — no personal data. */
export interface DestructionLogTable {
  id: Generated<number>;
  /** Null for an AVG erasure and for entries carried over into a restored database. */
  run_id: string | null;
  category: string;
  subject_hash: string;
  policy_key: string;
  due_date: string;
  executed_at: string;
  executed_by_name: string;
}

/** Anonymous counts kept after destruction (management information). */
export interface RetentionStatisticsTable {
  metric: string;
  period: string;
  count: number;
}

export interface Database {
  location: LocationTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  households: HouseholdsTable;
  parents: ParentsTable;
  children: ChildrenTable;
  groups: GroupsTable;
  bsn_verifications: BsnVerificationsTable;
  child_medical: ChildMedicalTable;
  contracts: ContractsTable;
  tasks: TasksTable;
  waitlist_entries: WaitlistEntriesTable;
  pickup_persons: PickupPersonsTable;
  pickup_bans: PickupBansTable;
  identification_log: IdentificationLogTable;
  photo_consents: PhotoConsentsTable;
  consent_form_returns: ConsentFormReturnsTable;
  exchange_consents: ExchangeConsentsTable;
  disclosures: DisclosuresTable;
  disclosure_subjects: DisclosureSubjectsTable;
  disclosure_restriction_decisions: DisclosureRestrictionDecisionsTable;
  municipality_configs: MunicipalityConfigsTable;
  marketing_opt_outs: MarketingOptOutsTable;
  processing_restrictions: ProcessingRestrictionsTable;
  meldcode_cases: MeldcodeCasesTable;
  meldcode_entries: MeldcodeEntriesTable;
  subject_requests: SubjectRequestsTable;
  data_corrections: DataCorrectionsTable;
  processing_objections: ProcessingObjectionsTable;
  request_tasks: RequestTasksTable;
  retention_policies: RetentionPoliciesTable;
  organisation_profile: OrganisationProfileTable;
  privacy_statement_versions: PrivacyStatementVersionsTable;
  privacy_statement_informed: PrivacyStatementInformedTable;
  applicants: ApplicantsTable;
  employees: EmployeesTable;
  employee_statutory_holds: EmployeeStatutoryHoldsTable;
  complaints: ComplaintsTable;
  data_breaches: DataBreachesTable;
  central_requests: CentralRequestsTable;
  legal_holds: LegalHoldsTable;
  destruction_runs: DestructionRunsTable;
  destruction_log: DestructionLogTable;
  retention_statistics: RetentionStatisticsTable;
  outbox: OutboxTable;
  sync_keys: SyncKeysTable;
  sync_conflicts: SyncConflictsTable;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type DbOrTrx = Db | Trx;

export type LocationRow = Selectable<LocationTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type HouseholdRow = Selectable<HouseholdsTable>;
export type ParentRow = Selectable<ParentsTable>;
export type ChildRow = Selectable<ChildrenTable>;
export type GroupRow = Selectable<GroupsTable>;
export type ContractRow = Selectable<ContractsTable>;
export type WaitlistRow = Selectable<WaitlistEntriesTable>;
export type SubjectRequestRow = Selectable<SubjectRequestsTable>;
export type ApplicantRow = Selectable<ApplicantsTable>;
export type EmployeeRow = Selectable<EmployeesTable>;
export type ComplaintRow = Selectable<ComplaintsTable>;
export type DataBreachRow = Selectable<DataBreachesTable>;
export type CentralRequestRow = Selectable<CentralRequestsTable>;
export type LegalHoldRow = Selectable<LegalHoldsTable>;
export type RetentionPolicyRow = Selectable<RetentionPoliciesTable>;
