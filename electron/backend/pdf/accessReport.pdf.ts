import { BACKUP_ROTATION } from '../../../shared/api/backup.contract';
import { DISCLOSURE_FIELDS } from '../../../shared/domain/disclosures';
import { CATEGORIES } from '../../../shared/dataMap';
import type { PersonDossier } from '../modules/requests/dossier';
import { nlDate } from '../../../shared/domain/dates';
import { LetterWriter, type LetterHead } from '../../../shared/pdf/letter';

/** Register lines store field keys (or, for a school, a description): shown in Dutch. */
const fieldLabel = (field: string) => (Object.hasOwn(DISCLOSURE_FIELDS, field) ? DISCLOSURE_FIELDS[field as keyof typeof DISCLOSURE_FIELDS] : field);

/**
 * Whose data a letter is about, as the reader is addressed: their own ("uw gegevens"), or — when a
 * parent asks about a child — their child's ("de gegevens van uw kind").
 */
export type Whose = 'own' | 'child';
const DATA_OF: Record<Whose, string> = { own: 'uw gegevens', child: 'de gegevens van uw kind' };

/** The rights the statement promises (AVG art. 16–21), as every answer repeats them. */
/** Who a dossier in the report is about, as its heading says it. */
const PERSON_LABEL: Record<PersonDossier['type'], string> = {
  parent: 'Ouder',
  child: 'Kind',
  employee: 'Medewerker',
  applicant: 'Sollicitant',
  waitlist_prospect: 'Wachtlijstaanvraag',
  complainant: 'Klager',
  pickup_person: 'Ophaalpersoon',
};

export function writeRights(letter: LetterWriter, whose: Whose = 'own'): void {
  const data = DATA_OF[whose];
  letter
    .heading(whose === 'child' ? 'Uw rechten (namens uw kind)' : 'Uw rechten')
    .bullet(`Rectificatie en aanvulling: kloppen ${data} niet of zijn ze onvolledig, dan kunt u vragen ze te verbeteren of aan te vullen, ook met een eigen verklaring.`)
    .bullet(`Verwijdering: u kunt vragen ${data} te verwijderen. Gegevens met een wettelijke bewaarplicht verwijderen wij zodra die termijn voorbij is. Verwijderde gegevens kunnen nog ten hoogste ${BACKUP_ROTATION.weekly} weken in onze versleutelde back-ups staan.`)
    .bullet(`Beperking: u kunt vragen het gebruik van ${data} tijdelijk te beperken, bijvoorbeeld terwijl wij een correctie beoordelen.`)
    .bullet('Bezwaar: u kunt bezwaar maken tegen gebruik op grond van gerechtvaardigd belang, waaronder marketing. Na bezwaar tegen marketing gebruiken wij uw e-mailadres daar nooit meer voor.')
    .bullet('Dataportabiliteit: u kunt de gegevens die u ons gaf en die wij met uw toestemming of voor het contract verwerken, ontvangen in een bestand om aan een andere organisatie te geven.');
}

export function writeComplaint(letter: LetterWriter, whose: Whose = 'own'): void {
  letter
    .heading('Klacht bij de Autoriteit Persoonsgegevens')
    .paragraph(
      `Bent u het niet eens met de manier waarop wij met ${whose === 'child' ? 'de persoonsgegevens van uw kind' : 'uw persoonsgegevens'} omgaan of met dit antwoord, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens (www.autoriteitpersoonsgegevens.nl). Wij horen het natuurlijk graag eerst van u.`,
    );
}

/** The access report's title: "Inzage in uw persoonsgegevens", or in your child's when the request is about a child. */
export const accessReportTitle = (subjectType: string) => (subjectType === 'child' ? 'Inzage in de persoonsgegevens van uw kind' : 'Inzage in uw persoonsgegevens');

export interface AccessReportData {
  head: LetterHead;
  receivedOn: string;
  extension: { months: number; reason: string } | null;
  dossiers: PersonDossier[];
  signedBy: string;
}

/**
 * Inzageverslag (AVG art. 15): a copy of the data, purposes, categories, recipients, retention per
 * category, the rights, the right to complain, and the source of data not from the person.
 */
export async function renderAccessReport(resourcesDir: string, data: AccessReportData): Promise<Buffer> {
  const letter = new LetterWriter(resourcesDir, data.head);
  // A parent asking about a child hears about "uw kind", never as if the data were their own.
  const child = data.dossiers.length === 1 && data.dossiers[0]!.type === 'child' ? data.dossiers[0]! : null;
  const whose: Whose = child ? 'child' : 'own';
  letter.paragraph(
    child
      ? `Op ${nlDate(data.receivedOn)} vroeg u ons welke persoonsgegevens wij van uw kind ${child.name} verwerken. In dit verslag vindt u een kopie van die gegevens en de informatie waar uw kind volgens artikel 15 van de Algemene verordening gegevensbescherming (AVG) recht op heeft. Als ouder met gezag oefent u dat recht namens uw kind uit.`
      : `Op ${nlDate(data.receivedOn)} vroeg u ons welke persoonsgegevens wij van u verwerken. In dit verslag vindt u een kopie van die gegevens en de informatie waar u volgens artikel 15 van de Algemene verordening gegevensbescherming (AVG) recht op heeft.`,
  );
  if (data.extension) {
    letter.paragraph(`Wij hebben de termijn voor dit antwoord met ${data.extension.months} ${data.extension.months === 1 ? 'maand' : 'maanden'} verlengd. Reden: ${data.extension.reason}`);
  }
  if (data.dossiers.length > 1) letter.paragraph('Als contractouder oefent u ook de rechten van uw kinderen uit; hun gegevens staan daarom ook in dit verslag.');

  letter.heading(child ? 'De persoonsgegevens van uw kind' : 'Uw persoonsgegevens');
  for (const person of data.dossiers) {
    letter.subheading(`${PERSON_LABEL[person.type]}: ${person.name}`);
    for (const block of person.categories) {
      letter.label(CATEGORIES[block.key].label);
      if (block.items.length === 0) letter.muted('Geen gegevens vastgelegd.');
      for (const item of block.items) letter.field(item.label, item.value);
    }
  }

  const keys = [...new Set(data.dossiers.flatMap((d) => d.categories.map((c) => c.key)))];
  letter.heading('Doeleinden en grondslagen');
  for (const key of keys) letter.bullet(`${CATEGORIES[key].label}: ${CATEGORIES[key].purpose} (grondslag: ${CATEGORIES[key].legalBasis}).`);

  letter.heading('Categorieën van persoonsgegevens');
  for (const key of keys) letter.bullet(CATEGORIES[key].label);

  letter.heading('Ontvangers');
  const recipients = data.dossiers.flatMap((d) => d.recipients.map((r) => ({ person: d.name, ...r })));
  if (recipients.length === 0) letter.paragraph(child ? 'Wij hebben geen gegevens over uw kind aan derden verstrekt.' : 'Wij hebben geen gegevens over u aan derden verstrekt.');
  else {
    letter.paragraph('Aan deze ontvangers hebben wij gegevens verstrekt (uit ons verstrekkingenregister):');
    for (const r of recipients) {
      letter.bullet(`${nlDate(r.disclosedOn ?? r.createdAt.slice(0, 10))} — ${r.recipientName}, over ${r.person}; gegevens: ${r.fields.map(fieldLabel).join(', ')}; grondslag: ${r.legalBasis}.`);
    }
  }
  const regular = keys.filter((key) => CATEGORIES[key].recipients.length > 0);
  if (regular.length > 0) {
    letter.paragraph('Wie deze gegevens kan ontvangen, per categorie (naast het hoofdkantoor van onze organisatie):');
    for (const key of regular) letter.bullet(`${CATEGORIES[key].label}: ${CATEGORIES[key].recipients.join('; ')}.`);
  }

  letter.heading('Bewaartermijnen per categorie');
  for (const person of data.dossiers) {
    letter.subheading(person.name);
    for (const block of person.categories) {
      const until = block.retention.keptUntil
        ? `bewaard tot ${nlDate(block.retention.keptUntil)}${block.note ? ` (${block.note})` : ''}`
        : block.retention.erasableNow
          ? 'geen bewaarplicht meer: op verzoek direct te verwijderen'
          : (block.note ?? 'geen vaste einddatum');
      letter.field(CATEGORIES[block.key].label, `${block.rule}; ${until}.`);
    }
  }

  writeRights(letter, whose);
  writeComplaint(letter, whose);

  letter.heading('Herkomst van de gegevens');
  letter.paragraph('Waar de gegevens vandaan komen, per categorie:');
  for (const key of keys) letter.bullet(`${CATEGORIES[key].label}: ${CATEGORIES[key].source}.`);

  letter.signature(data.signedBy, 'Locatiemanager');
  return letter.finish();
}
