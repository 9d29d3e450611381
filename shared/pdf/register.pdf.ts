import type { RegisterRowView } from '../dataMap/register';
import { nlDate } from '../domain/dates';
import type { OrganisationProfile } from '../organisation/profile';
import { createPdf, pdfToBuffer, pageFooters } from './document';
import { printOrganisation } from './letter';

/** What the register PDF states: the location's register, or the organisation's (head office). */
export interface RegisterPdfInput {
  /** The controller: the location, or the organisation. */
  controller: { name: string; details: readonly string[] };
  /** The organisation's controller and privacy contacts (FG) under the heading, as on every letter (issue 18 part 7). */
  organisation?: OrganisationProfile | null;
  drawnUpOn: string;
  /** Where the register comes from, for the reader. */
  intro: string;
  commonSecurity: readonly string[];
  rows: readonly RegisterRowView[];
}

const TITLE = 'Verwerkingsregister';
const BLUE = '#1a3c6e';

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** "3 maanden na …: gewist." with the reason for the period on the next line. */
const retentionLines = (row: RegisterRowView) =>
  row.retention.map((l) => `${sentence(l.action ? `${l.text}: ${l.action}` : l.text)}${l.legalBasis ? `\nGrondslag: ${sentence(l.legalBasis)}` : ''}`);

/**
 * The verwerkingsregister (AVG art. 30) as a document for the privacy officer or the Autoriteit
 * Persoonsgegevens: A4, a section per processing with every field of art. 30 lid 1, the general
 * security measures once at the end, "Pagina x van y" on every page.
 */
export async function renderRegisterPdf(resourcesDir: string, register: RegisterPdfInput): Promise<Buffer> {
  const doc = createPdf(resourcesDir, { title: `${TITLE} ${register.controller.name}`, subject: 'Register van verwerkingsactiviteiten (art. 30 AVG)', bufferPages: true });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 132;
  const gap = 10;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const drawnUp = nlDate(register.drawnUpOn);

  doc.font('bold').fontSize(20).fillColor('#000000').text(TITLE, left, doc.y, { width });
  doc.font('regular').fontSize(11).fillColor('#333333').text('Register van verwerkingsactiviteiten (artikel 30 AVG)', { width });
  doc.moveDown(0.8).fontSize(10).fillColor('#000000');
  doc.font('bold').text(register.controller.name, { width });
  doc.font('regular');
  for (const detail of register.controller.details) doc.text(detail, { width });
  doc.text(`Opgesteld op ${drawnUp}`, { width });
  if (register.organisation) doc.moveDown(0.3);
  printOrganisation(doc, register.organisation, width);
  doc.fontSize(10);
  doc.moveDown(0.8).fontSize(9.5).fillColor('#333333');
  doc.text(
    register.intro,
    left,
    doc.y,
    { width },
  );
  doc.moveDown(0.3).text(`Aantal verwerkingen: ${register.rows.length}.`, { width });
  doc.fillColor('#000000');

  const valueX = left + labelWidth + gap;
  const valueWidth = width - labelWidth - gap;
  const BULLET = 10;

  /** A label on the left, its value (a text, or a list with hanging bullets) on the right; a new page when the pair does not fit. */
  const field = (label: string, value: string | readonly string[]) => {
    const items = typeof value === 'string' || value.length === 0 ? null : value;
    const text = typeof value === 'string' ? value : 'Geen';
    doc.fontSize(9);
    const labelHeight = doc.font('bold').heightOfString(label, { width: labelWidth });
    doc.font('regular');
    const valueHeight = items ? items.reduce((sum, item) => sum + doc.heightOfString(item, { width: valueWidth - BULLET }) + 2, -2) : doc.heightOfString(text, { width: valueWidth });
    const height = Math.max(labelHeight, valueHeight);
    if (doc.y + height > bottom()) doc.addPage();
    const y = doc.y;
    doc.font('bold').fillColor('#333333').text(label, left, y, { width: labelWidth });
    doc.font('regular').fillColor('#000000');
    if (items) {
      let itemY = y;
      for (const item of items) {
        doc.text('•', valueX, itemY, { width: BULLET, lineBreak: false });
        doc.text(item, valueX + BULLET, itemY, { width: valueWidth - BULLET });
        itemY = doc.y + 2;
      }
    } else doc.text(text, valueX, y, { width: valueWidth });
    doc.x = left;
    doc.y = Math.max(doc.y, y + height) + 4;
  };

  const heading = (text: string) => {
    doc.font('bold').fontSize(12);
    // Keep a heading together with the first lines of its section.
    if (doc.y + doc.heightOfString(text, { width }) + 90 > bottom()) doc.addPage();
    else doc.moveDown(0.9);
    doc.fillColor(BLUE).text(text, left, doc.y, { width });
    doc.moveTo(left, doc.y + 2).lineTo(left + width, doc.y + 2).lineWidth(0.5).strokeColor(BLUE).stroke();
    doc.y += 7;
    doc.fillColor('#000000');
  };

  register.rows.forEach((row, i) => {
    heading(`${i + 1}. ${row.processing}`);
    if (row.specialCategory) field('Soort gegevens', 'Bijzondere persoonsgegevens of strafrechtelijke gegevens (AVG art. 9 of 10): alleen toegankelijk voor wie ze voor het werk nodig heeft; inzage wordt gelogd');
    field('Doel', row.purpose);
    field('Grondslag', row.legalBasis);
    field('Betrokkenen', row.personCategories);
    field('Persoonsgegevens', row.dataCategories);
    field('Herkomst', row.source);
    field('Ontvangers', row.recipients);
    field('Doorgifte buiten de EER', row.transfersOutsideEea);
    field('Bewaartermijn', retentionLines(row));
    const own = row.security.filter((m) => !register.commonSecurity.includes(m));
    field('Beveiliging', ['De algemene maatregelen aan het eind van dit register', ...own]);
  });

  heading('Beveiligingsmaatregelen (voor alle verwerkingen)');
  field('Maatregelen', register.commonSecurity);

  pageFooters(doc, (page, pages) => `${TITLE} · ${register.controller.name} · opgesteld op ${drawnUp} · Pagina ${page} van ${pages}`, { left, width });
  return pdfToBuffer(doc);
}
