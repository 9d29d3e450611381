import { z } from 'zod';
import { ById } from './clients.schemas';
import { CloseComplaintInput, Complaint, ComplaintDue, ComplaintInput, HouseholdOption, HouseholdQuery } from './complaints.schemas';
import type { MethodDef } from './contract';
import { method } from './method';
import { Empty, PdfFile } from './schemas';

const complaint = { entity: 'complaint', entityId: (_input: unknown, output: Complaint) => output.id } as const;
const byId = (input: { id: string }) => input.id;

/** Klachten: register, handle, close with the houder's judgement, print the outcome letter. The list holds complainants' names: every read is audited. */
export const complaintsContract = {
  'complaints.list': method({ input: Empty, output: z.array(Complaint), permission: 'complaints.manage', audit: { kind: 'read', data: 'clients' }, shows: ['complaints', 'households'] }),
  /** Open complaints whose six weeks end within 7 days or have ended (Overzicht); subjects and dates only, no names. */
  'complaints.due': method({ input: Empty, output: z.array(ComplaintDue), permission: 'complaints.manage', shows: ['complaints'] }),
  /** The location's households to link a complaint to, by the contract parent's name or the postcode. */
  'complaints.households': method({ input: HouseholdQuery, output: z.array(HouseholdOption), permission: 'complaints.manage', shows: ['households'] }),
  'complaints.save': method({
    input: ComplaintInput,
    output: Complaint,
    permission: 'complaints.manage',
    audit: { kind: 'write', data: 'clients', ...complaint, details: (input) => ({ created: !input.id, household: input.householdId !== null }) },
    changes: ['complaints'],
  }),
  /** Closing records the judgement and starts the retention period of the complaint policy. */
  'complaints.close': method({
    input: CloseComplaintInput,
    output: Complaint,
    permission: 'complaints.manage',
    audit: { kind: 'write', data: 'clients', ...complaint, details: (input) => ({ outcome: input.outcome }) },
    changes: ['complaints'],
  }),
  /** The outcome letter (afhandeling van uw klacht), printed as often as needed once closed. */
  'complaints.letter': method({ input: ById, output: PdfFile, permission: 'complaints.manage', audit: { kind: 'read', data: 'documents', entity: 'complaint', entityId: byId }, shows: ['complaints'] }),
} satisfies Record<string, MethodDef>;
