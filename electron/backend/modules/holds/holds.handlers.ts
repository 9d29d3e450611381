import type { holdsContract } from '../../../../shared/api/holds.contract';
import type { Handlers } from '../../api/handler';
import { listHolds, liftHold, placeHold } from './holds.service';

export const holdsHandlers: Handlers<keyof typeof holdsContract> = {
  'holds.list': ({ core }, input) => listHolds(core.db(), input.subjectType, input.subjectId),
  'holds.place': ({ core, session }, input) => placeHold(core, session, input),
  'holds.lift': ({ core, session }, input) => liftHold(core, session, input),
};
