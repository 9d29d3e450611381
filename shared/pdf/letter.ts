import { organisationLines, type OrganisationProfile } from '../organisation/profile';
import { createPdf, pdfToBuffer, pageFooters } from './document';

export interface LetterHead {
  title: string;
  /** The sender; a head-office letter has no LRK number. */
  location: { name: string; address: string; lrkNumber?: string };
  /** Controller and privacy contacts (issue 18 part 7), printed under the sender; null/absent prints nothing. */
  organisation?: OrganisationProfile | null;
  /** Addressee lines (name, and address when still known). */
  to: string[];
  /** Date of the letter, already formatted (dd-mm-jjjj). */
  date: string;
  reference: string;
}

/** The controller and privacy contacts, small, under the sender (shared by letters and forms). */
export function printOrganisation(doc: PDFKit.PDFDocument, profile: OrganisationProfile | null | undefined, width: number): void {
  const lines = organisationLines(profile);
  if (lines.length === 0) return;
  doc.font('regular').fontSize(8).fillColor('#555555');
  for (const line of lines) doc.text(line, { width });
  doc.fillColor('#000000');
}

/**
 * A Dutch letter or report over as many pages as needed: letterhead, headings, paragraphs,
 * "label: value" lines and bullets, with "Pagina x van y" in the footer. Used by the AVG
 * documents (inzage, besluit, dataportabiliteit).
 */
export class LetterWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly left: number;
  private readonly width: number;

  constructor(resourcesDir: string, private readonly head: LetterHead) {
    this.doc = createPdf(resourcesDir, { title: head.title, bufferPages: true });
    this.left = this.doc.page.margins.left;
    this.width = this.doc.page.width - this.left - this.doc.page.margins.right;
    const doc = this.doc;
    doc.font('bold').fontSize(11).fillColor('#000000').text(head.location.name);
    doc.font('regular').fontSize(9).fillColor('#333333').text(head.location.lrkNumber ? `${head.location.address} · LRK ${head.location.lrkNumber}` : head.location.address);
    printOrganisation(doc, head.organisation, this.width);
    doc.moveDown(1.2).fillColor('#000000').fontSize(10);
    for (const line of head.to) doc.text(line);
    doc.moveDown(0.8).text(`Datum: ${head.date}`).text(`Kenmerk: ${head.reference}`);
    doc.moveDown(1).font('bold').fontSize(15).text(head.title, { width: this.width });
    doc.moveDown(0.5).font('regular').fontSize(10);
  }

  heading(text: string): this {
    if (this.doc.y > this.doc.page.height - this.doc.page.margins.bottom - 80) this.doc.addPage();
    this.doc.moveDown(0.7).font('bold').fontSize(12).fillColor('#1a3c6e').text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.25).font('regular').fontSize(10).fillColor('#000000');
    return this;
  }

  subheading(text: string): this {
    this.doc.moveDown(0.4).font('bold').fontSize(10.5).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.font('regular').fontSize(10);
    return this;
  }

  paragraph(text: string): this {
    this.doc.font('regular').fontSize(10).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
    return this;
  }

  /** A small bold label above a group of fields. */
  label(text: string): this {
    this.doc.moveDown(0.2).font('bold').fontSize(9.5).fillColor('#1a3c6e').text(text, this.left + 4, this.doc.y, { width: this.width - 4 });
    this.doc.font('regular').fillColor('#000000');
    return this;
  }

  /** "Label: value" with the label in bold, wrapped within the page width. */
  field(label: string, value: string): this {
    this.doc.font('bold').fontSize(9.5).text(`${label}: `, this.left + 10, this.doc.y, { width: this.width - 10, continued: true });
    this.doc.font('regular').text(value);
    return this;
  }

  bullet(text: string): this {
    this.doc.font('regular').fontSize(9.5).text(`•  ${text}`, this.left + 10, this.doc.y, { width: this.width - 10 });
    return this;
  }

  muted(text: string): this {
    this.doc.font('regular').fontSize(9).fillColor('#555555').text(text, this.left + 10, this.doc.y, { width: this.width - 10 });
    this.doc.fillColor('#000000');
    return this;
  }

  signature(name: string, role: string): this {
    this.doc.moveDown(1.2).font('regular').fontSize(10).text('Met vriendelijke groet,', this.left, this.doc.y);
    this.doc.moveDown(1.5).text(name).text(`${role}, ${this.head.location.name}`);
    return this;
  }

  async finish(): Promise<Buffer> {
    const doc = this.doc;
    pageFooters(doc, (page, pages) => `${this.head.title} · kenmerk ${this.head.reference} · Pagina ${page} van ${pages}`, { left: this.left, width: this.width });
    return pdfToBuffer(doc);
  }
}
