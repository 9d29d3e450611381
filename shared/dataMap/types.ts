import type { PeriodUnit } from '../domain/retention';
import type { DataCategoryKey } from './categories';
import type { DataMapPolicyKey, EventKey } from './policies';
import type { SubjectKey } from './subjects';

/**
 * The shape of the data map (issue 14): one entry per table of the location database, every
 * column in exactly one place. Texts meant for people (labels, purposes, legal bases) are Dutch:
 * they appear in letters, the access report and the verwerkingsregister (art. 30 AVG).
 */

/** A row condition: `column = equals`. Used for rows of one table that differ in kind (contract parent or not, status). */
export interface Condition {
  column: string;
  equals: string | number;
}

/**
 * One hop from a row to a related row: `current.from = to` (to is `table.column`). `if` must hold
 * on the current row for the hop to apply (polymorphic references: subject_type = 'child'); `where`
 * narrows the target rows (parents with is_contract_parent = 1).
 */
export interface Step {
  from: string;
  to: `${string}.${string}`;
  if?: Condition;
  where?: Condition;
}

/**
 * From a row to the person it is about. Empty: the row itself names the person (a pickup person's
 * own row, a complaint's complainant, a name typed into the row). Non-empty: the last hop lands in
 * the person's own table (SUBJECTS[...].home) or in a table that names that person itself.
 */
export type Path = readonly Step[];

/** What happens to the data when its rule says so. */
export type Deletion =
  /** The row goes (with its outbox payloads and conflict copies; head office gets a tombstone). */
  | 'delete_row'
  /** Only these columns are emptied; the row stays under its own rule. */
  | 'clear_columns'
  /** The row stays, its personal columns are replaced by non-identifying values (other rows still point at it). */
  | 'anonymise';

export type Rule =
  /** A bewaartermijn as data: the period comes from the policy (set by head office), the event from POLICY_EVENT. */
  | { kind: 'policy'; policy: DataMapPolicyKey; when?: Condition; deletion: Deletion }
  /**
   * Goes together with the row it belongs to (`via` references `table`): when that row is destroyed
   * or erased, this one goes in the same transaction. Listed next to a row's own policy when the
   * owner can go first (a child erased on request takes its pickup list along).
   */
  | { kind: 'with'; table: string; via: string; when?: Condition; deletion: 'delete_row' }
  /** A built-in rule that head office cannot change (the data have no purpose past a technical event). */
  | { kind: 'fixed'; event: EventKey; when?: Condition; deletion: Deletion; reason: string }
  /** Deliberately no end; the reason says why (Dutch, shown as the rule). */
  | { kind: 'kept'; when?: Condition; reason: string };

export type LegalBasisKind = 'contract' | 'consent' | 'legal_obligation' | 'vital_interest' | 'legitimate_interest';

export interface CategoryDef {
  /** What the data are, as a person reads it in a letter. */
  label: string;
  purpose: string;
  /** The legal basis in words, with the article where it helps (AVG art. 6 / art. 9). */
  legalBasis: string;
  /** The same, machine-readable: portability applies only to consent and contract (AVG art. 20). */
  bases: readonly LegalBasisKind[];
  /** Where the data come from when not from the person (art. 14 / art. 15(1)(g)). */
  source: string;
  /** Recipients outside the location besides head office (which the register derives from `syncs`). */
  recipients: readonly string[];
  /** Special category (art. 9) or criminal-offence data (art. 10): restricted and read-audited. */
  specialCategory: boolean;
  /** A national identification number (BSN, art. 87 AVG / art. 46 UAVG). */
  nationalId?: boolean;
  /** Transfers outside the EEA and their safeguard; absent means none. */
  transfersOutsideEea?: string;
  /**
   * For data that only accompany other data (who recorded something): the register states this
   * instead of repeating the rule of every table the category appears in.
   */
  retentionText?: string;
}

export interface ColumnGroup {
  /** What these columns hold, in Dutch ("Naam en geboortedatum"): the register's data categories. */
  label: string;
  category: DataCategoryKey;
  subject: SubjectKey;
  /** The path to the person; defaults to the table's `subjects[subject]`. */
  path?: Path;
  columns: readonly string[];
  /** The group applies only to rows that match (a column may then appear in several groups with disjoint conditions). */
  when?: Condition;
  /** Its own, earlier rule (cleared or anonymised while the row stays); without it the row's rules apply. */
  rule?: Rule;
  /** Belongs in a portability export (art. 20): all columns, none, or these. Only for consent or contract bases. */
  portable: boolean | readonly string[];
  /** Other processings of the same columns (the e-mail address is also used for marketing). */
  uses?: readonly DataCategoryKey[];
  note?: string;
}

export interface PersonalTable {
  kind: 'personal';
  /** Dutch name of the table's content, used in texts ("samen met het kind"). */
  label: string;
  /** In SYNCED_ENTITIES: rows go to head office through the outbox, deletes as tombstones. */
  syncs: boolean;
  /** Encrypted on the PC before it enters the outbox (ARCHITECTURE.md "Sealed special categories"). */
  sealed: boolean;
  /** Paths from a row to each kind of person it is about. */
  subjects: Partial<Record<SubjectKey, Path>>;
  /** When the row itself ends. Several rules with `when` split rows by kind; the earliest applicable rule wins. */
  rules: readonly Rule[];
  groups: readonly ColumnGroup[];
  /** Ids, foreign keys, sync version and row timestamps: no content of their own; they exist and go with the row. */
  noPersonalData: readonly string[];
  /** Columns holding copies of other tables' rows (outbox payloads, conflict copies): they follow the source row's rules. */
  copies?: { entityColumn: string; idColumn: string; columns: readonly string[] };
  note?: string;
}

export interface TechnicalTable {
  kind: 'technical';
  label: string;
  /** Why the table holds no personal data, in one line. */
  reason: string;
  syncs: boolean;
  columns: readonly string[];
}

export type TableEntry = PersonalTable | TechnicalTable;
export type DataMap = Readonly<Record<string, TableEntry>>;

/** A retention policy as the register reads it (the shape of shared/domain/retention.ts RetentionPolicy, any key). */
export interface PolicyLike {
  key: string;
  category: string;
  periodAmount: number;
  periodUnit: PeriodUnit;
  anchor: string;
  legalBasis: string;
}
