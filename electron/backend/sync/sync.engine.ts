import { v7 as uuidv7 } from 'uuid';
import { CONFLICT_CHECKED, MAX_PUSH_MUTATIONS, SEALED, type Change, type Mutation, type MutationResult, type StatisticCount, type SyncedEntity } from '../../../shared/sync/protocol';
import { msg, translate } from '../../../shared/i18n/translate';
import type { AppCore } from '../core';
import type { SqliteDb } from '../db/open';
import { countOpenConflicts } from '../modules/sync/sync.repository';
import { lastAuditRow } from '../modules/audit/audit.repository';
import { checkPolicyChange } from '../modules/retention/policies';
import { statisticRows } from '../modules/retention/retention.repository';
import { escrowSyncKey } from './escrow';
import { withdrawRecoveryWrapIfDue } from './recovery';
import { followKeyRotation } from './rotation';
import { requestJson } from './http';
import { hasAnyKey, installKey, keyCandidate, loadKeyring, readLocationKeyId, writeLocationKeyId, readSealedWaiting, writeSealedWaiting, type Keyring } from './keys';
import { isSealedPayload, openSealed, SealError } from './seal';
import { acknowledge, deferForeignKeys, insertConflicts, outboxHead, pendingKeys, rebaseQueued, setVersions, withRelaxedCommit, writePulledRow, type ConflictRow, type OutboxRow, type VersionUpdate } from './sync.repository';
import { parsePullPage, parsePushAnswer } from '../../../shared/sync/wire';
import { readCursor, readRunState, readSyncConfig, writeCursor, writeRunState, type SyncConfig } from './sync.state';

/** Runs a piece of database work exclusively (between API calls). Network I/O happens outside. */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;
export type Transport = typeof requestJson;

/**
 * Head office takes at most 1,000 mutations per push (PushRequest) and 5,000 changes per pull page.
 * A batch is one transaction and one commit on each side, so a full batch costs far less per mutation.
 */
const PUSH_BATCH = MAX_PUSH_MUTATIONS;
const PULL_PAGE = 5000;

export interface SyncReport {
  pushed: number;
  pulled: number;
  conflicts: number;
  rejected: number;
  /** Changes from head office this PC refused, in Dutch (a retention rule with an invalid period): the local row stays as it was. */
  refused: string[];
}

/** A queued mutation as the answers need it; its payload goes out as stored. */
type QueuedMutation = Omit<Mutation, 'payload'>;

/** A batch as sent: the mutations, each one's outbox payload as stored (for a conflict row), and the request body. */
interface PushBatch {
  mutations: QueuedMutation[];
  storedPayloads: (string | null)[];
  body: string;
  /** More is queued behind this batch. */
  more: boolean;
}

const rowKey = (entity: string, entityId: string) => `${entity}\u0000${entityId}`;

/**
 * The batch ends before a second upsert of the same medical data or meldcode file. That one was
 * written on this PC after the first, before the first's answer came, so it carries the same base
 * version; sent together, head office would see it as a stale edit and keep it as a conflict with
 * this PC's own edit. It goes in the next batch, rebased on the first's answer (rebaseFollowers).
 */
function untilSecondEdit(rows: OutboxRow[]): OutboxRow[] {
  const edited = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.op !== 'upsert' || !CONFLICT_CHECKED.has(row.entity as SyncedEntity)) continue;
    const key = rowKey(row.entity, row.entity_id);
    if (edited.has(key)) return rows.slice(0, i);
    edited.add(key);
  }
  return rows;
}

/** A mutation as PushRequest JSON, its payload the outbox's JSON text as it is (written by JSON.stringify, sealed or not). */
const mutationJson = (r: OutboxRow) =>
  `{"mutationId":${JSON.stringify(r.mutation_id)},"entity":${JSON.stringify(r.entity)},"entityId":${JSON.stringify(r.entity_id)},"op":${JSON.stringify(r.op)},"payload":${r.payload ?? 'null'},"baseVersion":${r.base_version === null ? 'null' : Number(r.base_version)}}`;

async function readPushBatch(core: AppCore): Promise<PushBatch> {
  // One query for the batch; the stored payloads are sent without a parse and a stringify each.
  const head = outboxHead(core.sqlite(), PUSH_BATCH);
  const rows = untilSecondEdit(head);
  if (rows.length === 0) return { mutations: [], storedPayloads: [], body: '', more: false };
  const audit = await lastAuditRow(core.db());
  const statistics: StatisticCount[] = (await statisticRows(core.db())).map((s) => ({ metric: s.metric, period: s.period, count: Number(s.count) }));
  const auditHead = audit ? { seq: audit.seq, hash: audit.hash } : null;
  return {
    mutations: rows.map((r) => ({ mutationId: r.mutation_id, entity: r.entity as SyncedEntity, entityId: r.entity_id, op: r.op, baseVersion: r.base_version })),
    storedPayloads: rows.map((r) => r.payload),
    body: `{"mutations":[${rows.map(mutationJson).join(',')}],"auditHead":${JSON.stringify(auditHead)},"statistics":${JSON.stringify(statistics)}}`,
    more: rows.length < head.length || head.length === PUSH_BATCH,
  };
}

/**
 * Head office's answers for a batch, in one transaction with a fixed number of statements: the
 * answered mutations leave the outbox; an acknowledged upsert gives its row head office's version
 * (only the last answered mutation of a row counts, and only if nothing else is still queued for
 * it); conflicts and rejections are kept with both versions. A mutation without an answer stays
 * queued and is sent again. Returns how many mutations were answered.
 */
function applyResults(core: AppCore, batch: PushBatch, results: MutationResult[], report: SyncReport, keyring: Keyring): { applied: number[]; answered: number; rekey: number } {
  const sqlite = core.sqlite();
  const byId = new Map(results.map((r) => [r.mutationId, r]));
  const answered: string[] = [];
  const lastPerRow = new Map<string, { mutation: QueuedMutation; result: MutationResult }>();
  const conflicts: ConflictRow[] = [];
  const appliedVersions: number[] = [];
  let rekey = 0;
  const at = core.now().toISOString();
  batch.mutations.forEach((mutation, i) => {
    const result = byId.get(mutation.mutationId);
    if (!result) return;
    // Sealed under a key the location no longer seals with: stays queued, sealed again (rotation.ts).
    if (result.status === 'rekey') {
      rekey++;
      return;
    }
    answered.push(mutation.mutationId);
    lastPerRow.set(`${mutation.entity}\u0000${mutation.entityId}`, { mutation, result });
    if (result.status === 'applied' && result.version !== null) appliedVersions.push(result.version);
    if (result.status === 'applied' || result.status === 'duplicate') {
      report.pushed++;
      return;
    }
    if (result.status === 'conflict') report.conflicts++;
    else report.rejected++;
    // Sealed copies are opened here, so the manager can compare both versions side by side on this PC.
    const local = openStored(batch.storedPayloads[i] ?? null, mutation.entity, mutation.entityId, keyring);
    const server = openStored(result.serverPayload ? JSON.stringify(result.serverPayload) : null, mutation.entity, mutation.entityId, keyring);
    conflicts.push({
      id: uuidv7(),
      kind: result.status,
      entity: mutation.entity,
      entity_id: mutation.entityId,
      local_payload: local.json,
      server_payload: server.json,
      server_version: result.version,
      reason: [result.reason, local.refusal, server.refusal].filter(Boolean).join(' ') || null,
      created_at: at,
    });
  });
  const versions = new Map<SyncedEntity, VersionUpdate[]>();
  for (const { mutation, result } of lastPerRow.values()) {
    if (mutation.op !== 'upsert' || result.version === null || (result.status !== 'applied' && result.status !== 'duplicate')) continue;
    const list = versions.get(mutation.entity) ?? [];
    list.push({ entityId: mutation.entityId, version: result.version });
    versions.set(mutation.entity, list);
  }
  acknowledge(sqlite, answered);
  for (const [entity, updates] of versions) setVersions(sqlite, entity, updates);
  rebaseFollowers(sqlite, versions);
  insertConflicts(sqlite, conflicts);
  return { applied: appliedVersions, answered: answered.length, rekey };
}

/**
 * The cursor after a push whose applied mutations took exactly the versions right after it: head
 * office's changes up to there are then this batch's own, which this PC already holds (the answers
 * just gave them their versions; a row queued again meanwhile would be skipped by the pull too),
 * so the pull does not fetch them back. Anything else in between (another PC's change, a
 * duplicate of an earlier push whose answer was lost) leaves the cursor where it is.
 */
function cursorPastOwnBatch(cursor: number, appliedVersions: number[]): number {
  const versions = [...appliedVersions].sort((a, b) => a - b);
  for (let i = 0; i < versions.length; i++) if (versions[i] !== cursor + 1 + i) return cursor;
  return cursor + versions.length;
}

/**
 * Medical data or a meldcode file edited again on this PC before the earlier edit's answer came:
 * the later edit still carries the earlier one's base version. Now that head office gave the
 * earlier edit its version, the later one builds on that version, so it is no conflict with this
 * PC's own edit. (A sealed payload keeps the version it was sealed on: still older than the version
 * head office will give it, which is all that opening it asks.) Another PC's edit in between still
 * makes the earlier edit a conflict; the later one then keeps its old base and is a conflict too.
 */
function rebaseFollowers(sqlite: SqliteDb, versions: Map<SyncedEntity, VersionUpdate[]>): void {
  const answered = [...versions].flatMap(([entity, updates]) => (CONFLICT_CHECKED.has(entity) ? updates.map((u) => ({ entity, ...u })) : []));
  rebaseQueued(sqlite, answered);
}

/** A stored payload (JSON text) with a sealed envelope opened; one that cannot be opened stays as it came, with the reason. */
function openStored(json: string | null, entity: SyncedEntity, entityId: string, keyring: Keyring): { json: string | null; refusal: string | null } {
  if (!json || !SEALED.has(entity)) return { json, refusal: null };
  const payload = JSON.parse(json) as unknown;
  if (!isSealedPayload(payload)) return { json, refusal: null };
  try {
    return { json: openSealed(payload, entity, entityId, keyring), refusal: null };
  } catch (error) {
    return { json, refusal: error instanceof SealError ? error.message : String(error) };
  }
}

/** A retention rule the engine cannot compute with is refused, never half-applied: the rule in force stays. */
function refusedPolicy(change: Change): string | null {
  if (change.entity !== 'retention_policies' || change.deleted || !change.payload) return null;
  try {
    checkPolicyChange({ key: change.payload.key, period_amount: change.payload.period_amount, period_unit: change.payload.period_unit });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** What a pulled page left for later: sealed changes this PC has no key for yet. */
interface PageOutcome {
  applied: number;
  waiting: number;
  firstWaitingVersion: number;
}

/**
 * Writes a pulled page: every change this PC has no own queued change for, one prepared statement
 * per entity reused for all rows. Runs inside the page's transaction.
 *
 * A sealed entity's payload is opened first. One that cannot be opened (tampered, truncated,
 * bound to another row or version, or in clear where it must be sealed) is never applied and never
 * dropped: it is kept aside in sync_conflicts with the reason in Dutch, and the local row stays as it
 * was. One sealed with a key this PC does not have yet is counted as waiting and pulled again
 * once the key arrives (keys.ts installKey).
 */
function applyPage(core: AppCore, config: SyncConfig, changes: Change[], report: SyncReport, keyring: Keyring): PageOutcome {
  const sqlite = core.sqlite();
  deferForeignKeys(sqlite);
  const pending = pendingKeys(sqlite, [...new Set(changes.map((c) => c.entityId))]);
  const outcome: PageOutcome = { applied: 0, waiting: 0, firstWaitingVersion: 0 };
  const kept: ConflictRow[] = [];
  for (const change of changes) {
    if (pending.size > 0 && pending.has(`${change.entity}:${change.entityId}`)) continue;
    const refusal = refusedPolicy(change);
    if (refusal) {
      report.refused.push(refusal);
      continue;
    }
    let payload = change.deleted ? null : change.payload;
    if (payload && SEALED.has(change.entity)) {
      try {
        if (!isSealedPayload(payload)) throw new SealError('malformed', msg('sync.sealed.unsealed'));
        payload = JSON.parse(openSealed(payload, change.entity, change.entityId, keyring, change.version)) as Record<string, unknown>;
      } catch (error) {
        if (error instanceof SealError && error.reason === 'unknownKey') {
          if (outcome.waiting === 0) outcome.firstWaitingVersion = change.version;
          outcome.waiting++;
          continue;
        }
        const reason = error instanceof SealError ? error.message : translate(msg('sync.sealed.malformed'));
        report.refused.push(reason);
        kept.push({
          id: uuidv7(),
          kind: 'rejected',
          entity: change.entity,
          entity_id: change.entityId,
          local_payload: null,
          server_payload: JSON.stringify(change.payload),
          server_version: change.version,
          reason,
          created_at: core.now().toISOString(),
        });
        continue;
      }
    }
    writePulledRow(sqlite, change.entity, change.entityId, config.locationId, change.version, payload);
    outcome.applied++;
  }
  insertConflicts(sqlite, kept);
  return outcome;
}

/**
 * The first PC of a location creates the location's sync key: it proposes a key (kept in its
 * database first) and head office records its id if the location has none. Any other PC learns
 * that the location already has a key and waits for a transfer code. Only asked while this PC has
 * no key at all, so a PC with its key makes no extra round trip.
 */
export async function claimSyncKey(core: AppCore, exclusive: Exclusive, config: SyncConfig, transport: Transport): Promise<void> {
  const candidate = await exclusive(async () => (hasAnyKey(core.sqlite()) || (await readLocationKeyId(core.db())) ? null : core.transaction((trx) => keyCandidate(trx))));
  if (!candidate) return;
  const answer = (await transport(config.serverUrl, { method: 'POST', path: '/v1/sync/key', token: config.token, caCertPem: config.caCertPem, body: { keyId: candidate.keyId } })) as { keyId?: unknown };
  if (answer?.keyId !== candidate.keyId) {
    // Another PC created the location's key: this PC waits for a transfer code and stops asking.
    if (typeof answer?.keyId === 'string') await exclusive(() => core.transaction((trx) => writeLocationKeyId(trx, answer.keyId as string)));
    return;
  }
  await exclusive(() => core.transaction((trx) => installKey(trx, candidate, 'created', core.now())));
}

/** Pulls pages after the saved cursor until the last one; returns the key state the last page carried. */
async function pullAll(core: AppCore, exclusive: Exclusive, config: SyncConfig, transport: Transport, report: SyncReport, keyring: Keyring) {
  // Head office shows per PC how many conflicts wait for the manager (a count, sent with every pull).
  const conflicts = await exclusive(() => countOpenConflicts(core.db()));
  for (;;) {
    const cursor = await exclusive(() => readCursor(core.db()));
    const page = parsePullPage(
      await transport(config.serverUrl, { method: 'GET', path: `/v1/sync/pull?after=${cursor}&limit=${PULL_PAGE}&conflicts=${conflicts}`, token: config.token, caCertPem: config.caCertPem }),
    );
    // The page and the cursor after it commit together, or neither does; the last page also
    // records the round as successful (one commit, not two).
    const save = () =>
      core.transaction(async (trx) => {
        const outcome = applyPage(core, config, page.changes, report, keyring);
        if (outcome.waiting > 0) {
          const waiting = await readSealedWaiting(trx);
          await writeSealedWaiting(trx, { count: waiting.count + outcome.waiting, fromVersion: waiting.count > 0 ? Math.min(waiting.fromVersion, outcome.firstWaitingVersion) : outcome.firstWaitingVersion });
        }
        await writeCursor(trx, page.cursor);
        if (!page.hasMore) {
          const now = core.now().toISOString();
          await writeRunState(trx, { lastAttemptAt: now, lastSuccessAt: now, lastError: null, failures: 0 });
        }
        report.pulled += outcome.applied;
      });
    await exclusive(() => withRelaxedCommit(core.sqlite(), save));
    if (!page.hasMore) return page.key;
  }
}

/**
 * One sync round: push the outbox in order (batches), then pull pages after the saved cursor.
 * The page and the new cursor are saved in one transaction, so a crash never skips or repeats
 * half a page. Throws on a network or server error; the outbox is then left as it was.
 */
export async function syncOnce(core: AppCore, exclusive: Exclusive, transport: Transport = requestJson): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, pulled: 0, conflicts: 0, rejected: 0, refused: [] };
  const config = await exclusive(() => readSyncConfig(core.db()));
  if (!config) return report;
  try {
    await claimSyncKey(core, exclusive, config, transport);
    await escrowSyncKey(core, exclusive, config, transport);
    await withdrawRecoveryWrapIfDue(core, exclusive, config, transport);
    let keyring = await exclusive(async () => loadKeyring(core.sqlite()));
    let followedRotation = false;
    for (;;) {
      const batch = await exclusive(() => readPushBatch(core));
      if (batch.mutations.length === 0) break;
      const response = parsePushAnswer(
        await transport(config.serverUrl, { method: 'POST', path: '/v1/sync/push', token: config.token, caCertPem: config.caCertPem, bodyJson: batch.body }),
      );
      const outcome = await exclusive(() =>
        core.transaction(async (trx) => {
          const outcome = applyResults(core, batch, response.results, report, keyring);
          const cursor = await readCursor(trx);
          const next = cursorPastOwnBatch(cursor, outcome.applied);
          if (next !== cursor) await writeCursor(trx, next);
          return outcome;
        }),
      );
      if (outcome.rekey > 0) {
        // A revoke asked for a new key, or another PC rotated already: follow it (the queued sealed
        // rows are sealed again under the new key) and send them again, once a round.
        if (followedRotation || !response.key) break;
        followedRotation = true;
        await followKeyRotation(core, exclusive, config, transport, response.key);
        keyring = await exclusive(async () => loadKeyring(core.sqlite()));
        continue;
      }
      if (!batch.more || outcome.answered === 0) break;
    }

    const keyState = await pullAll(core, exclusive, config, transport, report, keyring);
    // A revoke at head office asks for a new key; a key another PC rotated to is taken here, and
    // what was waiting for it is pulled again in the same round.
    if (keyState && (await followKeyRotation(core, exclusive, config, transport, keyState))) {
      await pullAll(core, exclusive, config, transport, report, await exclusive(async () => loadKeyring(core.sqlite())));
    }
    // A new key is wrapped to the escrow key at once (no request when the key did not change).
    await escrowSyncKey(core, exclusive, config, transport);
    return report;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await exclusive(async () => {
      if (!core.isOpen) return;
      const state = await readRunState(core.db());
      await core.transaction((trx) => writeRunState(trx, { ...state, lastAttemptAt: core.now().toISOString(), lastError: message, failures: state.failures + 1 }));
    }).catch(() => undefined);
    throw error;
  }
}
