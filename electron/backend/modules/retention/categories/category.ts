import type { DestructionCategory } from '../../../../../shared/api/retention.schemas';
import type { DataMapPolicyKey } from '../../../../../shared/dataMap/policies';
import type { Extension, RunningCause } from '../../../../../shared/domain/retention';
import type { DbOrTrx, LegalHoldRow, Trx } from '../../../db/schema';
import type { Policies } from '../policies';

/** One record the engine may destroy, with the rule that keeps it and that rule's date. */
export interface Candidate {
  id: string;
  policy: DataMapPolicyKey;
  /** The anchor event's date (contract end, procedure end …); null while it has not happened. */
  anchorDate: string | null;
  /** Anchor date plus the rule's period; null while the period has not started. */
  ruleDate: string | null;
  /** Why the period has not started yet (shown instead of a date). */
  runningReason?: string;
  /** What kind of reason it is, for documents that word it differently (shared/domain/retention.ts). */
  runningCause?: RunningCause;
  /** Wettelijke bewaarplicht that keeps the record longer, never past its own end. */
  statutory: Extension[];
  /** The household this part belongs to: when the household goes in the same run, the part goes with it (no entry of its own). */
  household?: string;
  /** An active hold found by the category itself (on the child, the household, a person in a register entry). */
  hold?: LegalHoldRow;
  /** Who or what it is, exactly as `labels` would say, when the category read it in the same pass (the preview's window); never logged. */
  label?: string;
}

/**
 * A kind of record under a retention rule. The engine asks each category for its candidates,
 * maps active legal holds onto them and destroys due ones — every row of the record in every
 * table, with a tombstone for head office. Meldcode files plug in as one more category.
 */
export interface RetentionCategory {
  key: DestructionCategory;
  /** Dutch, for the preview and the destruction report ("Gezin", "Sollicitant"). */
  label: string;
  /** The policies this category enforces (a test holds them against the data map's rules). */
  policies: readonly DataMapPolicyKey[];
  /**
   * Every record of this kind (or only `ids`), with its rule and dates; `holds` are the active
   * ones; `memo` shares a scan between the categories of one evaluation (contract ends per
   * household or child), so the parts of a household do not each read every contract again.
   * `dueBy` (only without `ids`): the caller lists only records whose date falls on or before it
   * (the preview's window end), so a category may leave out records still running and records
   * whose anchor event lies after it (every period is ≥ 0, and holds and statutory duties only
   * move dates later). What it returns is still decided exactly by the engine.
   */
  candidates(db: DbOrTrx, policies: Policies, ids: readonly string[] | undefined, holds: readonly LegalHoldRow[], memo: Memo, dueBy?: string): Promise<Candidate[]>;
  /** Which of this category's records the given active holds block (a child's hold blocks its household). */
  heldBy(db: DbOrTrx, holds: readonly LegalHoldRow[]): Promise<Map<string, LegalHoldRow>>;
  /** Who or what it is, for the manager's eyes in the preview (never logged). */
  labels(db: DbOrTrx, ids: readonly string[]): Promise<Map<string, string>>;
  /** Removes every row of these records; also keeps the anonymous counts. */
  destroy(trx: Trx, ids: readonly string[], now: Date): Promise<void>;
}

/** A result computed once per evaluation (valid only within it: the next evaluation reads again). */
export type Memo = <T>(key: string, load: () => Promise<T>) => Promise<T>;

/** A fresh memo for one evaluation. */
export function newMemo(): Memo {
  const cache = new Map<string, Promise<unknown>>();
  return <T>(key: string, load: () => Promise<T>) => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key) as Promise<T>;
  };
}

/** Per child and per household whose contracts all ended by a date (at least one contract). */
export interface EndedSpans {
  children: Map<string, { id: string; household_id: string; first_name: string; surname_prefix: string | null; surname: string; lastEnd: string; contracts: number; open: 0 }>;
  households: Map<string, { id: string; lastEnd: string; contracts: number; open: 0 }>;
  /** The children's ids, sorted: one list for every part table's read. */
  childIds: readonly string[];
}

/** Holds placed directly on a record of `subjectType`. */
export function directHolds(holds: readonly LegalHoldRow[], subjectType: string): Map<string, LegalHoldRow> {
  return new Map(holds.filter((h) => h.subject_type === subjectType).map((h) => [h.subject_id, h]));
}
