import type { exchangeContract } from '../../../../shared/api/exchange.contract';
import type { Handlers } from '../../api/handler';
import { createExchangeConsent, listExchangeConsents, withdrawExchangeConsent } from './exchange.service';

export const exchangeHandlers: Handlers<keyof typeof exchangeContract> = {
  'exchange.list': ({ core }, input) => listExchangeConsents(core.db(), input.childId, core.today()),
  'exchange.create': ({ core, session }, input) => createExchangeConsent(core, session, input),
  'exchange.withdraw': ({ core }, input) => withdrawExchangeConsent(core, input),
};
