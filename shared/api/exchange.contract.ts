import { z } from 'zod';
import type { MethodDef } from './contract';
import { ExchangeConsent, ExchangeConsentInput } from './consents.schemas';
import { IsoDate } from './clients.schemas';
import { fieldLabel } from './fieldLabel';
import { Id } from './schemas';

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

/** Written consents of the contract parent for exchange with a school or care institution. */
export const exchangeContract = {
  'exchange.list': def({ input: z.object({ childId: Id }), output: z.array(ExchangeConsent), permission: 'consents.write', shows: ['exchange', 'households'] }),
  'exchange.create': def({
    input: ExchangeConsentInput,
    output: ExchangeConsent,
    permission: 'consents.write',
    audit: { kind: 'write', data: 'clients', entity: 'child', entityId: (input) => input.childId },
    changes: ['exchange'],
  }),
  'exchange.withdraw': def({
    input: z.object({ id: Id, withdrawnOn: IsoDate(fieldLabel('consents.field.date')) }),
    output: ExchangeConsent,
    permission: 'consents.write',
    audit: { kind: 'write', data: 'clients', entity: 'child', entityId: (_input, output) => output.childId },
    changes: ['exchange'],
  }),
} satisfies Record<string, MethodDef>;
