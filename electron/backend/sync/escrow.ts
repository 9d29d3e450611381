import { constants, createHash, createPublicKey, publicEncrypt } from 'node:crypto';
import type { AppCore } from '../core';
import type { DbOrTrx, Trx } from '../db/schema';
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
 * Pinning: the public key comes from head office, and a PC that wrapped to whatever head office
 * offers would give the key to whoever broke into head office and swapped it. So the PC remembers
 * the fingerprint of the first escrow key it wraps to (trust on first use: at enrolment, right after
 * IT set the location up) and wraps to no other key until the manager confirms the new fingerprint
 * shown on the PC (`sync.confirmEscrowKey`), after comparing it with what the privacy officer reads
 * from the CLI (`escrow-key`). Giving the fingerprint with the koppelcode instead would make the
 * manager type 64 characters at every enrolment, for the same first-contact trust.
 */
const STATE = 'sync.escrow';
const PIN = 'sync.escrowPin';
const RECHECK_MS = 24 * 60 * 60 * 1000;

interface EscrowState {
  keyId: string;
  fingerprint: string | null;
  checkedAt: string;
}

/**
 * The fingerprint this PC wraps to (with its public key, so a new sync key is still wrapped to it
 * while another offer waits), and a different one head office offers that waits for the manager.
 */
interface EscrowPin {
  fingerprint: string;
  publicKeyPem?: string;
  offered: string | null;
}

/** A change of the organisation's escrow key waiting for the manager's confirmation, or null. */
export async function readEscrowKeyChange(db: DbOrTrx): Promise<{ pinned: string; offered: string } | null> {
  const pin = await readSetting<EscrowPin>(db, PIN);
  return pin?.offered ? { pinned: pin.fingerprint, offered: pin.offered } : null;
}

/**
 * The manager confirms the new fingerprint shown (it must still be the one offered): it becomes the
 * pin, and the next round wraps the key to it. Returns false when the offer changed meanwhile.
 */
export async function confirmEscrowKey(trx: Trx, fingerprint: string): Promise<boolean> {
  const pin = await readSetting<EscrowPin>(trx, PIN);
  if (!pin?.offered || pin.offered !== fingerprint) return false;
  await writeSetting(trx, PIN, { fingerprint, offered: null } satisfies EscrowPin);
  await trx.deleteFrom('settings').where('key', '=', STATE).execute();
  return true;
}

export async function escrowSyncKey(core: AppCore, exclusive: Exclusive, config: SyncConfig, transport: Transport): Promise<void> {
  const due = await exclusive(async () => {
    const key = await currentKey(core.db());
    if (!key) return null;
    const state = await readSetting<EscrowState>(core.db(), STATE);
    if (state && state.keyId === key.keyId && core.now().getTime() - Date.parse(state.checkedAt) < RECHECK_MS) return null;
    // A PC that wrapped before pinning existed pins what it wrapped to.
    const pin = (await readSetting<EscrowPin>(core.db(), PIN)) ?? (state?.fingerprint ? { fingerprint: state.fingerprint, offered: null } : null);
    return { key, state, pin };
  });
  if (!due) return;
  const answer = (await transport(config.serverUrl, { method: 'GET', path: '/v1/sync/escrow-key', token: config.token, caCertPem: config.caCertPem })) as { fingerprint?: unknown; publicKeyPem?: unknown };
  let wrappedTo = due.state?.keyId === due.key.keyId ? due.state.fingerprint : null;
  let pin = due.pin;
  if (typeof answer?.publicKeyPem === 'string' && typeof answer.fingerprint === 'string') {
    const publicKey = createPublicKey(answer.publicKeyPem);
    const actual = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
    if (actual !== answer.fingerprint || publicKey.asymmetricKeyType !== 'rsa' || (publicKey.asymmetricKeyDetails?.modulusLength ?? 0) < 3072) return;
    const offeredPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    pin = pin ?? { fingerprint: actual, offered: null };
    // Not this PC's pinned key: nothing is wrapped to it until the manager confirms it; a new sync
    // key is meanwhile wrapped to the pinned key (when this PC has it), so escrow goes on.
    pin = actual === pin.fingerprint ? { fingerprint: actual, publicKeyPem: offeredPem, offered: null } : { ...pin, offered: actual };
    if (pin.publicKeyPem && wrappedTo !== pin.fingerprint) {
      const wrapped = publicEncrypt({ key: createPublicKey(pin.publicKeyPem), padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, due.key.key).toString('base64');
      await transport(config.serverUrl, { method: 'POST', path: '/v1/sync/escrow', token: config.token, caCertPem: config.caCertPem, body: { keyId: due.key.keyId, fingerprint: pin.fingerprint, wrapped } });
      wrappedTo = pin.fingerprint;
    }
  }
  const settled = pin;
  await exclusive(() =>
    core.transaction(async (trx) => {
      await writeSetting(trx, STATE, { keyId: due.key.keyId, fingerprint: wrappedTo, checkedAt: core.now().toISOString() } satisfies EscrowState);
      if (settled) await writeSetting(trx, PIN, settled satisfies EscrowPin);
    }),
  );
}
