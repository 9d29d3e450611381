import { constants, createHash, createPublicKey, publicEncrypt } from 'node:crypto';
import type { AppCore } from '../core';
import { readSetting, writeSetting } from '../modules/settings/settings.repository';
import { currentKey } from './keys';
import type { SyncConfig } from './sync.state';
import type { Exclusive, Transport } from './sync.engine';

/**
 * Escrow (issue 15): the location's sync key is also wrapped (RSA-OAEP, SHA-256) to the
 * organisation's escrow public key that IT configured at head office; the private key stays offline
 * with the privacy officer (head-office CLI `open-sealed`). Checked once a day, and at once for a new
 * key, so a round normally makes no extra request.
 *
 * Trust: the public key comes from head office. A PC that wraps to whatever head office offers gives
 * a head office that was broken into at that moment the key; pinning the organisation's fingerprint on
 * the PC (like the CA pin) is the next step, see README.
 */
const STATE = 'sync.escrow';
const RECHECK_MS = 24 * 60 * 60 * 1000;

interface EscrowState {
  keyId: string;
  fingerprint: string | null;
  checkedAt: string;
}

export async function escrowSyncKey(core: AppCore, exclusive: Exclusive, config: SyncConfig, transport: Transport): Promise<void> {
  const due = await exclusive(async () => {
    const key = await currentKey(core.db());
    if (!key) return null;
    const state = await readSetting<EscrowState>(core.db(), STATE);
    if (state && state.keyId === key.keyId && core.now().getTime() - Date.parse(state.checkedAt) < RECHECK_MS) return null;
    return { key, state };
  });
  if (!due) return;
  const answer = (await transport(config.serverUrl, { method: 'GET', path: '/v1/sync/escrow-key', token: config.token, caCertPem: config.caCertPem })) as { fingerprint?: unknown; publicKeyPem?: unknown };
  let fingerprint: string | null = null;
  if (typeof answer?.publicKeyPem === 'string' && typeof answer.fingerprint === 'string') {
    const publicKey = createPublicKey(answer.publicKeyPem);
    const actual = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
    if (actual !== answer.fingerprint || publicKey.asymmetricKeyType !== 'rsa' || (publicKey.asymmetricKeyDetails?.modulusLength ?? 0) < 3072) return;
    fingerprint = actual;
    if (!(due.state?.keyId === due.key.keyId && due.state.fingerprint === fingerprint)) {
      const wrapped = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, due.key.key).toString('base64');
      await transport(config.serverUrl, { method: 'POST', path: '/v1/sync/escrow', token: config.token, caCertPem: config.caCertPem, body: { keyId: due.key.keyId, fingerprint, wrapped } });
    }
  }
  await exclusive(() => core.transaction((trx) => writeSetting(trx, STATE, { keyId: due.key.keyId, fingerprint, checkedAt: core.now().toISOString() } satisfies EscrowState)));
}
