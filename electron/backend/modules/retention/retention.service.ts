import { AppError } from '../../../../shared/api/result';
import type { WhySubjectType } from '../../../../shared/api/retention.schemas';
import type { PdfFile } from '../../../../shared/api/schemas';
import { ruleText } from '../../../../shared/domain/retention';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore } from '../../core';
import { renderDestructionReport, renderWhyPdf } from '../../pdf/retention.pdf';
import { getLocation } from '../location/location.repository';
import { organisationProfile } from '../location/location.service';
import { CATEGORIES } from './categories';
import { runSummary } from './engine';
import { loadPolicies } from './policies';
import { logOfRun } from './retention.repository';
import { whyReport } from './why.service';

const pdfFile = (fileName: string, pdf: Buffer): PdfFile => ({ fileName, base64: pdf.toString('base64') });

/** The destruction report of a finished run: hashed ids, rules and dates — no personal data. */
export async function reportPdf(core: AppCore, runId: string): Promise<PdfFile> {
  const db = core.db();
  const run = await runSummary(db, runId);
  if (!run.finishedAt) throw new AppError('CONFLICT', msg('retention.runNotFinished'));
  const log = await logOfRun(db, runId);
  const policies = await loadPolicies(db);
  const pdf = await renderDestructionReport(
    core.options.resourcesDir,
    run,
    log.map((l) => ({ category: l.category, subjectHash: l.subject_hash, policy: l.policy_key, dueDate: l.due_date, executedAt: l.executed_at, executedByName: l.executed_by_name })),
    {
      locationName: (await getLocation(db))?.name ?? '',
      organisation: await organisationProfile(db),
      printedAt: core.now(),
      categoryLabel: (key) => CATEGORIES.find((c) => c.key === key)?.label ?? key,
      ruleLabel: (key) => {
        const p = policies.get(key as never);
        return p ? `${p.category}: ${ruleText(p)}` : key;
      },
    },
  );
  return pdfFile(`vernietigingsrapport-${run.startedAt.slice(0, 10)}.pdf`, pdf);
}

/** "Waarom bewaren we dit nog?" as a PDF. */
export async function whyPdf(core: AppCore, subjectType: WhySubjectType, id: string): Promise<PdfFile> {
  // The PDF may be handed to a parent: never a meldcode file in it.
  const report = await whyReport(core, subjectType, id, false);
  const db = core.db();
  const pdf = await renderWhyPdf(core.options.resourcesDir, report, { locationName: (await getLocation(db))?.name ?? '', organisation: await organisationProfile(db), printedAt: core.now() });
  return pdfFile(`waarom-bewaren-${subjectType}.pdf`, pdf);
}
