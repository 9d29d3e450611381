import { z } from 'zod';
import {
  Bsn,
  BsnCheckInput,
  BsnSubject,
  Child,
  ChildInput,
  ChildListRow,
  ChildUpdateInput,
  Contract,
  ContractInput,
  ContractUpdateInput,
  Dashboard,
  Household,
  HouseholdInput,
  HouseholdUpdateInput,
  Identification,
  IdentificationInput,
  MedicalInfo,
  MedicalInput,
  PickupBan,
  PickupBanInput,
  PickupPerson,
  PickupPersonInput,
  SearchResult,
  Task,
  WaitlistEntry,
  WaitlistInput,
  WaitlistPlaceInput,
} from './clients.schemas';
import { Id, text } from './schemas';
import type { MethodDef } from './contract';
import { can } from '../auth/permissions';

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;
const ById = z.object({ id: Id });
const ByChild = z.object({ childId: Id });

/** Households, children, BSN, medical, contracts, tasks, waiting list, pickup, search, dashboard. */
export const clientsContract = {
  'households.create': def({ input: HouseholdInput, output: Household, permission: 'clients.write' }),
  'households.update': def({ input: HouseholdUpdateInput, output: Household, permission: 'clients.write' }),
  'households.get': def({ input: ById, output: Household, permission: 'clients.read' }),

  'children.create': def({ input: ChildInput, output: Child, permission: 'clients.write' }),
  'children.update': def({ input: ChildUpdateInput, output: Child, permission: 'clients.write' }),
  'children.get': def({ input: ById, output: Child, permission: 'clients.read' }),
  'children.list': def({
    input: z.object({ groupName: z.string().nullish(), contractStatus: z.enum(['geen', 'gepland', 'actief', 'beeindigd']).nullish() }),
    output: z.object({ rows: z.array(ChildListRow), groups: z.array(z.string()) }),
    permission: 'clients.read',
  }),
  /** Each read is audit-logged (special-category data); staff get the care part only. */
  'medical.get': def({
    input: ByChild,
    output: MedicalInfo,
    permission: 'medical.read',
    audit: { kind: 'read', data: 'medical', entity: 'child', entityId: (input) => input.childId, details: (_input, _output, roles) => ({ scope: can(roles, 'medical.full') ? 'full' : 'care' }) },
    shows: ['medical'],
  }),
  'medical.update': def({
    input: MedicalInput,
    output: MedicalInfo,
    permission: 'medical.write',
    audit: { kind: 'write', data: 'medical', entity: 'child', entityId: (input) => input.childId },
    changes: ['medical'],
  }),

  'bsn.set': def({ input: BsnSubject.extend({ bsn: Bsn }), output: z.object({ masked: z.string() }), permission: 'bsn.view' }),
  'bsn.recordCheck': def({ input: BsnCheckInput, output: z.object({}), permission: 'bsn.view' }),
  /** Shows the full BSN once; audit-logged. */
  'bsn.reveal': def({ input: BsnSubject, output: z.object({ bsn: z.string() }), permission: 'bsn.reveal' }),

  'contracts.listForChild': def({ input: ByChild, output: z.array(Contract), permission: 'contracts.manage' }),
  'contracts.create': def({ input: ContractInput, output: Contract, permission: 'contracts.manage' }),
  'contracts.update': def({ input: ContractUpdateInput, output: Contract, permission: 'contracts.manage' }),

  'tasks.list': def({ input: z.object({ includeConfirmed: z.boolean().default(false) }), output: z.array(Task), permission: 'tasks.manage' }),
  'tasks.confirm': def({ input: ById, output: Task, permission: 'tasks.manage' }),

  'waitlist.list': def({
    input: z.object({ status: z.enum(['open', 'geplaatst', 'ingetrokken']).nullish() }),
    output: z.array(WaitlistEntry),
    permission: 'waitlist.manage',
  }),
  'waitlist.create': def({ input: WaitlistInput, output: WaitlistEntry, permission: 'waitlist.manage' }),
  'waitlist.place': def({
    input: WaitlistPlaceInput,
    output: z.object({ householdId: z.string(), childId: z.string(), contractId: z.string() }),
    permission: 'waitlist.manage',
  }),
  'waitlist.withdraw': def({ input: z.object({ id: Id, reason: text('Reden', 500) }), output: WaitlistEntry, permission: 'waitlist.manage' }),

  'pickup.list': def({
    input: ByChild,
    output: z.object({ persons: z.array(PickupPerson), bans: z.array(PickupBan), identifications: z.array(Identification) }),
    permission: 'pickup.read',
  }),
  'pickup.addPerson': def({ input: PickupPersonInput, output: PickupPerson, permission: 'pickup.write' }),
  'pickup.revokePerson': def({ input: ById, output: z.object({}), permission: 'pickup.write' }),
  'pickup.addBan': def({ input: PickupBanInput, output: PickupBan, permission: 'pickup.write' }),
  'pickup.liftBan': def({ input: z.object({ id: Id, reason: text('Reden', 500) }), output: PickupBan, permission: 'pickup.write' }),
  'pickup.recordIdentification': def({ input: IdentificationInput, output: Identification, permission: 'pickup.identify' }),

  'search.query': def({
    input: z.object({ q: z.string().trim().max(100), limit: z.number().int().min(1).max(100).default(20) }),
    output: z.array(SearchResult),
    permission: 'clients.read',
  }),
  'dashboard.get': def({ input: z.object({}), output: Dashboard, permission: 'tasks.manage' }),
} satisfies Record<string, MethodDef>;

