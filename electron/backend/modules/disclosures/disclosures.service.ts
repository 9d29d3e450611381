import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import type { DisclosureEntry, DisclosureParams, DisclosurePreview, ExportFormat, RecipientDisclosureInput } from '../../../../shared/api/consents.schemas';
import type { SubjectType } from '../../../../shared/api/requests.schemas';
import { contractStatus } from '../../../../shared/domain/contracts';
import { nlDate } from '../../../../shared/domain/dates';
import {
  BELASTINGDIENST_FIELDS,
  DISCLOSURE_FIELDS,
  GGD_FIELDS,
  LEGAL_BASIS,
  RECIPIENT_LABEL,
  VVE_ALLOWED_FIELDS,
  type DisclosureField,
  type Recipient,
} from '../../../../shared/domain/disclosures';
import { displayName } from '../../../../shared/domain/names';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { renderTablePdf } from '../../pdf/table.pdf';
import { queueUpsert } from '../../sync/outbox';
import { requireChild } from '../consents/consents.service';
import { exchangeConsentsOfChild } from '../exchange/exchange.repository';
import { currentLocationId } from '../location/location.service';
import { findMunicipality } from '../municipalities/municipalities.repository';
import { municipalityFields } from '../municipalities/municipalities.service';
import { restrictedIds } from '../requests/restrictions';
import { toCsv } from './csv';
import { allContractPeriods, disclosureChildRows, disclosureRows, insertDisclosure, insertDisclosureSubject } from './disclosures.repository';

type Params = z.output<typeof DisclosureParams>;

/** One person's facts, from which an exporter picks only its recipient's fields. */
interface SubjectFacts {
  childId: string;
  parentId: string | null;
  values: Partial<Record<DisclosureField, string>>;
}

interface DataSet {
  recipient: Recipient;
  recipientName: string;
  legalBasis: string;
  period: string;
  fields: readonly DisclosureField[];
  subjects: SubjectFacts[];
}

const lastDayOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** Children with their contract parent and contracts, the raw material of every data set. */
async function childrenWithContracts(db: DbOrTrx) {
  const rows = await disclosureChildRows(db);
  const contracts = await allContractPeriods(db);
  return rows.map((r) => ({ ...r, contracts: contracts.filter((c) => c.child_id === r.child_id) }));
}

type ChildRow = Awaited<ReturnType<typeof childrenWithContracts>>[number];

function baseValues(r: ChildRow): Partial<Record<DisclosureField, string>> {
  return {
    child_first_name: r.first_name,
    child_surname: [r.surname_prefix, r.surname].filter(Boolean).join(' '),
    child_birth_date: nlDate(r.birth_date),
    child_bsn: r.child_bsn ?? '',
    parent_name: r.parent_first_name ? displayName({ firstName: r.parent_first_name, surnamePrefix: r.parent_surname_prefix, surname: r.parent_surname ?? '' }) : '',
    parent_bsn: r.parent_bsn ?? '',
    address: `${r.street} ${r.house_number}`,
    postcode: r.postcode,
    city: r.city,
    group: r.group_name,
  };
}

/** The data set without anyone whose processing is restricted (AVG art. 18). */
async function buildDataSet(db: DbOrTrx, params: Params, today: string): Promise<DataSet> {
  const [set, children, parents] = await Promise.all([buildFullDataSet(db, params, today), restrictedIds(db, 'child', today), restrictedIds(db, 'parent', today)]);
  return { ...set, subjects: set.subjects.filter((s) => !children.has(s.childId) && !(s.parentId && parents.has(s.parentId))) };
}

async function buildFullDataSet(db: DbOrTrx, params: Params, today: string): Promise<DataSet> {
  const all = await childrenWithContracts(db);
  if (params.kind === 'belastingdienst') {
    const month = params.month!;
    const first = `${month}-01`;
    const last = lastDayOfMonth(month);
    const subjects: SubjectFacts[] = [];
    for (const r of all) {
      // Afgenomen uren: contract hours per week over the days of the month the contract ran.
      let hours = 0;
      for (const c of r.contracts) {
        const from = c.start_date > first ? c.start_date : first;
        const to = c.end_date && c.end_date < last ? c.end_date : last;
        if (from <= to) hours += (c.hours_per_week * daysBetween(from, to)) / 7;
      }
      if (hours > 0) subjects.push({ childId: r.child_id, parentId: r.parent_id, values: { ...baseValues(r), hours: hours.toFixed(1).replace('.', ',') } });
    }
    return { recipient: 'belastingdienst', recipientName: RECIPIENT_LABEL.belastingdienst, legalBasis: LEGAL_BASIS.belastingdienst, period: month, fields: BELASTINGDIENST_FIELDS, subjects };
  }
  if (params.kind === 'ggd') {
    const date = params.date!;
    const present = all.filter((r) => (!params.groupId || r.group_id === params.groupId) && r.contracts.some((c) => contractStatus(c.start_date, c.end_date, date) === 'actief'));
    return {
      recipient: 'ggd',
      recipientName: RECIPIENT_LABEL.ggd,
      legalBasis: LEGAL_BASIS.ggd,
      period: date,
      fields: GGD_FIELDS,
      subjects: present.map((r) => ({ childId: r.child_id, parentId: null, values: baseValues(r) })),
    };
  }
  const config = await findMunicipality(db, params.municipalityId!);
  if (!config) throw new AppError('NOT_FOUND', msg('disclosures.municipalityNotSetUp'));
  const fields = municipalityFields(config.fields).filter((f) => VVE_ALLOWED_FIELDS.includes(f));
  const city = config.name.toLocaleLowerCase('nl');
  const subjects: SubjectFacts[] = [];
  for (const r of all) {
    const vve = r.contracts.filter((c) => c.care_type === 'peuteropvang' && contractStatus(c.start_date, c.end_date, today) === 'actief');
    if (vve.length === 0 || r.city.toLocaleLowerCase('nl') !== city) continue;
    subjects.push({
      childId: r.child_id,
      parentId: null,
      values: {
        ...baseValues(r),
        hours: vve.reduce((sum, c) => sum + c.hours_per_week, 0).toFixed(1).replace('.', ','),
        care_type: 'peuteropvang',
        contract_start: nlDate(vve.map((c) => c.start_date).sort()[0]!),
      },
    });
  }
  return { recipient: 'gemeente_vve', recipientName: `Gemeente ${config.name} (VVE)`, legalBasis: config.legal_basis, period: today, fields, subjects };
}

/** Rows contain exactly the recipient's fields, in its order — nothing else can leak in. */
const rowsOf = (set: DataSet) => set.subjects.map((s) => set.fields.map((f) => s.values[f] ?? ''));

export async function previewDisclosure(db: DbOrTrx, params: Params, today: string): Promise<DisclosurePreview> {
  const set = await buildDataSet(db, params, today);
  const bsnColumns = set.fields.map((f, i) => (f === 'child_bsn' || f === 'parent_bsn' ? i : -1)).filter((i) => i >= 0);
  return {
    recipientName: set.recipientName,
    legalBasis: set.legalBasis,
    columns: set.fields.map((key) => ({ key, label: DISCLOSURE_FIELDS[key] })),
    // The preview on screen shows BSNs masked; only the export file holds them in full.
    rows: rowsOf(set).map((row) => row.map((v, i) => (bsnColumns.includes(i) && v ? `••••••${v.slice(-3)}` : v))),
  };
}

/** A line in the verstrekkingenregister with the persons it concerned; returns its id. */
export async function registerDisclosure(
  trx: Trx,
  core: AppCore,
  session: Session,
  entry: { recipient: Recipient; recipientName: string; legalBasis: string; fields: readonly string[]; format: string; period: string | null; exchangeConsentId?: string | null },
  subjects: { type: SubjectType; id: string }[],
): Promise<string> {
  const id = uuidv7();
  const location_id = await currentLocationId(trx);
  await insertDisclosure(trx, {
    id,
    location_id,
    recipient: entry.recipient,
    recipient_name: entry.recipientName,
    legal_basis: entry.legalBasis,
    fields: JSON.stringify(entry.fields),
    subject_count: subjects.length,
    format: entry.format,
    period: entry.period,
    exchange_consent_id: entry.exchangeConsentId ?? null,
    created_at: core.now().toISOString(),
    created_by: session.userId,
    created_by_name: session.name,
    version: null,
  });
  await queueUpsert(trx, 'disclosures', id, core.now());
  for (const subject of subjects) {
    const subjectRowId = uuidv7();
    await insertDisclosureSubject(trx, { id: subjectRowId, location_id, disclosure_id: id, subject_type: subject.type, subject_id: subject.id, version: null });
    await queueUpsert(trx, 'disclosure_subjects', subjectRowId, core.now());
  }
  return id;
}

const SLUG: Record<Recipient, string> = { belastingdienst: 'belastingdienst', ggd: 'ggd', gemeente_vve: 'gemeente-vve', school: 'school', marketing: 'marketing' };

/** Export = the file plus its line in the verstrekkingenregister, in one transaction. */
export async function exportDisclosure(core: AppCore, session: Session, params: Params, format: ExportFormat, today: string) {
  const set = await buildDataSet(core.db(), params, today);
  const header = set.fields.map((f) => DISCLOSURE_FIELDS[f]);
  const rows = rowsOf(set);
  const file =
    format === 'csv'
      ? toCsv(header, rows)
      : await renderTablePdf(core.options.resourcesDir, {
          title: `Verstrekking aan ${set.recipientName}`,
          lines: [`Wettelijke grondslag: ${set.legalBasis}`, `Periode/datum: ${set.period}`, `Opgesteld door ${session.name} op ${nlDate(today)}`, `Aantal kinderen: ${set.subjects.length}`],
          header,
          rows,
          footer: 'Vertrouwelijk — alleen voor de genoemde ontvanger',
        });
  const subjects = set.subjects.flatMap((s) => [{ type: 'child' as const, id: s.childId }, ...(s.parentId && set.fields.some((f) => f.startsWith('parent_')) ? [{ type: 'parent' as const, id: s.parentId }] : [])]);
  const disclosureId = await core.transaction((trx) =>
    registerDisclosure(trx, core, session, { recipient: set.recipient, recipientName: set.recipientName, legalBasis: set.legalBasis, fields: set.fields, format, period: set.period }, subjects),
  );
  return {
    fileName: `verstrekking-${SLUG[set.recipient]}-${set.period}.${format}`,
    base64: file.toString('base64'),
    mime: format === 'csv' ? 'text/csv' : 'application/pdf',
    disclosureId,
    subjectCount: subjects.length,
  };
}

const sameRecipient = (a: string, b: string) => a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

/** Sharing with a school or care institution needs a valid written consent of the contract parent. */
export async function recordRecipientDisclosure(core: AppCore, session: Session, input: z.output<typeof RecipientDisclosureInput>): Promise<DisclosureEntry> {
  const id = await core.transaction(async (trx) => {
    const child = await requireChild(trx, input.childId);
    const consents = (await exchangeConsentsOfChild(trx, child.id)).filter((c) => sameRecipient(c.recipient_name, input.recipientName));
    const valid = consents.find((c) => !c.withdrawn_on && c.valid_until >= input.disclosedOn && c.given_on <= input.disclosedOn);
    if (!valid) {
      const [expired] = consents;
      const recipient = input.recipientName;
      throw new AppError(
        'FORBIDDEN',
        !expired
          ? msg('disclosures.noExchangeConsent', { recipient })
          : expired.withdrawn_on
            ? msg('disclosures.exchangeConsentWithdrawn', { recipient, withdrawnOn: nlDate(expired.withdrawn_on) })
            : msg('disclosures.exchangeConsentNotValid', { recipient, date: nlDate(input.disclosedOn), validUntil: nlDate(expired.valid_until) }),
      );
    }
    return registerDisclosure(
      trx,
      core,
      session,
      { recipient: 'school', recipientName: input.recipientName, legalBasis: `Schriftelijke toestemming contractouder van ${nlDate(valid.given_on)}: ${input.dataDescription}`, fields: [input.dataDescription], format: 'handmatig', period: input.disclosedOn, exchangeConsentId: valid.id },
      [{ type: 'child', id: child.id }],
    );
  });
  return (await disclosureRegister(core.db(), {})).find((e) => e.id === id)!;
}

export async function disclosureRegister(db: DbOrTrx, filter: { subjectType?: SubjectType | null; subjectId?: string | null }): Promise<DisclosureEntry[]> {
  const rows = await disclosureRows(db, filter.subjectId ? { type: filter.subjectType ?? 'child', id: filter.subjectId } : null);
  return rows.map((r) => ({
    id: r.id,
    recipient: r.recipient,
    recipientName: r.recipient_name,
    legalBasis: r.legal_basis,
    fields: JSON.parse(r.fields) as string[],
    subjectCount: r.subject_count,
    format: r.format,
    period: r.period,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
  }));
}
