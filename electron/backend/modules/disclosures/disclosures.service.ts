import { nlDate } from '../../../../shared/domain/dates';
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import type { DisclosureEntry, DisclosureParams, DisclosurePreview, MunicipalityInput, RecipientDisclosureInput } from '../../../../shared/api/consents.schemas';
import { contractStatus } from '../../../../shared/domain/contracts';
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
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { renderTablePdf } from '../../pdf/table.pdf';
import { queueUpsert } from '../../sync/outbox';
import { appendAudit } from '../audit/audit.service';
import { findChild } from '../children/children.repository';
import { currentLocationId } from '../location/location.service';
import { restrictedIds } from '../requests/restrictions';
import { toCsv } from './csv';

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
  const rows = await db
    .selectFrom('children')
    .innerJoin('households', 'households.id', 'children.household_id')
    .leftJoin('parents', (join) => join.onRef('parents.household_id', '=', 'children.household_id').on('parents.is_contract_parent', '=', 1))
    .select([
      'children.id as child_id',
      'children.first_name',
      'children.surname_prefix',
      'children.surname',
      'children.birth_date',
      'children.bsn as child_bsn',
      'children.group_name',
      'households.street',
      'households.house_number',
      'households.postcode',
      'households.city',
      'parents.id as parent_id',
      'parents.first_name as parent_first_name',
      'parents.surname_prefix as parent_surname_prefix',
      'parents.surname as parent_surname',
      'parents.bsn as parent_bsn',
    ])
    .orderBy('children.surname')
    .orderBy('children.first_name')
    .execute();
  const contracts = await db.selectFrom('contracts').select(['child_id', 'care_type', 'hours_per_week', 'start_date', 'end_date']).execute();
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
    const present = all.filter((r) => (!params.groupName || r.group_name === params.groupName) && r.contracts.some((c) => contractStatus(c.start_date, c.end_date, date) === 'actief'));
    return {
      recipient: 'ggd',
      recipientName: RECIPIENT_LABEL.ggd,
      legalBasis: LEGAL_BASIS.ggd,
      period: date,
      fields: GGD_FIELDS,
      subjects: present.map((r) => ({ childId: r.child_id, parentId: null, values: baseValues(r) })),
    };
  }
  const config = await db.selectFrom('municipality_configs').selectAll().where('id', '=', params.municipalityId!).executeTakeFirst();
  if (!config) throw new AppError('NOT_FOUND', 'Deze gemeente is niet ingesteld.');
  const fields = (JSON.parse(config.fields) as DisclosureField[]).filter((f) => VVE_ALLOWED_FIELDS.includes(f));
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

async function register(
  trx: Trx,
  core: AppCore,
  session: Session,
  entry: { recipient: Recipient; recipientName: string; legalBasis: string; fields: readonly string[]; format: string; period: string | null; exchangeConsentId?: string | null },
  subjects: { type: 'child' | 'parent'; id: string }[],
): Promise<string> {
  const id = uuidv7();
  const location_id = await currentLocationId(trx);
  await trx
    .insertInto('disclosures')
    .values({
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
    })
    .execute();
  await queueUpsert(trx, 'disclosures', id, core.now());
  for (const subject of subjects) {
    const subjectRowId = uuidv7();
    await trx.insertInto('disclosure_subjects').values({ id: subjectRowId, location_id, disclosure_id: id, subject_type: subject.type, subject_id: subject.id, version: null }).execute();
    await queueUpsert(trx, 'disclosure_subjects', subjectRowId, core.now());
  }
  await appendAudit(trx, { userId: session.userId, action: 'disclosures.export', entity: 'disclosure', entityId: id, details: { recipient: entry.recipient, subjects: subjects.length, format: entry.format } }, core.now());
  return id;
}

const SLUG: Record<Recipient, string> = { belastingdienst: 'belastingdienst', ggd: 'ggd', gemeente_vve: 'gemeente-vve', school: 'school', marketing: 'marketing' };

/** Export = the file plus its line in the verstrekkingenregister, in one transaction. */
export async function exportDisclosure(core: AppCore, session: Session, params: Params, format: 'csv' | 'pdf', today: string) {
  const set = await buildDataSet(core.db(), params, today);
  const header = set.fields.map((f) => DISCLOSURE_FIELDS[f]);
  const rows = rowsOf(set);
  const file =
    format === 'csv'
      ? toCsv(header, rows)
      : await renderTablePdf(core.options.resourcesDir, {
          title: `Verstrekking aan ${set.recipientName}`,
          lines: [`Wettelijke grondslag: ${set.legalBasis}`, `Periode/datum: ${set.period}`, `Opgesteld door ${session.name} op ${nlDate(today)}`, `Aantal personen: ${set.subjects.length}`],
          header,
          rows,
          footer: 'Vertrouwelijk — alleen voor de genoemde ontvanger',
        });
  await core.transaction(async (trx) => {
    const subjects = set.subjects.flatMap((s) => [{ type: 'child' as const, id: s.childId }, ...(s.parentId && set.fields.some((f) => f.startsWith('parent_')) ? [{ type: 'parent' as const, id: s.parentId }] : [])]);
    await register(trx, core, session, { recipient: set.recipient, recipientName: set.recipientName, legalBasis: set.legalBasis, fields: set.fields, format, period: set.period }, subjects);
  });
  return { fileName: `verstrekking-${SLUG[set.recipient]}-${set.period}.${format}`, base64: file.toString('base64'), mime: format === 'csv' ? 'text/csv' : 'application/pdf' };
}

/** Sharing with a school or care institution needs a valid written consent of the contract parent. */
export async function recordRecipientDisclosure(core: AppCore, session: Session, input: z.output<typeof RecipientDisclosureInput>): Promise<DisclosureEntry> {
  const id = await core.transaction(async (trx) => {
    const child = await findChild(trx, input.childId);
    if (!child) throw new AppError('NOT_FOUND', 'Dit kind bestaat niet (meer).');
    const consents = await trx.selectFrom('exchange_consents').selectAll().where('child_id', '=', child.id).execute();
    const name = input.recipientName.trim().toLocaleLowerCase('nl');
    const valid = consents.find((c) => c.recipient_name.trim().toLocaleLowerCase('nl') === name && !c.withdrawn_on && c.valid_until >= input.disclosedOn && c.given_on <= input.disclosedOn);
    if (!valid) {
      const expired = consents.find((c) => c.recipient_name.trim().toLocaleLowerCase('nl') === name);
      const reason = !expired
        ? `Er is geen schriftelijke toestemming van de contractouder voor uitwisseling met ${input.recipientName}.`
        : expired.withdrawn_on
          ? `De toestemming voor uitwisseling met ${input.recipientName} is ingetrokken op ${nlDate(expired.withdrawn_on)}.`
          : `De toestemming voor uitwisseling met ${input.recipientName} is niet geldig op ${nlDate(input.disclosedOn)} (geldig tot ${nlDate(expired.valid_until)}).`;
      throw new AppError('FORBIDDEN', `${reason} Zonder geldige toestemming mogen deze gegevens niet worden gedeeld.`);
    }
    return register(
      trx,
      core,
      session,
      { recipient: 'school', recipientName: input.recipientName, legalBasis: `Schriftelijke toestemming contractouder van ${nlDate(valid.given_on)}: ${input.dataDescription}`, fields: [input.dataDescription], format: 'handmatig', period: input.disclosedOn, exchangeConsentId: valid.id },
      [{ type: 'child', id: child.id }],
    );
  });
  return (await disclosureRegister(core.db(), {})).find((e) => e.id === id)!;
}

export async function disclosureRegister(db: DbOrTrx, filter: { subjectType?: 'child' | 'parent' | null; subjectId?: string | null }): Promise<DisclosureEntry[]> {
  let query = db.selectFrom('disclosures').selectAll().orderBy('created_at', 'desc');
  if (filter.subjectId) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('disclosure_subjects')
          .select('disclosure_subjects.id')
          .whereRef('disclosure_subjects.disclosure_id', '=', 'disclosures.id')
          .where('disclosure_subjects.subject_id', '=', filter.subjectId!)
          .where('disclosure_subjects.subject_type', '=', filter.subjectType ?? 'child'),
      ),
    );
  }
  return (await query.execute()).map((r) => ({
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

// ---- municipalities (VVE) -------------------------------------------------------------------

export async function listMunicipalities(db: DbOrTrx) {
  return (await db.selectFrom('municipality_configs').selectAll().orderBy('name').execute()).map((r) => ({ id: r.id, name: r.name, legalBasis: r.legal_basis, fields: JSON.parse(r.fields) as DisclosureField[] }));
}

export async function saveMunicipality(core: AppCore, session: Session, input: z.output<typeof MunicipalityInput>) {
  const notAllowed = input.fields.filter((f) => !VVE_ALLOWED_FIELDS.includes(f));
  if (notAllowed.length) throw new AppError('VALIDATION', `Deze gegevens horen niet bij een VVE-verantwoording: ${notAllowed.map((f) => DISCLOSURE_FIELDS[f]).join(', ')}.`, { fields: 'Niet toegestaan gegeven gekozen.' });
  const id = input.id ?? uuidv7();
  await core.transaction(async (trx) => {
    const values = { name: input.name, legal_basis: input.legalBasis, fields: JSON.stringify(input.fields), updated_at: core.now().toISOString() };
    if (input.id) {
      const updated = await trx.updateTable('municipality_configs').set(values).where('id', '=', input.id).executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND', 'Deze gemeente bestaat niet (meer).');
    } else {
      await trx.insertInto('municipality_configs').values({ id, location_id: await currentLocationId(trx), ...values, version: null }).execute();
    }
    await queueUpsert(trx, 'municipality_configs', id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'municipalities.save', entity: 'municipality', entityId: id }, core.now());
  });
  return (await listMunicipalities(core.db())).find((m) => m.id === id)!;
}

// ---- marketing --------------------------------------------------------------------------------

/** Normalised as the ad platforms require before hashing: trimmed, lower case. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();
export const hashEmail = (email: string) => createHash('sha256').update(normaliseEmail(email)).digest('hex');

export async function listOptOuts(db: DbOrTrx) {
  return (await db.selectFrom('marketing_opt_outs').selectAll().orderBy('requested_on', 'desc').execute()).map((r) => ({ id: r.id, email: r.email, requestedOn: r.requested_on, how: r.how, recordedByName: r.recorded_by_name }));
}

/** Records an opt-out inside `trx` (also part of handling an AVG-verzoek: bezwaar tegen marketing). */
export async function recordOptOut(trx: Trx, core: AppCore, session: Session, input: { email: string; requestedOn: string; how: string }): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('marketing_opt_outs')
    .values({ id, location_id: await currentLocationId(trx), email: normaliseEmail(input.email), requested_on: input.requestedOn, how: input.how, recorded_at: core.now().toISOString(), recorded_by_name: session.name, version: null })
    .execute();
  await queueUpsert(trx, 'marketing_opt_outs', id, core.now());
  await appendAudit(trx, { userId: session.userId, action: 'marketing.optOut', entity: 'optOut', entityId: id }, core.now());
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
  const optedOut = new Set((await db.selectFrom('marketing_opt_outs').select('email').execute()).map((r) => r.email));
  const restricted = await restrictedIds(db, 'parent', today);
  const parents = await db.selectFrom('parents').select(['id', 'email']).where('email', 'is not', null).execute();
  const included = new Map<string, string>();
  for (const p of parents) {
    const email = normaliseEmail(p.email!);
    if (optedOut.has(email) || restricted.has(p.id) || included.has(email)) continue;
    included.set(email, p.id);
  }
  const hashes = [...included.keys()].map(hashEmail).sort();
  const file = toCsv(['email'], hashes.map((h) => [h]));
  await core.transaction((trx) =>
    register(
      trx,
      core,
      session,
      { recipient: 'marketing', recipientName, legalBasis: 'Gerechtvaardigd belang (marketing), gepseudonimiseerd; bezwaar gehonoreerd', fields: ['email (SHA-256)'], format: 'csv', period: today },
      [...included.values()].map((id) => ({ type: 'parent' as const, id })),
    ),
  );
  return { fileName: `marketing-${today}.csv`, base64: file.toString('base64'), mime: 'text/csv', count: hashes.length };
}
