import path from 'node:path';
import type { BREACH_DATA_CATEGORIES } from '../../shared/breaches/record';
import type { ConsoleBreach } from '../../shared/console/breaches';
import { nlDate } from '../../shared/domain/dates';
import { isoDateIn } from '../../shared/domain/clock';
import type { OrganisationProfile } from '../../shared/organisation/profile';
import { LetterWriter } from '../../shared/pdf/letter';
import type { HoDb } from '../db/schema';
import { ConsoleError } from './auth.service';
import { getBreach } from './breaches.service';
import { getOrganisation } from './organisation.service';

/** The fonts the PDFs use (resources/fonts), next to the built console like DEFAULT_CONSOLE_UI_DIR. */
const RESOURCES_DIR = path.resolve(__dirname, '../../resources');

const DATA_IN_PLAIN_DUTCH: Record<(typeof BREACH_DATA_CATEGORIES)[number], string> = {
  identity: 'naam, adres of geboortedatum',
  contact: 'contactgegevens (telefoon, e-mail)',
  bsn: 'het burgerservicenummer (BSN)',
  medical: 'medische gegevens',
  meldcode: 'gegevens uit een meldcodedossier',
  photos: "foto's of filmpjes",
  financial: 'financiële gegevens',
  other: 'andere gegevens',
};

/**
 * Brief aan betrokkenen (art. 34 AVG): when the assessment says the persons must be informed, a
 * letter in plain Dutch with what art. 34(2) requires — the nature of the breach, the contacts of
 * the Privacy Officer and the FG, the likely consequences, and the measures taken and proposed.
 */
export async function breachLetter(db: HoDb, id: string, now: Date): Promise<{ fileName: string; pdf: Buffer }> {
  const breach = await getBreach(db, id, now);
  if (!breach.assessment?.informPersons) throw new ConsoleError(409, 'Volgens de beoordeling hoeven de betrokkenen niet te worden geïnformeerd; er is geen brief.');
  const { profile } = await getOrganisation(db);
  if (!profile) throw new ConsoleError(409, 'Vul eerst de gegevens van de organisatie in (pagina Organisatie): de brief noemt de contactpersonen.');
  const reference = `DL-${breach.id.slice(-8).toUpperCase()}`;
  const pdf = await writeLetter(breach, profile, reference, nlDate(isoDateIn(now)));
  return { fileName: `brief-betrokkenen-${reference}.pdf`, pdf };
}

function writeLetter(breach: ConsoleBreach, profile: OrganisationProfile, reference: string, date: string): Promise<Buffer> {
  const assessment = breach.assessment!;
  const letter = new LetterWriter(RESOURCES_DIR, {
    title: 'Uw gegevens zijn gelekt: wat er is gebeurd en wat wij doen',
    location: { name: profile.controllerName, address: `${profile.address}, ${profile.postcodeCity}` },
    organisation: profile,
    to: ['Aan de betrokken ouders, verzorgers en medewerkers', `Locatie ${breach.locationName}`],
    date,
    reference,
  });
  letter
    .paragraph('Beste lezer,')
    .paragraph(
      `Bij onze locatie ${breach.locationName} is iets misgegaan met persoonsgegevens. Hierbij gaat het ook om uw gegevens of die van uw kind. ` +
        'Wij vinden het belangrijk dat u dit van ons hoort, en wij vertellen u in deze brief wat er is gebeurd, wat de gevolgen kunnen zijn en wat wij doen.',
    )
    .heading('Wat is er gebeurd?')
    .paragraph(breach.whatHappened)
    .field('Ontdekt op', nlDate(isoDateIn(new Date(breach.discoveredAt))))
    .field('Om welke gegevens gaat het', breach.dataCategories.map((c) => DATA_IN_PLAIN_DUTCH[c]).join(', '))
    .heading('Wat kunnen de gevolgen zijn?')
    .paragraph(assessment.likelyConsequences)
    .heading('Wat hebben wij gedaan?')
    .paragraph(breach.measuresTaken);
  if (assessment.followUp) letter.heading('Wat gaan wij nog doen?').paragraph(assessment.followUp);
  letter
    .heading('Vragen?')
    .paragraph(`Neem contact op met onze Privacy Officer, ${profile.privacyOfficerName}: ${profile.privacyOfficerEmail} of ${profile.privacyOfficerPhone}.`)
    .paragraph(
      `U kunt ook terecht bij onze Functionaris Gegevensbescherming, ${profile.fgName}${profile.fgOrganisation ? ` (${profile.fgOrganisation})` : ''}: ${profile.fgEmail}. ` +
        'Bent u het niet eens met hoe wij hiermee omgaan, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).',
    )
    .signature(profile.privacyOfficerName, 'Privacy Officer');
  return letter.finish();
}
