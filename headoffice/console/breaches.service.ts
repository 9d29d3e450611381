import type { z } from 'zod';
import { AP_REPORT_DEADLINE_HOURS, BreachDataCategory, BreachPersonCategory, BreachRecord } from '../../shared/breaches/record';
import type { ApReportInput, BreachAssessmentInput, ConsoleBreach } from '../../shared/console/breaches';
import { instantIn } from '../../shared/domain/clock';
import type { HoDb } from '../db/schema';
import { appendAudit } from './audit';
import { ConsoleError } from './auth.service';
import { breachRecords, updateAssessment, upsertAssessment } from './breaches.repository';

const HOUR_MS = 3_600_000;
type Row = Awaited<ReturnType<typeof breachRecords>>[number];

function toBreach(row: Row, now: Date): ConsoleBreach {
  const report = BreachRecord.parse(JSON.parse(row.payload ?? 'null'));
  const deadline = new Date(report.discovered_at).getTime() + AP_REPORT_DEADLINE_HOURS * HOUR_MS;
  const assessed = row.assessed_at !== null;
  const status = row.closed_at ? 'closed' : row.ap_reported_at ? 'reported' : assessed ? 'assessed' : 'new';
  return {
    id: row.id,
    locationId: row.breach_location_id,
    locationName: row.location_name,
    whatHappened: report.what_happened,
    discoveredAt: report.discovered_at,
    occurredOn: report.occurred_on,
    personCategories: BreachPersonCategory.array().parse(JSON.parse(report.person_categories)),
    personsCount: report.persons_count,
    dataCategories: BreachDataCategory.array().parse(JSON.parse(report.data_categories)),
    measuresTaken: report.measures_taken,
    reporterName: report.reporter_name,
    reportedAt: report.reported_at,
    apDeadline: new Date(deadline).toISOString(),
    hoursLeft: Math.trunc((deadline - now.getTime()) / HOUR_MS),
    // Running until decided; after a decision to report, until the report is made.
    clockRunning: !row.closed_at && (!assessed || (row.report_to_ap === 1 && !row.ap_reported_at)),
    status,
    assessment: assessed
      ? {
          risk: row.risk as 'none' | 'low' | 'high',
          likelyConsequences: row.likely_consequences!,
          reportToAp: row.report_to_ap === 1,
          reasons: row.reasons!,
          informPersons: row.inform_persons === 1,
          informReasons: row.inform_reasons!,
          followUp: row.follow_up!,
          apReference: row.ap_reference,
          apReportedAt: row.ap_reported_at,
          lateReason: row.late_reason,
          assessedAt: row.assessed_at!,
          closedAt: row.closed_at,
        }
      : null,
  };
}

/** Every breach of every location, the most urgent first: open clocks by deadline, then the rest newest first. */
export async function listBreaches(db: HoDb, now: Date): Promise<ConsoleBreach[]> {
  const breaches = (await breachRecords(db)).map((row) => toBreach(row, now));
  return breaches.sort((a, b) => (a.clockRunning !== b.clockRunning ? (a.clockRunning ? -1 : 1) : a.clockRunning ? a.apDeadline.localeCompare(b.apDeadline) : b.discoveredAt.localeCompare(a.discoveredAt)));
}

export async function getBreach(db: HoDb, id: string, now: Date): Promise<ConsoleBreach> {
  const [row] = await breachRecords(db, id);
  if (!row) throw new ConsoleError(404, 'Dit datalek staat niet in het register.');
  return toBreach(row, now);
}

/** The privacy officer's assessment: risk, consequences, the decision on the AP and on informing the persons, with reasons. */
export async function assessBreach(db: HoDb, id: string, input: z.output<typeof BreachAssessmentInput>, actorId: string, now: Date) {
  const breach = await getBreach(db, id, now);
  if (breach.status === 'closed') throw new ConsoleError(409, 'Dit datalek is afgesloten; de beoordeling kan niet meer worden gewijzigd.');
  if (breach.assessment?.apReportedAt && !input.reportToAp) throw new ConsoleError(400, 'Het datalek is al gemeld bij de Autoriteit Persoonsgegevens.', { reportToAp: 'Het datalek is al gemeld bij de Autoriteit Persoonsgegevens.' });
  await db.transaction().execute(async (trx) => {
    await upsertAssessment(trx, {
      breach_id: id,
      location_id: breach.locationId,
      risk: input.risk,
      likely_consequences: input.likelyConsequences,
      report_to_ap: input.reportToAp ? 1 : 0,
      reasons: input.reasons,
      ap_reference: null,
      ap_reported_at: null,
      late_reason: null,
      inform_persons: input.informPersons ? 1 : 0,
      inform_reasons: input.informReasons,
      follow_up: input.followUp,
      assessed_by: actorId,
      assessed_at: now.toISOString(),
      closed_at: null,
      closed_by: null,
    });
    await appendAudit(trx, { userId: actorId, action: 'console.breach.assess', detail: { breachId: id, risk: input.risk, reportToAp: input.reportToAp } }, now);
  });
  return getBreach(db, id, now);
}

/** The report made in the AP's meldloket: its reference and when; after the 72 hours only with the reason. */
export async function recordApReport(db: HoDb, id: string, input: z.output<typeof ApReportInput>, actorId: string, now: Date) {
  const breach = await getBreach(db, id, now);
  if (!breach.assessment?.reportToAp) throw new ConsoleError(409, 'Besluit eerst in de beoordeling dat het datalek bij de Autoriteit Persoonsgegevens wordt gemeld.');
  if (breach.status === 'closed') throw new ConsoleError(409, 'Dit datalek is afgesloten.');
  const [date, time] = input.reportedAt.split('T') as [string, string];
  const at = instantIn(date, time);
  const fields: Record<string, string> = {};
  if (at > now.toISOString()) fields.reportedAt = 'Het moment van melden ligt in de toekomst.';
  else if (at < breach.discoveredAt) fields.reportedAt = 'Er kan niet gemeld zijn vóór het datalek werd ontdekt.';
  if (at > breach.apDeadline && input.lateReason.length < 5) fields.lateReason = 'De melding kwam na de 72 uur: schrijf op waarom (AVG art. 33 lid 1).';
  const first = Object.values(fields)[0];
  if (first) throw new ConsoleError(400, first, fields);
  await db.transaction().execute(async (trx) => {
    await updateAssessment(trx, id, { ap_reference: input.apReference, ap_reported_at: at, late_reason: at > breach.apDeadline ? input.lateReason : null });
    await appendAudit(trx, { userId: actorId, action: 'console.breach.apReport', detail: { breachId: id, late: at > breach.apDeadline } }, now);
  });
  return getBreach(db, id, now);
}

/** Closing: the breach stays on record; only an assessed breach, reported to the AP where that was decided. */
export async function closeBreach(db: HoDb, id: string, actorId: string, now: Date) {
  const breach = await getBreach(db, id, now);
  if (!breach.assessment) throw new ConsoleError(409, 'Beoordeel het datalek voordat u het afsluit.');
  if (breach.status === 'closed') throw new ConsoleError(409, 'Dit datalek is al afgesloten.');
  if (breach.assessment.reportToAp && !breach.assessment.apReportedAt) throw new ConsoleError(409, 'Leg eerst de melding bij de Autoriteit Persoonsgegevens vast, of wijzig het besluit in de beoordeling.');
  await db.transaction().execute(async (trx) => {
    await updateAssessment(trx, id, { closed_at: now.toISOString(), closed_by: actorId });
    await appendAudit(trx, { userId: actorId, action: 'console.breach.close', detail: { breachId: id } }, now);
  });
  return getBreach(db, id, now);
}
