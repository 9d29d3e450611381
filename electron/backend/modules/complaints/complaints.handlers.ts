import type { complaintsContract } from '../../../../shared/api/complaints.contract';
import type { Handlers } from '../../api/handler';
import { closeComplaint, listComplaints, saveComplaint } from './complaints.service';

/** Klachten: register, handle, close; what is audited is declared in the contract. */
export const complaintsHandlers: Handlers<keyof typeof complaintsContract> = {
  'complaints.list': ({ core }) => listComplaints(core.db()),
  'complaints.save': ({ core }, input) => saveComplaint(core, input),
  'complaints.close': ({ core }, input) => closeComplaint(core, input),
};
