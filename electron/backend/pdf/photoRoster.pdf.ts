import { nlDateTime } from '../../../shared/domain/dates';
import type { Roster } from '../../../shared/api/consents.schemas';
import { PURPOSE_LABEL } from '../../../shared/domain/consents';
import { createPdf, pdfToBuffer } from '../../../shared/pdf/document';

/** The allergy marker on paper: a word in bold red, so it reads without colour and in any font. */
const ALLERGY_MARK = '(allergie)';

/**
 * Fotolijst: one page for one group and one purpose, the sheet staff check before posting a
 * photo — three columns: recognisable, only not recognisable, not at all.
 */
export async function renderPhotoRoster(resourcesDir: string, roster: Roster, meta: { locationName: string; organisationName: string | null; printedAt: Date }): Promise<Buffer> {
  const doc = createPdf(resourcesDir, { title: `Fotolijst ${roster.groupName} — ${PURPOSE_LABEL[roster.purpose]}` });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(18).text(`Fotolijst ${roster.groupName}`);
  doc.font('regular').fontSize(12).text(`Doel: ${PURPOSE_LABEL[roster.purpose]}`);
  // An internal sheet: the organisation's name is enough (issue 18 part 7), its contacts are on the letters.
  const sender = meta.organisationName ? `${meta.locationName} (${meta.organisationName})` : meta.locationName;
  doc.fontSize(8).fillColor('#555555').text(`${sender} · stand van ${nlDateTime(meta.printedAt)} · gooi oudere lijsten weg`);
  // The allergy marker (issue 17): a mark and a word, so it does not depend on colour or on a printer.
  const anyAllergies = [...roster.recognisable, ...roster.unrecognisable, ...roster.no].some((c) => c.hasAllergies);
  if (anyAllergies) doc.fillColor('#b71c1c').text(`${ALLERGY_MARK} achter een naam: er zijn allergieën vastgelegd; kijk bij de medische gegevens van het kind.`);
  doc.fillColor('#000000').moveDown(1);

  const columns: [string, Roster['no'], string][] = [
    ['Mag herkenbaar op beeld', roster.recognisable, '#1b5e20'],
    ['Alleen niet herkenbaar', roster.unrecognisable, '#8a5a00'],
    ['Niet op beeld', roster.no, '#b71c1c'],
  ];
  const colWidth = width / 3;
  const top = doc.y;
  // With many children the names get smaller, so the sheet stays one page.
  const longest = Math.max(1, ...columns.map(([, names]) => names.length));
  const fontSize = Math.max(6, Math.min(11, 560 / (longest * 1.45)));
  columns.forEach(([title, names, colour], i) => {
    const x = left + i * colWidth;
    doc.rect(x + 2, top, colWidth - 4, 26).fill(colour);
    doc.font('bold').fontSize(9).fillColor('#ffffff').text(title, x + 8, top + 8, { width: colWidth - 16, lineBreak: false });
    doc.font('regular').fontSize(fontSize).fillColor('#000000');
    let y = top + 34;
    for (const child of names) {
      doc.fillColor('#000000').text(child.name, x + 8, y, { width: colWidth - 16, lineBreak: false, continued: child.hasAllergies });
      if (child.hasAllergies) doc.font('bold').fillColor('#b71c1c').text(` ${ALLERGY_MARK}`, { lineBreak: false }).font('regular');
      doc.fillColor('#000000');
      y += fontSize * 1.45;
    }
    if (names.length === 0) doc.fillColor('#777777').text('—', x + 8, y).fillColor('#000000');
  });
  doc.x = left;
  return pdfToBuffer(doc);
}
