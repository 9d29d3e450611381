import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { toCsv } from '../disclosures/csv';
import { registerDisclosure } from '../disclosures/disclosures.service';
import { currentLocationId } from '../location/location.service';
import { restrictedIds } from '../requests/restrictions';
import { insertOptOut, optedOutEmails, optOutRows, parentEmails } from './marketing.repository';

/** Normalised as the ad platforms require before hashing: trimmed, lower case. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();
export const hashEmail = (email: string) => createHash('sha256').update(normaliseEmail(email)).digest('hex');

export async function listOptOuts(db: DbOrTrx) {
  return (await optOutRows(db)).map((r) => ({ id: r.id, email: r.email, requestedOn: r.requested_on, how: r.how, recordedByName: r.recorded_by_name }));
}

/** Puts an address on the opt-out list inside `trx` (also part of handling an AVG-verzoek: bezwaar, erasure); returns its id. */
export async function recordOptOut(trx: Trx, core: AppCore, session: Session, input: { email: string; requestedOn: string; how: string }): Promise<string> {
  const id = uuidv7();
  await insertOptOut(trx, { id, location_id: await currentLocationId(trx), email: normaliseEmail(input.email), requested_on: input.requestedOn, how: input.how, recorded_at: core.now().toISOString(), recorded_by_name: session.name, version: null });
  await queueUpsert(trx, 'marketing_opt_outs', id, core.now());
  return id;
}

export async function addOptOut(core: AppCore, session: Session, input: { email: string | null; requestedOn: string; how: string }) {
  const id = await core.transaction((trx) => recordOptOut(trx, core, session, { ...input, email: input.email! }));
  return (await listOptOuts(core.db())).find((o) => o.id === id)!;
}

/**
 * Pseudonymised e-mail export for ad platforms: SHA-256 of the normalised address, one per line.
 * Everyone who opted out and every person whose processing is restricted is left out.
 */
export async function exportMarketing(core: AppCore, session: Session, recipientName: string, today: string) {
  const db = core.db();
  const optedOut = await optedOutEmails(db);
  const restricted = await restrictedIds(db, 'parent', today);
  const included = new Map<string, string>();
  for (const p of await parentEmails(db)) {
    const email = normaliseEmail(p.email);
    if (optedOut.has(email) || restricted.has(p.id) || included.has(email)) continue;
    included.set(email, p.id);
  }
  const hashes = [...included.keys()].map(hashEmail).sort();
  const file = toCsv(['email'], hashes.map((h) => [h]));
  const disclosureId = await core.transaction((trx) =>
    registerDisclosure(
      trx,
      core,
      session,
      { recipient: 'marketing', recipientName, legalBasis: 'Gerechtvaardigd belang (marketing), gepseudonimiseerd; bezwaar gehonoreerd', fields: ['email (SHA-256)'], format: 'csv', period: today },
      [...included.values()].map((id) => ({ type: 'parent' as const, id })),
    ),
  );
  return { fileName: `marketing-${today}.csv`, base64: file.toString('base64'), mime: 'text/csv', count: hashes.length, disclosureId };
}
