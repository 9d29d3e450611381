import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import { ENROLMENT_CODE_ALPHABET, normaliseEnrolmentCode } from '../../../shared/sync/protocol';
import type { SyncKey } from './keys';

/**
 * Transfer code (overdrachtscode): how a further PC of a location receives the location's sync key
 * without head office learning it. An enrolled PC that has the key makes a one-time code of 16
 * Crockford base32 characters (80 random bits), derives a wrapping key from it with scrypt
 * (N = 2^15, r = 8, p = 1: about 0.1 s and 32 MB per guess) and sends head office only the key
 * wrapped under it (AES-256-GCM; the associated data bind location and key id). The other PC
 * fetches the location's open transfers, derives with the typed code and opens one; a wrong code
 * opens nothing and changes nothing.
 */
const TRANSFER_FORMAT = 'kop-transfer-1';
/**
 * The same wrapping under the herstelsleutel (recovery.ts) binds another format in the associated
 * data, so head office cannot present a herstelsleutel wrap as a transfer or the other way round.
 */
export type WrapPurpose = 'transfer' | 'recovery';
const FORMATS: Record<WrapPurpose, string> = { transfer: TRANSFER_FORMAT, recovery: 'kop-recovery-1' };
const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;

export interface WrappedKey {
  salt: string;
  N: number;
  r: number;
  p: number;
  iv: string;
  data: string;
}

const scrypt = (password: string, salt: Buffer, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) => scryptCallback(password, salt, 32, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))));

const associatedData = (purpose: WrapPurpose, locationId: string, keyId: string) => Buffer.from(JSON.stringify([FORMATS[purpose], locationId, keyId]), 'utf8');

/** A new transfer code, in groups of 4 for reading aloud. */
export function newTransferCode(): string {
  const chars = [...randomBytes(16)].map((b) => ENROLMENT_CODE_ALPHABET[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** Typing forgives case, spaces, dashes, O for 0 and I/L for 1 (as the koppelcode does). */
const normaliseTransferCode = normaliseEnrolmentCode;

export async function wrapKey(code: string, locationId: string, key: SyncKey, purpose: WrapPurpose = 'transfer'): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const wrapping = await scrypt(normaliseTransferCode(code), salt, SCRYPT);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrapping, iv);
  cipher.setAAD(associatedData(purpose, locationId, key.keyId));
  const data = Buffer.concat([cipher.update(key.key), cipher.final(), cipher.getAuthTag()]);
  return { salt: salt.toString('base64'), ...SCRYPT, iv: iv.toString('base64'), data: data.toString('base64') };
}

/** The key inside a wrapped transfer, or null when the code does not open it. */
export async function unwrapKey(code: string, locationId: string, keyId: string, wrapped: WrappedKey, purpose: WrapPurpose = 'transfer'): Promise<Buffer | null> {
  // Parameters come from head office: only ours are accepted (no costly derivation forced on this PC).
  if (wrapped.N !== SCRYPT.N || wrapped.r !== SCRYPT.r || wrapped.p !== SCRYPT.p) return null;
  const wrapping = await scrypt(normaliseTransferCode(code), Buffer.from(wrapped.salt, 'base64'), { N: wrapped.N, r: wrapped.r, p: wrapped.p });
  const data = Buffer.from(wrapped.data, 'base64');
  if (data.length !== 32 + 16) return null;
  const decipher = createDecipheriv('aes-256-gcm', wrapping, Buffer.from(wrapped.iv, 'base64'));
  decipher.setAAD(associatedData(purpose, locationId, keyId));
  decipher.setAuthTag(data.subarray(32));
  try {
    return Buffer.concat([decipher.update(data.subarray(0, 32)), decipher.final()]);
  } catch {
    return null;
  }
}
