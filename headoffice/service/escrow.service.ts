import { createDecipheriv, createHash, createPrivateKey, createPublicKey, constants, privateDecrypt } from 'node:crypto';
import { z } from 'zod';
import { appendAudit } from '../console/audit';
import type { HoDb } from '../db/schema';
import type { Device } from './sync.service';

/**
 * Escrow for the organisation (issue 15): IT configures an organisation RSA public key; every PC
 * that holds a location's sync key wraps it to that key (RSA-OAEP, SHA-256) and sends head office
 * only the wrapped key. The private key stays offline with the privacy officer; `open-sealed` in
 * the head-office CLI uses it to open one sealed record for a legal need, and writes that into the
 * hash-chained audit log (console_audit, checked by `console-audit-check`).
 */
export const EscrowUpload = z.object({ keyId: z.string().min(1).max(64), fingerprint: z.string().regex(/^[0-9a-f]{64}$/), wrapped: z.string().max(2048) });

const fingerprintOf = (pem: string) => createHash('sha256').update(createPublicKey(pem).export({ type: 'spki', format: 'der' })).digest('hex');

/** The organisation's escrow public key (PEM, RSA of at least 3072 bits). */
export async function setEscrowKey(db: HoDb, publicKeyPem: string, now: Date): Promise<string> {
  const key = createPublicKey(publicKeyPem);
  if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 3072) throw new Error('de escrowsleutel moet een openbare RSA-sleutel van minstens 3072 bits zijn');
  const pem = key.export({ type: 'spki', format: 'pem' }).toString();
  const fingerprint = fingerprintOf(pem);
  await db.insertInto('escrow_keys').values({ fingerprint, public_key_pem: pem, created_at: now.toISOString() }).onConflict((oc) => oc.column('fingerprint').doNothing()).execute();
  return fingerprint;
}

/** The escrow key the PCs wrap to now: the newest IT set (undefined while none is). */
export const newestEscrowKey = (db: HoDb) => db.selectFrom('escrow_keys').select(['fingerprint', 'public_key_pem', 'created_at']).orderBy('created_at', 'desc').orderBy('fingerprint').executeTakeFirst();

/** The newest escrow public key, for the PCs. */
export async function currentEscrowKey(db: HoDb): Promise<{ fingerprint: string | null; publicKeyPem: string | null }> {
  const row = await newestEscrowKey(db);
  return { fingerprint: row?.fingerprint ?? null, publicKeyPem: row?.public_key_pem ?? null };
}

export async function storeEscrow(db: HoDb, device: Device, upload: z.infer<typeof EscrowUpload>, now: Date): Promise<void> {
  await db
    .insertInto('key_escrow')
    .values({ location_id: device.location_id, key_id: upload.keyId, fingerprint: upload.fingerprint, wrapped: upload.wrapped, created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['location_id', 'key_id', 'fingerprint']).doNothing())
    .execute();
}

interface Envelope {
  format: string;
  keyId: string;
  version: number;
  iv: string;
  data: string;
}

/** Opens an envelope of electron/backend/sync/seal.ts (same format and associated data). */
function openEnvelope(key: Buffer, envelope: Envelope, entity: string, entityId: string): string {
  const data = Buffer.from(envelope.data, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64'));
  decipher.setAAD(Buffer.from(JSON.stringify([envelope.format, envelope.keyId, entity, entityId, envelope.version]), 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
}

/**
 * Opens one sealed record with the organisation's private key (PEM file contents) and records the
 * opening, with the reason, in the hash-chained audit log — never the content. Throws in Dutch.
 */
export async function openSealedRecord(db: HoDb, input: { entity: string; entityId: string; privateKeyPem: string; reason: string }, now: Date): Promise<Record<string, unknown>> {
  if (input.reason.trim().length < 5) throw new Error('geef de reden (de wettelijke grond) op met --reason');
  const record = await db.selectFrom('records').select(['location_id', 'payload', 'version']).where('entity', '=', input.entity).where('entity_id', '=', input.entityId).executeTakeFirst();
  if (!record?.payload) throw new Error('dit record bestaat niet of is gewist');
  const envelope = (JSON.parse(record.payload) as { $sealed?: Envelope }).$sealed;
  if (!envelope) throw new Error('dit record is niet verzegeld');
  const privateKey = createPrivateKey(input.privateKeyPem);
  const fingerprint = createHash('sha256').update(createPublicKey(privateKey).export({ type: 'spki', format: 'der' })).digest('hex');
  const escrow = await db.selectFrom('key_escrow').select('wrapped').where('location_id', '=', record.location_id).where('key_id', '=', envelope.keyId).where('fingerprint', '=', fingerprint).executeTakeFirst();
  if (!escrow) throw new Error('voor de sleutel van dit record is geen escrow met deze privésleutel');
  const key = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(escrow.wrapped, 'base64'));
  let text: string;
  try {
    text = openEnvelope(key, envelope, input.entity, input.entityId);
  } catch {
    throw new Error('de versleutelde gegevens zijn gewijzigd of beschadigd');
  }
  await db.transaction().execute((trx) =>
    appendAudit(trx, { userId: null, action: 'escrow.openSealed', detail: { locationId: record.location_id, entity: input.entity, entityId: input.entityId, version: Number(record.version), keyId: envelope.keyId, fingerprint, reason: input.reason } }, now),
  );
  return JSON.parse(text) as Record<string, unknown>;
}
