import type { AppCore } from '../core';
import { readSetting, writeSetting } from '../modules/settings/settings.repository';
import { currentKey, installKey } from './keys';
import type { SyncConfig } from './sync.state';
import type { Exclusive, Transport } from './sync.engine';
import { unwrapKey, wrapKey, type WrappedKey } from './transfer';

/**
 * Herstelsleutel route (issue 15): a further PC of the location receives the sync key with the
 * herstelsleutel of a PC that has it. On that PC the manager types its herstelsleutel once; the PC
 * checks it against its own recovery slot and leaves head office the key wrapped like a transfer
 * (transfer.ts: scrypt N = 2^15 with a per-wrap salt, AES-256-GCM), with its own format in the
 * associated data. One wrap per PC, kept until that PC makes a new herstelsleutel or is revoked.
 *
 * Offline guessing: a herstelsleutel has 160 random bits, so whoever holds head office's tables
 * would need about 2^159 scrypt derivations (0.1 s and 32 MB each) on average: out of reach. The
 * slow KDF and the growing delay on the PC (sync.service) guard against a typing PC being used to
 * try many.
 *
 * Rotation: the wrap is not renewed. It holds the key of the moment it was made; head office keeps
 * every rotation of the location wrapped under the key before it (rotation.ts), and a PC that
 * receives an older key follows that chain at once to the current key. Renewing would need the
 * herstelsleutel again (it is not stored), and gives no PC anything the chain does not: only
 * enrolled, unrevoked devices can fetch either.
 */
const STATE = 'sync.recoveryWrap';

/** This PC's wrap at head office: when it was made, or that the old one must still be withdrawn (new herstelsleutel, offline at the time). */
type RecoveryWrapState = { at: string; withdraw?: never } | { withdraw: true; at?: never };

export async function readRecoveryWrapAt(core: AppCore): Promise<string | null> {
  return (await readSetting<RecoveryWrapState>(core.db(), STATE))?.at ?? null;
}

/** Wraps this PC's current key under its herstelsleutel (already checked) and leaves it at head office. */
export async function offerRecoveryWrap(core: AppCore, config: SyncConfig, transport: Transport, recoveryKey: string): Promise<void> {
  const key = await currentKey(core.db());
  if (!key) throw new Error('no sync key');
  const wrapped = await wrapKey(recoveryKey, config.locationId, key, 'recovery');
  await transport(config.serverUrl, { method: 'POST', path: '/v1/sync/recovery-wraps', token: config.token, caCertPem: config.caCertPem, body: { keyId: key.keyId, wrapped } });
  await core.transaction((trx) => writeSetting(trx, STATE, { at: core.now().toISOString() } satisfies RecoveryWrapState));
}

/**
 * After a new herstelsleutel (security.rotateRecoveryKey): the wrap under the old one must go. Marked
 * in the method's transaction; the sync round it triggers withdraws it at head office (and the next
 * rounds retry while offline).
 */
export async function markRecoveryWrapForWithdrawal(core: AppCore): Promise<void> {
  if (!(await readSetting<RecoveryWrapState>(core.db(), STATE))) return;
  await core.transaction((trx) => writeSetting(trx, STATE, { withdraw: true } satisfies RecoveryWrapState));
}

export async function withdrawRecoveryWrapIfDue(core: AppCore, exclusive: Exclusive, config: SyncConfig, transport: Transport): Promise<void> {
  const state = await exclusive(() => readSetting<RecoveryWrapState>(core.db(), STATE));
  if (!state?.withdraw) return;
  await transport(config.serverUrl, { method: 'POST', path: '/v1/sync/recovery-wraps/withdraw', token: config.token, caCertPem: config.caCertPem, body: {} });
  await exclusive(() => core.transaction((trx) => trx.deleteFrom('settings').where('key', '=', STATE).where('value', '=', JSON.stringify(state)).execute()));
}

/**
 * Tries a typed herstelsleutel on the location's wraps. Installs the key it opens and returns the
 * location's current key id (the PC then follows the rotations to it); null when it opens none.
 */
export async function receiveWithRecoveryKey(core: AppCore, config: SyncConfig, transport: Transport, recoveryKey: string): Promise<{ locationKeyId: string | null } | null> {
  const answer = (await transport(config.serverUrl, { method: 'GET', path: '/v1/sync/recovery-wraps', token: config.token, caCertPem: config.caCertPem })) as { keyId: string | null; wraps: { keyId: string; wrapped: WrappedKey }[] };
  for (const wrap of Array.isArray(answer?.wraps) ? answer.wraps : []) {
    const key = await unwrapKey(recoveryKey, config.locationId, wrap.keyId, wrap.wrapped, 'recovery').catch(() => null);
    if (!key) continue;
    await core.transaction((trx) => installKey(trx, { keyId: wrap.keyId, key }, 'recovery', core.now()));
    return { locationKeyId: typeof answer.keyId === 'string' ? answer.keyId : null };
  }
  return null;
}
