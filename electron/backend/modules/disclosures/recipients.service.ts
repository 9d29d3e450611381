import type { z } from 'zod';
import type { DisclosureEntry } from '../../../../shared/api/consents.schemas';
import type { ManualDisclosureInput, SubjectFieldOption } from '../../../../shared/api/recipients.schemas';
import type { RequestSubjectType } from '../../../../shared/api/requests.schemas';
import { AppError } from '../../../../shared/api/result';
import { can } from '../../../../shared/auth/permissions';
import { CATEGORIES, type SubjectKey } from '../../../../shared/dataMap';
import { FIXED_LEGAL_BASIS, MANUAL_RECIPIENT_LABEL, VEILIG_THUIS_FIELDS } from '../../../../shared/domain/recipients';
import { msg, type MessageKey } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import { currentLocationId } from '../location/location.service';
import { aboutMeldcode } from '../retention/endDates';
import { REGISTER_CATEGORIES } from '../requests/dossier';
import { subjectRows } from '../requests/subjectRows';
import { disclosureRegister, registerDisclosure } from './disclosures.service';
import { parentsOfChild, personRecord, reportLineOfCase } from './recipients.repository';

/**
 * The verstrekkingenregister for every recipient (issue 16 part 4): a disclosure recorded by hand
 * ("Verstrekking vastleggen") to Veilig Thuis, police or justice, emergency care, an auditor or
 * another recipient, and the Veilig Thuis line a meldcode decision to report writes by itself.
 * Veilig Thuis lines are meldcode information: only a user with meldcode access records or sees
 * them (disclosures.service filters the register), and an access report lists them only on the
 * aandachtsfunctionaris' decision (requests/dossier.ts).
 */

type Input = z.output<typeof ManualDisclosureInput>;

const refuse = (field: string, key: MessageKey, code: 'VALIDATION' | 'FORBIDDEN' = 'VALIDATION') => new AppError(code, msg(key), { [field]: msg(key) });

/** The data-map subject of a person of this location, or a refusal naming the field (never a hint about another location's data). */
async function subjectOfLocation(db: DbOrTrx, type: RequestSubjectType, id: string): Promise<SubjectKey> {
  const [person, here] = await Promise.all([personRecord(db, type, id), currentLocationId(db)]);
  if (!person || person.location_id !== here) throw refuse('subjectId', 'disclosures.manual.personNotHere');
  if (type === 'parent') return person.is_contract_parent === 1 ? 'parent' : 'other_parent';
  return type;
}

/**
 * What a disclosure about this person can name: the data map's column groups that hold data about
 * them (from their own rows, as the access report reads them), without the registers about the
 * processing itself, and without meldcode files unless the user may see them. Labels only.
 */
export async function subjectFieldOptions(db: DbOrTrx, input: { subjectType: RequestSubjectType; subjectId: string }, meldcodeAccess: boolean): Promise<SubjectFieldOption[]> {
  const subject = await subjectOfLocation(db, input.subjectType, input.subjectId);
  const out = new Map<string, SubjectFieldOption>();
  for (const row of await subjectRows(db, subject, input.subjectId)) {
    for (const group of row.groups) {
      if (REGISTER_CATEGORIES.has(group.category) || group.category === 'staff_actor') continue;
      const meldcode = aboutMeldcode(row.table, group);
      if (!meldcodeAccess && meldcode) continue;
      const key = `${group.category}:${group.label}`;
      if (!out.has(key)) out.set(key, { key, label: group.label, category: CATEGORIES[group.category].label, meldcode });
    }
  }
  return [...out.values()];
}

/** "Verstrekking vastleggen": refused with a field message, and nothing written, on any bad input. */
export async function recordManualDisclosure(core: AppCore, session: Session, input: Input): Promise<DisclosureEntry> {
  const meldcodeAccess = can(session.roles, 'meldcode.access');
  // Veilig Thuis is meldcode information: without meldcode access it can be neither recorded nor seen.
  if (input.kind === 'veilig_thuis' && !meldcodeAccess) throw refuse('kind', 'disclosures.manual.veiligThuisMeldcodeOnly', 'FORBIDDEN');
  const id = await core.transaction(async (trx) => {
    const options = await subjectFieldOptions(trx, input, meldcodeAccess);
    const labels = new Map(options.map((o) => [o.key, o.label]));
    const unknown = input.fields.filter((f) => !labels.has(f));
    if (unknown.length > 0) throw refuse('fields', 'disclosures.manual.fieldNotOfPerson');
    // A meldcode file goes to Veilig Thuis only (its line is then hidden like every meldcode line); any
    // other disclosure from a case file is the aandachtsfunctionaris' to record in that file.
    const meldcodeFields = new Set(options.filter((o) => o.meldcode).map((o) => o.key));
    if (input.kind !== 'veilig_thuis' && input.fields.some((f) => meldcodeFields.has(f))) throw refuse('fields', 'disclosures.manual.meldcodeOnlyToVeiligThuis');
    return registerDisclosure(
      trx,
      core,
      session,
      {
        recipient: input.kind,
        recipientName: input.recipientName ?? MANUAL_RECIPIENT_LABEL[input.kind],
        legalBasis: FIXED_LEGAL_BASIS[input.kind] ?? input.legalBasis!,
        fields: [...new Set(input.fields)].map((f) => labels.get(f)!),
        format: 'handmatig',
        period: input.disclosedOn,
        disclosedOn: input.disclosedOn,
        orderReference: input.kind === 'politie_justitie' ? input.orderReference : null,
        confidentiality: input.kind === 'accountant' ? input.confidentiality : null,
      },
      [{ type: input.subjectType, id: input.subjectId }],
    );
  });
  return (await disclosureRegister(core.db(), { includeMeldcode: meldcodeAccess })).find((e) => e.id === id)!;
}

/**
 * A meldcode decision to report (melding, alone or with help) is a disclosure to Veilig Thuis: its
 * line is written in the decision's transaction, once per case file, naming the child and the
 * parents of the household. Part of meldcode.addEntry, so its audit row is written here, ids only.
 */
export async function recordVeiligThuisReport(trx: Trx, core: AppCore, session: Session, report: { caseId: string; childId: string | null; decidedOn: string; anonymous: boolean }): Promise<void> {
  if (await reportLineOfCase(trx, report.caseId)) return;
  const parents = report.childId ? await parentsOfChild(trx, report.childId) : [];
  const subjects = [...(report.childId ? [{ type: 'child' as const, id: report.childId }] : []), ...parents.map((p) => ({ type: 'parent' as const, id: p.id }))];
  const id = await registerDisclosure(
    trx,
    core,
    session,
    {
      recipient: 'veilig_thuis',
      recipientName: report.anonymous ? `${MANUAL_RECIPIENT_LABEL.veilig_thuis} (anonieme melding)` : MANUAL_RECIPIENT_LABEL.veilig_thuis,
      legalBasis: FIXED_LEGAL_BASIS.veilig_thuis!,
      fields: VEILIG_THUIS_FIELDS,
      format: 'melding',
      period: report.decidedOn,
      disclosedOn: report.decidedOn,
      meldcodeCaseId: report.caseId,
    },
    subjects,
  );
  await appendAudit(trx, { userId: session.userId, action: 'disclosures.record', entity: 'disclosure', entityId: id }, core.now());
}
