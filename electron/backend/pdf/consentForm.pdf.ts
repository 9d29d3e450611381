import { PURPOSES, PURPOSE_EXPLANATION, PURPOSE_LABEL, type PhotoPermission, type Purpose } from '../../../shared/domain/consents';
import { nlDateLong } from '../../../shared/domain/dates';
import { createPdf, pdfToBuffer } from '../../../shared/pdf/document';
import { printOrganisation, type LetterHead } from '../../../shared/pdf/letter';

export interface ConsentFormChild {
  childName: string;
  birthDate: string;
  groupName: string;
  contractParentName: string;
  /** Current answers to pre-fill; null = blank form for a new intake. */
  answers: Record<Purpose, PhotoPermission> | null;
}

/**
 * Toestemmingsformulier beeldmateriaal: one page per child — location details, the four purposes
 * with a plain explanation and boxes (yes / recognisable / no), signature and date lines.
 */
export async function renderConsentForms(
  resourcesDir: string,
  data: Pick<LetterHead, 'location' | 'organisation'> & {
    privacyStatementVersion: string;
    /** The version head office published that is in force (issue 18 part 8); null: the date set by hand. */
    statement: { version: string; effectiveDate: string } | null;
    children: ConsentFormChild[];
  },
): Promise<Buffer> {
  const doc = createPdf(resourcesDir, { title: 'Toestemming foto- en filmbeelden' });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  const box = (x: number, y: number, checked: boolean) => {
    doc.rect(x, y, 10, 10).lineWidth(0.8).strokeColor('#000000').stroke();
    if (checked) {
      doc.moveTo(x + 2, y + 5).lineTo(x + 4.5, y + 8).lineTo(x + 8.5, y + 2).lineWidth(1.4).stroke();
    }
  };

  data.children.forEach((child, index) => {
    if (index > 0) doc.addPage();
    doc.font('bold').fontSize(17).fillColor('#000000').text('Toestemming foto- en filmbeelden', left, doc.page.margins.top);
    doc.font('regular').fontSize(9).fillColor('#333333');
    doc.text(`${data.location.name} · ${data.location.address} · LRK ${data.location.lrkNumber ?? ''}`);
    printOrganisation(doc, data.organisation, width);
    doc.moveDown(0.8).fillColor('#000000').fontSize(10);
    doc.text(`Kind: ${child.childName}    Geboortedatum: ${child.birthDate}    Groep: ${child.groupName}`);
    doc.text(`Contractouder: ${child.contractParentName || '______________________________'}`);
    doc.moveDown(0.6).fontSize(9);
    doc.text(
      'Wij maken regelmatig foto’s en filmpjes van de kinderen. Uw kind komt alleen herkenbaar in beeld als u daarvoor per doel ' +
        'schriftelijk toestemming geeft. Zonder toestemming gebruiken wij geen beelden van uw kind voor dat doel. U kunt uw ' +
        'toestemming altijd intrekken; dat geldt direct voor nieuw gebruik.',
      { width },
    );
    doc.moveDown(0.8);

    for (const purpose of PURPOSES) {
      const answer = child.answers?.[purpose];
      const top = doc.y;
      doc.font('bold').fontSize(11).text(PURPOSE_LABEL[purpose], left, top);
      doc.font('regular').fontSize(9).text(PURPOSE_EXPLANATION[purpose], { width });
      const y = doc.y + 4;
      const options: [string, boolean][] = [
        ['Ja, herkenbaar in beeld', answer === 'recognisable'],
        ['Ja, maar alleen niet herkenbaar', answer === 'unrecognisable'],
        ['Nee', answer === 'no'],
      ];
      let x = left;
      for (const [label, checked] of options) {
        box(x, y, checked);
        doc.text(label, x + 15, y + 1, { lineBreak: false });
        x += 170;
      }
      doc.x = left;
      doc.y = y + 22;
    }

    doc.moveDown(0.4).fontSize(9);
    const statement = data.statement
      ? `Deze toestemming hoort bij de Privacyverklaring versie ${data.statement.version} van ${nlDateLong(data.statement.effectiveDate)}.`
      : `Deze toestemming hoort bij ons privacystatement, laatst gewijzigd op ${data.privacyStatementVersion}.`;
    doc.text(statement, left, doc.y, { width });
    doc.moveDown(1.6);
    const lineY = doc.y + 18;
    doc.text('Naam contractouder', left, doc.y);
    doc.text('Handtekening', left + width / 2, lineY - 18);
    doc.moveTo(left, lineY).lineTo(left + width / 2 - 20, lineY).lineWidth(0.6).stroke();
    doc.moveTo(left + width / 2, lineY).lineTo(left + width, lineY).stroke();
    doc.text('Datum', left, lineY + 14);
    doc.moveTo(left, lineY + 46).lineTo(left + width / 2 - 20, lineY + 46).stroke();
    doc.fontSize(8).fillColor('#555555').text('In te vullen door de locatie — formulier retour ontvangen op: ____________', left, lineY + 62);
    doc.fillColor('#000000');
  });
  return pdfToBuffer(doc);
}
