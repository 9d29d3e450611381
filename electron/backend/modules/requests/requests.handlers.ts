import type { Handlers } from '../../api/handler';
import type { AppCore } from '../../core';
import { accessReport, decisionLetter } from './documents.service';
import { erasurePreview, executeErasure } from './erasure.service';
import { honourObjection } from './objection.service';
import { importPortability, portabilityExport } from './portability.service';
import { rectify } from './rectification.service';
import { closeWithOutcome, createRequest, dueList, extendRequest, listRequests, loadRequest, recordMeldcodeDecision } from './requests.service';
import { completeTask, requestLift, restrictProcessing } from './restriction.service';

const today = (core: AppCore) => core.today();

type RequestMethods =
  | 'requests.list'
  | 'requests.get'
  | 'requests.due'
  | 'requests.create'
  | 'requests.extend'
  | 'requests.meldcodeDecision'
  | 'requests.accessReport'
  | 'requests.portabilityExport'
  | 'requests.importPortability'
  | 'requests.rectify'
  | 'requests.restrict'
  | 'requests.requestLift'
  | 'requests.completeTask'
  | 'requests.erasurePreview'
  | 'requests.erase'
  | 'requests.objection'
  | 'requests.close'
  | 'requests.letter';

/** Runs a change and answers with the request as it now is. */
const andLoad = async (core: AppCore, id: string, change: Promise<unknown>) => {
  await change;
  return loadRequest(core.db(), id, today(core));
};

export const requestsHandlers: Handlers<RequestMethods> = {
  'requests.list': ({ core }, input) => listRequests(core.db(), input.status ?? null, today(core)),
  'requests.get': ({ core }, input) => loadRequest(core.db(), input.id, today(core)),
  'requests.due': ({ core }) => dueList(core.db(), today(core)),
  'requests.create': async ({ core, session }, input) => loadRequest(core.db(), await createRequest(core, session, input), today(core)),
  'requests.extend': ({ core, session }, input) => andLoad(core, input.id, extendRequest(core, session, input, today(core))),
  'requests.meldcodeDecision': ({ core, session }, input) => andLoad(core, input.id, recordMeldcodeDecision(core, session, input)),
  'requests.accessReport': ({ core, session }, input) => accessReport(core, session, input.id, today(core)),
  'requests.portabilityExport': ({ core, session }, input) => portabilityExport(core, session, input.id, today(core)),
  'requests.importPortability': async ({ core, session }, input) => ({ householdId: await importPortability(core, session, input.json) }),
  'requests.rectify': ({ core, session }, input) => andLoad(core, input.id, rectify(core, session, input, today(core))),
  'requests.restrict': ({ core, session }, input) => andLoad(core, input.id, restrictProcessing(core, session, input, today(core))),
  'requests.requestLift': ({ core, session }, input) => andLoad(core, input.id, requestLift(core, session, input.id, today(core))),
  'requests.completeTask': async ({ core, session }, input) => loadRequest(core.db(), await completeTask(core, session, input.id, today(core)), today(core)),
  'requests.erasurePreview': ({ core }, input) => erasurePreview(core.db(), input.id, today(core)),
  'requests.erase': ({ core, session }, input) => andLoad(core, input.id, executeErasure(core, session, input.id, today(core))),
  'requests.objection': ({ core, session }, input) => andLoad(core, input.id, honourObjection(core, session, input.id, today(core))),
  'requests.close': ({ core, session }, input) => andLoad(core, input.id, closeWithOutcome(core, session, input, today(core))),
  'requests.letter': ({ core, session }, input) => decisionLetter(core, session, input.id, today(core)),
};
