import type { retentionContract } from '../../../../shared/api/retention.contract';
import { can } from '../../../../shared/auth/permissions';
import type { Handlers } from '../../api/handler';
import { destroyItems, dismissNotice, finishRun, listRuns, notice, preview, startRun } from './engine';
import { listPolicies } from './policies';
import { reportPdf, whyPdf } from './retention.service';
import { whyReport } from './why.service';

export const retentionHandlers: Handlers<keyof typeof retentionContract> = {
  'retention.policies': ({ core }) => listPolicies(core),
  // On screen a meldcode file is named only for a user who may see meldcode files.
  'retention.why': ({ core, session }, input) => whyReport(core, input.subjectType, input.id, can(session.roles, 'meldcode.access')),
  'retention.whyPdf': ({ core }, input) => whyPdf(core, input.subjectType, input.id),
  'retention.preview': ({ core }) => preview(core),
  'retention.startRun': async ({ core, session }) => ({ runId: await startRun(core, session) }),
  'retention.destroy': async ({ core, session }, input) => ({ destroyed: await destroyItems(core, session, input.runId, input.items) }),
  'retention.finishRun': ({ core, session }, input) => finishRun(core, session, input.runId),
  'retention.runs': ({ core }) => listRuns(core.db()),
  'retention.reportPdf': ({ core }, input) => reportPdf(core, input.runId),
  'retention.notice': ({ core }) => notice(core.db()),
  'retention.dismissNotice': async ({ core }, input) => {
    await dismissNotice(core, input.runId);
    return {};
  },
};
