import type { disclosuresContract } from '../../../../shared/api/disclosures.contract';
import type { Handlers } from '../../api/handler';
import { disclosureRegister, exportDisclosure, previewDisclosure, recordRecipientDisclosure } from './disclosures.service';

export const disclosuresHandlers: Handlers<keyof typeof disclosuresContract> = {
  'disclosures.preview': ({ core }, input) => previewDisclosure(core.db(), input, core.today()),
  'disclosures.export': ({ core, session }, input) => exportDisclosure(core, session, input.params, input.format, input.decisions, core.today()),
  'disclosures.recordToRecipient': ({ core, session }, input) => recordRecipientDisclosure(core, session, input),
  'disclosures.register': ({ core }, input) => disclosureRegister(core.db(), input),
};
