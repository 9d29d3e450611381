import type { complaintsContract } from '../../../../shared/api/complaints.contract';
import type { Handlers } from '../../api/handler';
import { closeComplaint, complaintLetter, dueComplaints, householdOptions, listComplaints, saveComplaint } from './complaints.service';

/** Klachten: register, handle, close, print the outcome letter; what is audited is declared in the contract. */
export const complaintsHandlers: Handlers<keyof typeof complaintsContract> = {
  'complaints.list': ({ core }) => listComplaints(core.db(), core.today()),
  'complaints.due': ({ core }) => dueComplaints(core.db(), core.today()),
  'complaints.households': ({ core }, input) => householdOptions(core.db(), input.q),
  'complaints.save': ({ core }, input) => saveComplaint(core, input),
  'complaints.close': ({ core }, input) => closeComplaint(core, input),
  'complaints.letter': ({ core, session }, input) => complaintLetter(core, session, input.id),
};
