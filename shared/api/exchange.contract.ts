import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { ExchangeConsent, ExchangeConsentInput } from './consents.schemas';
import { ByChild, IsoDate } from './clients.schemas';
import { Id } from './schemas';

/** Written consents of the contract parent for exchange with a school or care institution. */
export const exchangeContract = {
  'exchange.list': method({ input: ByChild, output: z.array(ExchangeConsent), permission: 'consents.write', shows: ['exchange', 'households'] }),
  'exchange.create': method({
    input: ExchangeConsentInput,
    output: ExchangeConsent,
    permission: 'consents.write',
    audit: { kind: 'write', data: 'clients', entity: 'child', entityId: (input) => input.childId },
    changes: ['exchange'],
  }),
  'exchange.withdraw': method({
    input: z.object({ id: Id, withdrawnOn: IsoDate('consents.field.date') }),
    output: ExchangeConsent,
    permission: 'consents.write',
    audit: { kind: 'write', data: 'clients', entity: 'child', entityId: (_input, output) => output.childId },
    changes: ['exchange'],
  }),
} satisfies Record<string, MethodDef>;
