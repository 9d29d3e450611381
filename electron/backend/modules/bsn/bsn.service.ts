import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { queueDelete, queueUpsert } from '../../sync/outbox';
import { AppError } from '../../../../shared/api/result';
import type { BsnCheckInput, BsnStatus, BsnSubject, BsnSubjectType } from '../../../../shared/api/clients.schemas';
import { can, type Role } from '../../../../shared/auth/permissions';
import { msg } from '../../../../shared/i18n/translate';
import { maskBsn } from '../../../../shared/validation/bsn';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx } from '../../db/schema';
import { currentLocationId } from '../location/location.service';
import { deleteChecks, insertCheck, latestChecks, readBsn, writeBsn } from './bsn.repository';
import { assertNotRestricted } from '../requests/restrictions';

/**
 * BSN as the API shows it: masked (last 3 digits) with its BSN-controle for roles with `bsn.view`;
 * for `bsn.check` only (staff doing the BSN-controle) whether there is one and its check, without a
 * single digit; for everyone else `undefined` — the field is left out of the response altogether.
 */
export async function bsnStatuses(
  db: DbOrTrx,
  roles: readonly Role[],
  subject: BsnSubjectType,
  rows: { id: string; bsn: string | null }[],
): Promise<Map<string, BsnStatus | null | undefined>> {
  const result = new Map<string, BsnStatus | null | undefined>();
  if (!can(roles, 'bsn.view') && !can(roles, 'bsn.check')) {
    for (const row of rows) result.set(row.id, undefined);
    return result;
  }
  const checks = await latestChecks(
    db,
    subject,
    rows.filter((r) => r.bsn).map((r) => r.id),
  );
  const mask = can(roles, 'bsn.view') ? maskBsn : () => HIDDEN_BSN;
  for (const row of rows) result.set(row.id, row.bsn ? { masked: mask(row.bsn), check: checks.get(row.id) ?? null } : null);
  return result;
}

/** What `bsn.check` without `bsn.view` sees of a recorded BSN: that there is one. */
const HIDDEN_BSN = '•'.repeat(9);

async function requireSubject(db: DbOrTrx, subject: BsnSubjectType, id: string) {
  const row = await readBsn(db, subject, id);
  if (!row) throw new AppError('NOT_FOUND', msg(subject === 'parent' ? 'households.parentNotFound' : 'children.notFound'));
  return row;
}

/**
 * Sets or replaces a BSN. A new number needs a new BSN-controle, so earlier checks are dropped.
 * Every call below is audited as the contract declares (`bsn.set`, `bsn.recordCheck`, `bsn.reveal`).
 */
export async function setBsn(core: AppCore, input: z.output<typeof BsnSubject> & { bsn: string }) {
  await core.transaction(async (trx) => {
    await requireSubject(trx, input.subject, input.id);
    await assertNotRestricted(trx, input.subject, [input.id], core.today());
    await writeBsn(trx, input.subject, input.id, input.bsn, core.now().toISOString());
    await queueUpsert(trx, input.subject === 'parent' ? 'parents' : 'children', input.id, core.now());
    for (const checkId of await deleteChecks(trx, input.subject, input.id)) await queueDelete(trx, 'bsn_verifications', checkId, core.now());
  });
  return { masked: maskBsn(input.bsn) };
}

export async function recordBsnCheck(core: AppCore, session: Session, input: z.output<typeof BsnCheckInput>) {
  await core.transaction(async (trx) => {
    const row = await requireSubject(trx, input.subject, input.id);
    if (!row.bsn) throw new AppError('CONFLICT', msg('bsn.enterFirst'));
    // Who may not see the full BSN confirms it by typing it from the document; the answer is only "matches" or not.
    const typed = input.bsn ?? null;
    if (typed === null && !can(session.roles, 'bsn.view')) throw new AppError('VALIDATION', msg('bsn.typeFromDocument'), { bsn: msg('bsn.typeFromDocument') });
    if (typed !== null && typed !== row.bsn) throw new AppError('VALIDATION', msg('bsn.checkMismatch'), { bsn: msg('bsn.checkMismatch') });
    const id = uuidv7();
    await insertCheck(trx, {
      id,
      location_id: await currentLocationId(trx),
      subject_type: input.subject,
      subject_id: input.id,
      method: input.method,
      checked_on: input.checkedOn,
      checked_by: session.userId,
      checked_by_name: session.name,
      recorded_at: core.now().toISOString(),
    });
    await queueUpsert(trx, 'bsn_verifications', id, core.now());
  });
  return {};
}

/** Full BSN, for a manager who needs it (e.g. for the Belastingdienst). */
export async function revealBsn(db: DbOrTrx, input: z.output<typeof BsnSubject>) {
  const row = await requireSubject(db, input.subject, input.id);
  if (!row.bsn) throw new AppError('NOT_FOUND', msg('bsn.noneRecorded'));
  return { bsn: row.bsn };
}
