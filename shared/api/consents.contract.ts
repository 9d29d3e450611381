import { z } from 'zod';
import type { MethodDef } from './contract';
import {
  ConsentOverview,
  ConsentRecordInput,
  DisclosureEntry,
  DisclosureParams,
  DisclosurePreview,
  ExchangeConsent,
  ExchangeConsentInput,
  ExportFile,
  Municipality,
  MunicipalityInput,
  OptOut,
  OptOutInput,
  RecipientDisclosureInput,
  Roster,
  RosterInput,
} from './consents.schemas';
import { IsoDate } from './clients.schemas';
import { Id, PdfFile, text } from './schemas';

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

/** Photo consents, exchange consents, legal disclosures and the register, marketing opt-outs. */
export const consentsContract = {
  'consents.overview': def({ input: z.object({ childId: Id }), output: ConsentOverview, permission: 'consents.read' }),
  'consents.record': def({ input: ConsentRecordInput, output: ConsentOverview, permission: 'consents.write' }),
  'consents.formReturned': def({ input: z.object({ childId: Id, returnedOn: IsoDate('Datum') }), output: ConsentOverview, permission: 'consents.write' }),
  /** One child, or every child of a group in one PDF; blank = empty boxes for a new intake. */
  'consents.formPdf': def({
    input: z
      .object({ childId: Id.nullish(), groupName: z.string().nullish(), blank: z.boolean().default(false) })
      .refine((v) => Boolean(v.childId) !== Boolean(v.groupName), 'Kies één kind of één groep.'),
    output: PdfFile,
    permission: 'consents.write',
  }),
  /** The privacy statement version new consents refer to (changed with `settings.update`). */
  'consents.privacyStatement': def({ input: z.object({}), output: z.object({ version: z.string() }), permission: 'consents.read' }),
  'consents.roster': def({ input: RosterInput, output: Roster, permission: 'consents.read' }),
  'consents.rosterPdf': def({ input: RosterInput, output: PdfFile, permission: 'consents.read' }),

  'exchange.list': def({ input: z.object({ childId: Id }), output: z.array(ExchangeConsent), permission: 'consents.write' }),
  'exchange.create': def({ input: ExchangeConsentInput, output: ExchangeConsent, permission: 'consents.write' }),
  'exchange.withdraw': def({ input: z.object({ id: Id, withdrawnOn: IsoDate('Datum') }), output: ExchangeConsent, permission: 'consents.write' }),

  'disclosures.preview': def({ input: DisclosureParams, output: DisclosurePreview, permission: 'disclosures.manage' }),
  'disclosures.export': def({ input: z.object({ params: DisclosureParams, format: z.enum(['csv', 'pdf']) }), output: ExportFile, permission: 'disclosures.manage' }),
  /** A disclosure to a school or care institution: refused without valid written consent. */
  'disclosures.recordToRecipient': def({ input: RecipientDisclosureInput, output: DisclosureEntry, permission: 'disclosures.manage' }),
  'disclosures.register': def({
    input: z.object({ subjectType: z.enum(['child', 'parent']).nullish(), subjectId: Id.nullish() }),
    output: z.array(DisclosureEntry),
    permission: 'disclosures.manage',
  }),
  'municipalities.list': def({ input: z.object({}), output: z.array(Municipality), permission: 'disclosures.manage' }),
  'municipalities.save': def({ input: MunicipalityInput, output: Municipality, permission: 'disclosures.manage' }),

  'marketing.optOuts': def({ input: z.object({}), output: z.array(OptOut), permission: 'marketing.manage' }),
  'marketing.addOptOut': def({ input: OptOutInput, output: OptOut, permission: 'marketing.manage' }),
  'marketing.export': def({ input: z.object({ recipientName: text('Platform', 80) }), output: ExportFile.extend({ count: z.number().int() }), permission: 'marketing.manage' }),
} satisfies Record<string, MethodDef>;
