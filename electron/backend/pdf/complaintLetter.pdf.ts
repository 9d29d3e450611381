import type { ComplaintOutcome } from '../../../shared/api/complaints.schemas';
import { COMPLAINT_ROUTES, HANDLING_WEEKS } from '../../../shared/domain/complaints';
import { nlDate } from '../../../shared/domain/dates';
import { LetterWriter, type LetterHead } from '../../../shared/pdf/letter';

export interface ComplaintLetterData {
  head: LetterHead;
  receivedOn: string;
  closedOn: string;
  deadline: string;
  subject: string;
  /** Null for a complaint closed before the judgement was recorded (before 0020). */
  outcome: ComplaintOutcome | null;
  resolution: string;
  measures: string | null;
  signedBy: string;
}

const OUTCOME_TEXT: Record<ComplaintOutcome, string> = {
  gegrond: 'Wij vinden uw klacht gegrond.',
  deels_gegrond: 'Wij vinden uw klacht gedeeltelijk gegrond.',
  ongegrond: 'Wij vinden uw klacht ongegrond.',
};

/**
 * Afhandeling van uw klacht: the houder's written, reasoned judgement (Wet kinderopvang), the
 * measures taken and, for a complaint that is not resolved, the way to the Klachtenloket
 * Kinderopvang and the Geschillencommissie Kinderopvang.
 */
export async function renderComplaintLetter(resourcesDir: string, data: ComplaintLetterData): Promise<Buffer> {
  const { klachtenloket, geschillencommissie } = COMPLAINT_ROUTES;
  const letter = new LetterWriter(resourcesDir, data.head);
  letter.paragraph(`Op ${nlDate(data.receivedOn)} ontvingen wij uw klacht over: ${data.subject}. Met deze brief laten wij u weten hoe wij uw klacht hebben behandeld en wat ons oordeel is.`);
  if (data.closedOn > data.deadline) {
    letter.paragraph(`Wij hadden uw klacht binnen ${HANDLING_WEEKS} weken moeten afhandelen, uiterlijk op ${nlDate(data.deadline)}. Dat is niet gelukt; onze excuses daarvoor.`);
  }
  letter.heading('Ons oordeel');
  if (data.outcome) letter.paragraph(OUTCOME_TEXT[data.outcome]);
  letter.paragraph(data.resolution);
  if (data.measures) letter.heading('Maatregelen').paragraph(data.measures);
  letter
    .heading('Bent u het niet eens met ons oordeel?')
    .paragraph('Laat het ons dan eerst weten: wij zoeken graag samen met u naar een oplossing.')
    .paragraph(`${klachtenloket.name}: voor informatie, advies of bemiddeling kunt u terecht bij het ${klachtenloket.name} (${klachtenloket.website}).`)
    .paragraph(
      `${geschillencommissie.name}: is uw klacht niet naar tevredenheid opgelost, dan kunt u het geschil voorleggen aan de ${geschillencommissie.name} (${geschillencommissie.website}). Wij zijn bij deze commissie aangesloten; haar uitspraak is bindend.`,
    );
  letter.signature(data.signedBy, 'Locatiemanager');
  return letter.finish();
}
