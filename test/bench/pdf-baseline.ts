import path from 'node:path';
import { createPdf, pdfToBuffer } from '../../shared/pdf/document';

/** Fonts and assets, as the backend uses them. */
export const RESOURCES = path.join(__dirname, '../../resources');

/** pdfkit does not use object streams, so every page is one `/Type /Page` object. */
export const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

/**
 * Baseline for document benches: pdfkit writing the same number of pages of plain text in the same
 * frame (A4, embedded Inter), so a ratio is the price of the document itself, not of pdfkit or fonts.
 */
export async function plainTextPages(pages: number): Promise<Buffer> {
  const doc = createPdf(RESOURCES, { title: 'Platte tekst' });
  const paragraph =
    'Wij maken regelmatig foto’s en filmpjes van de kinderen. Uw kind komt alleen herkenbaar in beeld als u daarvoor per doel schriftelijk toestemming geeft. ';
  for (let i = 0; i < pages; i++) {
    if (i > 0) doc.addPage();
    doc.fontSize(10).text(`Pagina ${i + 1}`);
    for (let p = 0; p < 8; p++) doc.text(paragraph.repeat(2));
  }
  return pdfToBuffer(doc);
}
