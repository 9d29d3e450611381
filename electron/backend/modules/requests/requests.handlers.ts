import type { requestsContract } from '../../../../shared/api/requests.contract';
import type { Handlers } from '../../api/handler';
import type { AppCore } from '../../core';
import { accessReport, decisionLetter } from './documents.service';
import { erasurePreview, executeErasure } from './erasure.service';
import { decideObjection, objectionCategories } from './objection.service';
import { importPortability, portabilityExport, previewPortability } from './portability.service';
import { rectify } from './rectification.service';
import { closeWithOutcome, createRequest, dueList, extendRequest, listRequests, loadRequest, meldcodeDecisionsAwaited, recordMeldcodeDecision } from './requests.service';
import { findOwnPeople } from './requests.repository';
import { completeTask, requestLift, restrictProcessing } from './restriction.service';
import { declineCentralRequest, listCentralRequests } from './central.service';

/** Runs a change and answers with the request as it now is. */
const andLoad = async (core: AppCore, id: string, change: Promise<unknown>) => {
  await change;
  return loadRequest(core.db(), id, core.today());
};

export const requestsHandlers: Handlers<keyof typeof requestsContract> = {
  'requests.list': ({ core }, input) => listRequests(core.db(), input.status ?? null, core.today()),
  'requests.people': ({ core }, input) => findOwnPeople(core.db(), input.type, input.q, 20),
  'requests.get': ({ core }, input) => loadRequest(core.db(), input.id, core.today()),
  'requests.due': ({ core }) => dueList(core.db(), core.today()),
  'requests.central': ({ core }) => listCentralRequests(core.db(), core.today()),
  'requests.declineCentral': async ({ core, session }, input) => {
    await declineCentralRequest(core, session, input.id);
    return { ok: true as const };
  },
  'requests.meldcodeDecisionsAwaited': ({ core }) => meldcodeDecisionsAwaited(core.db(), core.today()),
  'requests.create': async ({ core, session }, input) => loadRequest(core.db(), await createRequest(core, session, input), core.today()),
  'requests.extend': ({ core }, input) => andLoad(core, input.id, extendRequest(core, input, core.today())),
  'requests.meldcodeDecision': ({ core, session }, input) => andLoad(core, input.id, recordMeldcodeDecision(core, session, input)),
  'requests.accessReport': ({ core, session }, input) => accessReport(core, session, input.id, core.today()),
  'requests.portabilityExport': ({ core, session }, input) => portabilityExport(core, session, input.id, core.today()),
  'requests.previewPortability': async ({ core }, input) => previewPortability(core, input.files),
  'requests.importPortability': async ({ core, session }, input) => ({ householdId: await importPortability(core, session, input.json) }),
  'requests.rectify': ({ core, session }, input) => andLoad(core, input.id, rectify(core, session, input, core.today())),
  'requests.restrict': ({ core }, input) => andLoad(core, input.id, restrictProcessing(core, input, core.today())),
  'requests.requestLift': ({ core }, input) => andLoad(core, input.id, requestLift(core, input.id, core.today())),
  'requests.completeTask': async ({ core, session }, input) => loadRequest(core.db(), await completeTask(core, session, input.id, core.today()), core.today()),
  'requests.erasurePreview': ({ core }, input) => erasurePreview(core.db(), input.id, core.today()),
  'requests.erase': ({ core, session }, input) => andLoad(core, input.id, executeErasure(core, session, input.id, core.today())),
  'requests.objectionCategories': ({ core }, input) => objectionCategories(core.db(), input.id, core.today()),
  'requests.objection': ({ core, session }, input) => andLoad(core, input.id, decideObjection(core, session, input, core.today())),
  'requests.close': ({ core }, input) => andLoad(core, input.id, closeWithOutcome(core, input, core.today())),
  'requests.letter': ({ core, session }, input) => decisionLetter(core, session, input.id, core.today()),
};
