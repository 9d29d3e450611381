import type { registerContract } from '../../../../shared/api/register.contract';
import type { Handlers } from '../../api/handler';
import { processingRegisterOf, registerPdf } from './register.service';

export const registerHandlers: Handlers<keyof typeof registerContract> = {
  'register.get': ({ core }) => processingRegisterOf(core),
  'register.pdf': ({ core }) => registerPdf(core),
};
