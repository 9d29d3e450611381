import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../../shared/api/result';
import type { DestructionCategory, Preview, PreviewItem, RunSummary } from '../../../../shared/api/retention.schemas';
import { nlDate } from '../../../../shared/domain/dates';
import { addPeriod, retentionState, ruleText, type RetentionState } from '../../../../shared/domain/retention';
import { msg, type MessageRef } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import { backupNow } from '../backup/backup.service';
import { activeHolds } from '../holds/holds.repository';
import { CATEGORIES, category } from './categories';
import { purgeDestructionLog } from './categories/parts';
import { newMemo, type Candidate } from './categories/category';
import { ensureDefaultPolicies, loadPolicies, type AnyPolicy, type Policies } from './policies';
import { destroyedHash, pruneDestructionMirror, recordDestroyed } from './destructionLog';
import { addToRun, countStatistic, countsByCategory, finishedRunIds, findRun, insertRun, setNoticeSeen, setRunFinished, unseenAutomaticRun } from './retention.repository';

/** Labels in Dutch order (as `localeCompare(…, 'nl')`, without building a collator per comparison). */
const DUTCH = new Intl.Collator('nl');

/** The preview looks this far ahead, so a manager sees what is coming. */
const PREVIEW_DAYS = 30;
/** Records destroyed per transaction (and per progress step in the UI). */
const CHUNK = 200;

export interface Evaluated extends Candidate {
  category: DestructionCategory;
  state: RetentionState;
}

const HOLD_KINDS: Record<string, string> = {
  labour_dispute: 'arbeidsconflict',
  complaint: 'lopende klacht',
  subject_request: 'lopend AVG-verzoek',
  legal_claim: 'juridische claim',
  other: 'overig',
};

/**
 * Every record of the given categories (or only the given ids), with what happens to it today.
 * With `dueBy` (a full evaluation only) a category may leave out what cannot fall due by then
 * (running records, anchors after it); the caller then uses only records due by that date.
 */
export async function evaluate(db: DbOrTrx, today: string, only?: { category: DestructionCategory; ids: readonly string[] }[], dueBy?: string): Promise<Evaluated[]> {
  const policies = await loadPolicies(db);
  const holds = await activeHolds(db);
  const memo = newMemo();
  // "Nothing ends before its anchor event" holds for periods of 0 or more (a change to a negative one is refused; never trusted here).
  const window = only || [...policies.values()].some((p) => p.periodAmount < 0) ? undefined : dueBy;
  const out: Evaluated[] = [];
  for (const cat of CATEGORIES) {
    const wanted = only?.find((o) => o.category === cat.key);
    if (only && !wanted) continue;
    const held = await cat.heldBy(db, holds);
    for (const c of await cat.candidates(db, policies, wanted?.ids, holds, memo, window)) {
      const hold = held.get(c.id) ?? c.hold;
      const extensions = hold ? [...c.statutory, { kind: 'hold' as const, until: hold.review_date, reason: `${HOLD_KINDS[hold.reason_kind] ?? hold.reason_kind}: ${hold.reason}` }] : c.statutory;
      // The candidate is this evaluation's own object: completed in place, not copied (a preview evaluates tens of thousands).
      const e = c as Evaluated;
      e.category = cat.key;
      e.state = retentionState({ ruleDate: c.ruleDate, ...(c.runningReason ? { runningReason: c.runningReason } : {}), ...(c.runningCause ? { runningCause: c.runningCause } : {}), extensions }, today);
      out.push(e);
    }
  }
  return out;
}

/** Why this record is due (or will be): the anchor event, the rule (`rule`: its text), a statutory extension. */
function reasonOf(e: Evaluated, policy: AnyPolicy, rule: string): string {
  const base = `${capitalise(policy.anchor)}: ${e.anchorDate ? nlDate(e.anchorDate) : '—'}; bewaartermijn ${rule}.`;
  if (e.statutory.length === 0) return base;
  const longest = e.statutory.filter((s) => s.until && e.ruleDate && s.until > e.ruleDate).sort((a, b) => (b.until ?? '').localeCompare(a.until ?? ''))[0];
  return longest ? `${base} Verlengd door wettelijke bewaarplicht tot ${nlDate(longest.until!)}: ${longest.reason}.` : base;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export async function preview(core: AppCore): Promise<Preview> {
  const today = core.today();
  await core.transaction((trx) => ensureDefaultPolicies(trx, core.now()));
  const db = core.db();
  const windowEnd = addPeriod(today, PREVIEW_DAYS, 'days');
  const policies = await loadPolicies(db);
  const listed = new Map<DestructionCategory, Evaluated[]>();
  for (const e of await evaluate(db, today, undefined, windowEnd)) {
    if (e.state.status === 'running' || e.state.dueDate > windowEnd) continue;
    const mine = listed.get(e.category);
    if (mine) mine.push(e);
    else listed.set(e.category, [e]);
  }
  const rules = new Map([...policies].map(([key, policy]) => [key, ruleText(policy)]));
  const items: PreviewItem[] = [];
  for (const cat of CATEGORIES) {
    const mine = listed.get(cat.key) ?? [];
    // Most labels came with the window's reads (Candidate.label); the category reads the rest.
    const unnamed = mine.filter((e) => e.label === undefined).map((e) => e.id);
    const labels = unnamed.length > 0 ? await cat.labels(db, unnamed) : new Map<string, string>();
    for (const e of mine) {
      if (e.state.status === 'running') continue;
      const policy = policies.get(e.policy)!;
      const rule = rules.get(e.policy)!;
      items.push({
        category: e.category,
        id: e.id,
        label: e.label ?? labels.get(e.id) ?? cat.label,
        policy: e.policy,
        rule,
        legalBasis: policy.legalBasis,
        reason: reasonOf(e, policy, rule),
        dueDate: e.state.dueDate,
        status: e.state.status,
        daysLeft: e.state.status === 'held' ? 0 : e.state.daysLeft,
        holdReason: e.state.status === 'held' ? `${e.state.hold.reason} (herbeoordelen op ${nlDate(e.state.hold.until!)})` : null,
      });
    }
  }
  items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || DUTCH.compare(a.label, b.label));
  return { today, windowEnd, items };
}

/** Why a record may not be destroyed (yet), with the rule and its end date. */
function refusal(e: Evaluated, label: string, policies: Policies): MessageRef {
  const policy = policies.get(e.policy)!;
  switch (e.state.status) {
    case 'running':
      return msg('retention.refusedRunning', { label, reason: e.state.reason });
    case 'held':
      return msg('retention.refusedHeld', { label, reason: e.state.hold.reason, reviewDate: nlDate(e.state.hold.until!) });
    default:
      return msg('retention.refusedPending', { label, category: policy.category, rule: ruleText(policy), dueDate: nlDate(e.state.dueDate) });
  }
}

/** A run starts with an encrypted backup (so a mistaken destruction can be undone from it), then its row. */
export async function startRun(core: AppCore, session: Session, automatic = false): Promise<string> {
  await backupNow(core, 'destruction', { userId: session.userId });
  const id = uuidv7();
  await core.transaction(async (trx) => {
    await ensureDefaultPolicies(trx, core.now());
    await insertRun(trx, { id, started_at: core.now().toISOString(), finished_at: null, executed_by: session.userId, executed_by_name: session.name, automatic: automatic ? 1 : 0, item_count: 0, notice_seen_at: null });
  });
  return id;
}

/**
 * Destroys the given records in one transaction, after checking every one of them: a record that
 * is not due, or under a hold, refuses the whole request (nothing changes). A manual run may take
 * records due today; the automatic run only those past due.
 */
export async function destroyItems(core: AppCore, session: Session, runId: string, items: readonly { category: DestructionCategory; id: string }[], mode: 'manual' | 'automatic' = 'manual'): Promise<number> {
  const today = core.today();
  return core.transaction(async (trx) => {
    const run = await findRun(trx, runId);
    if (!run || run.finished_at) throw new AppError('CONFLICT', msg('retention.runClosed'));
    if (run.executed_by !== session.userId) throw new AppError('FORBIDDEN', msg('retention.runOfSomeoneElse'));
    const groups = new Map<DestructionCategory, string[]>();
    for (const item of items) groups.set(item.category, [...(groups.get(item.category) ?? []), item.id]);
    const evaluated = await evaluate(
      trx,
      today,
      [...groups].map(([c, ids]) => ({ category: c, ids })),
    );
    const found = new Map(evaluated.map((e) => [`${e.category}:${e.id}`, e]));
    const policies = await loadPolicies(trx);
    for (const item of items) {
      const e = found.get(`${item.category}:${item.id}`);
      if (!e && mode === 'automatic') {
        // Gone since the run was planned (with its household, by an erasure): nothing left to destroy.
        groups.set(item.category, (groups.get(item.category) ?? []).filter((id) => id !== item.id));
        continue;
      }
      if (!e) throw new AppError('NOT_FOUND', msg('retention.itemNotFound', { category: category(item.category).label }));
      const allowed = e.state.status === 'due' && (mode === 'manual' || e.state.daysLeft < 0);
      if (!allowed) {
        const label = (await category(e.category).labels(trx, [e.id])).get(e.id) ?? category(e.category).label;
        throw new AppError('RETENTION_HOLD', refusal(e, label, policies), { dueDate: e.state.status === 'running' ? '' : e.state.dueDate, policy: e.policy });
      }
    }
    const now = core.now();
    // A part of a household (its medical data, the parents' e-mail …) whose household goes in this same call goes with it: no entry of its own.
    const households = new Set(groups.get('household') ?? []);
    let destroyed = 0;
    for (const [cat, all] of groups) {
      const ids = all.filter((id) => cat === 'household' || !households.has(found.get(`${cat}:${id}`)?.household ?? ''));
      if (ids.length === 0) continue;
      await category(cat).destroy(trx, ids, now);
      // Management figures (console Cijfers): how many of each category were destroyed this year, a count only.
      await countStatistic(trx, `destroyed.${cat}`, String(now.getUTCFullYear()), ids.length);
      // Logged (hashed ids) in the same transaction; the mirror outside the database follows on commit.
      await recordDestroyed(
        trx,
        ids.map((id) => {
          const e = found.get(`${cat}:${id}`)!;
          return { run_id: runId, category: cat, subject_hash: destroyedHash({ kind: 'record', category: cat }, id), policy_key: e.policy, due_date: e.state.status === 'due' ? e.state.dueDate : '', executed_at: now.toISOString(), executed_by_name: session.name };
        }),
      );
      destroyed += ids.length;
    }
    await addToRun(trx, runId, destroyed);
    // The automatic run is not a method call, so it is audited here (the retention.destroy method by the dispatcher). Counts only.
    if (mode === 'automatic') {
      await appendAudit(trx, { userId: session.userId, action: 'retention.destroy', entity: 'destruction_run', entityId: runId, details: { count: destroyed, automatic: true } }, now);
    }
    return destroyed;
  });
}

export async function finishRun(core: AppCore, session: Session, runId: string): Promise<RunSummary> {
  await core.transaction(async (trx) => {
    const run = await findRun(trx, runId);
    if (!run) throw new AppError('NOT_FOUND', msg('retention.runNotFound'));
    if (run.executed_by !== session.userId) throw new AppError('FORBIDDEN', msg('retention.runOfSomeoneElse'));
    if (!run.finished_at) await setRunFinished(trx, runId, core.now().toISOString());
  });
  return runSummary(core.db(), runId);
}

export async function runSummary(db: DbOrTrx, runId: string): Promise<RunSummary> {
  const run = await findRun(db, runId);
  if (!run) throw new AppError('NOT_FOUND', msg('retention.runNotFound'));
  return {
    id: run.id,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    executedByName: run.executed_by_name,
    automatic: run.automatic === 1,
    itemCount: run.item_count,
    byCategory: await countsByCategory(db, runId),
  };
}

export async function listRuns(db: DbOrTrx): Promise<RunSummary[]> {
  return Promise.all((await finishedRunIds(db)).map((id) => runSummary(db, id)));
}

/**
 * The automatic run (at start-up and daily while a manager is logged in): destroys what is past
 * due, in chunks. Returns the run id, or null when nothing was due (no empty runs are kept).
 */
export async function runAutomatic(core: AppCore, session: Session): Promise<string | null> {
  const today = core.today();
  await core.transaction((trx) => ensureDefaultPolicies(trx, core.now()));
  const pastDue = (await evaluate(core.db(), today, undefined, today)).filter((e) => e.state.status === 'due' && e.state.daysLeft < 0);
  // Parts of a household that goes in this run go with it (and a later chunk would no longer find them).
  const households = new Set(pastDue.filter((e) => e.category === 'household').map((e) => e.id));
  const due = pastDue.filter((e) => e.category === 'household' || !e.household || !households.has(e.household));
  await core.transaction(async (trx) => purgeDestructionLog(trx, await loadPolicies(trx), today, core.now()));
  // The mirror outside the database follows the log (and keeps what a kept backup's restore needs).
  await pruneDestructionMirror(core.db(), core.options.dataDir, (await loadPolicies(core.db())).get('destruction_log')!, today);
  if (due.length === 0) return null;
  const runId = await startRun(core, session, true);
  for (let i = 0; i < due.length; i += CHUNK) {
    await destroyItems(
      core,
      session,
      runId,
      due.slice(i, i + CHUNK).map((e) => ({ category: e.category, id: e.id })),
      'automatic',
    );
  }
  await finishRun(core, session, runId);
  return runId;
}

export async function notice(db: DbOrTrx) {
  const run = await unseenAutomaticRun(db);
  return run ? { runId: run.id, itemCount: run.item_count, at: run.finished_at! } : null;
}

export async function dismissNotice(core: AppCore, runId: string): Promise<void> {
  await core.transaction((trx) => setNoticeSeen(trx, runId, core.now().toISOString()));
}
