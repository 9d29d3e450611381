import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { DisclosureEntry, DisclosureParams, ExportFile, ExportFormat, RecipientDisclosureInput } from './consents.schemas';
import { ManualDisclosureInput, SubjectFieldOption, SubjectRef } from './recipients.schemas';
import { LegalDisclosurePreview, RegisterEntry, RestrictionDecisions } from './restrictedDisclosures.schemas';
import { SubjectType } from './requests.schemas';
import { Id } from './schemas';

/** Legal disclosures (verstrekkingen: Belastingdienst, GGD, gemeente) and the verstrekkingenregister. */
export const disclosuresContract = {
  'disclosures.preview': method({ input: DisclosureParams, output: LegalDisclosurePreview, permission: 'disclosures.manage', shows: ['children', 'households', 'bsn', 'contracts', 'municipalities', 'requests'] }),
  /**
   * The file and its line in the register; the register line's id is in the answer (and the audit row).
   * Refused until every restricted person in the selection is decided (`decisions`). The same list
   * downloaded again in another format is the same disclosure: one register line.
   */
  'disclosures.export': method({
    input: z.object({ params: DisclosureParams, format: ExportFormat, decisions: RestrictionDecisions }),
    output: ExportFile.extend({ disclosureId: z.string(), subjectCount: z.number().int(), reused: z.boolean() }),
    permission: 'disclosures.manage',
    audit: {
      kind: 'write',
      data: 'clients',
      entity: 'disclosure',
      entityId: (_input, output) => output.disclosureId,
      details: (input, output) => ({ recipient: input.params.kind, subjects: output.subjectCount, format: input.format, restrictedDecided: input.decisions.length, sameAsEarlier: output.reused }),
    },
    changes: ['disclosures'],
  }),
  /** A disclosure to a school or care institution: refused without valid written consent. */
  'disclosures.recordToRecipient': method({
    input: RecipientDisclosureInput,
    output: DisclosureEntry,
    permission: 'disclosures.manage',
    audit: {
      kind: 'write',
      data: 'clients',
      entity: 'disclosure',
      entityId: (_input, output) => output.id,
      details: (_input, output) => ({ recipient: output.recipient, subjects: output.subjectCount, format: output.format }),
    },
    changes: ['disclosures'],
  }),
  /**
   * "Verstrekking vastleggen" (issue 16): Veilig Thuis (with meldcode access only), police and
   * justice (legal basis and order reference), emergency care (vital interest), auditors
   * (confidentiality) and other recipients (legal basis), about one person of this location.
   */
  'disclosures.record': method({
    input: ManualDisclosureInput,
    output: DisclosureEntry,
    permission: 'disclosures.manage',
    audit: {
      kind: 'write',
      data: 'clients',
      entity: 'disclosure',
      entityId: (_input, output) => output.id,
      details: (input, output) => ({ recipient: input.kind, subjectType: input.subjectType, subjects: output.subjectCount, format: output.format }),
    },
    changes: ['disclosures'],
  }),
  /** What a disclosure about this person can name: the data map's groups that hold data about them (labels, no values). */
  'disclosures.subjectFields': method({
    input: SubjectRef,
    output: z.array(SubjectFieldOption),
    permission: 'disclosures.manage',
    shows: ['households', 'children', 'medical', 'employees', 'applicants', 'waitlist', 'complaints'],
  }),
  'disclosures.register': method({
    input: z.object({ subjectType: SubjectType.nullish(), subjectId: Id.nullish() }),
    output: z.array(RegisterEntry),
    permission: 'disclosures.manage',
    shows: ['disclosures'],
  }),
} satisfies Record<string, MethodDef>;
