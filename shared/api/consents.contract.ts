import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { ConsentOverview, ConsentRecordInput, Roster, RosterInput } from './consents.schemas';
import { ByChild, IsoDate } from './clients.schemas';
import { Id, PdfFile } from './schemas';
import { zm } from '../i18n/translate';

/** Photo consents (toestemming beeldmateriaal): history per child, returned forms, the fotolijst. */
export const consentsContract = {
  'consents.overview': method({ input: ByChild, output: ConsentOverview, permission: 'consents.read', shows: ['consents', 'households', 'settings'] }),
  'consents.record': method({
    input: ConsentRecordInput,
    output: ConsentOverview,
    permission: 'consents.write',
    // One row per call; each answered purpose with its decision (codes only).
    audit: {
      kind: 'write',
      data: 'clients',
      entity: 'child',
      entityId: (input) => input.childId,
      details: (input) => Object.fromEntries(input.answers.map((a) => [a.purpose, a.given ? 'given' : 'withdrawn'])),
    },
    changes: ['consents'],
  }),
  'consents.formReturned': method({
    input: z.object({ childId: Id, returnedOn: IsoDate('consents.field.date') }),
    output: ConsentOverview,
    permission: 'consents.write',
    audit: { kind: 'write', data: 'clients', entity: 'child', entityId: (input) => input.childId },
    changes: ['consents'],
  }),
  /** One child, or every child of a group in one PDF; blank = empty boxes for a new intake. */
  'consents.formPdf': method({
    input: z
      .object({ childId: Id.nullish(), groupId: Id.nullish(), blank: z.boolean().default(false) })
      .refine((v) => Boolean(v.childId) !== Boolean(v.groupId), zm('consents.childOrGroup')),
    output: PdfFile,
    permission: 'consents.write',
    audit: { kind: 'read', data: 'documents', entity: 'child', entityId: (input) => input.childId, details: (input) => ({ scope: input.childId ? 'child' : 'group', blank: input.blank }) },
    shows: ['consents', 'children', 'households', 'settings'],
  }),
  /** The privacy statement version new consents refer to (changed with `settings.update`). */
  'consents.privacyStatement': method({ input: z.object({}), output: z.object({ version: z.string(), published: z.boolean() }), permission: 'consents.read', shows: ['settings', 'sync'] }),
  'consents.roster': method({ input: RosterInput, output: Roster, permission: 'consents.read', shows: ['consents', 'children', 'groups', 'contracts', 'medical'] }),
  'consents.rosterPdf': method({
    input: RosterInput,
    output: PdfFile,
    permission: 'consents.read',
    audit: { kind: 'read', data: 'documents', details: (input) => ({ purpose: input.purpose }) },
    shows: ['consents', 'children', 'contracts'],
  }),
} satisfies Record<string, MethodDef>;
