import { describe, expect, it } from 'vitest';
import { MAX_PUSH_MUTATIONS, PushRequest, PushResponse } from '../../shared/sync/protocol';
import { parsePushAnswer, safeParsePushRequest } from '../../shared/sync/wire';

/** The quick check of a push at head office gives the schema's verdict, and the schema's data for a good push. */
const mutation = (i: number, extra: Record<string, unknown> = {}) => ({
  mutationId: `m-${i}`,
  entity: 'households',
  entityId: `h-${i}`,
  op: 'upsert',
  payload: { id: `h-${i}`, street: 'Sportlaan', city: 'Vianen' },
  baseVersion: null,
  ...extra,
});
const good = { mutations: [mutation(1), mutation(2, { op: 'delete', payload: null, baseVersion: 7 })], auditHead: { seq: 3, hash: 'a'.repeat(64) }, statistics: [{ metric: 'destroyed.households', period: '2026', count: 2 }] };

const CASES: [string, unknown][] = [
  ['a good push', good],
  ['a good push without statistics or audit head', { mutations: [mutation(1)], auditHead: null }],
  ['an empty push', { mutations: [], auditHead: null }],
  ['the largest push', { mutations: Array.from({ length: MAX_PUSH_MUTATIONS }, (_, i) => mutation(i)), auditHead: null }],
  ['one mutation too many', { mutations: Array.from({ length: MAX_PUSH_MUTATIONS + 1 }, (_, i) => mutation(i)), auditHead: null }],
  ['no audit head at all', { mutations: [mutation(1)] }],
  ['an entity that is not synced', { ...good, mutations: [mutation(1, { entity: 'users' })] }],
  ['an empty mutation id', { ...good, mutations: [mutation(1, { mutationId: '' })] }],
  ['a mutation id of 65 characters', { ...good, mutations: [mutation(1, { mutationId: 'x'.repeat(65) })] }],
  ['an unknown operation', { ...good, mutations: [mutation(1, { op: 'erase' })] }],
  ['a payload that is a list', { ...good, mutations: [mutation(1, { payload: [1, 2] })] }],
  ['a payload left out', { ...good, mutations: [{ ...mutation(1), payload: undefined }] }],
  ['a base version with a fraction', { ...good, mutations: [mutation(1, { baseVersion: 1.5 })] }],
  ['a base version as text', { ...good, mutations: [mutation(1, { baseVersion: '3' })] }],
  ['an audit hash in capitals', { ...good, auditHead: { seq: 3, hash: 'A'.repeat(64) } }],
  ['a negative audit sequence', { ...good, auditHead: { seq: -1, hash: 'a'.repeat(64) } }],
  ['a negative count', { ...good, statistics: [{ metric: 'm', period: '2026', count: -1 }] }],
  ['an empty metric', { ...good, statistics: [{ metric: '', period: '2026', count: 1 }] }],
  ['not an object', [good]],
  ['nothing', null],
];

describe('safeParsePushRequest', () => {
  for (const [name, body] of CASES) {
    it(`${name}: as the schema judges it`, () => {
      const schema = PushRequest.safeParse(body);
      const quick = safeParsePushRequest(body);
      expect(quick.success).toBe(schema.success);
      if (quick.success && schema.success) expect(quick.data).toEqual(schema.data);
    });
  }
});

/** Head office's answer to a push, as the PC reads it: the quick check gives the schema's verdict. */
const answer = (status: string, extra: Record<string, unknown> = {}) => ({ results: [{ mutationId: 'm-1', status, version: null, ...extra }] });
const ANSWERS: [string, unknown][] = [
  ['applied', answer('applied', { version: 4 })],
  ['a conflict with the record as it is', answer('conflict', { version: 4, serverPayload: { allergies: 'Pinda' } })],
  ['sent back for a new key, with the key to follow', { ...answer('rekey'), key: { keyId: 'k-2', rotate: false } }],
  ['sent back while a rotation is due', { ...answer('rekey'), key: { keyId: 'k-1', rotate: true } }],
  ['a key state without rotate', { ...answer('rekey'), key: { keyId: 'k-2' } }],
  ['an unknown status', answer('ignored')],
];

describe('parsePushAnswer', () => {
  for (const [name, body] of ANSWERS) {
    it(`${name}: as the schema judges it`, () => {
      const schema = PushResponse.safeParse(body);
      let quick: unknown;
      try {
        quick = parsePushAnswer(body);
      } catch {
        quick = undefined;
      }
      expect(quick !== undefined).toBe(schema.success);
      if (schema.success) expect(quick).toEqual(schema.data);
    });
  }
});
