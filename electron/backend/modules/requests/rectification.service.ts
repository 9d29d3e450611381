import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { Email, IsoDate, Phone, PersonName, Postcode, optionalIban, optionalText } from '../../../../shared/api/clients.schemas';
import { RECTIFIABLE, type RectifyInput } from '../../../../shared/api/requests.schemas';
import { AppError } from '../../../../shared/api/result';
import { text } from '../../../../shared/api/schemas';
import { searchKey } from '../../../../shared/domain/names';
import type { AppCore, Session } from '../../core';
import type { Trx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { appendAudit } from '../audit/audit.service';
import { requireOpen, requireRequest } from './requests.service';
import { createRecipientTasks } from './restriction.service';

/** Each field is validated exactly as in the ordinary forms. */
const FIELD_SCHEMA: Record<string, z.ZodType<string | null>> = {
  firstName: PersonName.firstName,
  initials: PersonName.initials,
  surnamePrefix: PersonName.surnamePrefix,
  surname: PersonName.surname,
  email: Email,
  phone: Phone,
  birthDate: IsoDate('Geboortedatum'),
  street: text('Straat', 120),
  houseNumber: text('Huisnummer', 20),
  postcode: Postcode,
  city: text('Plaats', 80),
  iban: optionalIban,
  ibanHolder: optionalText('Tenaamstelling', 120),
};

const COLUMN: Record<string, string> = {
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
};
const TABLE = { parent: 'parents', child: 'children', household: 'households' } as const;

/**
 * Rectificatie en aanvulling (AVG art. 16): each change keeps the old value in history, an
 * optional statement of the person is kept with it, and every recipient of the data gets a task
 * to be informed (art. 19). A person with restricted processing can still be corrected this way.
 */
export async function rectify(core: AppCore, session: Session, input: z.output<typeof RectifyInput>, today: string): Promise<void> {
  if (input.changes.length === 0 && !input.statement) throw new AppError('VALIDATION', 'Geef minstens één correctie of een aanvullende verklaring op.');
  await core.transaction(async (trx: Trx) => {
    const row = await requireRequest(trx, input.id);
    requireOpen(row, ['rectification', 'completion']);
    // What this request may touch: its subject, and for a parent the household's address and IBAN.
    const allowed = new Set([`${row.subject_type}:${row.subject_id}`, ...(row.subject_type === 'parent' ? [`household:${row.household_id}`] : [])]);
    const now = core.now();
    const correction = (values: { subject_type: 'parent' | 'child' | 'household'; subject_id: string; field: string | null; old_value: string | null; new_value: string | null; statement: string | null }) =>
      trx.insertInto('data_corrections').values({ id: uuidv7(), location_id: row.location_id, request_id: row.id, corrected_on: today, corrected_by_name: session.name, version: null, ...values }).returning('id').executeTakeFirstOrThrow();

    let changed = 0;
    for (const [i, change] of input.changes.entries()) {
      const path = `changes.${i}.value`;
      if (!allowed.has(`${change.target}:${change.targetId}`)) throw new AppError('VALIDATION', 'Deze correctie hoort niet bij de persoon van dit verzoek.', { [path]: 'Niet van deze persoon.' });
      if (!(RECTIFIABLE[change.target] as readonly string[]).includes(change.field)) throw new AppError('VALIDATION', 'Dit gegeven kan hier niet worden gecorrigeerd.', { [path]: 'Onbekend gegeven.' });
      const parsed = FIELD_SCHEMA[change.field]!.safeParse(change.value);
      if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message ?? 'Ongeldige waarde.', { [path]: parsed.error.issues[0]?.message ?? 'Ongeldige waarde.' });
      const table = TABLE[change.target];
      const column = COLUMN[change.field]!;
      // Dynamic column from the closed RECTIFIABLE list; Kysely cannot type this generically.
      const current = (await trx.selectFrom(table).selectAll().where('id', '=', change.targetId).executeTakeFirst()) as Record<string, unknown> | undefined;
      if (!current) throw new AppError('NOT_FOUND', 'Deze gegevens bestaan niet (meer).');
      const old = (current[column] as string | null) ?? null;
      if (old === parsed.data) continue;
      const updates: Record<string, unknown> = { [column]: parsed.data, updated_at: now.toISOString() };
      if (change.target !== 'household' && ['firstName', 'surnamePrefix', 'surname'].includes(change.field)) {
        const name = { firstName: current.first_name as string, surnamePrefix: current.surname_prefix as string | null, surname: current.surname as string, [change.field]: parsed.data };
        updates.search_name = searchKey(name);
      }
      await trx.updateTable(table).set(updates as never).where('id', '=', change.targetId).execute();
      await queueUpsert(trx, table, change.targetId, now);
      const { id } = await correction({ subject_type: change.target, subject_id: change.targetId, field: change.field, old_value: old, new_value: parsed.data, statement: null });
      await queueUpsert(trx, 'data_corrections', id, now);
      changed++;
    }
    if (input.statement) {
      const { id } = await correction({ subject_type: row.subject_type, subject_id: row.subject_id, field: null, old_value: null, new_value: null, statement: input.statement });
      await queueUpsert(trx, 'data_corrections', id, now);
    }
    if (changed > 0) await createRecipientTasks(trx, core, row, [{ type: row.subject_type, id: row.subject_id }], row.deadline);
    await appendAudit(trx, { userId: session.userId, action: 'requests.rectify', entity: 'subjectRequest', entityId: row.id, details: { changes: changed, statement: Boolean(input.statement) } }, now);
  });
}
