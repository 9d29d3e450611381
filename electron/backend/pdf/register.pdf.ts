import { nlDate } from '../../../shared/domain/dates';
import type { ProcessingRegister } from '../modules/register/register.service';
import { createPdf, pdfToBuffer, pageFooters } from '../../../shared/pdf/document';

const TITLE = 'Verwerkingsregister';
const BLUE = '#1a3c6e';

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** "3 maanden na …: gewist." with the reason for the period on the next line. */
const retentionLines = (row: ProcessingRegister['rows'][number]) =>
  row.retention.map((l) => `${sentence(l.action ? `${l.text}: ${l.action}` : l.text)}${l.legalBasis ? `\nGrondslag: ${sentence(l.legalBasis)}` : ''}`);

/**
 * The verwerkingsregister (AVG art. 30) as a document for the privacy officer or the Autoriteit
 * Persoonsgegevens: A4, a section per processing with every field of art. 30 lid 1, the general
 * security measures once at the end, "Pagina x van y" on every page.
 */
export async function renderRegisterPdf(resourcesDir: string, register: ProcessingRegister): Promise<Buffer> {
  const doc = createPdf(resourcesDir, { title: `${TITLE} ${register.location.name}`, subject: 'Register van verwerkingsactiviteiten (art. 30 AVG)', bufferPages: true });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const labelWidth = 132;
  const gap = 10;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const drawnUp = nlDate(register.drawnUpOn);

  doc.font('bold').fontSize(20).fillColor('#000000').text(TITLE, left, doc.y, { width });
  doc.font('regular').fontSize(11).fillColor('#333333').text('Register van verwerkingsactiviteiten (artikel 30 AVG)', { width });
  doc.moveDown(0.8).fontSize(10).fillColor('#000000');
  doc.font('bold').text(register.location.name, { width });
  doc.font('regular');
  if (register.location.address) doc.text(`${register.location.address}${register.location.lrkNumber ? ` · LRK ${register.location.lrkNumber}` : ''}`, { width });
  doc.text(`Opgesteld op ${drawnUp}`, { width });
  doc.moveDown(0.8).fontSize(9.5).fillColor('#333333');
  doc.text(
    'Dit register beschrijft per verwerking welke persoonsgegevens de locatie vastlegt, over wie, waarvoor, op welke grondslag, aan wie ze worden verstrekt, hoe lang ze worden bewaard en hoe ze zijn beveiligd (artikel 30 lid 1 van de Algemene verordening gegevensbescherming). ' +
      'Het volgt uit de gegevenskaart van de app (welke gegevens in welke tabel staan en wanneer ze worden vernietigd) en de bewaartermijnen die op de datum van opstellen gelden, zoals het hoofdkantoor ze heeft vastgesteld.',
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

  pageFooters(doc, (page, pages) => `${TITLE} · ${register.location.name} · opgesteld op ${drawnUp} · Pagina ${page} van ${pages}`, { left, width });
  return pdfToBuffer(doc);
}
