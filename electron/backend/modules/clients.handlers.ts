import type { Handlers } from '../api/handler';
import type { AppCore } from '../core';
import { addPickupBan, addPickupPerson, liftPickupBan, pickupOverview, recordIdentification, revokePickupPerson } from './pickup/pickup.service';
import { recordBsnCheck, revealBsn, setBsn } from './bsn/bsn.service';
import { createChild, listChildren, loadChild, updateChild } from './children/children.service';
import { readMedical, writeMedical } from './children/medical.service';
import { confirmTask, createContract, listContracts, listTasks, loadContract, updateContract } from './contracts/contracts.service';
import { createHousehold, loadHousehold, updateHousehold } from './households/households.service';
import { dashboard } from './search/dashboard.service';
import { search } from './search/search.service';
import { createWaitlistEntry, listWaitlist, placeWaitlistEntry, withdrawWaitlistEntry } from './waitlist/waitlist.service';

const today = (core: AppCore) => core.today();

type ClientMethods =
  | 'households.create'
  | 'households.update'
  | 'households.get'
  | 'children.create'
  | 'children.update'
  | 'children.get'
  | 'children.list'
  | 'medical.get'
  | 'medical.update'
  | 'bsn.set'
  | 'bsn.recordCheck'
  | 'bsn.reveal'
  | 'contracts.listForChild'
  | 'contracts.create'
  | 'contracts.update'
  | 'tasks.list'
  | 'tasks.confirm'
  | 'waitlist.list'
  | 'waitlist.create'
  | 'waitlist.place'
  | 'waitlist.withdraw'
  | 'pickup.list'
  | 'pickup.addPerson'
  | 'pickup.revokePerson'
  | 'pickup.addBan'
  | 'pickup.liftBan'
  | 'pickup.recordIdentification'
  | 'search.query'
  | 'dashboard.get';

export const clientsHandlers: Handlers<ClientMethods> = {
  'households.create': async ({ core, session }, input) => loadHousehold(core.db(), session, await createHousehold(core, session, input), today(core)),
  'households.update': async ({ core, session }, input) => {
    await updateHousehold(core, session, input);
    return loadHousehold(core.db(), session, input.id, today(core));
  },
  'households.get': ({ core, session }, input) => loadHousehold(core.db(), session, input.id, today(core)),

  'children.create': async ({ core, session }, input) => loadChild(core.db(), session, await createChild(core, session, input), today(core)),
  'children.update': async ({ core, session }, input) => {
    await updateChild(core, session, input);
    return loadChild(core.db(), session, input.id, today(core));
  },
  'children.get': ({ core, session }, input) => loadChild(core.db(), session, input.id, today(core)),
  'children.list': ({ core }, input) => listChildren(core.db(), input, today(core)),

  'medical.get': ({ core, session }, input) => readMedical(core, session, input.childId),
  'medical.update': ({ core, session }, input) => writeMedical(core, session, input),

  'bsn.set': ({ core, session }, input) => setBsn(core, session, input),
  'bsn.recordCheck': ({ core, session }, input) => recordBsnCheck(core, session, input),
  'bsn.reveal': ({ core, session }, input) => revealBsn(core, session, input),

  'contracts.listForChild': ({ core }, input) => listContracts(core.db(), input.childId, today(core)),
  'contracts.create': async ({ core, session }, input) => loadContract(core.db(), await createContract(core, session, input), today(core)),
  'contracts.update': async ({ core, session }, input) => {
    await updateContract(core, session, input);
    return loadContract(core.db(), input.id, today(core));
  },

  'tasks.list': ({ core }, input) => listTasks(core.db(), input.includeConfirmed),
  'tasks.confirm': ({ core, session }, input) => confirmTask(core, session, input.id),

  'waitlist.list': ({ core }, input) => listWaitlist(core.db(), input.status),
  'waitlist.create': ({ core, session }, input) => createWaitlistEntry(core, session, input),
  'waitlist.place': ({ core, session }, input) => placeWaitlistEntry(core, session, input),
  'waitlist.withdraw': ({ core, session }, input) => withdrawWaitlistEntry(core, session, input),

  'pickup.list': ({ core }, input) => pickupOverview(core.db(), input.childId, today(core)),
  'pickup.addPerson': ({ core, session }, input) => addPickupPerson(core, session, input, today(core)),
  'pickup.revokePerson': ({ core, session }, input) => revokePickupPerson(core, session, input.id),
  'pickup.addBan': ({ core, session }, input) => addPickupBan(core, session, input, today(core)),
  'pickup.liftBan': ({ core, session }, input) => liftPickupBan(core, session, input, today(core)),
  'pickup.recordIdentification': ({ core, session }, input) => recordIdentification(core, session, input, today(core)),

  'search.query': ({ core, session }, input) => search(core.db(), session.roles, input.q, input.limit),
  'dashboard.get': ({ core }) => dashboard(core.db(), today(core)),
};
