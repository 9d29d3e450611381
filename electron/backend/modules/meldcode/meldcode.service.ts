import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { AddEntryInput, CaseStatus, CloseCaseInput, MeldcodeCase, MeldcodeCaseSummary, MeldcodeChildOption, MeldcodeEntry, OpenCaseInput } from '../../../../shared/api/meldcode.schemas';
import type { PdfFile } from '../../../../shared/api/schemas';
import { AppError } from '../../../../shared/api/result';
import { caseProgress, includesReport, type MeldcodeRoute, type ReportReason, type WeighingAnswers } from '../../../../shared/domain/meldcode';
import { nlDate } from '../../../../shared/domain/dates';
import { destructionDate, type RetentionPolicy } from '../../../../shared/domain/retention';
import { displayName } from '../../../../shared/domain/names';
import { msg, type MessageKey } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { renderMeldcodeCase } from '../../pdf/meldcodeCase.pdf';
import { queueUpsert } from '../../sync/outbox';
import { appendAudit } from '../audit/audit.service';
import { findChild } from '../children/children.repository';
import { recordVeiligThuisReport } from '../disclosures/recipients.service';
import { getLocation } from '../location/location.repository';
import { currentLocationId, organisationProfile } from '../location/location.service';
import { loadPolicies } from '../retention/policies';
import { eraseRows } from '../retention/retention.repository';
import {
  caseRows,
  childOptionRows,
  entriesOfCase,
  entryIdsOfCase,
  findCase,
  hasDecisionEntry,
  insertCase,
  insertEntry,
  updateCase,
  type CaseListRow,
} from './meldcode.repository';

// Reads and writes are audited by the dispatcher (declared in meldcode.contract.ts), ids only.

type EntryRow = Awaited<ReturnType<typeof entriesOfCase>>[number];

// ---- mapping ----------------------------------------------------------------------------------

/** The retention policy in force for case files (head office may change it; 2 years by default). */
const meldcodePolicy = async (db: DbOrTrx): Promise<RetentionPolicy<string>> => (await loadPolicies(db)).get('meldcode')!;

function toSummary(row: CaseListRow, policy: RetentionPolicy<string>): MeldcodeCaseSummary {
  return {
    id: row.id,
    route: row.route,
    childId: row.child_id,
    childName: row.first_name ? displayName({ firstName: row.first_name, surnamePrefix: row.surname_prefix, surname: row.surname ?? '' }) : null,
    suspectEmployeeName: row.suspect_employee_name,
    status: row.status,
    openedOn: row.opened_on,
    openedByName: row.opened_by_name,
    closedOn: row.closed_on,
    destructionDate: row.closed_on ? destructionDate(policy, row.closed_on) : null,
    entryCount: Number(row.entry_count ?? 0),
  };
}

function toEntry(row: EntryRow): MeldcodeEntry {
  // The payload was validated against the schema of its kind when it was written (addEntry,
  // here or on the PC that synced it) and entries are never changed afterwards.
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    occurredOn: row.occurred_on,
    authorName: row.author_name,
    createdAt: row.created_at,
    correctsEntryId: row.corrects_entry_id,
    payload: JSON.parse(row.payload) as never,
  } as MeldcodeEntry;
}

const weighingOf = (e: MeldcodeEntry): WeighingAnswers | undefined => (e.kind === 'weighing' ? e.payload : undefined);

const caseNotFound = () => new AppError('NOT_FOUND', msg('meldcode.caseNotFound'));

export async function getCase(db: DbOrTrx, caseId: string): Promise<MeldcodeCase> {
  const [row] = await caseRows(db, { id: caseId });
  if (!row) throw caseNotFound();
  const entries = (await entriesOfCase(db, caseId)).map(toEntry);
  const policy = await meldcodePolicy(db);
  const progress = caseProgress(
    row.route,
    entries.map((e) => ({ kind: e.kind, weighing: weighingOf(e) })),
  );
  return {
    ...toSummary(row, policy),
    closedByName: row.closed_by_name,
    closingSummary: row.closing_summary,
    retentionPeriod: { periodAmount: policy.periodAmount, periodUnit: policy.periodUnit },
    entries,
    progress: { stepsDone: progress.stepsDone, step3Done: progress.step3Done, hasWeighing: progress.latestWeighing !== null, reportRequired: progress.reportRequired },
  };
}

// ---- reads ------------------------------------------------------------------------------------

export async function listCases(db: DbOrTrx, filter: { status: CaseStatus | null } | { childId: string }) {
  const rows = await caseRows(db, filter);
  const policy = await meldcodePolicy(db);
  return rows.map((row) => toSummary(row, policy));
}

/** The children a case can be about: name, birth date and group only. */
export async function childOptions(db: DbOrTrx): Promise<MeldcodeChildOption[]> {
  const rows = await childOptionRows(db);
  return rows.map((c) => ({ id: c.id, name: displayName({ firstName: c.first_name, surnamePrefix: c.surname_prefix, surname: c.surname }), birthDate: c.birth_date, groupName: c.group_name }));
}

/** The case file as a PDF with "Vertrouwelijk" and who printed it when. */
export async function printCase(core: AppCore, session: Session, caseId: string): Promise<PdfFile> {
  const db = core.db();
  const file = await getCase(db, caseId);
  const pdf = await renderMeldcodeCase(core.options.resourcesDir, file, {
    locationName: (await getLocation(db))?.name ?? '',
    organisation: await organisationProfile(db),
    printedByName: session.name,
    printedAt: core.now(),
  });
  return { fileName: `meldcodedossier-${file.openedOn}-${file.id.slice(-6)}.pdf`, base64: pdf.toString('base64') };
}

// ---- writes -----------------------------------------------------------------------------------

const notInFuture = (date: string, today: string, field: string) => {
  if (date > today) throw new AppError('VALIDATION', msg('meldcode.dateInFuture'), { [field]: msg('meldcode.dateInFuture') });
};

export async function openCase(core: AppCore, session: Session, input: z.output<typeof OpenCaseInput>): Promise<MeldcodeCase> {
  notInFuture(input.openedOn, core.today(), 'openedOn');
  const id = uuidv7();
  return core.transaction(async (trx) => {
    if (input.childId && !(await findChild(trx, input.childId))) throw new AppError('NOT_FOUND', msg('meldcode.childNotFound'), { childId: msg('meldcode.childNotFound') });
    const now = core.now().toISOString();
    await insertCase(trx, {
      id,
      location_id: await currentLocationId(trx),
      child_id: input.childId,
      route: input.route,
      suspect_employee_name: input.suspectEmployeeName,
      status: 'open',
      opened_on: input.openedOn,
      opened_by: session.userId,
      opened_by_name: session.name,
      closed_on: null,
      closed_by: null,
      closed_by_name: null,
      closing_summary: null,
      created_at: now,
      updated_at: now,
      version: null,
    });
    await queueUpsert(trx, 'meldcode_cases', id, core.now());
    return getCase(trx, id);
  });
}

async function requireOpenCase(trx: Trx, caseId: string) {
  const row = await findCase(trx, caseId);
  if (!row) throw caseNotFound();
  if (row.status === 'closed') throw new AppError('CONFLICT', msg('meldcode.caseClosedNoEntries', { closedOn: nlDate(row.closed_on!) }));
  return row;
}

const REPORT_REQUIRED: Record<ReportReason, MessageKey> = {
  q2_unsafe: 'meldcode.reportRequiredQ2',
  q3_no_help: 'meldcode.reportRequiredQ3',
  q4_no_cooperation: 'meldcode.reportRequiredQ4',
  q5_not_safe: 'meldcode.reportRequiredQ5',
};

/** The meldcode's rules that depend on the case so far; the shape of each entry is checked by zod. */
async function checkEntryRules(trx: Trx, route: MeldcodeRoute, input: z.output<typeof AddEntryInput>) {
  if (route === 'medewerker' && (input.kind === 'parent_conversation' || input.kind === 'parent_conversation_skipped')) {
    throw new AppError('VALIDATION', msg('meldcode.inspectorReplacesParent'));
  }
  if (route === 'huiselijk' && input.kind === 'vertrouwensinspecteur') throw new AppError('VALIDATION', msg('meldcode.inspectorOnlyForEmployee'));
  const entries = (await entriesOfCase(trx, input.caseId)).map(toEntry);
  if (input.kind === 'correction' && !entries.some((e) => e.id === input.correctsEntryId)) {
    throw new AppError('VALIDATION', msg('meldcode.correctionNotInCase'), { correctsEntryId: msg('meldcode.chooseEntryOfCase') });
  }
  if (input.kind !== 'decision') return;
  const progress = caseProgress(
    route,
    entries.map((e) => ({ kind: e.kind, weighing: weighingOf(e) })),
  );
  if (!progress.step3Done) throw new AppError('VALIDATION', msg(route === 'huiselijk' ? 'meldcode.step3ParentFirst' : 'meldcode.step3InspectorFirst'));
  if (!progress.latestWeighing) throw new AppError('VALIDATION', msg('meldcode.weighingFirst'));
  if (progress.reportRequired && !includesReport(input.payload.outcome)) {
    const required = msg(REPORT_REQUIRED[progress.reportRequired]);
    throw new AppError('VALIDATION', required, { 'payload.outcome': required });
  }
  const informedOn = input.payload.parentInformedOn;
  if (informedOn && informedOn > input.occurredOn) {
    throw new AppError('VALIDATION', msg('meldcode.parentInformedAfterDecision'), { 'payload.parentInformedOn': msg('meldcode.parentInformedAfterDecision') });
  }
}

export async function addEntry(core: AppCore, session: Session, input: z.output<typeof AddEntryInput>): Promise<MeldcodeCase> {
  notInFuture(input.occurredOn, core.today(), 'occurredOn');
  return core.transaction(async (trx) => {
    const row = await requireOpenCase(trx, input.caseId);
    await checkEntryRules(trx, row.route, input);
    const id = uuidv7();
    await insertEntry(trx, {
      id,
      location_id: row.location_id,
      case_id: row.id,
      kind: input.kind,
      occurred_on: input.occurredOn,
      author_user_id: session.userId,
      author_name: session.name,
      payload: JSON.stringify(input.payload),
      corrects_entry_id: input.kind === 'correction' ? input.correctsEntryId : null,
      created_at: core.now().toISOString(),
      version: null,
    });
    await queueUpsert(trx, 'meldcode_entries', id, core.now());
    // A decision to report is a disclosure to Veilig Thuis: its line in the verstrekkingenregister (issue 16).
    if (input.kind === 'decision' && includesReport(input.payload.outcome)) {
      await recordVeiligThuisReport(trx, core, session, { caseId: row.id, childId: row.child_id, decidedOn: input.occurredOn, anonymous: input.payload.anonymous });
    }
    // Afwegingskader Q1: no suspicion (any more) closes the case, on the date of the weighing.
    if (input.kind === 'weighing' && !input.payload.q1Suspicion) {
      await close(core, trx, session, row.id, { closedOn: input.occurredOn < row.opened_on ? row.opened_on : input.occurredOn, summary: `Geen vermoeden meer (afwegingskader, vraag 1). ${input.payload.explanation}` });
      // Closing here is a sub-event of meldcode.addEntry, not a call of meldcode.close: logged by hand.
      await appendAudit(trx, { userId: session.userId, action: 'meldcode.close', entity: 'meldcode_case', entityId: row.id }, core.now());
    }
    return getCase(trx, row.id);
  });
}

async function close(core: AppCore, trx: Trx, session: Session, caseId: string, input: { closedOn: string; summary: string }) {
  await updateCase(trx, caseId, {
    status: 'closed',
    closed_on: input.closedOn,
    closed_by: session.userId,
    closed_by_name: session.name,
    closing_summary: input.summary,
    updated_at: core.now().toISOString(),
  });
  await queueUpsert(trx, 'meldcode_cases', caseId, core.now());
}

/** Closing starts the retention clock: the case is destroyed once the meldcode policy's period after the closing date has passed. */
export async function closeCase(core: AppCore, session: Session, input: z.output<typeof CloseCaseInput>): Promise<MeldcodeCase> {
  notInFuture(input.closedOn, core.today(), 'closedOn');
  return core.transaction(async (trx) => {
    const row = await findCase(trx, input.caseId);
    if (!row) throw caseNotFound();
    if (row.status === 'closed') throw new AppError('CONFLICT', msg('meldcode.caseAlreadyClosed', { closedOn: nlDate(row.closed_on!) }));
    if (input.closedOn < row.opened_on) {
      const message = msg('meldcode.closedBeforeOpened', { openedOn: nlDate(row.opened_on) });
      throw new AppError('VALIDATION', message, { closedOn: message });
    }
    if (!(await hasDecisionEntry(trx, row.id))) throw new AppError('VALIDATION', msg('meldcode.closeAfterDecision'));
    await close(core, trx, session, row.id, input);
    return getCase(trx, row.id);
  });
}

/**
 * Destroys a case file and its entries for good (the retention engine calls this once the
 * destruction date has passed, an erasure once it may go). Through the one erase primitive: the
 * case row goes first, which lets the entries go with it (their delete trigger), queued copies and
 * sync-conflict copies of case and entries go, and head office gets the case tombstone before the
 * entry tombstones, so other PCs delete in the same order. No audit row here: the caller logs the
 * destruction (ids only) in its own register.
 */
export async function destroyCase(trx: Trx, caseId: string, now: Date): Promise<{ entryIds: string[] }> {
  const entryIds = await entryIdsOfCase(trx, caseId);
  await eraseRows(trx, 'meldcode_cases', [caseId], now);
  await eraseRows(trx, 'meldcode_entries', entryIds, now);
  return { entryIds };
}
