import type { Handlers } from '../../api/handler';
import { renderMeldcodeCase } from '../../pdf/meldcodeCase.pdf';
import { getLocation } from '../location/location.repository';
import { addEntry, caseForPrint, casesForChild, childOptions, closeCase, getCase, listCases, openCase } from './meldcode.service';

type MeldcodeMethods = 'meldcode.list' | 'meldcode.forChild' | 'meldcode.children' | 'meldcode.open' | 'meldcode.get' | 'meldcode.addEntry' | 'meldcode.close' | 'meldcode.printPdf';

export const meldcodeHandlers: Handlers<MeldcodeMethods> = {
  'meldcode.list': ({ core, session }, input) => listCases(core, session, input.status ?? null),
  'meldcode.forChild': ({ core, session }, input) => casesForChild(core, session, input.childId),
  'meldcode.children': ({ core }) => childOptions(core.db()),
  'meldcode.open': ({ core, session }, input) => openCase(core, session, input, core.today()),
  'meldcode.get': ({ core, session }, input) => getCase(core, session, input.caseId),
  'meldcode.addEntry': ({ core, session }, input) => addEntry(core, session, input, core.today()),
  'meldcode.close': ({ core, session }, input) => closeCase(core, session, input, core.today()),
  'meldcode.printPdf': async ({ core, session }, input) => {
    const file = await caseForPrint(core, session, input.caseId);
    const pdf = await renderMeldcodeCase(core.options.resourcesDir, file, { locationName: (await getLocation(core.db()))?.name ?? '', printedByName: session.name, printedAt: core.now() });
    return { fileName: `meldcodedossier-${file.openedOn}-${file.id.slice(-6)}.pdf`, base64: pdf.toString('base64') };
  },
};
