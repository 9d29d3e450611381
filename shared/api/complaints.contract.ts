import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { CloseComplaintInput, Complaint, ComplaintInput } from './retention.schemas';
import { Empty } from './schemas';

const complaint = { entity: 'complaint', entityId: (_input: unknown, output: Complaint) => output.id } as const;

/** Klachten: register, handle, close. The list holds complainants' names: every read is audited. */
export const complaintsContract = {
  'complaints.list': method({ input: Empty, output: z.array(Complaint), permission: 'complaints.manage', audit: { kind: 'read', data: 'clients' }, shows: ['complaints'] }),
  'complaints.save': method({
    input: ComplaintInput,
    output: Complaint,
    permission: 'complaints.manage',
    audit: { kind: 'write', data: 'clients', ...complaint, details: (input) => ({ created: !input.id }) },
    changes: ['complaints'],
  }),
  /** Closing starts the retention period of the complaint policy. */
  'complaints.close': method({ input: CloseComplaintInput, output: Complaint, permission: 'complaints.manage', audit: { kind: 'write', data: 'clients', ...complaint }, changes: ['complaints'] }),
} satisfies Record<string, MethodDef>;
