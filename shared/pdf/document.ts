// Node only (pdfkit): shared by the location backend and head office (issue 18 letters and registers); never imported by the renderer.
import PDFDocument from 'pdfkit';

/**
 * Shared PDF frame for every document type: A4, embedded Inter (subset), Dutch metadata.
 * pdfkit's built-in Helvetica is not embedded, so printing would differ per machine.
 */
export function createPdf(
  resourcesDir: string,
  meta: { title: string; subject?: string; layout?: 'portrait' | 'landscape'; bufferPages?: boolean },
): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: meta.layout ?? 'portrait',
    bufferPages: meta.bufferPages ?? false,
    margin: 56,
    lang: 'nl-NL',
    info: { Title: meta.title, Subject: meta.subject ?? meta.title, Creator: 'Kinderopvang locatie-app' },
    displayTitle: true,
    pdfVersion: '1.7',
  });
  // pdfkit opens the files; "/" separates on every platform Node runs on (Windows too), so shared/ needs no node:path.
  doc.registerFont('regular', `${resourcesDir}/fonts/Inter-Regular.woff`);
  doc.registerFont('bold', `${resourcesDir}/fonts/Inter-Bold.woff`);
  doc.font('regular');
  return doc;
}

export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Writes a footer line on every buffered page ("… · Pagina 2 van 5"), inside the bottom margin. */
export function pageFooters(doc: PDFKit.PDFDocument, footer: (page: number, pages: number) => string, box: { left: number; width: number }): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('regular').fontSize(7.5).fillColor('#555555');
    // Writing inside the bottom margin: lift the margin so pdfkit does not add a page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(footer(i + 1, range.count), box.left, doc.page.height - margin + 14, { width: box.width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}
