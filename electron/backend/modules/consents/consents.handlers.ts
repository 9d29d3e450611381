import type { consentsContract } from '../../../../shared/api/consents.contract';
import type { Handlers } from '../../api/handler';
import { consentOverview, formPdf, privacyStatementVersion, recordConsents, recordFormReturned, roster, rosterPdf } from './consents.service';

export const consentsHandlers: Handlers<keyof typeof consentsContract> = {
  'consents.overview': ({ core }, input) => consentOverview(core.db(), input.childId, core.today()),
  'consents.record': ({ core, session }, input) => recordConsents(core, session, input),
  'consents.formReturned': ({ core, session }, input) => recordFormReturned(core, session, input),
  'consents.formPdf': ({ core }, input) => formPdf(core, input),
  'consents.privacyStatement': ({ core }) => privacyStatementVersion(core.db(), core.today()),
  'consents.roster': ({ core }, input) => roster(core.db(), input.groupId, input.purpose, core.today()),
  'consents.rosterPdf': ({ core }, input) => rosterPdf(core, input.groupId, input.purpose),
};
