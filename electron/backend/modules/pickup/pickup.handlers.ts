import type { pickupContract } from '../../../../shared/api/pickup.contract';
import type { Handlers } from '../../api/handler';
import { addPickupBan, addPickupPerson, liftPickupBan, pickupOverview, recordIdentification, revokePickupPerson } from './pickup.service';

export const pickupHandlers: Handlers<keyof typeof pickupContract> = {
  'pickup.list': ({ core }, input) => pickupOverview(core.db(), input.childId, core.today()),
  'pickup.addPerson': ({ core }, input) => addPickupPerson(core, input),
  'pickup.revokePerson': ({ core }, input) => revokePickupPerson(core, input.id),
  'pickup.addBan': ({ core, session }, input) => addPickupBan(core, session, input),
  'pickup.liftBan': ({ core }, input) => liftPickupBan(core, input),
  'pickup.recordIdentification': ({ core, session }, input) => recordIdentification(core, session, input),
};
