import type { meldcodeContract } from '../../../../shared/api/meldcode.contract';
import type { Handlers } from '../../api/handler';
import { addEntry, childOptions, closeCase, getCase, listCases, openCase, printCase } from './meldcode.service';

export const meldcodeHandlers: Handlers<keyof typeof meldcodeContract> = {
  'meldcode.list': ({ core }, input) => listCases(core.db(), { status: input.status ?? null }),
  'meldcode.forChild': ({ core }, input) => listCases(core.db(), { childId: input.childId }),
  'meldcode.children': ({ core }) => childOptions(core.db()),
  'meldcode.open': ({ core, session }, input) => openCase(core, session, input),
  'meldcode.get': ({ core }, input) => getCase(core.db(), input.caseId),
  'meldcode.addEntry': ({ core, session }, input) => addEntry(core, session, input),
  'meldcode.close': ({ core, session }, input) => closeCase(core, session, input),
  'meldcode.printPdf': ({ core, session }, input) => printCase(core, session, input.caseId),
};
