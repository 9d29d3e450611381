import { nlDateTime } from '../../../shared/domain/dates';
import { createPdf, pdfToBuffer } from '../../../shared/pdf/document';

/** The herstelsleutel sheet: to keep in a safe or send to head office. */
export async function renderRecoveryKeyPdf(
  resourcesDir: string,
  data: { recoveryKey: string; locationName: string; lrkNumber: string; organisationName: string | null; createdAt: Date; createdBy: string },
): Promise<Buffer> {
  const doc = createPdf(resourcesDir, { title: `Herstelsleutel ${data.locationName}` });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font('bold').fontSize(22).text('Herstelsleutel');
  doc.moveDown(0.3).font('regular').fontSize(12).fillColor('#333333');
  // An internal sheet for the safe: the organisation's name only (issue 18 part 7); none yet right after setup, before the first sync.
  if (data.organisationName) doc.text(`Organisatie: ${data.organisationName}`);
  doc.text(`Locatie: ${data.locationName}`);
  doc.text(`LRK-nummer: ${data.lrkNumber}`);
  doc.text(`Aangemaakt: ${nlDateTime(data.createdAt)} door ${data.createdBy}`);

  doc.moveDown(1.2);
  const boxTop = doc.y;
  doc.rect(doc.page.margins.left, boxTop, width, 70).lineWidth(1.5).strokeColor('#1f4e79').stroke();
  doc.font('bold').fontSize(16).fillColor('#000000');
  doc.text(data.recoveryKey, doc.page.margins.left, boxTop + 25, { width, align: 'center', characterSpacing: 1.5, lineBreak: false });
  doc.y = boxTop + 90;

  doc.font('bold').fontSize(13).text('Waarvoor is deze sleutel?', doc.page.margins.left);
  doc.font('regular').fontSize(11).moveDown(0.3);
  doc.text(
    'Alle gegevens van deze locatie staan versleuteld op deze computer. Met deze herstelsleutel kan de database ' +
      'worden geopend als alle wachtwoorden kwijt zijn. Met de sleutel stelt u een nieuw wachtwoord in voor een locatiemanager.',
    { width },
  );
  doc.moveDown(0.8).font('bold').fontSize(13).text('Zo bewaart u hem');
  doc.font('regular').fontSize(11).moveDown(0.3);
  for (const line of [
    'Bewaar dit papier in een afgesloten kluis op de locatie, of stuur het in een gesloten envelop naar het hoofdkantoor.',
    'Maak geen foto of kopie en bewaar de sleutel niet op de computer zelf.',
    'Iedereen die deze sleutel én de computer heeft, kan alle gegevens lezen. Behandel hem als de sleutel van het archief.',
    'Is de sleutel zoekgeraakt of in verkeerde handen? Meld dit direct bij het hoofdkantoor (datalek-procedure).',
  ]) {
    doc.text(`•  ${line}`, { width, indent: 0 });
    doc.moveDown(0.2);
  }
  doc.moveDown(1.5).fontSize(10).fillColor('#555555');
  doc.text('Ontvangen en opgeborgen door: ____________________________    Datum: ______________', { width });
  return pdfToBuffer(doc);
}
