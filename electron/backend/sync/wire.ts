import { PullResponse, PushResponse, SYNCED_ENTITIES, type Change, type MutationResult } from '../../../shared/sync/protocol';

/**
 * Head office's answers, checked against the protocol without copying them. The schemas in the
 * protocol stay the judge: an answer that fails the quick check here is handed to the schema,
 * which gives the same result (or the same error) as always. Only the well-formed answers — all of
 * them in practice — skip the schema's object-by-object copy, which for a page of thousands of
 * rows cost as much as writing them.
 */
type PullPage = ReturnType<typeof PullResponse.parse>;
type PushAnswer = ReturnType<typeof PushResponse.parse>;

const ENTITIES: ReadonlySet<string> = new Set(SYNCED_ENTITIES);
const STATUSES: ReadonlySet<string> = new Set(['applied', 'duplicate', 'conflict', 'rejected']);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInt = (value: unknown): value is number => Number.isSafeInteger(value);

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

export function parsePullPage(raw: unknown): PullPage {
  if (isObject(raw) && isInt(raw.cursor) && typeof raw.hasMore === 'boolean' && Array.isArray(raw.changes) && raw.changes.every(isChange)) {
    const key = raw.key;
    if (key === undefined) return { changes: raw.changes, cursor: raw.cursor, hasMore: raw.hasMore };
    if (isObject(key) && (key.keyId === null || typeof key.keyId === 'string') && typeof key.rotate === 'boolean') return { changes: raw.changes, cursor: raw.cursor, hasMore: raw.hasMore, key: { keyId: key.keyId, rotate: key.rotate } };
  }
  return PullResponse.parse(raw);
}

export function parsePushAnswer(raw: unknown): PushAnswer {
  if (isObject(raw) && Array.isArray(raw.results) && raw.results.every(isResult)) return { results: raw.results };
  return PushResponse.parse(raw);
}
