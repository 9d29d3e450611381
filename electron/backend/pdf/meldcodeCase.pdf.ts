import type { MeldcodeCase, MeldcodeEntry } from '../../../shared/api/meldcode.schemas';
import { nlDate, nlDateTime, nlDateTimeShort } from '../../../shared/domain/dates';
import { MELDCODE_STEPS, STEP_OF_KIND, type MeldcodeStep } from '../../../shared/domain/meldcode';
import type { OrganisationProfile } from '../../../shared/organisation/profile';
import { createPdf, pdfToBuffer } from '../../../shared/pdf/document';
import { printOrganisation } from '../../../shared/pdf/letter';

const STEP_TITLE: Record<MeldcodeStep, string> = {
  1: 'Stap 1 — Signalen in kaart brengen',
  2: 'Stap 2 — Collegiale consultatie en advies Veilig Thuis',
  3: 'Stap 3 — Gesprek met de ouder',
  4: 'Stap 4 — Wegen (afwegingskader)',
  5: 'Stap 5 — Beslissen: hulp organiseren en/of melden',
};
const STEP3_EMPLOYEE = 'Stap 3 — Overleg met de vertrouwensinspecteur';

const yesNo = (v: boolean | null) => (v === null ? 'niet van toepassing of nog niet te beoordelen' : v ? 'ja' : 'nee');

/** Title and field lines of one entry, in Dutch. */
function describe(entry: MeldcodeEntry): { title: string; lines: [string, string][] } {
  switch (entry.kind) {
    case 'signal':
      return { title: 'Signaal', lines: [['Waargenomen door', entry.payload.observedBy], ['Signaal', entry.payload.observation]] };
    case 'consultation':
      return {
        title: entry.payload.consultedWith === 'veilig_thuis' ? `Advies Veilig Thuis${entry.payload.anonymousAdvice ? ' (anoniem advies)' : ''}` : 'Collegiale consultatie',
        lines: [...(entry.payload.consultedName ? ([['Met', entry.payload.consultedName]] as [string, string][]) : []), ['Advies', entry.payload.advice]],
      };
    case 'parent_conversation':
      return { title: 'Gesprek met de ouder', lines: [['Met', entry.payload.withWhom], ['Gevoerd door', entry.payload.conductedBy], ['Samenvatting', entry.payload.summary]] };
    case 'parent_conversation_skipped':
      return { title: 'Gesprek met de ouder niet gevoerd', lines: [['Reden', entry.payload.reason]] };
    case 'vertrouwensinspecteur':
      return { title: 'Overleg met de vertrouwensinspecteur', lines: [...(entry.payload.inspectorName ? ([['Met', entry.payload.inspectorName]] as [string, string][]) : []), ['Advies', entry.payload.advice]] };
    case 'weighing': {
      const w = entry.payload;
      return {
        title: 'Weging met het afwegingskader',
        lines: [
          ['1. Is er (nog steeds) een vermoeden?', yesNo(w.q1Suspicion)],
          ['2. Acute of structurele onveiligheid?', yesNo(w.q2Unsafe)],
          ['3. Kunnen wij hulp bieden of organiseren?', yesNo(w.q3HelpPossible)],
          ['4. Aanvaarden de betrokkenen de hulp?', yesNo(w.q4Cooperation)],
          ['5. Leidt de hulp tot duurzame veiligheid?', yesNo(w.q5LastingSafety)],
          ['Toelichting', w.explanation],
        ],
      };
    }
    case 'decision': {
      const d = entry.payload;
      const outcome = { help: 'Hulp organiseren', report: 'Melden bij Veilig Thuis', both: 'Hulp organiseren én melden bij Veilig Thuis' }[d.outcome];
      const lines: [string, string][] = [
        ['Besluit', outcome],
        ['Besloten door', d.decidedBy],
      ];
      if (d.helpDescription) lines.push(['Hulp', d.helpDescription]);
      if (d.outcome !== 'help') {
        lines.push(d.parentInformed ? ['Ouder geïnformeerd op', nlDate(d.parentInformedOn!)] : ['Ouder niet vooraf geïnformeerd, omdat', d.notInformedReason!]);
        if (d.anonymous) lines.push(['Anoniem gemeld, omdat', d.anonymousReason!]);
      }
      if (d.explanation) lines.push(['Toelichting', d.explanation]);
      return { title: 'Besluit', lines };
    }
    case 'correction':
      return { title: 'Correctie', lines: [['Correctie', entry.payload.text]] };
  }
}

export interface MeldcodePdfMeta {
  locationName: string;
  /** The controller and its privacy contacts: the file may go to Veilig Thuis or be shown on an inzage (issue 18 part 7). */
  organisation: OrganisationProfile | null;
  printedByName: string;
  printedAt: Date;
}

/**
 * The case file as a PDF. Every page carries "Vertrouwelijk" in its header and who printed it and
 * when in its footer, so a stray page still shows that it is confidential and whose print it is.
 */
export async function renderMeldcodeCase(resourcesDir: string, file: MeldcodeCase, meta: MeldcodePdfMeta): Promise<Buffer> {
  const doc = createPdf(resourcesDir, { title: 'Meldcodedossier (vertrouwelijk)', bufferPages: true });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 210;
  const room = (points: number) => doc.y + points <= doc.page.height - doc.page.margins.bottom;

  const heading = (text: string, size: number) => {
    if (!room(60)) doc.addPage();
    doc.font('bold').fontSize(size).fillColor('#000000').text(text, left, doc.y, { width });
    doc.font('regular').fontSize(10);
  };
  const field = (label: string, value: string) => {
    doc.font('bold').fontSize(9);
    const height = Math.max(doc.heightOfString(label, { width: labelWidth - 8 }), doc.font('regular').heightOfString(value, { width: width - labelWidth }));
    if (!room(height)) doc.addPage();
    const y = doc.y;
    doc.font('bold').text(label, left, y, { width: labelWidth - 8 });
    doc.font('regular').text(value, left + labelWidth, y, { width: width - labelWidth });
    doc.x = left;
    doc.y = y + height + 3;
  };

  heading('Meldcodedossier', 18);
  printOrganisation(doc, meta.organisation, width);
  doc.moveDown(0.3);
  if (file.childName) field('Kind', file.childName);
  field('Route', file.route === 'huiselijk' ? 'Zorgen over de thuissituatie (huiselijk geweld of kindermishandeling)' : 'Medewerker als vermoedelijke pleger');
  if (file.suspectEmployeeName) field('Medewerker', file.suspectEmployeeName);
  field('Geopend', `${nlDate(file.openedOn)} door ${file.openedByName}`);
  if (file.closedOn) {
    field('Gesloten', `${nlDate(file.closedOn)} door ${file.closedByName ?? ''}`);
    field('Wordt vernietigd op', nlDate(file.destructionDate!));
  } else {
    field('Status', 'Open');
  }

  const corrections = file.entries.filter((e) => e.kind === 'correction');
  for (const step of MELDCODE_STEPS) {
    doc.moveDown(0.8);
    heading(step === 3 && file.route === 'medewerker' ? STEP3_EMPLOYEE : STEP_TITLE[step], 13);
    const entries = file.entries.filter((e) => e.kind !== 'correction' && STEP_OF_KIND[e.kind] === step);
    if (entries.length === 0) doc.fontSize(9).fillColor('#555555').text('Nog niets vastgelegd.').fillColor('#000000');
    for (const entry of entries) {
      const { title, lines } = describe(entry);
      doc.moveDown(0.4);
      // Keep an entry's heading with (the start of) its first field.
      if (!room(70)) doc.addPage();
      doc.font('bold').fontSize(10).text(`${nlDate(entry.occurredOn)} · ${title}`, left, doc.y, { width });
      doc.font('regular').fontSize(8).fillColor('#555555').text(`Vastgelegd door ${entry.authorName} op ${nlDateTimeShort(new Date(entry.createdAt))}`).fillColor('#000000');
      doc.moveDown(0.2);
      for (const [label, value] of lines) field(label, value);
      for (const c of corrections.filter((x) => x.correctsEntryId === entry.id)) {
        if (c.kind !== 'correction') continue;
        field(`Correctie (${nlDate(c.occurredOn)}, ${c.authorName})`, c.payload.text);
      }
    }
  }
  if (file.closingSummary) {
    doc.moveDown(0.8);
    heading('Afsluiting', 13);
    field('Samenvatting', file.closingSummary);
  }

  const printed = `Afgedrukt door ${meta.printedByName} op ${nlDateTime(meta.printedAt)}`;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Header and footer sit inside the margins: lift them so pdfkit does not start a new page.
    const { top, bottom } = doc.page.margins;
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    doc.font('bold').fontSize(9).fillColor('#b71c1c').text('Vertrouwelijk — meldcodedossier', left, top - 30, { width: width / 2, lineBreak: false });
    doc.font('regular').fontSize(8).fillColor('#555555').text(meta.locationName, left + width / 2, top - 29, { width: width / 2, align: 'right', lineBreak: false });
    doc.text(`Vertrouwelijk · ${printed} · Pagina ${i + 1} van ${range.count}`, left, doc.page.height - bottom + 14, { width, align: 'center', lineBreak: false });
    doc.page.margins.top = top;
    doc.page.margins.bottom = bottom;
  }
  return pdfToBuffer(doc);
}
