import { z } from 'zod';
import type { MethodDef } from './contract';
import { def } from './define';
import { ExchangeConsent, ExchangeConsentInput } from './consents.schemas';
import { ByChild, IsoDate } from './clients.schemas';
import { Id } from './schemas';

/** Written consents of the contract parent for exchange with a school or care institution. */
export const exchangeContract = {
  'exchange.list': def({ input: ByChild, output: z.array(ExchangeConsent), permission: 'consents.write', shows: ['exchange', 'households'] }),
  'exchange.create': def({
    input: ExchangeConsentInput,
    output: ExchangeConsent,
    permission: 'consents.write',
    audit: { kind: 'write', data: 'clients', entity: 'child', entityId: (input) => input.childId },
    changes: ['exchange'],
  }),
  'exchange.withdraw': def({
    input: z.object({ id: Id, withdrawnOn: IsoDate('consents.field.date') }),
    output: ExchangeConsent,
    permission: 'consents.write',
    audit: { kind: 'write', data: 'clients', entity: 'child', entityId: (_input, output) => output.childId },
    changes: ['exchange'],
  }),
} satisfies Record<string, MethodDef>;
