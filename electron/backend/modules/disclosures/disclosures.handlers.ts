import type { disclosuresContract } from '../../../../shared/api/disclosures.contract';
import { can } from '../../../../shared/auth/permissions';
import type { Handlers } from '../../api/handler';
import { disclosureRegister, exportDisclosure, previewDisclosure, recordRecipientDisclosure } from './disclosures.service';
import { recordManualDisclosure, subjectFieldOptions } from './recipients.service';

export const disclosuresHandlers: Handlers<keyof typeof disclosuresContract> = {
  'disclosures.preview': ({ core }, input) => previewDisclosure(core.db(), input, core.today()),
  'disclosures.export': ({ core, session }, input) => exportDisclosure(core, session, input.params, input.format, input.decisions, core.today()),
  'disclosures.recordToRecipient': ({ core, session }, input) => recordRecipientDisclosure(core, session, input),
  'disclosures.record': ({ core, session }, input) => recordManualDisclosure(core, session, input),
  'disclosures.subjectFields': ({ core, session }, input) => subjectFieldOptions(core.db(), input, can(session.roles, 'meldcode.access')),
  // Veilig Thuis lines only for a user with meldcode access (not even a count otherwise).
  'disclosures.register': ({ core, session }, input) => disclosureRegister(core.db(), { ...input, includeMeldcode: can(session.roles, 'meldcode.access') }),
};
