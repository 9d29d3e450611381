import type { waitlistContract } from '../../../../shared/api/waitlist.contract';
import type { Handlers } from '../../api/handler';
import { createWaitlistEntry, listWaitlist, placeWaitlistEntry, withdrawWaitlistEntry } from './waitlist.service';

export const waitlistHandlers: Handlers<keyof typeof waitlistContract> = {
  'waitlist.list': ({ core }, input) => listWaitlist(core.db(), input.status),
  'waitlist.create': ({ core }, input) => createWaitlistEntry(core, input),
  'waitlist.place': ({ core, session }, input) => placeWaitlistEntry(core, session, input),
  'waitlist.withdraw': ({ core }, input) => withdrawWaitlistEntry(core, input),
};
