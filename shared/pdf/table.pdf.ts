import type { OrganisationProfile } from '../organisation/profile';
import { createPdf, pdfToBuffer } from './document';
import { printOrganisation } from './letter';

/**
 * A titled table over as many pages as needed (header repeated, "Pagina x van y"), for disclosure
 * exports and retention reports. Landscape when there are many columns. The organisation's controller
 * and privacy contacts (issue 18 part 7) follow the heading lines when given.
 */
export async function renderTablePdf(
  resourcesDir: string,
  data: {
    title: string;
    lines: string[];
    organisation?: OrganisationProfile | null;
    header: string[];
    rows: string[][];
    footer: string;
    groups?: { title: string; rows: string[][] }[];
  },
): Promise<Buffer> {
  const landscape = data.header.length > 5;
  const doc = createPdf(resourcesDir, { title: data.title, layout: landscape ? 'landscape' : 'portrait', bufferPages: true });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const colWidth = width / data.header.length;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 20;

  doc.font('bold').fontSize(16).text(data.title);
  doc.font('regular').fontSize(9).fillColor('#333333');
  for (const line of data.lines) doc.text(line);
  if (data.organisation) doc.moveDown(0.3);
  printOrganisation(doc, data.organisation, width);
  doc.moveDown(0.8).fillColor('#000000');

  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(8);
    const height = Math.max(...cells.map((c) => doc.heightOfString(c, { width: colWidth - 6 }))) + 6;
    if (doc.y + height > bottom()) {
      doc.addPage();
      if (!bold) drawRow(data.header, true);
      doc.font(bold ? 'bold' : 'regular').fontSize(8);
    }
    const y = doc.y;
    if (bold) doc.rect(left, y, width, height).fill('#e8eef5').fillColor('#000000');
    cells.forEach((c, i) => doc.text(c, left + i * colWidth + 3, y + 3, { width: colWidth - 6 }));
    doc.moveTo(left, y + height).lineTo(left + width, y + height).lineWidth(0.3).strokeColor('#999999').stroke();
    doc.x = left;
    doc.y = y + height;
  };
  if (data.groups) {
    // A table per group under its own heading (the GGD list per group); a heading never ends a page.
    for (const group of data.groups) {
      if (doc.y + 60 > bottom()) doc.addPage();
      doc.font('bold').fontSize(11).fillColor('#000000').text(group.title, left, doc.y + 8, { width });
      doc.moveDown(0.3);
      drawRow(data.header, true);
      for (const row of group.rows) drawRow(row, false);
    }
  } else {
    drawRow(data.header, true);
    for (const row of data.rows) drawRow(row, false);
  }
  if (data.rows.length === 0 && (data.groups ?? []).length === 0) doc.font('regular').fontSize(9).text('Geen gegevens voor deze selectie.', left, doc.y + 6);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('regular').fontSize(7).fillColor('#555555');
    // Writing inside the bottom margin: lift the margin so pdfkit does not add a page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(`${data.footer}    Pagina ${i + 1} van ${range.count}`, left, doc.page.height - margin + 10, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
  return pdfToBuffer(doc);
}
