import { z } from 'zod';
import { WaitlistEntry, WaitlistInput, WaitlistPlaceInput, WaitlistStatus } from './clients.schemas';
import type { MethodDef } from './contract';
import { method } from './method';
import { Id, text } from './schemas';

/** The waiting list (wachtlijst): requests, placing one as household, child and contract, withdrawing. */
export const waitlistContract = {
  'waitlist.list': method({ input: z.object({ status: WaitlistStatus.nullish() }), output: z.array(WaitlistEntry), permission: 'waitlist.manage', shows: ['waitlist'] }),
  'waitlist.create': method({
    input: WaitlistInput,
    output: WaitlistEntry,
    permission: 'waitlist.manage',
    audit: { kind: 'write', data: 'clients', entity: 'waitlistEntry', entityId: (_input, output) => output.id },
    changes: ['waitlist'],
  }),
  /** One audit row for the placement, with the ids of the household, child and contract it created. */
  'waitlist.place': method({
    input: WaitlistPlaceInput,
    output: z.object({ householdId: z.string(), childId: z.string(), contractId: z.string() }),
    permission: 'waitlist.manage',
    audit: {
      kind: 'write',
      data: 'clients',
      entity: 'waitlistEntry',
      entityId: (input) => input.id,
      details: (_input, output) => ({ householdId: output.householdId, childId: output.childId, contractId: output.contractId }),
    },
    changes: ['waitlist', 'households', 'children', 'bsn', 'contracts', 'tasks'],
  }),
  'waitlist.withdraw': method({
    /** `declined`: the location declines the request (afgewezen) instead of the parent withdrawing it (ingetrokken); both start the 1-year rule. */
    input: z.object({ id: Id, reason: text('validation.field.reason', 500), declined: z.boolean().default(false) }),
    output: WaitlistEntry,
    permission: 'waitlist.manage',
    audit: { kind: 'write', data: 'clients', entity: 'waitlistEntry', entityId: (input) => input.id },
    changes: ['waitlist'],
  }),
} satisfies Record<string, MethodDef>;
