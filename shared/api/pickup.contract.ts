import { z } from 'zod';
import { ByChild, ById, Identification, IdentificationInput, PickupBan, PickupBanInput, PickupPerson, PickupPersonInput } from './clients.schemas';
import type { MethodDef } from './contract';
import { method } from './method';
import { Id, text } from './schemas';

/** Pickup (ophalen): ophaalpersonen, "mag niet ophalen" and the identification log of a child. */
export const pickupContract = {
  'pickup.list': method({
    input: ByChild,
    output: z.object({ persons: z.array(PickupPerson), bans: z.array(PickupBan), identifications: z.array(Identification) }),
    permission: 'pickup.read',
    shows: ['pickup'],
  }),
  'pickup.addPerson': method({
    input: PickupPersonInput,
    output: PickupPerson,
    permission: 'pickup.write',
    audit: { kind: 'write', data: 'clients', entity: 'child', entityId: (input) => input.childId },
    changes: ['pickup'],
  }),
  'pickup.revokePerson': method({
    input: ById,
    output: z.object({}),
    permission: 'pickup.write',
    audit: { kind: 'write', data: 'clients', entity: 'pickupPerson', entityId: (input) => input.id },
    changes: ['pickup'],
  }),
  'pickup.addBan': method({
    input: PickupBanInput,
    output: PickupBan,
    permission: 'pickup.write',
    audit: { kind: 'write', data: 'clients', entity: 'child', entityId: (input) => input.childId },
    changes: ['pickup'],
  }),
  'pickup.liftBan': method({
    input: z.object({ id: Id, reason: text('validation.field.reason', 500) }),
    output: PickupBan,
    permission: 'pickup.write',
    audit: { kind: 'write', data: 'clients', entity: 'pickupBan', entityId: (input) => input.id },
    changes: ['pickup'],
  }),
  'pickup.recordIdentification': method({
    input: IdentificationInput,
    output: Identification,
    permission: 'pickup.identify',
    audit: { kind: 'write', data: 'clients', entity: 'child', entityId: (input) => input.childId },
    changes: ['pickup'],
  }),
} satisfies Record<string, MethodDef>;
