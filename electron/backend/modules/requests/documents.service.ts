import { AppError } from '../../../../shared/api/result';
import { Decision } from '../../../../shared/api/requests.schemas';
import { nlDate } from '../../../../shared/domain/dates';
import { REQUEST_KIND_LABEL } from '../../../../shared/domain/requests';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, SubjectRequestRow } from '../../db/schema';
import { accessReportTitle, renderAccessReport } from '../../pdf/accessReport.pdf';
import { renderDecisionLetter } from '../../pdf/decisionLetter.pdf';
import type { LetterHead } from '../../../../shared/pdf/letter';
import { letterSender } from '../location/location.service';
import { dossiersFor, meldcodeDisclosureFor } from './dossier';
import { householdAddress } from './requests.repository';
import { requireRequest } from './requests.service';

export const requestReference = (row: { id: string }) => `AVG-${row.id.slice(-8).toUpperCase()}`;

/** Letterhead addressed to the requester; the address only while the household still exists. */
export async function letterHead(db: DbOrTrx, row: SubjectRequestRow, title: string, today: string): Promise<LetterHead> {
  const household = row.household_id ? await householdAddress(db, row.household_id) : undefined;
  return {
    title,
    ...(await letterSender(db)),
    to: [row.requester_name, ...(household ? [`${household.street} ${household.house_number}`, `${household.postcode} ${household.city}`] : [])],
    date: nlDate(today),
    reference: requestReference(row),
  };
}

/** Meldcode categories appear in a letter only on the aandachtsfunctionaris' decision to include them. */
const withoutUndisclosedMeldcode = (d: Decision, meldcode: SubjectRequestRow['meldcode_decision']): Decision =>
  meldcode === 'include' ? d : { ...d, erased: d.erased.filter((c) => c.category !== 'child_meldcode'), kept: d.kept.filter((c) => c.category !== 'child_meldcode') };

const extensionOf = (row: SubjectRequestRow) => (row.extended_months > 0 ? { months: row.extended_months, reason: row.extension_reason ?? '' } : null);

/** The inzageverslag PDF. Reading it out counts as access to BSN and medical data (audited by the dispatcher). */
export async function accessReport(core: AppCore, session: Session, id: string, today: string) {
  const db = core.db();
  const row = await requireRequest(db, id);
  if (row.kind !== 'access') throw new AppError('VALIDATION', msg('requests.accessReportNeedsAccess'));
  const dossiers = await dossiersFor(db, row, today, await meldcodeDisclosureFor(db, row));
  const pdf = await renderAccessReport(core.options.resourcesDir, {
    head: await letterHead(db, row, accessReportTitle(row.subject_type), today),
    receivedOn: row.received_on,
    extension: extensionOf(row),
    dossiers,
    signedBy: session.name,
  });
  return { fileName: `inzage-${requestReference(row).toLowerCase()}.pdf`, base64: pdf.toString('base64') };
}

/** Besluit: the letter that ends every request. Built from the stored decision, so it can be printed again. */
export async function decisionLetter(core: AppCore, session: Session, id: string, today: string) {
  const db = core.db();
  const row = await requireRequest(db, id);
  if (row.status !== 'closed' || !row.decision) throw new AppError('CONFLICT', msg('requests.letterAfterClosing'));
  const pdf = await renderDecisionLetter(core.options.resourcesDir, {
    head: await letterHead(db, row, `Besluit op uw verzoek: ${REQUEST_KIND_LABEL[row.kind].toLowerCase()}`, row.closed_on ?? today),
    kind: row.kind,
    receivedOn: row.received_on,
    extension: extensionOf(row),
    decision: withoutUndisclosedMeldcode(Decision.parse(JSON.parse(row.decision)), row.meldcode_decision),
    signedBy: session.name,
    whose: row.subject_type === 'child' ? 'child' : 'own',
  });
  return { fileName: `besluit-${requestReference(row).toLowerCase()}.pdf`, base64: pdf.toString('base64') };
}
