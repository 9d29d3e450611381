import type { z } from 'zod';
import { ChildInput, ContractInput, HouseholdInput, MedicalInput, PickupPersonInput } from '../../../../shared/api/clients.schemas';
import { ConsentRecordInput } from '../../../../shared/api/consents.schemas';
import type { ExportBundle, PortabilityPreview } from '../../../../shared/api/requests.schemas';
import { AppError } from '../../../../shared/api/result';
import { decodeMessage, msg, translate, zm, type MessageKey } from '../../../../shared/i18n/translate';
import { CHANNEL_LABEL, PURPOSE_LABEL } from '../../../../shared/domain/consents';
import { displayName } from '../../../../shared/domain/names';
import { withClock } from '../../../../shared/domain/clock';
import { nlDate } from '../../../../shared/domain/dates';
import { PORTABILITY_FORMAT, PORTABILITY_VERSION, PortabilityExport } from '../../../../shared/portability/portability';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, SubjectRequestRow, Trx } from '../../db/schema';
import { LetterWriter } from '../../../../shared/pdf/letter';
import { createChild } from '../children/children.service';
import { saveMedical } from '../medical/medical.service';
import { insertConsents } from '../consents/consents.service';
import { createContract } from '../contracts/contracts.service';
import { toCsv } from '../disclosures/csv';
import { childrenOfHousehold } from '../children/children.repository';
import { groupNamed } from '../groups/groups.service';
import { parentsOfHousehold } from '../households/households.repository';
import { createHousehold } from '../households/households.service';
import { getLocation } from '../location/location.repository';
import { insertPickupPerson } from '../pickup/pickup.service';
import { letterHead, requestReference } from './documents.service';
import { subjectRows, type SubjectRow } from './subjectRows';
import { findParent } from './requests.repository';
import { requireRequest } from './requests.service';
import { ownPortabilityExport } from './portabilityOwn.service';
import { isOwnRecordSubject } from '../../../../shared/domain/requests';

/** Children not yet placed in a group when taken in from another organisation. */
const IMPORT_GROUP = 'Nog in te delen';

type Convert = (v: unknown) => unknown;
const bool: Convert = (v) => v === 1 || v === true;
const jsonList: Convert = (v) => JSON.parse(String(v)) as unknown;

/**
 * The published file format (version 1): per table, the JSON field each column goes to. Which
 * columns go in at all is the data map's `portable` flag (consent and contract bases only): a
 * column the map does not mark portable is left out even when the format has a field for it.
 */
export const FORMAT_V1: Readonly<Record<string, Readonly<Record<string, { field: string; convert?: Convert }>>>> = {
  parents: {
    first_name: { field: 'firstName' },
    initials: { field: 'initials' },
    surname_prefix: { field: 'surnamePrefix' },
    surname: { field: 'surname' },
    email: { field: 'email' },
    phone: { field: 'phone' },
    has_parental_authority: { field: 'hasParentalAuthority', convert: bool },
    is_contract_parent: { field: 'isContractParent', convert: bool },
  },
  households: { street: { field: 'street' }, house_number: { field: 'houseNumber' }, postcode: { field: 'postcode' }, city: { field: 'city' }, iban: { field: 'iban' }, iban_holder: { field: 'ibanHolder' } },
  children: { first_name: { field: 'firstName' }, initials: { field: 'initials' }, surname_prefix: { field: 'surnamePrefix' }, surname: { field: 'surname' }, birth_date: { field: 'birthDate' } },
  contracts: { care_type: { field: 'careType' }, days: { field: 'days', convert: jsonList }, hours_per_week: { field: 'hoursPerWeek' }, start_date: { field: 'startDate' }, end_date: { field: 'endDate' } },
  child_medical: { allergies: { field: 'allergies' }, diet: { field: 'diet' }, medication: { field: 'medication' }, other_particulars: { field: 'otherParticulars' } },
  pickup_persons: { name: { field: 'name' }, relation: { field: 'relation' }, phone: { field: 'phone' }, valid_until: { field: 'validUntil' } },
  photo_consents: { purpose: { field: 'purpose' }, decision: { field: 'given', convert: (v) => v === 'given' }, recognisable: { field: 'recognisable', convert: bool }, decided_on: { field: 'decidedOn' }, channel: { field: 'channel' } },
};

/** Portable under the map but without a place in format version 1 yet: named in the summary, so nothing is left out silently. */
export const NOT_IN_FORMAT_V1: Readonly<Record<string, string>> = {
  exchange_consents: 'Toestemmingen voor uitwisseling met school of zorginstelling',
  waitlist_entries: 'De wachtlijstaanvraag',
};

/** A row's portable values (the map's `portable` columns of its groups), in the format's fields. */
function portableFields(row: SubjectRow): Record<string, unknown> {
  const format = FORMAT_V1[row.table] ?? {};
  const out: Record<string, unknown> = {};
  for (const group of row.groups) {
    if (group.portable === false) continue;
    const columns = group.portable === true ? group.columns : group.portable;
    for (const column of columns) {
      const spec = format[column];
      if (spec) out[spec.field] = spec.convert ? spec.convert(row.values[column]) : row.values[column];
    }
  }
  return out;
}

const rowsOf = (rows: readonly SubjectRow[], table: string) => rows.filter((r) => r.table === table && r.groups.some((g) => g.portable !== false));

/**
 * The portable data of a request: the contract parent (or the parent themself), the household's
 * address and IBAN, and the children whose rights the contract parent exercises — for a request
 * about a child, only that child. Rows and columns from the data map (subjectRows, `portable`).
 */
async function portableData(db: DbOrTrx, row: Pick<SubjectRequestRow, 'subject_type' | 'subject_id' | 'household_id' | 'requester_parent_id'>, today: string): Promise<{ data: PortabilityExport; notInFormat: string[] }> {
  // Portability is built for a household's contract (parent, children, address); others are handled by hand (issue 16, not yet in the app).
  if (row.subject_type !== 'parent' && row.subject_type !== 'child') throw new AppError('VALIDATION', msg('requests.portabilityParentsChildrenOnly'));
  const parentId = row.subject_type === 'parent' ? row.subject_id : row.requester_parent_id;
  const parent = parentId ? await findParent(db, parentId) : undefined;
  if (!parent) throw new AppError('NOT_FOUND', msg('requests.parentDataNotFound'));
  const isContractParent = parent.is_contract_parent === 1;
  const parentRows = await subjectRows(db, isContractParent ? 'parent' : 'other_parent', parent.id);
  const own = rowsOf(parentRows, 'parents')[0];
  // An other parent's data rest on legitimate interest: nothing of theirs is portable (art. 20).
  if (!own) throw new AppError('VALIDATION', msg('requests.nothingPortable'));
  const household = rowsOf(parentRows, 'households')[0];
  const children = isContractParent ? (await childrenOfHousehold(db, parent.household_id)).filter((c) => row.subject_type !== 'child' || c.id === row.subject_id) : [];
  const location = await getLocation(db);
  const notInFormat = new Set<string>();
  const exported = await Promise.all(
    children.map(async (c) => {
      const rows = await subjectRows(db, 'child', c.id);
      for (const r of rows) if (NOT_IN_FORMAT_V1[r.table] && r.groups.some((g) => g.portable !== false)) notInFormat.add(NOT_IN_FORMAT_V1[r.table]!);
      const many = (table: string) => rowsOf(rows, table).map(portableFields);
      const medical = rowsOf(rows, 'child_medical')[0];
      return {
        ...portableFields(rowsOf(rows, 'children')[0]!),
        contracts: many('contracts').sort((a, b) => String(a.startDate).localeCompare(String(b.startDate))),
        medical: medical ? portableFields(medical) : null,
        // A revoked pickup person no longer may collect the child: not data in use.
        pickupPersons: rowsOf(rows, 'pickup_persons').filter((r) => !r.values.revoked_at).map(portableFields),
        photoConsents: many('photo_consents'),
      };
    }),
  );
  const data = PortabilityExport.parse({
    format: PORTABILITY_FORMAT,
    version: PORTABILITY_VERSION,
    exportedOn: today,
    source: { organisation: location?.name ?? '', lrkNumber: location?.lrk_number ?? '' },
    parent: portableFields(own),
    household: isContractParent && household ? portableFields(household) : null,
    children: exported,
  });
  return { data, notInFormat: [...notInFormat] };
}

/** The same data as CSV files (one per table), for people who open it in a spreadsheet. */
function csvFiles(data: PortabilityExport) {
  const yesNo = (v: boolean) => (v ? 'ja' : 'nee');
  const p = data.parent;
  const name = (c: { firstName: string; surnamePrefix: string | null; surname: string }) => displayName(c);
  const file = (fileName: string, header: string[], rows: string[][]) => ({ fileName, base64: toCsv(header, rows).toString('base64'), mime: 'text/csv' });
  const h = data.household;
  return [
    file(
      'ouder.csv',
      ['Voornaam', 'Voorletters', 'Tussenvoegsel', 'Achternaam', 'E-mailadres', 'Telefoonnummer', 'Ouderlijk gezag', 'Contractouder', 'Straat', 'Huisnummer', 'Postcode', 'Plaats', 'IBAN', 'Tenaamstelling'],
      [[p.firstName, p.initials ?? '', p.surnamePrefix ?? '', p.surname, p.email ?? '', p.phone ?? '', yesNo(p.hasParentalAuthority), yesNo(p.isContractParent), h?.street ?? '', h?.houseNumber ?? '', h?.postcode ?? '', h?.city ?? '', h?.iban ?? '', h?.ibanHolder ?? '']],
    ),
    file('kinderen.csv', ['Voornaam', 'Voorletters', 'Tussenvoegsel', 'Achternaam', 'Geboortedatum'], data.children.map((c) => [c.firstName, c.initials ?? '', c.surnamePrefix ?? '', c.surname, c.birthDate])),
    file(
      'contracten.csv',
      ['Kind', 'Opvangsoort', 'Dagen', 'Uren per week', 'Begindatum', 'Einddatum'],
      data.children.flatMap((c) => c.contracts.map((k) => [name(c), k.careType, k.days.join(' '), String(k.hoursPerWeek).replace('.', ','), k.startDate, k.endDate ?? ''])),
    ),
    file(
      'medisch.csv',
      ['Kind', 'Allergieën', 'Dieet', 'Medicatie', 'Overige bijzonderheden'],
      data.children.filter((c) => c.medical).map((c) => [name(c), c.medical!.allergies ?? '', c.medical!.diet ?? '', c.medical!.medication ?? '', c.medical!.otherParticulars ?? '']),
    ),
    file('ophaalpersonen.csv', ['Kind', 'Naam', 'Relatie', 'Telefoon', 'Geldig tot'], data.children.flatMap((c) => c.pickupPersons.map((x) => [name(c), x.name, x.relation, x.phone ?? '', x.validUntil ?? '']))),
    file(
      'toestemmingen.csv',
      ['Kind', 'Doel', 'Toestemming', 'Herkenbaar', 'Datum', 'Hoe'],
      data.children.flatMap((c) => c.photoConsents.map((x) => [name(c), PURPOSE_LABEL[x.purpose], yesNo(x.given), yesNo(x.recognisable), x.decidedOn, CHANNEL_LABEL[x.channel]])),
    ),
  ];
}

/** JSON (with its published schema), the CSV bundle and a PDF summary, for the folder the manager picks. */
export async function portabilityExport(core: AppCore, session: Session, id: string, today: string): Promise<ExportBundle> {
  const db = core.db();
  const row = await requireRequest(db, id);
  if (row.kind !== 'portability') throw new AppError('VALIDATION', msg('requests.portabilityNeedsPortability'));
  if (isOwnRecordSubject(row.subject_type)) return ownPortabilityExport(core, session, row, row.subject_type, today);
  const { data, notInFormat } = await portableData(db, row, today);
  const letter = new LetterWriter(core.options.resourcesDir, await letterHead(db, row, 'Uw gegevens om mee te nemen (dataportabiliteit)', today))
    .paragraph(
      `Op ${nlDate(row.received_on)} vroeg u de gegevens die u ons gaf in een bestand dat u aan een andere organisatie kunt geven (AVG artikel 20). U vindt ze in de bijgevoegde bestanden. Het JSON-bestand volgt een gepubliceerd schema (${PORTABILITY_FORMAT}, versie ${PORTABILITY_VERSION}); de CSV-bestanden openen in een spreadsheet.`,
    )
    .heading('Wat erin staat')
    .bullet(`Uw gegevens: ${displayName(data.parent)}${data.household ? ', met adres en IBAN' : ''}`)
    .bullet(`Kinderen: ${data.children.length === 0 ? 'geen' : data.children.map((c) => displayName(c)).join(', ')}`)
    .bullet(`Contracten: ${data.children.reduce((n, c) => n + c.contracts.length, 0)}`)
    .bullet(`Medische gegevens en bijzonderheden: ${data.children.filter((c) => c.medical).length} ${data.children.filter((c) => c.medical).length === 1 ? 'kind' : 'kinderen'}`)
    .bullet(`Ophaalpersonen: ${data.children.reduce((n, c) => n + c.pickupPersons.length, 0)}`)
    .bullet(`Toestemmingen beeldmateriaal: ${data.children.reduce((n, c) => n + c.photoConsents.length, 0)}`)
    .heading('Wat er niet in staat, en waarom')
    .bullet('Burgerservicenummers: die verwerken wij voor een wettelijke verplichting (kinderopvangtoeslag), niet op grond van toestemming of het contract.')
    .bullet('De groep van uw kind, ophaalverboden en identificaties bij het ophalen: die legden wij zelf vast.');
  for (const what of notInFormat) letter.bullet(`${what}: die hebben nog geen plaats in versie ${PORTABILITY_VERSION} van het bestandsformaat; u vindt ze in een inzage.`);
  const summary = letter
    .bullet('Wilt u al uw gegevens inzien, vraag dan om inzage.')
    .heading('Bestanden')
    .bullet('dataportabiliteit.json')
    .bullet('ouder.csv, kinderen.csv, contracten.csv, medisch.csv, ophaalpersonen.csv, toestemmingen.csv')
    .signature(session.name, 'Locatiemanager')
    .finish();
  const files = [
    { fileName: 'dataportabiliteit.json', base64: Buffer.from(JSON.stringify(data, null, 2), 'utf8').toString('base64'), mime: 'application/json' },
    ...csvFiles(data),
    { fileName: 'samenvatting.pdf', base64: (await summary).toString('base64'), mime: 'application/pdf' },
  ];
  return { folderName: `dataportabiliteit-${requestReference(row).toLowerCase()}`, files };
}

/** What part of the file was invalid (a catalogue key, shown inside the message). */
type FilePart = Extract<MessageKey, `requests.part.${string}`>;

/** A zod issue as a parameter: its catalogue key when it has no parameters of its own (translated with the message), else its Dutch text. */
function issueParam(issue: string | undefined): string {
  if (!issue) return 'requests.invalid';
  const ref = decodeMessage(issue);
  if (!ref) return issue;
  return ref.params ? translate(ref) : ref.key;
}

/** Parses one part of the file on the app's clock (a birth date "in the future" is judged by `--clock` too, as in the dispatcher). */
function parseOrFail<S extends z.ZodType>(core: AppCore, schema: S, value: unknown, part: FilePart): z.output<S> {
  const parsed = withClock(core.now, () => schema.safeParse(value));
  if (!parsed.success) throw new AppError('VALIDATION', msg('requests.invalidFile', { part, problem: issueParam(parsed.error.issues[0]?.message) }));
  return parsed.data;
}

/** Stands in for the ids the import creates, while every part of the file is validated before anything is written. */
const NOT_YET_CREATED = '00000000-0000-7000-8000-000000000000';

/** Every part of a portability file validated into the inputs of the methods that create it (ids filled in by the import). */
function readPortability(core: AppCore, json: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('VALIDATION', msg('requests.notJson'));
  }
  const data = parseOrFail(core, PortabilityExport, raw, 'requests.part.schema');
  if (!data.household || !data.parent.isContractParent) throw new AppError('VALIDATION', msg('requests.noContractParentInFile'));
  const childId = NOT_YET_CREATED;
  return {
    data,
    household: parseOrFail(core, HouseholdInput, { ...data.household, parents: [{ ...data.parent, bsn: null }] }, 'requests.part.household'),
    children: data.children.map((c) => ({
      child: parseOrFail(core, ChildInput, { householdId: NOT_YET_CREATED, firstName: c.firstName, initials: c.initials, surnamePrefix: c.surnamePrefix, surname: c.surname, birthDate: c.birthDate, groupId: NOT_YET_CREATED, bsn: null }, 'requests.part.child'),
      contracts: c.contracts.map((k) => parseOrFail(core, ContractInput, { childId, ...k }, 'requests.part.contract')),
      medical: c.medical ? parseOrFail(core, MedicalInput, { childId, ...c.medical }, 'requests.part.medical') : null,
      pickupPersons: c.pickupPersons.map((p) => parseOrFail(core, PickupPersonInput, { childId, ...p }, 'requests.part.pickupPerson')),
      consents: c.photoConsents.map((x) =>
        parseOrFail(core, ConsentRecordInput, { childId, parentId: NOT_YET_CREATED, decidedOn: x.decidedOn, channel: x.channel, answers: [{ purpose: x.purpose, given: x.given, recognisable: x.recognisable }] }, 'requests.part.consent'),
      ),
    })),
  };
}

/** The files of an exported folder: the JSON file is read, the CSV files and the PDF repeat it for people. */
const BUNDLE_COPY = /\.(csv|pdf)$/i;

/**
 * "Dataportabiliteit inlezen", first step: what each picked file holds, and what the import would
 * create — validated exactly as the import validates, without writing anything.
 */
export function previewPortability(core: AppCore, files: readonly { fileName: string; text: string }[]): PortabilityPreview {
  const jsonFiles = files.filter((f) => f.fileName.toLowerCase().endsWith('.json'));
  let preview: PortabilityPreview['preview'] = null;
  const results = files.map((file): PortabilityPreview['files'][number] => {
    if (!file.fileName.toLowerCase().endsWith('.json')) return { fileName: file.fileName, status: BUNDLE_COPY.test(file.fileName) ? 'copy' : 'unknown', problem: null };
    if (jsonFiles.length > 1) return { fileName: file.fileName, status: 'invalid', problem: zm('requests.importOneJson') };
    try {
      const read = readPortability(core, file.text);
      preview = {
        source: read.data.source.organisation,
        exportedOn: read.data.exportedOn,
        parentName: displayName(read.data.parent),
        address: `${read.household.street} ${read.household.houseNumber}, ${read.household.postcode} ${read.household.city}`,
        children: read.children.map((c, i) => ({
          name: displayName(c.child),
          birthDate: c.child.birthDate,
          contracts: c.contracts.length,
          medical: c.medical !== null,
          pickupPersons: c.pickupPersons.length,
          consents: c.consents.length,
          photoConsentsGiven: read.data.children[i]!.photoConsents.filter((x) => x.given).length,
        })),
      };
      return { fileName: file.fileName, status: 'read', problem: null };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { fileName: file.fileName, status: 'invalid', problem: error.ref ? zm(error.ref.key, error.ref.params) : error.message };
    }
  });
  if (jsonFiles.length === 0) throw new AppError('VALIDATION', msg('requests.importNoJson'), { files: msg('requests.importNoJson') });
  return { files: results, preview: results.some((r) => r.status === 'invalid') ? null : preview };
}

/**
 * Takes in a portability file (from this app or another organisation using the same schema) as a
 * new household, in one transaction: everything or nothing — every part is validated before the
 * first write. Children go to the group "Nog in te delen".
 */
export async function importPortability(core: AppCore, session: Session, json: string): Promise<string> {
  const read = readPortability(core, json);
  return core.transaction(async (trx: Trx) => {
    const householdId = await createHousehold(core, session, read.household, trx);
    // The household was just created with the one parent of the file.
    const parentId = (await parentsOfHousehold(trx, householdId))[0]!.id;
    const groupId = read.children.length > 0 ? await groupNamed(core, trx, IMPORT_GROUP) : NOT_YET_CREATED;
    for (const c of read.children) {
      const childId = await createChild(core, session, { ...c.child, householdId, groupId }, trx);
      for (const k of c.contracts) await createContract(core, session, { ...k, childId }, trx);
      if (c.medical) await saveMedical(trx, core, session, { ...c.medical, childId });
      for (const p of c.pickupPersons) await insertPickupPerson(trx, core, { ...p, childId });
      for (const consent of c.consents) await insertConsents(trx, core, session, { ...consent, childId, parentId });
    }
    return householdId;
  });
}
