import type { bsnContract } from '../../../../shared/api/bsn.contract';
import type { Handlers } from '../../api/handler';
import { recordBsnCheck, revealBsn, setBsn } from './bsn.service';

export const bsnHandlers: Handlers<keyof typeof bsnContract> = {
  'bsn.set': ({ core }, input) => setBsn(core, input),
  'bsn.recordCheck': ({ core, session }, input) => recordBsnCheck(core, session, input),
  'bsn.reveal': ({ core }, input) => revealBsn(core.db(), input),
};
