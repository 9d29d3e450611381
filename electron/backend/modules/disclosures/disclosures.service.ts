import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import type { DisclosureEntry, DisclosureParams, ExportFormat, RecipientDisclosureInput } from '../../../../shared/api/consents.schemas';
import type { LegalDisclosurePreview, RegisterEntry, RestrictedPerson, RestrictionDecisionInput } from '../../../../shared/api/restrictedDisclosures.schemas';
import type { RequestSubjectType, SubjectType } from '../../../../shared/api/requests.schemas';
import { contractStatus } from '../../../../shared/domain/contracts';
import { nlDate, nlPeriod } from '../../../../shared/domain/dates';
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
import { isMeldcodeRecipient } from '../../../../shared/domain/recipients';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, DisclosureSubjectsTable, DisclosuresTable, Trx } from '../../db/schema';
import { renderTablePdf } from '../../../../shared/pdf/table.pdf';
import { queueUpsert } from '../../sync/outbox';
import { requireChild } from '../consents/consents.service';
import { exchangeConsentsOfChild } from '../exchange/exchange.repository';
import { getLocation } from '../location/location.repository';
import { currentLocationId, organisationProfile } from '../location/location.service';
import { findMunicipality } from '../municipalities/municipalities.repository';
import { municipalityFields } from '../municipalities/municipalities.service';
import { toCsv } from './csv';
import { allContractPeriods, disclosureChildRows, disclosureRows, insertDisclosure, insertDisclosureSubject } from './disclosures.repository';
import { comesOn, ggdCsv, ggdHeading, ggdPdf, groupOf, sortedByGroup, type GgdHeading } from './ggd';
import { checkDecisions, decidedAlike, decisionsByDisclosure, keptLines, recordDecisions, restrictedInLines } from './restricted';
import { sameListCandidates, setDisclosureFormat, subjectsOfDisclosure } from './restricted.repository';

type Params = z.output<typeof DisclosureParams>;

/** One person's facts, from which an exporter picks only its recipient's fields. */
interface SubjectFacts {
  childId: string;
  parentId: string | null;
  childName: string;
  parentName: string;
  values: Partial<Record<DisclosureField, string>>;
}

interface DataSet {
  recipient: Recipient;
  recipientName: string;
  legalBasis: string;
  period: string;
  fields: readonly DisclosureField[];
  subjects: SubjectFacts[];
  /** GGD: the location and the day at the top of the list. */
  heading: GgdHeading | null;
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
    group: groupOf(r),
  };
}

/** One line of a data set: the child, the contract parent and the values the exporter picks from. */
function factsOf(r: ChildRow, parentId: string | null, extra: Partial<Record<DisclosureField, string>> = {}): SubjectFacts {
  const values = { ...baseValues(r), ...extra };
  return { childId: r.child_id, parentId, childName: `${values.child_first_name ?? ''} ${values.child_surname ?? ''}`.trim(), parentName: values.parent_name ?? '', values };
}

/** Whether the recipient gets the contract parent's data too (then the parent's restriction counts). */
const carriesParent = (set: DataSet) => set.fields.some((f) => f.startsWith('parent_'));

/**
 * The data set of a legally required disclosure and the persons in it under restriction (AVG
 * art. 18). Lines with a restricted person go out only when every such person is included by the
 * manager's decision; without decisions (the preview) they stay out and are named in `restricted`.
 */
async function buildDataSet(db: DbOrTrx, params: Params, today: string, chosen: ReadonlyMap<string, RestrictionDecisionInput> = new Map()): Promise<{ set: DataSet; restricted: RestrictedPerson[] }> {
  const full = await buildFullDataSet(db, params, today);
  const restricted = await restrictedInLines(db, full.subjects, carriesParent(full), today);
  return { set: { ...full, subjects: keptLines(full.subjects, carriesParent(full), restricted, chosen) }, restricted };
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
      if (hours > 0) subjects.push(factsOf(r, r.parent_id, { hours: hours.toFixed(1).replace('.', ',') }));
    }
    return { recipient: 'belastingdienst', recipientName: RECIPIENT_LABEL.belastingdienst, legalBasis: LEGAL_BASIS.belastingdienst, period: month, fields: BELASTINGDIENST_FIELDS, subjects, heading: null };
  }
  if (params.kind === 'ggd') {
    const date = params.date!;
    // Only the children who come that day (a running contract whose days include the weekday), per group.
    const present = sortedByGroup(
      all.filter((r) => (!params.groupId || r.group_id === params.groupId) && comesOn(r.contracts, date)),
      groupOf,
    );
    return {
      recipient: 'ggd',
      recipientName: RECIPIENT_LABEL.ggd,
      legalBasis: LEGAL_BASIS.ggd,
      period: date,
      fields: GGD_FIELDS,
      subjects: present.map((r) => factsOf(r, null)),
      heading: ggdHeading(await getLocation(db), date),
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
    subjects.push(
      factsOf(r, null, {
        hours: vve.reduce((sum, c) => sum + c.hours_per_week, 0).toFixed(1).replace('.', ','),
        care_type: 'peuteropvang',
        contract_start: nlDate(vve.map((c) => c.start_date).sort()[0]!),
      }),
    );
  }
  return { recipient: 'gemeente_vve', recipientName: `Gemeente ${config.name} (VVE)`, legalBasis: config.legal_basis, period: today, fields, subjects, heading: null };
}

/** Rows contain exactly the recipient's fields, in its order — nothing else can leak in. */
const rowsOf = (set: DataSet) => set.subjects.map((s) => set.fields.map((f) => s.values[f] ?? ''));

export async function previewDisclosure(db: DbOrTrx, params: Params, today: string): Promise<LegalDisclosurePreview> {
  const { set, restricted } = await buildDataSet(db, params, today);
  const bsnColumns = set.fields.map((f, i) => (f === 'child_bsn' || f === 'parent_bsn' ? i : -1)).filter((i) => i >= 0);
  return {
    recipientName: set.recipientName,
    legalBasis: set.legalBasis,
    columns: set.fields.map((key) => ({ key, label: DISCLOSURE_FIELDS[key] })),
    // The preview on screen shows BSNs masked; only the export file holds them in full.
    rows: rowsOf(set).map((row) => row.map((v, i) => (bsnColumns.includes(i) && v ? `••••••${v.slice(-3)}` : v))),
    heading: set.heading,
    restricted,
  };
}

/** A line in the verstrekkingenregister with the persons it concerned; returns its id. */
export async function registerDisclosure(
  trx: Trx,
  core: AppCore,
  session: Session,
  entry: {
    recipient: DisclosuresTable['recipient'];
    recipientName: string;
    legalBasis: string;
    fields: readonly string[];
    format: string;
    period: string | null;
    exchangeConsentId?: string | null;
    /** Manual lines (Verstrekking vastleggen, Veilig Thuis): the order reference, confidentiality, day and case file. */
    orderReference?: string | null;
    confidentiality?: string | null;
    disclosedOn?: string | null;
    meldcodeCaseId?: string | null;
  },
  subjects: { type: DisclosureSubjectsTable['subject_type']; id: string }[],
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
    order_reference: entry.orderReference ?? null,
    confidentiality: entry.confidentiality ?? null,
    disclosed_on: entry.disclosedOn ?? null,
    meldcode_case_id: entry.meldcodeCaseId ?? null,
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

/**
 * The register line this export belongs to: an earlier line with the same recipient, period,
 * fields, persons and restriction decisions is the same list (downloaded in another format).
 */
async function sameList(db: DbOrTrx, set: DataSet, subjects: readonly { type: SubjectType; id: string }[], decisions: readonly RestrictionDecisionInput[]) {
  const wanted = subjects.map((s) => `${s.type}:${s.id}`).sort();
  for (const candidate of await sameListCandidates(db, { recipient: set.recipient, recipientName: set.recipientName, legalBasis: set.legalBasis, fields: JSON.stringify(set.fields), period: set.period })) {
    const earlier = (await subjectsOfDisclosure(db, candidate.id)).map((s) => `${s.subject_type}:${s.subject_id}`).sort();
    if (earlier.length === wanted.length && earlier.every((v, i) => v === wanted[i]) && (await decidedAlike(db, candidate.id, decisions))) return candidate;
  }
  return null;
}

/**
 * Export = the file plus its line in the verstrekkingenregister, in one transaction. Refused
 * (nothing written) until every restricted person in the selection is decided; the same list in
 * another format adds the format to its line instead of a second line.
 */
export async function exportDisclosure(core: AppCore, session: Session, params: Params, format: ExportFormat, decisions: readonly RestrictionDecisionInput[], today: string) {
  const preview = await buildDataSet(core.db(), params, today);
  const chosen = checkDecisions(preview.restricted, decisions);
  const { set } = await buildDataSet(core.db(), params, today, chosen);
  const header = set.fields.map((f) => DISCLOSURE_FIELDS[f]);
  const rows = rowsOf(set);
  const lines = [`Wettelijke grondslag: ${set.legalBasis}`, `Periode/datum: ${nlPeriod(set.period)}`, `Opgesteld door ${session.name} op ${nlDate(today)}`, `Aantal kinderen: ${set.subjects.length}`];
  const title = `Verstrekking aan ${set.recipientName}`;
  const footer = 'Vertrouwelijk — alleen voor de genoemde ontvanger';
  // The recipient learns who the controller is and whom to ask (issue 18 part 7).
  const organisation = format === 'csv' ? null : await organisationProfile(core.db());
  const file =
    format === 'csv'
      ? set.heading
        ? ggdCsv(set.heading, header, rows)
        : toCsv(header, rows)
      : set.heading
        ? await ggdPdf(core.options.resourcesDir, { heading: set.heading, title, lines: lines.filter((l) => !l.startsWith('Periode/datum')), organisation, header, rows, groupColumn: set.fields.indexOf('group'), footer })
        : await renderTablePdf(core.options.resourcesDir, { title, lines, organisation, header, rows, footer });
  const subjects = set.subjects.flatMap((s) => [{ type: 'child' as const, id: s.childId }, ...(s.parentId && carriesParent(set) ? [{ type: 'parent' as const, id: s.parentId }] : [])]);
  const { disclosureId, reused } = await core.transaction(async (trx) => {
    const earlier = await sameList(trx, set, subjects, [...chosen.values()]);
    if (earlier) {
      const formats = earlier.format.split(', ');
      if (!formats.includes(format)) {
        await setDisclosureFormat(trx, earlier.id, [...formats, format].join(', '));
        await queueUpsert(trx, 'disclosures', earlier.id, core.now());
      }
      return { disclosureId: earlier.id, reused: true };
    }
    const id = await registerDisclosure(trx, core, session, { recipient: set.recipient, recipientName: set.recipientName, legalBasis: set.legalBasis, fields: set.fields, format, period: set.period }, subjects);
    await recordDecisions(trx, core, id, chosen.values());
    return { disclosureId: id, reused: false };
  });
  return {
    fileName: `verstrekking-${SLUG[set.recipient]}-${set.period}.${format}`,
    base64: file.toString('base64'),
    mime: format === 'csv' ? 'text/csv' : 'application/pdf',
    disclosureId,
    subjectCount: subjects.length,
    reused,
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
  const { restrictionDecisions: _none, ...entry } = (await disclosureRegister(core.db(), {})).find((e) => e.id === id)!;
  return entry;
}

/**
 * The register, or one person's lines in it. Veilig Thuis lines (meldcode information) are left out
 * unless `includeMeldcode`: for a user without meldcode access they do not exist, not even as a count.
 */
export async function disclosureRegister(db: DbOrTrx, filter: { subjectType?: RequestSubjectType | null; subjectId?: string | null; includeMeldcode?: boolean }): Promise<RegisterEntry[]> {
  const rows = (await disclosureRows(db, filter.subjectId ? { type: filter.subjectType ?? 'child', id: filter.subjectId } : null)).filter((r) => filter.includeMeldcode === true || !isMeldcodeRecipient(r.recipient));
  const decisions = await decisionsByDisclosure(
    db,
    rows.map((r) => r.id),
  );
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
    restrictionDecisions: decisions.get(r.id) ?? [],
    orderReference: r.order_reference,
    confidentiality: r.confidentiality,
    disclosedOn: r.disclosed_on,
  }));
}
