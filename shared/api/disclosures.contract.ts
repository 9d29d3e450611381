import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { DisclosureEntry, DisclosureParams, DisclosurePreview, ExportFile, ExportFormat, RecipientDisclosureInput } from './consents.schemas';
import { SubjectType } from './requests.schemas';
import { Id } from './schemas';

/** Legal disclosures (verstrekkingen: Belastingdienst, GGD, gemeente) and the verstrekkingenregister. */
export const disclosuresContract = {
  'disclosures.preview': method({ input: DisclosureParams, output: DisclosurePreview, permission: 'disclosures.manage', shows: ['children', 'households', 'bsn', 'contracts', 'municipalities', 'requests'] }),
  /** The file and its line in the register; the register line's id is in the answer (and the audit row). */
  'disclosures.export': method({
    input: z.object({ params: DisclosureParams, format: ExportFormat }),
    output: ExportFile.extend({ disclosureId: z.string(), subjectCount: z.number().int() }),
    permission: 'disclosures.manage',
    audit: {
      kind: 'write',
      data: 'clients',
      entity: 'disclosure',
      entityId: (_input, output) => output.disclosureId,
      details: (input, output) => ({ recipient: input.params.kind, subjects: output.subjectCount, format: input.format }),
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
    output: z.array(DisclosureEntry),
    permission: 'disclosures.manage',
    shows: ['disclosures'],
  }),
} satisfies Record<string, MethodDef>;
