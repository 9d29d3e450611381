import type { Handlers } from '../../api/handler';
import { closeComplaint, listComplaints, saveComplaint } from './complaints.service';

/** Klachten: register, handle, close. */
export const complaintsHandlers: Handlers<'complaints.list' | 'complaints.save' | 'complaints.close'> = {
  'complaints.list': async ({ core, session }) => {
    await core.audit({ userId: session.userId, action: 'complaints.list' });
    return listComplaints(core.db());
  },
  'complaints.save': ({ core, session }, input) => saveComplaint(core, session, input),
  'complaints.close': ({ core, session }, input) => closeComplaint(core, session, input),
};
