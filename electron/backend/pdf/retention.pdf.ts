import type { RunSummary, WhyReport } from '../../../shared/api/retention.schemas';
import { nlDate, nlDateTime } from '../../../shared/domain/dates';
import type { OrganisationProfile } from '../../../shared/organisation/profile';
import { renderTablePdf } from '../../../shared/pdf/table.pdf';

const ACTION = { vernietigen: 'vernietigen', vernietigd: 'vernietigd', bevestigen: 'vernietigen en bevestigen', wissen: 'wissen' } as const;
const HOLD_KIND = { labour_dispute: 'Arbeidsconflict', complaint: 'Lopende klacht', subject_request: 'Lopend AVG-verzoek', legal_claim: 'Juridische claim', other: 'Overig' } as const;

/** Who prints a retention document: the location, and the controller with its privacy contacts (issue 18 part 7). */
interface PrintMeta {
  locationName: string;
  organisation: OrganisationProfile | null;
  printedAt: Date;
}

/** "Waarom bewaren we dit nog?" — printable for the person or the file. */
export function renderWhyPdf(resourcesDir: string, report: WhyReport, meta: PrintMeta): Promise<Buffer> {
  const activeHolds = report.holds.filter((h) => !h.liftedAt);
  return renderTablePdf(resourcesDir, {
    title: 'Waarom bewaren we dit nog?',
    lines: [
      `${report.name} — ${meta.locationName}`,
      `Afgedrukt op ${nlDateTime(meta.printedAt)}. Per categorie gegevens: de regel die ze bewaart, de grondslag en de datum waarop ze worden vernietigd.`,
      ...activeHolds.map((h) => `Blokkade: ${HOLD_KIND[h.reasonKind]} — ${h.reason} (herbeoordelen op ${nlDate(h.reviewDate)}). Zolang deze geldt, wordt niets vernietigd.`),
    ],
    organisation: meta.organisation,
    header: ['Categorie', 'Bewaartermijn', 'Grondslag', 'Datum', 'Toelichting'],
    rows: report.items.map((i) => [i.category, i.rule, i.legalBasis, i.destructionDate ? `${ACTION[i.action]} op ${nlDate(i.destructionDate)}` : 'nog niet bekend', i.explanation]),
    footer: 'Wilt u bezwaar maken of heeft u een klacht? U kunt ook een klacht indienen bij de Autoriteit Persoonsgegevens.',
  });
}

/** The destruction report: what went, by rule, without personal data (hashed internal ids). */
export function renderDestructionReport(
  resourcesDir: string,
  run: RunSummary,
  log: { category: string; subjectHash: string; policy: string; dueDate: string; executedAt: string; executedByName: string }[],
  meta: PrintMeta & { categoryLabel: (key: string) => string; ruleLabel: (key: string) => string },
): Promise<Buffer> {
  return renderTablePdf(resourcesDir, {
    title: 'Vernietigingsrapport',
    lines: [
      meta.locationName,
      `${run.automatic ? 'Automatische vernietigingsronde' : 'Vernietigingsronde'} gestart op ${nlDateTime(new Date(run.startedAt))} door ${run.executedByName}${run.finishedAt ? `, afgerond op ${nlDateTime(new Date(run.finishedAt))}` : ''}.`,
      `Vernietigd: ${run.itemCount} ${run.itemCount === 1 ? 'gegeven' : 'gegevens'}${run.byCategory.length ? ` (${run.byCategory.map((c) => `${c.count} × ${meta.categoryLabel(c.category).toLowerCase()}`).join(', ')})` : ''}. Alle rijen van deze personen zijn uit elke tabel verwijderd; het hoofdkantoor ontvangt een verwijdering zonder gegevens.`,
      'Dit rapport bevat geen persoonsgegevens: elk gegeven staat er alleen met een kenmerk (hash van het interne nummer).',
    ],
    organisation: meta.organisation,
    header: ['Categorie', 'Kenmerk', 'Regel', 'Vervaldatum', 'Uitgevoerd op', 'Door'],
    rows: log.map((l) => [meta.categoryLabel(l.category), l.subjectHash.slice(0, 16), meta.ruleLabel(l.policy), nlDate(l.dueDate), nlDateTime(new Date(l.executedAt)), l.executedByName]),
    footer: `Afgedrukt op ${nlDateTime(meta.printedAt)}`,
  });
}
