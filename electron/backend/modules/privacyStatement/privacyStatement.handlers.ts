import type { privacyStatementContract } from '../../../../shared/api/privacyStatement.contract';
import type { Handlers } from '../../api/handler';
import { markInformed, statementOverview } from './privacyStatement.service';

/** Privacyverklaring: the versions in force and before, and the "ouders geïnformeerd" note; audit is declared in the contract. */
export const privacyStatementHandlers: Handlers<keyof typeof privacyStatementContract> = {
  'privacyStatement.list': ({ core }) => statementOverview(core.db(), core.today()),
  'privacyStatement.markInformed': ({ core }, input) => markInformed(core, input),
};
