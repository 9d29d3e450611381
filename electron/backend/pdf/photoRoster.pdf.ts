import { nlDateTime } from '../../../shared/domain/dates';
import type { Roster } from '../../../shared/api/consents.schemas';
import { PURPOSE_LABEL } from '../../../shared/domain/consents';
import { createPdf, pdfToBuffer } from './document';

/**
 * Fotolijst: one page for one group and one purpose, the sheet staff check before posting a
 * photo — three columns: recognisable, only not recognisable, not at all.
 */
export async function renderPhotoRoster(resourcesDir: string, roster: Roster, meta: { locationName: string; printedAt: Date }): Promise<Buffer> {
  const doc = createPdf(resourcesDir, { title: `Fotolijst ${roster.groupName} — ${PURPOSE_LABEL[roster.purpose]}` });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(18).text(`Fotolijst ${roster.groupName}`);
  doc.font('regular').fontSize(12).text(`Doel: ${PURPOSE_LABEL[roster.purpose]}`);
  doc.fontSize(8).fillColor('#555555').text(`${meta.locationName} · stand van ${nlDateTime(meta.printedAt)} · gooi oudere lijsten weg`);
  doc.fillColor('#000000').moveDown(1);

  const columns: [string, string[], string][] = [
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
    for (const name of names) {
      doc.text(name, x + 8, y, { width: colWidth - 16, lineBreak: false });
      y += fontSize * 1.45;
    }
    if (names.length === 0) doc.fillColor('#777777').text('—', x + 8, y).fillColor('#000000');
  });
  doc.x = left;
  return pdfToBuffer(doc);
}
