import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { Email, HouseholdInput, IsoDate, Phone, PersonName, PickupPersonInput, WaitlistInput } from '../../../../shared/api/clients.schemas';
import { ComplaintInput } from '../../../../shared/api/complaints.schemas';
import { EmployeeInput } from '../../../../shared/api/retention.schemas';
import { RECTIFIABLE, type RectifiableField, type RectifiableTarget, type RectifyInput } from '../../../../shared/api/requests.schemas';
import { AppError, type Message } from '../../../../shared/api/result';
import { searchKey } from '../../../../shared/domain/names';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DataCorrectionsTable } from '../../db/schema';
import type { Insertable } from 'kysely';
import { queueUpsert } from '../../sync/outbox';
import { pickupPersonRows } from '../pickup/pickup.repository';
import { findRecord, insertCorrection, recordTable, updateRecord } from './requests.repository';
import { requireOpen, requireRequest } from './requests.service';
import { createRecipientTasks } from './restriction.service';

const { street, houseNumber, postcode, city, iban, ibanHolder } = HouseholdInput.shape;
const { address } = EmployeeInput.shape;
const { parentName, parentEmail, parentPhone, childFirstName, childSurname, childBirthDate } = WaitlistInput.shape;
const { complainantName, complainantContact } = ComplaintInput.shape;
const { name, relation } = PickupPersonInput.shape;

/** Each field is validated exactly as in the ordinary forms. */
const FIELD_SCHEMA: Record<RectifiableField, z.ZodType<string | null>> = {
  firstName: PersonName.firstName,
  initials: PersonName.initials,
  surnamePrefix: PersonName.surnamePrefix,
  surname: PersonName.surname,
  email: Email,
  phone: Phone,
  birthDate: IsoDate('validation.field.birthDate'),
  street,
  houseNumber,
  postcode,
  city,
  iban,
  ibanHolder,
  address,
  parentName,
  parentEmail,
  parentPhone,
  childFirstName,
  childSurname,
  childBirthDate,
  complainantName,
  complainantContact,
  name,
  relation,
};

const COLUMN: Record<RectifiableField, string> = {
  firstName: 'first_name',
  initials: 'initials',
  surnamePrefix: 'surname_prefix',
  surname: 'surname',
  email: 'email',
  phone: 'phone',
  birthDate: 'birth_date',
  street: 'street',
  houseNumber: 'house_number',
  postcode: 'postcode',
  city: 'city',
  iban: 'iban',
  ibanHolder: 'iban_holder',
  address: 'address',
  parentName: 'parent_name',
  parentEmail: 'parent_email',
  parentPhone: 'parent_phone',
  childFirstName: 'child_first_name',
  childSurname: 'child_surname',
  childBirthDate: 'child_birth_date',
  complainantName: 'complainant_name',
  complainantContact: 'complainant_contact',
  name: 'name',
  relation: 'relation',
};
/** Records whose table keeps an updated_at (the pickup list and the waiting list do not). */
const HAS_UPDATED_AT: ReadonlySet<RectifiableTarget> = new Set(['parent', 'child', 'household', 'employee', 'applicant', 'complainant']);
const NAME_FIELDS: readonly string[] = ['firstName', 'surnamePrefix', 'surname'];

type Correction = Pick<Insertable<DataCorrectionsTable>, 'subject_type' | 'subject_id' | 'field' | 'old_value' | 'new_value' | 'statement'>;

/**
 * Rectificatie en aanvulling (AVG art. 16): each change keeps the old value in history, an
 * optional statement of the person is kept with it, and every recipient of the data gets a task
 * to be informed (art. 19). A person with restricted processing can still be corrected this way.
 */
export async function rectify(core: AppCore, session: Session, input: z.output<typeof RectifyInput>, today: string): Promise<void> {
  if (input.changes.length === 0 && !input.statement) throw new AppError('VALIDATION', msg('requests.nothingToRectify'));
  await core.transaction(async (trx) => {
    const row = await requireRequest(trx, input.id);
    requireOpen(row, ['rectification', 'completion']);
    const subjectType = row.subject_type;
    // What this request may touch: its subject, for a parent also the household's address and IBAN,
    // for a pickup person every row of a pickup list with their name.
    const pickup = subjectType === 'pickup_person' ? await pickupPersonRows(trx, row.subject_id) : undefined;
    if (subjectType === 'pickup_person' && !pickup) throw new AppError('NOT_FOUND', msg('requests.personNotFound'));
    const allowed = new Set([
      `${row.subject_type}:${row.subject_id}`,
      ...(row.subject_type === 'parent' ? [`household:${row.household_id}`] : []),
      ...(pickup?.persons ?? []).map((p) => `pickup_person:${p.id}`),
    ]);
    const now = core.now();
    const correction = async (values: Correction) => {
      const id = uuidv7();
      await insertCorrection(trx, { id, location_id: row.location_id, request_id: row.id, corrected_on: today, corrected_by_name: session.name, version: null, ...values });
      await queueUpsert(trx, 'data_corrections', id, now);
    };

    let changed = 0;
    for (const [i, change] of input.changes.entries()) {
      const path = `changes.${i}.value`;
      if (!allowed.has(`${change.target}:${change.targetId}`)) throw new AppError('VALIDATION', msg('requests.correctionNotOfSubject'), { [path]: msg('requests.notOfThisPerson') });
      const fields: readonly string[] = RECTIFIABLE[change.target];
      if (!fields.includes(change.field)) throw new AppError('VALIDATION', msg('requests.fieldNotRectifiable'), { [path]: msg('requests.unknownField') });
      const field = change.field as RectifiableField;
      const parsed = FIELD_SCHEMA[field].safeParse(change.value);
      if (!parsed.success) {
        const problem: Message = parsed.error.issues[0]?.message ?? msg('requests.invalidValue');
        throw new AppError('VALIDATION', problem, { [path]: problem });
      }
      const current = await findRecord(trx, change.target, change.targetId);
      if (!current) throw new AppError('NOT_FOUND', msg('requests.recordNotFound'));
      const column = COLUMN[field];
      const old = (current[column] as string | null) ?? null;
      if (old === parsed.data) continue;
      const updates: Record<string, unknown> = { [column]: parsed.data, ...(HAS_UPDATED_AT.has(change.target) ? { updated_at: now.toISOString() } : {}) };
      if ((change.target === 'parent' || change.target === 'child') && NAME_FIELDS.includes(field)) {
        const name = { firstName: current.first_name as string, surnamePrefix: current.surname_prefix as string | null, surname: current.surname as string, [field]: parsed.data };
        updates.search_name = searchKey(name);
      }
      await updateRecord(trx, change.target, change.targetId, updates);
      await queueUpsert(trx, recordTable(change.target), change.targetId, now);
      await correction({ subject_type: change.target, subject_id: change.targetId, field, old_value: old, new_value: parsed.data, statement: null });
      changed++;
    }
    if (input.statement) await correction({ subject_type: subjectType, subject_id: row.subject_id, field: null, old_value: null, new_value: null, statement: input.statement });
    if (changed > 0) await createRecipientTasks(trx, core, row, [{ type: subjectType, id: row.subject_id }], row.deadline);
  });
}
