import { MAX_PUSH_MUTATIONS, MAX_PUSH_STATISTICS, MUTATION_STATUSES, PullResponse, PushRequest, PushResponse, SYNCED_ENTITIES, type Change, type KeyState, type Mutation, type MutationResult, type StatisticCount } from './protocol';

/**
 * The sync messages, checked against the protocol without copying them: head office's answers on
 * the PC, and a push on head office. The schemas in the protocol stay the judge: a message that
 * fails the quick check here is handed to the schema, which gives the same result (or the same
 * error) as always. Only the well-formed messages — all of them in practice — skip the schema's
 * object-by-object copy, which for thousands of rows cost as much as writing them. Each quick check
 * is at least as strict as its schema; it keeps keys the schema would strip, which no reader uses.
 */
type PullPage = ReturnType<typeof PullResponse.parse>;
type PushAnswer = ReturnType<typeof PushResponse.parse>;
type PushBody = ReturnType<typeof PushRequest.parse>;
type SafeResult<T> = { success: true; data: T } | { success: false };

const ENTITIES: ReadonlySet<string> = new Set(SYNCED_ENTITIES);
const STATUSES: ReadonlySet<string> = new Set(MUTATION_STATUSES);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInt = (value: unknown): value is number => Number.isSafeInteger(value);
const isText = (value: unknown, min: number, max: number): value is string => typeof value === 'string' && value.length >= min && value.length <= max;

function isChange(value: unknown): value is Change {
  return (
    isObject(value) &&
    typeof value.entity === 'string' &&
    ENTITIES.has(value.entity) &&
    typeof value.entityId === 'string' &&
    isInt(value.version) &&
    typeof value.deleted === 'boolean' &&
    (value.payload === null || isObject(value.payload))
  );
}

function isResult(value: unknown): value is MutationResult {
  return (
    isObject(value) &&
    typeof value.mutationId === 'string' &&
    typeof value.status === 'string' &&
    STATUSES.has(value.status) &&
    (value.version === null || isInt(value.version)) &&
    (value.serverPayload === undefined || value.serverPayload === null || isObject(value.serverPayload)) &&
    (value.reason === undefined || typeof value.reason === 'string')
  );
}

function isMutation(value: unknown): value is Mutation {
  return (
    isObject(value) &&
    isText(value.mutationId, 1, 64) &&
    typeof value.entity === 'string' &&
    ENTITIES.has(value.entity) &&
    isText(value.entityId, 1, 64) &&
    (value.op === 'upsert' || value.op === 'delete') &&
    (value.payload === null || isObject(value.payload)) &&
    (value.baseVersion === null || isInt(value.baseVersion))
  );
}

const isStatistic = (value: unknown): value is StatisticCount => isObject(value) && isText(value.metric, 1, 80) && isText(value.period, 1, 20) && isInt(value.count) && value.count >= 0;
const isAuditHead = (value: unknown) => value === null || (isObject(value) && isInt(value.seq) && value.seq >= 0 && typeof value.hash === 'string' && /^[0-9a-f]{64}$/.test(value.hash));

/** A device's push as head office receives it (the route answers 400 when it fails). */
export function safeParsePushRequest(raw: unknown): SafeResult<PushBody> {
  if (
    isObject(raw) &&
    Array.isArray(raw.mutations) &&
    raw.mutations.length <= MAX_PUSH_MUTATIONS &&
    raw.mutations.every(isMutation) &&
    isAuditHead(raw.auditHead) &&
    (raw.statistics === undefined || (Array.isArray(raw.statistics) && raw.statistics.length <= MAX_PUSH_STATISTICS && raw.statistics.every(isStatistic)))
  ) {
    const auditHead = raw.auditHead as PushBody['auditHead'];
    return { success: true, data: raw.statistics === undefined ? { mutations: raw.mutations, auditHead } : { mutations: raw.mutations, auditHead, statistics: raw.statistics as StatisticCount[] } };
  }
  const parsed = PushRequest.safeParse(raw);
  return parsed.success ? { success: true, data: parsed.data } : { success: false };
}

const isKeyState = (key: unknown): key is KeyState => isObject(key) && (key.keyId === null || typeof key.keyId === 'string') && typeof key.rotate === 'boolean';

export function parsePullPage(raw: unknown): PullPage {
  if (isObject(raw) && isInt(raw.cursor) && typeof raw.hasMore === 'boolean' && Array.isArray(raw.changes) && raw.changes.every(isChange)) {
    const key = raw.key;
    if (key === undefined) return { changes: raw.changes, cursor: raw.cursor, hasMore: raw.hasMore };
    if (isKeyState(key)) return { changes: raw.changes, cursor: raw.cursor, hasMore: raw.hasMore, key: { keyId: key.keyId, rotate: key.rotate } };
  }
  return PullResponse.parse(raw);
}

export function parsePushAnswer(raw: unknown): PushAnswer {
  if (isObject(raw) && Array.isArray(raw.results) && raw.results.every(isResult)) {
    if (raw.key === undefined) return { results: raw.results };
    if (isKeyState(raw.key)) return { results: raw.results, key: { keyId: raw.key.keyId, rotate: raw.key.rotate } };
  }
  return PushResponse.parse(raw);
}
