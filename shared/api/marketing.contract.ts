import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { ExportFile, OptOut, OptOutInput } from './consents.schemas';
import { text } from './schemas';

/** Marketing: the opt-out list (bezwaar) and the pseudonymised e-mail export for ad platforms. */
export const marketingContract = {
  'marketing.optOuts': method({ input: z.object({}), output: z.array(OptOut), permission: 'marketing.manage', shows: ['marketing'] }),
  'marketing.addOptOut': method({
    input: OptOutInput,
    output: OptOut,
    permission: 'marketing.manage',
    audit: { kind: 'write', data: 'clients', entity: 'optOut', entityId: (_input, output) => output.id },
    changes: ['marketing'],
  }),
  /** The export is a disclosure too: its line in the verstrekkingenregister is in the answer (and the audit row). */
  'marketing.export': method({
    input: z.object({ recipientName: text('marketing.field.platform', 80) }),
    output: ExportFile.extend({ count: z.number().int(), disclosureId: z.string() }),
    permission: 'marketing.manage',
    audit: { kind: 'write', data: 'clients', entity: 'disclosure', entityId: (_input, output) => output.disclosureId, details: (_input, output) => ({ recipient: 'marketing', subjects: output.count, format: 'csv' }) },
    changes: ['disclosures'],
  }),
} satisfies Record<string, MethodDef>;
