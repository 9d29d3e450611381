import { ruleText } from '../../../../shared/domain/retention';
import { AppError } from '../../../../shared/api/result';
import type { Handlers } from '../../api/handler';
import type { AppCore, Session } from '../../core';
import { renderDestructionReport, renderWhyPdf } from '../../pdf/retention.pdf';
import { appendAudit } from '../audit/audit.service';
import { getLocation } from '../location/location.repository';
import { CATEGORIES } from './categories';
import { destroyItems, dismissNotice, finishRun, listRuns, notice, preview, runSummary, startRun } from './engine';
import { listHolds, liftHold, placeHold } from './holds.service';
import { ensureDefaultPolicies, listPolicies, loadPolicies } from './policies';
import { whyReport } from './why.service';

async function reportPdf(core: AppCore, session: Session, runId: string) {
  const db = core.db();
  const run = await runSummary(db, runId);
  if (!run.finishedAt) throw new AppError('CONFLICT', 'Deze vernietigingsronde is nog niet afgerond.');
  const log = await db.selectFrom('destruction_log').selectAll().where('run_id', '=', runId).orderBy('id').execute();
  const policies = await loadPolicies(db);
  const pdf = await renderDestructionReport(
    core.options.resourcesDir,
    run,
    log.map((l) => ({ category: l.category, subjectHash: l.subject_hash, policy: l.policy_key, dueDate: l.due_date, executedAt: l.executed_at, executedByName: l.executed_by_name })),
    {
      locationName: (await getLocation(db))?.name ?? '',
      printedAt: core.now(),
      categoryLabel: (key) => CATEGORIES.find((c) => c.key === key)?.label ?? key,
      ruleLabel: (key) => {
        const p = policies.get(key as never);
        return p ? `${p.category}: ${ruleText(p)}` : key;
      },
    },
  );
  await core.transaction((trx) => appendAudit(trx, { userId: session.userId, action: 'retention.reportPdf', entity: 'destruction_run', entityId: runId }, core.now()));
  return { fileName: `vernietigingsrapport-${run.startedAt.slice(0, 10)}.pdf`, base64: pdf.toString('base64') };
}

type RetentionMethods =
  | 'retention.policies'
  | 'holds.list'
  | 'holds.place'
  | 'holds.lift'
  | 'retention.why'
  | 'retention.whyPdf'
  | 'retention.preview'
  | 'retention.startRun'
  | 'retention.destroy'
  | 'retention.finishRun'
  | 'retention.runs'
  | 'retention.reportPdf'
  | 'retention.notice'
  | 'retention.dismissNotice';

export const retentionHandlers: Handlers<RetentionMethods> = {
  'retention.policies': async ({ core }) => {
    await core.transaction((trx) => ensureDefaultPolicies(trx, core.now()));
    return listPolicies(core.db());
  },
  'holds.list': ({ core }, input) => listHolds(core.db(), input.subjectType, input.subjectId),
  'holds.place': ({ core, session }, input) => placeHold(core, session, input),
  'holds.lift': ({ core, session }, input) => liftHold(core, session, input),
  'retention.why': ({ core, session }, input) => whyReport(core, session, input.subjectType, input.id),
  'retention.whyPdf': async ({ core, session }, input) => {
    const report = await whyReport(core, session, input.subjectType, input.id);
    const pdf = await renderWhyPdf(core.options.resourcesDir, report, { locationName: (await getLocation(core.db()))?.name ?? '', printedAt: core.now() });
    return { fileName: `waarom-bewaren-${input.subjectType}.pdf`, base64: pdf.toString('base64') };
  },
  'retention.preview': ({ core }) => preview(core),
  'retention.startRun': async ({ core, session }) => ({ runId: await startRun(core, session) }),
  'retention.destroy': async ({ core, session }, input) => ({ destroyed: await destroyItems(core, session, input.runId, input.items) }),
  'retention.finishRun': ({ core, session }, input) => finishRun(core, session, input.runId),
  'retention.runs': ({ core }) => listRuns(core.db()),
  'retention.reportPdf': ({ core, session }, input) => reportPdf(core, session, input.runId),
  'retention.notice': ({ core }) => notice(core.db()),
  'retention.dismissNotice': async ({ core }, input) => {
    await dismissNotice(core, input.runId);
    return {};
  },
};
