import { z } from 'zod';
import { appToday } from '../domain/clock';
import { msg, translate, zm } from '../i18n/translate';
import { normaliseBsn, elfproef } from '../validation/bsn';
import { normaliseIban } from '../validation/iban';
import { normalisePostcode } from '../validation/postcode';
import { Id, required, text, tooLong } from './schemas';

// ---- primitives ----------------------------------------------------------------------------
// A `label` is a catalogue key (`validation.field.birthDate`), or a Dutch text where the calling
// area has no label keys yet; the messages name the field with it.

export const ById = z.object({ id: Id });
export const ByChild = z.object({ childId: Id });

/** Optional free text: empty input becomes null. */
export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, tooLong(label, max))
    .nullish()
    .transform((v) => (v ? v : null));

/** A calendar date as `YYYY-MM-DD` that really exists. */
export const IsoDate = (label: string) =>
  z
    .string({ error: required(label) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, zm('validation.dateInvalid', { label }))
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, zm('validation.dateNotExists', { label }));

export const optionalDate = (label: string) =>
  z
    .union([IsoDate(label), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null));

function bsnOrIssue(value: string, ctx: z.RefinementCtx): string {
  const bsn = normaliseBsn(value);
  // 9 digits typed that fail the check are a typo, not a wrong length: say which.
  if (!bsn || !elfproef(bsn)) {
    ctx.addIssue({ code: 'custom', message: zm(bsn ? 'validation.bsnInvalid' : 'validation.bsnFormat') });
    return z.NEVER;
  }
  return bsn;
}

export const Bsn = z.string({ error: required('validation.field.bsn') }).transform(bsnOrIssue);

/** Empty means "not known yet" (the dashboard then lists the missing BSN-controle). */
const optionalBsn = z
  .string()
  .nullish()
  .transform((v, ctx) => (v && v.trim() ? bsnOrIssue(v, ctx) : null));

const Postcode = z.string({ error: required('validation.field.postcode') }).transform((v, ctx) => {
  const postcode = normalisePostcode(v);
  if (!postcode) {
    ctx.addIssue({ code: 'custom', message: zm('validation.postcodeInvalid') });
    return z.NEVER;
  }
  return postcode;
});

const optionalIban = z
  .string()
  .nullish()
  .transform((v, ctx) => {
    if (!v || !v.trim()) return null;
    const iban = normaliseIban(v);
    if (!iban) {
      ctx.addIssue({ code: 'custom', message: zm('validation.ibanInvalid') });
      return z.NEVER;
    }
    return iban;
  });

export const Email = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v.toLowerCase() : null))
  .refine((v) => v === null || z.email().safeParse(v).success, zm('validation.emailInvalid'));

export const Phone = z
  .string()
  .trim()
  .nullish()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^\+?[0-9 ()-]{8,20}$/.test(v), zm('validation.phoneInvalid'));

export const CareType = z.enum(['dagopvang', 'bso', 'peuteropvang'], { error: zm('validation.careTypeRequired') });
export type CareType = z.infer<typeof CareType>;
export const Weekday = z.enum(['ma', 'di', 'wo', 'do', 'vr']);
export type Weekday = z.infer<typeof Weekday>;
const Days = z.array(Weekday).min(1, zm('validation.daysRequired')).transform((days) => Weekday.options.filter((d) => days.includes(d)));

/** A date up to the app's today. */
export const notInFuture = (label: string) => IsoDate(label).refine((v) => v <= appToday(), zm('validation.notInFuture', { label }));

/**
 * The privacy statement promises that a copy or number of an ID document is never stored.
 * Inputs are strict; these keys get a specific explanation instead of a generic "unknown field".
 */
const FORBIDDEN_ID_FIELDS = /(document|id|paspoort|passport|rijbewijs).*(nummer|number|nr|no)$|copy|kopie|scan|foto|photo|image|afbeelding/i;
/** The refusal in Dutch (the schemas refuse with the catalogue key `validation.idCopyForbidden`). */
export const ID_COPY_MESSAGE = translate(msg('validation.idCopyForbidden'));

function noIdDocumentFields<S extends z.ZodRawShape>(schema: z.ZodObject<S>) {
  return z
    .record(z.string(), z.unknown())
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_ID_FIELDS.test(key) && !(key in schema.shape)) ctx.addIssue({ code: 'custom', message: zm('validation.idCopyForbidden'), path: [key] });
      }
    })
    .pipe(schema.strict());
}

// ---- households (gezinnen) -----------------------------------------------------------------

export const PersonName = {
  firstName: text('validation.field.firstName', 80),
  initials: optionalText('validation.field.initials', 20),
  surnamePrefix: optionalText('validation.field.surnamePrefix', 20),
  surname: text('validation.field.surname', 120),
};

export const ParentInput = z.object({
  /** Present when editing an existing parent. */
  id: Id.optional(),
  ...PersonName,
  email: Email,
  phone: Phone,
  /** Only on create; later changes go through bsn.set (audited, resets the BSN-controle). */
  bsn: optionalBsn,
  hasParentalAuthority: z.boolean(),
  isContractParent: z.boolean(),
});
export type ParentInput = z.input<typeof ParentInput>;

const AddressInput = z.object({
  street: text('households.field.street', 120),
  houseNumber: text('households.field.houseNumber', 20),
  postcode: Postcode,
  city: text('households.field.city', 80),
});

const householdShape = {
  ...AddressInput.shape,
  iban: optionalIban,
  ibanHolder: optionalText('households.field.ibanHolder', 120),
  parents: z.array(ParentInput).min(1, zm('households.atLeastOneParent')).max(4, zm('households.atMostFourParents')),
};

/** The contract parent signed the care contract and must hold parental authority (ouderlijk gezag). */
function householdRules(value: { parents: { isContractParent: boolean; hasParentalAuthority: boolean }[] }, ctx: z.RefinementCtx) {
  const contractParents = value.parents.filter((p) => p.isContractParent);
  if (contractParents.length !== 1) {
    ctx.addIssue({ code: 'custom', message: zm('households.oneContractParent'), path: ['parents'] });
  }
  value.parents.forEach((p, i) => {
    if (p.isContractParent && !p.hasParentalAuthority) {
      ctx.addIssue({ code: 'custom', message: zm('households.contractParentAuthority'), path: ['parents', i, 'hasParentalAuthority'] });
    }
  });
}

export const HouseholdInput = z.object(householdShape).superRefine(householdRules);
export const HouseholdUpdateInput = z.object({ id: Id, ...householdShape }).superRefine(householdRules);

/** Whose BSN: a parent's or a child's. */
export const BsnSubjectType = z.enum(['parent', 'child']);
export type BsnSubjectType = z.infer<typeof BsnSubjectType>;
/** How the BSN was checked (BSN-controle): on an identity document or on a letter from the SVB. */
const BsnCheckMethod = z.enum(['id_document', 'svb_letter']);

export const BsnStatus = z.object({
  masked: z.string(),
  check: z.object({ method: BsnCheckMethod, checkedOn: z.string(), checkedByName: z.string() }).nullable(),
});
export type BsnStatus = z.infer<typeof BsnStatus>;

const Parent = z.object({
  id: z.string(),
  firstName: z.string(),
  initials: z.string().nullable(),
  surnamePrefix: z.string().nullable(),
  surname: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  hasParentalAuthority: z.boolean(),
  isContractParent: z.boolean(),
  /** Absent for roles that may not see BSNs (staff never receive them, not even masked). */
  bsn: BsnStatus.nullable().optional(),
});
export type Parent = z.infer<typeof Parent>;

/** A contract's status follows from its dates (shared/domain/contracts). */
export const ContractStatus = z.enum(['gepland', 'actief', 'beeindigd']);
export type ContractStatus = z.infer<typeof ContractStatus>;
/** A child's status over all its contracts; 'geen' without any. */
export const ChildContractStatus = z.enum(['geen', ...ContractStatus.options]);
export type ChildContractStatus = z.infer<typeof ChildContractStatus>;

const ChildSummary = z.object({
  id: z.string(),
  displayName: z.string(),
  birthDate: z.string(),
  /** The group's name (groups.name); empty for a child carried over without a group. */
  groupName: z.string(),
  contractStatus: ChildContractStatus,
});

export const Household = z.object({
  id: z.string(),
  street: z.string().optional(),
  houseNumber: z.string().optional(),
  postcode: z.string().optional(),
  city: z.string().optional(),
  iban: z.string().nullable().optional(),
  ibanHolder: z.string().nullable().optional(),
  parents: z.array(Parent),
  children: z.array(ChildSummary),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Household = z.infer<typeof Household>;

// ---- children ------------------------------------------------------------------------------

/** The child's group, picked from the Groepen list (issue 17): an id, never free text. */
const GroupChoice = z.string({ error: zm('groups.choose') }).uuid(zm('groups.choose'));

export const ChildInput = z.object({
  householdId: Id,
  ...PersonName,
  birthDate: notInFuture('validation.field.birthDate'),
  groupId: GroupChoice,
  bsn: optionalBsn,
});
export const ChildUpdateInput = z.object({ id: Id, ...PersonName, birthDate: notInFuture('validation.field.birthDate'), groupId: GroupChoice });

export const Child = z.object({
  id: z.string(),
  householdId: z.string(),
  firstName: z.string(),
  initials: z.string().nullable(),
  surnamePrefix: z.string().nullable(),
  surname: z.string(),
  displayName: z.string(),
  birthDate: z.string(),
  groupId: z.string().nullable(),
  groupName: z.string(),
  bsn: BsnStatus.nullable().optional(),
  /** Allergies are recorded (the allergy marker in the child's header); never their text. */
  hasAllergies: z.boolean(),
  contractStatus: ChildContractStatus,
  /** Shown prominently on the child's page: people who may NOT collect the child. */
  activePickupBans: z.number().int(),
  parents: z.array(z.object({ id: z.string(), displayName: z.string(), phone: z.string().nullable(), isContractParent: z.boolean() })),
});
export type Child = z.infer<typeof Child>;

export const ChildListRow = z.object({
  id: z.string(),
  householdId: z.string(),
  displayName: z.string(),
  surname: z.string(),
  birthDate: z.string(),
  groupId: z.string().nullable(),
  groupName: z.string(),
  /** Allergies are recorded: the allergy marker, so staff look at the care information. */
  hasAllergies: z.boolean(),
  contractStatus: ChildContractStatus,
  contractParentName: z.string(),
});
export type ChildListRow = z.infer<typeof ChildListRow>;

/** Medische gegevens en bijzonderheden. Staff receive allergies, diet and medication; not the other particulars. */
export const MedicalInfo = z.object({
  childId: z.string(),
  allergies: z.string().nullable(),
  diet: z.string().nullable(),
  medication: z.string().nullable(),
  /** Manager-only (medical.full); absent for staff. */
  otherParticulars: z.string().nullable().optional(),
  updatedAt: z.string().nullable(),
});
export type MedicalInfo = z.infer<typeof MedicalInfo>;

export const MedicalInput = z.object({
  childId: Id,
  allergies: optionalText('medical.field.allergies', 2000),
  diet: optionalText('medical.field.diet', 2000),
  medication: optionalText('medical.field.medication', 2000),
  otherParticulars: optionalText('medical.field.otherParticulars', 2000),
});

// ---- BSN -----------------------------------------------------------------------------------

export const BsnSubject = z.object({ subject: BsnSubjectType, id: Id });

/**
 * BSN-controle: that and how the BSN was checked. Never a document number or copy. `bsn` is the
 * number typed from the document: the backend compares it with the recorded BSN and never sends
 * the recorded one back (required for whoever may not see the full BSN; empty = not typed).
 */
export const BsnCheckInput = noIdDocumentFields(
  z.object({
    subject: BsnSubjectType,
    id: Id,
    method: z.enum(BsnCheckMethod.options, { error: zm('bsn.chooseCheckMethod') }),
    checkedOn: notInFuture('bsn.field.checkedOn'),
    bsn: optionalBsn,
  }),
);

// ---- contracts -----------------------------------------------------------------------------

const contractShape = {
  careType: CareType,
  days: Days,
  hoursPerWeek: z
    .number({ error: zm('contracts.hoursRequired') })
    .min(0.5, zm('contracts.hoursMin'))
    .max(60, zm('contracts.hoursMax')),
  startDate: IsoDate('contracts.field.startDate'),
  endDate: optionalDate('contracts.field.endDate'),
};
const endAfterStart = (v: { startDate: string; endDate: string | null }, ctx: z.RefinementCtx) => {
  if (v.endDate && v.endDate < v.startDate) ctx.addIssue({ code: 'custom', message: zm('contracts.endBeforeStart'), path: ['endDate'] });
};
export const ContractFields = z.object(contractShape);
export const ContractInput = z.object({ childId: Id, ...contractShape }).superRefine(endAfterStart);
export const ContractUpdateInput = z.object({ id: Id, ...contractShape }).superRefine(endAfterStart);

export const Contract = z.object({
  id: z.string(),
  childId: z.string(),
  careType: CareType,
  days: z.array(Weekday),
  hoursPerWeek: z.number(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: ContractStatus,
});
export type Contract = z.infer<typeof Contract>;

export const Task = z.object({
  id: z.string(),
  kind: z.enum(['paper_dossier_destroy']),
  childId: z.string(),
  childName: z.string(),
  contractId: z.string().nullable(),
  dueDate: z.string(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  confirmedByName: z.string().nullable(),
});
export type Task = z.infer<typeof Task>;

// ---- waiting list (wachtlijst) -------------------------------------------------------------

export const WaitlistStatus = z.enum(['open', 'geplaatst', 'ingetrokken', 'afgewezen']);
export type WaitlistStatus = z.infer<typeof WaitlistStatus>;

export const WaitlistInput = z
  .object({
    parentName: text('waitlist.field.parentName', 120),
    parentEmail: Email,
    parentPhone: Phone,
    childFirstName: optionalText('waitlist.field.childFirstName', 80),
    childSurname: optionalText('waitlist.field.childSurname', 120),
    childBirthDate: optionalDate('validation.field.birthDate'),
    expectedDate: optionalDate('waitlist.field.expectedDate'),
    careType: CareType,
    desiredDays: Days,
    desiredStartDate: IsoDate('waitlist.field.desiredStartDate'),
    notes: optionalText('waitlist.field.notes', 1000),
  })
  .superRefine((v, ctx) => {
    if (!v.childBirthDate && !v.expectedDate) {
      ctx.addIssue({ code: 'custom', message: zm('waitlist.birthOrExpectedDate'), path: ['childBirthDate'] });
    }
    if (v.childBirthDate && v.childBirthDate > appToday()) {
      ctx.addIssue({ code: 'custom', message: zm('waitlist.birthDateInFuture'), path: ['childBirthDate'] });
    }
    if (!v.parentEmail && !v.parentPhone) {
      ctx.addIssue({ code: 'custom', message: zm('waitlist.emailOrPhone'), path: ['parentEmail'] });
    }
  });

export const WaitlistEntry = z.object({
  id: z.string(),
  parentName: z.string(),
  parentEmail: z.string().nullable(),
  parentPhone: z.string().nullable(),
  childFirstName: z.string().nullable(),
  childSurname: z.string().nullable(),
  childBirthDate: z.string().nullable(),
  expectedDate: z.string().nullable(),
  careType: CareType,
  desiredDays: z.array(Weekday),
  desiredStartDate: z.string(),
  notes: z.string().nullable(),
  status: WaitlistStatus,
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  placedChildId: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
export type WaitlistEntry = z.infer<typeof WaitlistEntry>;

/** Placing creates household, child and contract at once from the entry plus the missing facts. */
export const WaitlistPlaceInput = z.object({
  id: Id,
  household: HouseholdInput,
  child: ChildInput.omit({ householdId: true }),
  contract: ContractFields.superRefine(endAfterStart),
});

// ---- pickup (ophalen) ----------------------------------------------------------------------

export const PickupPersonInput = z.object({
  childId: Id,
  name: text('validation.field.name', 120),
  relation: text('pickup.field.relation', 60),
  phone: Phone,
  validUntil: optionalDate('pickup.field.validUntil'),
});

export const PickupBanInput = z.object({
  childId: Id,
  name: text('validation.field.name', 120),
  /** The basis for the ban, e.g. "Beschikking rechtbank Utrecht 12-03-2026". Required. */
  basisReference: text('pickup.field.basisReference', 200),
  basisDate: optionalDate('pickup.field.basisDate'),
  notes: optionalText('pickup.field.notes', 1000),
});

export const PickupPerson = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string(),
  phone: z.string().nullable(),
  validUntil: z.string().nullable(),
  expired: z.boolean(),
});
export const PickupBan = z.object({
  id: z.string(),
  name: z.string(),
  basisReference: z.string(),
  basisDate: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  liftedAt: z.string().nullable(),
});

export const IdentificationMethod = z.enum(['known', 'colleague_confirmed', 'parent_called', 'id_shown'], {
  error: zm('pickup.chooseIdentificationMethod'),
});
export const IdType = z.enum(['paspoort', 'identiteitskaart', 'rijbewijs', 'verblijfsdocument']);
export type IdType = z.infer<typeof IdType>;

export const IdentificationInput = noIdDocumentFields(
  z.object({
    childId: Id,
    collectorName: text('pickup.field.collectorName', 120),
    method: IdentificationMethod,
    idType: IdType.nullish(),
  }),
).superRefine((v, ctx) => {
  if (v.method === 'id_shown' && !v.idType) ctx.addIssue({ code: 'custom', message: zm('pickup.chooseIdType'), path: ['idType'] });
  if (v.method !== 'id_shown' && v.idType) ctx.addIssue({ code: 'custom', message: zm('pickup.idTypeOnlyWhenShown'), path: ['idType'] });
});

export const Identification = z.object({
  id: z.string(),
  collectorName: z.string(),
  method: IdentificationMethod,
  idType: IdType.nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});

// ---- search and dashboard ------------------------------------------------------------------

export const SearchResult = z.object({
  kind: z.enum(['child', 'parent']),
  id: z.string(),
  householdId: z.string(),
  displayName: z.string(),
  birthDate: z.string().nullable(),
  postcode: z.string().nullable(),
  groupName: z.string().nullable(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const Dashboard = z.object({
  openTasks: z.array(Task),
  bsnChecksMissing: z.array(z.object({ subject: BsnSubjectType, id: z.string(), householdId: z.string(), displayName: z.string(), hasBsn: z.boolean() })),
  contractsEnding: z.array(z.object({ contractId: z.string(), childId: z.string(), childName: z.string(), endDate: z.string(), careType: CareType })),
  /** Per group of the Groepen list (archived ones only while children are in them), by name. */
  groups: z.array(z.object({ groupId: z.string(), groupName: z.string(), capacity: z.number().int().nullable(), children: z.number().int(), activeContracts: z.number().int() })),
});
export type Dashboard = z.infer<typeof Dashboard>;
