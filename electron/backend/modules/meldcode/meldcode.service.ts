import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { AddEntryInput, CloseCaseInput, MeldcodeCase, MeldcodeCaseSummary, MeldcodeChildOption, MeldcodeEntry, OpenCaseInput } from '../../../../shared/api/meldcode.schemas';
import { AppError } from '../../../../shared/api/result';
import { caseProgress, includesReport, type ReportReason, type WeighingAnswers } from '../../../../shared/domain/meldcode';
import { nlDate } from '../../../../shared/domain/dates';
import { destructionDate, type RetentionPolicy } from '../../../../shared/domain/retention';
import { displayName } from '../../../../shared/domain/names';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { queueDelete, queueUpsert } from '../../sync/outbox';
import { appendAudit } from '../audit/audit.service';
import { findChild } from '../children/children.repository';
import { currentLocationId } from '../location/location.service';
import { loadPolicies } from '../retention/policies';
import { caseRows, entriesOfCase, findCase, insertCase, insertEntry, updateCase, type CaseListRow } from './meldcode.repository';

type EntryRow = Awaited<ReturnType<typeof entriesOfCase>>[number];

/** Audit rows name the case by id only: never the child, the concern or the text of an entry. */
const ENTITY = 'meldcode_case';

// ---- mapping ----------------------------------------------------------------------------------

/** The retention policy in force for case files (head office may change it; 2 years by default). */
const meldcodePolicy = async (db: DbOrTrx): Promise<RetentionPolicy> => (await loadPolicies(db)).get('meldcode')!;

function toSummary(row: CaseListRow, policy: RetentionPolicy): MeldcodeCaseSummary {
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

async function loadCase(db: DbOrTrx, caseId: string): Promise<MeldcodeCase> {
  const [row] = await caseRows(db, { id: caseId });
  if (!row) throw new AppError('NOT_FOUND', 'Dit meldcodedossier bestaat niet (meer).');
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

// ---- reads (each one audited) -----------------------------------------------------------------

export function listCases(core: AppCore, session: Session, status: 'open' | 'closed' | null) {
  return core.transaction(async (trx) => {
    const rows = await caseRows(trx, { status });
    await appendAudit(trx, { userId: session.userId, action: 'meldcode.list', details: { status, count: rows.length } }, core.now());
    const policy = await meldcodePolicy(trx);
    return rows.map((row) => toSummary(row, policy));
  });
}

export function casesForChild(core: AppCore, session: Session, childId: string) {
  return core.transaction(async (trx) => {
    const rows = await caseRows(trx, { childId });
    await appendAudit(trx, { userId: session.userId, action: 'meldcode.forChild', entity: 'child', entityId: childId, details: { count: rows.length } }, core.now());
    const policy = await meldcodePolicy(trx);
    return rows.map((row) => toSummary(row, policy));
  });
}

export function getCase(core: AppCore, session: Session, caseId: string) {
  return core.transaction(async (trx) => {
    const result = await loadCase(trx, caseId);
    await appendAudit(trx, { userId: session.userId, action: 'meldcode.read', entity: ENTITY, entityId: caseId }, core.now());
    return result;
  });
}

/** The children a case can be about: name, birth date and group only. */
export async function childOptions(db: DbOrTrx): Promise<MeldcodeChildOption[]> {
  const rows = await db.selectFrom('children').select(['id', 'first_name', 'surname_prefix', 'surname', 'birth_date', 'group_name']).orderBy('first_name').orderBy('surname').execute();
  return rows.map((c) => ({ id: c.id, name: displayName({ firstName: c.first_name, surnamePrefix: c.surname_prefix, surname: c.surname }), birthDate: c.birth_date, groupName: c.group_name }));
}

/** A read for printing: the case plus the audit row that records who printed it (one per print). */
export function caseForPrint(core: AppCore, session: Session, caseId: string) {
  return core.transaction(async (trx) => {
    const result = await loadCase(trx, caseId);
    await appendAudit(trx, { userId: session.userId, action: 'meldcode.print', entity: ENTITY, entityId: caseId }, core.now());
    return result;
  });
}

// ---- writes -----------------------------------------------------------------------------------

const notInFuture = (date: string, today: string, field: string) => {
  if (date > today) throw new AppError('VALIDATION', 'De datum kan niet in de toekomst liggen.', { [field]: 'De datum kan niet in de toekomst liggen.' });
};

export async function openCase(core: AppCore, session: Session, input: z.output<typeof OpenCaseInput>, today: string): Promise<MeldcodeCase> {
  notInFuture(input.openedOn, today, 'openedOn');
  const id = uuidv7();
  return core.transaction(async (trx) => {
    if (input.childId && !(await findChild(trx, input.childId))) throw new AppError('NOT_FOUND', 'Dit kind bestaat niet (meer).', { childId: 'Dit kind bestaat niet (meer).' });
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
    await appendAudit(trx, { userId: session.userId, action: 'meldcode.open', entity: ENTITY, entityId: id, details: { route: input.route, childId: input.childId } }, core.now());
    return loadCase(trx, id);
  });
}

async function requireOpenCase(trx: Trx, caseId: string) {
  const row = await findCase(trx, caseId);
  if (!row) throw new AppError('NOT_FOUND', 'Dit meldcodedossier bestaat niet (meer).');
  if (row.status === 'closed') {
    throw new AppError('CONFLICT', `Dit dossier is gesloten op ${nlDate(row.closed_on!)}; er kunnen geen aantekeningen meer bij. Is er een nieuw vermoeden, open dan een nieuw dossier.`);
  }
  return row;
}

const REPORT_REQUIRED: Record<ReportReason, string> = {
  q2_unsafe: 'Er is sprake van acute of structurele onveiligheid (afwegingskader, vraag 2): melden bij Veilig Thuis is verplicht. Kies "melden" of "hulp en melden".',
  q3_no_help: 'Wij kunnen geen passende hulp bieden of organiseren (afwegingskader, vraag 3): melden bij Veilig Thuis is verplicht. Kies "melden" of "hulp en melden".',
  q4_no_cooperation: 'De betrokkenen aanvaarden de hulp niet (afwegingskader, vraag 4): melden bij Veilig Thuis is verplicht. Kies "melden" of "hulp en melden".',
  q5_not_safe: 'De hulp leidt niet tot duurzame veiligheid (afwegingskader, vraag 5): melden bij Veilig Thuis is verplicht. Kies "melden" of "hulp en melden".',
};

/** The meldcode's rules that depend on the case so far; the shape of each entry is checked by zod. */
async function checkEntryRules(trx: Trx, route: 'huiselijk' | 'medewerker', input: z.output<typeof AddEntryInput>) {
  if (route === 'medewerker' && (input.kind === 'parent_conversation' || input.kind === 'parent_conversation_skipped')) {
    throw new AppError(
      'VALIDATION',
      'Is een medewerker de vermoedelijke pleger, dan vervangt het overleg met de vertrouwensinspecteur het gesprek met de ouder. Leg dat overleg vast.',
    );
  }
  if (route === 'huiselijk' && input.kind === 'vertrouwensinspecteur') {
    throw new AppError('VALIDATION', 'Het overleg met de vertrouwensinspecteur hoort bij de route waarin een medewerker de vermoedelijke pleger is. Leg hier het gesprek met de ouder vast.');
  }
  const entries = (await entriesOfCase(trx, input.caseId)).map(toEntry);
  if (input.kind === 'correction' && !entries.some((e) => e.id === input.correctsEntryId)) {
    throw new AppError('VALIDATION', 'De aantekening die u wilt corrigeren hoort niet bij dit dossier.', { correctsEntryId: 'Kies een aantekening uit dit dossier.' });
  }
  if (input.kind !== 'decision') return;
  const progress = caseProgress(
    route,
    entries.map((e) => ({ kind: e.kind, weighing: weighingOf(e) })),
  );
  if (!progress.step3Done) {
    throw new AppError(
      'VALIDATION',
      route === 'huiselijk'
        ? 'Leg eerst het gesprek met de ouder vast, of de reden waarom het niet is gevoerd (stap 3).'
        : 'Leg eerst het overleg met de vertrouwensinspecteur vast (stap 3).',
    );
  }
  if (!progress.latestWeighing) throw new AppError('VALIDATION', 'Een besluit vraagt eerst een weging met het afwegingskader (stap 4).');
  if (progress.reportRequired && !includesReport(input.payload.outcome)) {
    throw new AppError('VALIDATION', REPORT_REQUIRED[progress.reportRequired], { 'payload.outcome': REPORT_REQUIRED[progress.reportRequired] });
  }
  const informedOn = input.payload.parentInformedOn;
  if (informedOn && informedOn > input.occurredOn) {
    const message = 'De ouder wordt vóór de melding geïnformeerd: deze datum ligt na de datum van het besluit.';
    throw new AppError('VALIDATION', message, { 'payload.parentInformedOn': message });
  }
}

export async function addEntry(core: AppCore, session: Session, input: z.output<typeof AddEntryInput>, today: string): Promise<MeldcodeCase> {
  notInFuture(input.occurredOn, today, 'occurredOn');
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
    await appendAudit(trx, { userId: session.userId, action: 'meldcode.addEntry', entity: ENTITY, entityId: row.id, details: { kind: input.kind, entryId: id } }, core.now());
    // Afwegingskader Q1: no suspicion (any more) closes the case, on the date of the weighing.
    if (input.kind === 'weighing' && !input.payload.q1Suspicion) {
      await close(core, trx, session, row.id, { closedOn: input.occurredOn < row.opened_on ? row.opened_on : input.occurredOn, summary: `Geen vermoeden meer (afwegingskader, vraag 1). ${input.payload.explanation}` });
    }
    return loadCase(trx, row.id);
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
  await appendAudit(trx, { userId: session.userId, action: 'meldcode.close', entity: ENTITY, entityId: caseId }, core.now());
}

/** Closing starts the retention clock: the case is destroyed 2 years after the closing date. */
export async function closeCase(core: AppCore, session: Session, input: z.output<typeof CloseCaseInput>, today: string): Promise<MeldcodeCase> {
  notInFuture(input.closedOn, today, 'closedOn');
  return core.transaction(async (trx) => {
    const row = await findCase(trx, input.caseId);
    if (!row) throw new AppError('NOT_FOUND', 'Dit meldcodedossier bestaat niet (meer).');
    if (row.status === 'closed') throw new AppError('CONFLICT', `Dit dossier is al gesloten op ${nlDate(row.closed_on!)}.`);
    if (input.closedOn < row.opened_on) {
      const message = `De sluitingsdatum ligt vóór de opening van het dossier (${nlDate(row.opened_on)}).`;
      throw new AppError('VALIDATION', message, { closedOn: message });
    }
    const hasDecision = await trx.selectFrom('meldcode_entries').select('id').where('case_id', '=', row.id).where('kind', '=', 'decision').executeTakeFirst();
    if (!hasDecision) {
      throw new AppError('VALIDATION', 'Sluit een dossier na het besluit (stap 5), of leg met het afwegingskader vast dat er geen vermoeden meer is (vraag 1).');
    }
    await close(core, trx, session, row.id, input);
    return loadCase(trx, row.id);
  });
}

/**
 * Destroys a case file and its entries for good (the retention engine calls this once the
 * destruction date has passed). The case row goes first, which lets the entries go with it, and
 * head office gets the case tombstone before the entry tombstones, so other PCs delete in the same
 * order. Queued, not yet pushed copies of the rows leave the outbox too, so no text survives
 * locally. No audit row here: the caller logs the destruction (ids only) in its own register.
 */
export async function destroyCase(trx: Trx, caseId: string, now: Date): Promise<{ entryIds: string[] }> {
  const entryIds = (await trx.selectFrom('meldcode_entries').select('id').where('case_id', '=', caseId).execute()).map((e) => e.id);
  await trx.deleteFrom('meldcode_cases').where('id', '=', caseId).execute();
  await trx
    .deleteFrom('outbox')
    .where('op', '=', 'upsert')
    .where('entity', 'in', ['meldcode_cases', 'meldcode_entries'])
    .where('entity_id', 'in', [caseId, ...entryIds])
    .execute();
  await queueDelete(trx, 'meldcode_cases', caseId, now);
  for (const id of entryIds) await queueDelete(trx, 'meldcode_entries', id, now);
  return { entryIds };
}
