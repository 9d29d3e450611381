import type { ExportBundle } from '../../../../shared/api/requests.schemas';
import { AppError } from '../../../../shared/api/result';
import { CATEGORIES } from '../../../../shared/dataMap';
import { nlDate } from '../../../../shared/domain/dates';
import type { OwnRecordSubject } from '../../../../shared/domain/requests';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { SubjectRequestRow } from '../../db/schema';
import { LetterWriter } from '../../../../shared/pdf/letter';
import { toCsv } from '../disclosures/csv';
import { getLocation } from '../location/location.repository';
import { letterHead, requestReference } from './documents.service';
import { subjectDossier } from './dossier';
import { present } from './subjectFields';

/** The file format for a person without a household (employee, applicant, waiting-list parent): one object per row, the map's portable columns. */
const PERSON_PORTABILITY_FORMAT = 'kinderopvang-avg-persoon';

/** A pickup person's data come from the parent, under the parent's contract, not from a contract with them: nothing is theirs to take along (art. 20(1)(a)). */
const NEVER_PORTABLE: ReadonlySet<OwnRecordSubject> = new Set(['pickup_person']);

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Dataportabiliteit (AVG art. 20) for someone with a row of their own: the columns the data map
 * marks portable (only categories resting on consent or a contract with the person), as JSON, as
 * CSV per table and with a PDF summary naming what is left out and why. Nothing portable: refused.
 */
export async function ownPortabilityExport(core: AppCore, session: Session, row: SubjectRequestRow, type: OwnRecordSubject, today: string): Promise<ExportBundle> {
  const db = core.db();
  if (NEVER_PORTABLE.has(type)) throw new AppError('VALIDATION', msg('requests.portabilityNotForSubject'));
  const dossier = await subjectDossier(db, row, today, 'omit');
  const tables: Record<string, Record<string, unknown>[]> = {};
  const leftOut = new Set<string>();
  for (const r of dossier.rows) {
    const out: Record<string, unknown> = {};
    for (const g of r.groups) {
      if (g.portable === false) {
        leftOut.add(CATEGORIES[g.category].label);
        continue;
      }
      for (const column of g.portable === true ? g.columns : g.portable) out[camel(column)] = r.values[column] ?? null;
    }
    if (Object.keys(out).length > 0) (tables[r.table] ??= []).push(out);
  }
  if (Object.keys(tables).length === 0) throw new AppError('VALIDATION', msg('requests.portabilityNotForSubject'));
  const location = await getLocation(db);
  const data = { format: PERSON_PORTABILITY_FORMAT, version: 1, exportedOn: today, source: { organisation: location?.name ?? '', lrkNumber: location?.lrk_number ?? '' }, subjectType: type, data: tables };
  const csv = Object.entries(tables).map(([table, rows]) => {
    const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const body = rows.map((r) => header.map((h) => (r[h] === null || r[h] === undefined ? '' : String(r[h] as string | number))));
    return { fileName: `${table}.csv`, base64: toCsv(header, body).toString('base64'), mime: 'text/csv' };
  });
  const letter = new LetterWriter(core.options.resourcesDir, await letterHead(db, row, 'Uw gegevens om mee te nemen (dataportabiliteit)', today)).paragraph(
    `Op ${nlDate(row.received_on)} vroeg u de gegevens die u ons gaf in een bestand dat u aan een andere organisatie kunt geven (AVG artikel 20). U vindt ze in de bijgevoegde bestanden: een JSON-bestand (${PERSON_PORTABILITY_FORMAT}, versie 1) en CSV-bestanden die in een spreadsheet openen.`,
  );
  letter.heading('Wat erin staat');
  for (const r of dossier.rows) {
    for (const g of r.groups) {
      if (g.portable === false) continue;
      for (const item of present(r, { ...g, columns: g.portable === true ? g.columns : g.portable })) letter.bullet(`${item.label}: ${item.value}`);
    }
  }
  if (leftOut.size > 0) {
    letter.heading('Wat er niet in staat, en waarom');
    letter.paragraph('Deze gegevens verwerken wij niet met uw toestemming of voor een overeenkomst met u, maar bijvoorbeeld voor een wettelijke verplichting, of wij legden ze zelf vast. Ze vallen daarom niet onder dataportabiliteit; u kunt ze wel inzien.');
    for (const label of leftOut) letter.bullet(label);
  }
  const summary = await letter.signature(session.name, 'Locatiemanager').finish();
  return {
    folderName: `dataportabiliteit-${requestReference(row).toLowerCase()}`,
    files: [
      { fileName: 'dataportabiliteit.json', base64: Buffer.from(JSON.stringify(data, null, 2), 'utf8').toString('base64'), mime: 'application/json' },
      ...csv,
      { fileName: 'samenvatting.pdf', base64: summary.toString('base64'), mime: 'application/pdf' },
    ],
  };
}
