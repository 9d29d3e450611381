import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { msg, translate, type MessageRef } from '../../../shared/i18n/translate';

/**
 * Sealed special categories (issue 15): medical data and meldcode files leave the PC only as
 * AES-256-GCM ciphertext under the location's sync key. Head office stores, orders, versions and
 * conflict-checks the envelope without being able to read it.
 *
 * The envelope travels as the mutation's payload: `{ "$sealed": { format, keyId, version, iv, data } }`
 * (`data` = ciphertext followed by the 16-byte GCM tag, base64).
 *
 * Associated data: format, key id, entity, id and `version`. Which version? At outbox time the PC
 * knows only the version the row has then (head office's version it last saw, 0 for a new row:
 * the mutation's base version); head office's new version is assigned later, when the mutation is
 * applied, so no PC can bind it. At pull time the PC knows head office's version of the change and
 * reads the sealed version from the envelope, which the tag authenticates. So the version bound is
 * the row's version when it was sealed, and `openSealed` also requires it to be below the change's
 * version: head office cannot move a ciphertext to another entity, another row or present it as
 * written before the version it was written on, and any flipped or missing byte fails the tag.
 */
export const SEAL_FORMAT = 'kop-seal-1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export interface SealedEnvelope {
  format: string;
  keyId: string;
  /** The row's version when it was sealed (0 for a new row). */
  version: number;
  iv: string;
  data: string;
}

/** Why a sealed payload could not be opened. `unknownKey` is not damage: the key is still to come. */
export class SealError extends Error {
  constructor(
    readonly reason: 'malformed' | 'unknownKey' | 'tampered',
    readonly ref: MessageRef,
  ) {
    super(translate(ref));
    this.name = 'SealError';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when a payload is a sealed envelope (what a sealed entity must always be on the wire). */
export function isSealedPayload(payload: unknown): payload is { $sealed: unknown } {
  return isObject(payload) && '$sealed' in payload;
}

const associatedData = (format: string, keyId: string, entity: string, entityId: string, version: number) => Buffer.from(JSON.stringify([format, keyId, entity, entityId, version]), 'utf8');

export function newSyncKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function seal(key: Buffer, keyId: string, entity: string, entityId: string, version: number, plaintext: string): { $sealed: SealedEnvelope } {
  if (key.length !== KEY_BYTES) throw new Error('sync key must be 32 bytes');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(SEAL_FORMAT, keyId, entity, entityId, version));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { $sealed: { format: SEAL_FORMAT, keyId, version, iv: iv.toString('base64'), data: data.toString('base64') } };
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The envelope of a sealed payload, checked for shape only (the tag is checked by openSealed). */
export function envelopeOf(payload: unknown): SealedEnvelope {
  const e = isObject(payload) ? payload.$sealed : undefined;
  if (
    !isObject(e) ||
    e.format !== SEAL_FORMAT ||
    typeof e.keyId !== 'string' ||
    !Number.isSafeInteger(e.version) ||
    typeof e.iv !== 'string' ||
    typeof e.data !== 'string' ||
    !B64.test(e.iv) ||
    !B64.test(e.data)
  ) {
    throw new SealError('malformed', msg('sync.sealed.malformed'));
  }
  return e as unknown as SealedEnvelope;
}

/**
 * Opens a sealed payload for (entity, id). `keyFor` gives the key for a key id (or null when this PC
 * does not have it). `atVersion`, when given, is head office's version of the change: the sealed
 * version must be older. Throws SealError; never returns unauthenticated bytes.
 */
export function openSealed(payload: unknown, entity: string, entityId: string, keyFor: (keyId: string) => Buffer | null, atVersion?: number): string {
  const envelope = envelopeOf(payload);
  const key = keyFor(envelope.keyId);
  if (!key) throw new SealError('unknownKey', msg('sync.sealed.unknownKey'));
  const iv = Buffer.from(envelope.iv, 'base64');
  const data = Buffer.from(envelope.data, 'base64');
  if (iv.length !== IV_BYTES || data.length < TAG_BYTES) throw new SealError('tampered', msg('sync.sealed.truncated'));
  if (atVersion !== undefined && !(envelope.version < atVersion)) throw new SealError('tampered', msg('sync.sealed.wrongVersion'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(associatedData(envelope.format, envelope.keyId, entity, entityId, envelope.version));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealError('tampered', msg('sync.sealed.tampered'));
  }
}
