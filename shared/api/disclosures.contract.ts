import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { DisclosureEntry, DisclosureParams, ExportFile, ExportFormat, RecipientDisclosureInput } from './consents.schemas';
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
  'disclosures.register': method({
    input: z.object({ subjectType: SubjectType.nullish(), subjectId: Id.nullish() }),
    output: z.array(RegisterEntry),
    permission: 'disclosures.manage',
    shows: ['disclosures'],
  }),
} satisfies Record<string, MethodDef>;
