import { defineMessages } from '../translate';

/** AVG-verzoeken for every data subject (issue 16): pickup persons, restriction of anyone, bezwaar (art. 21). */
export const requestsSubjectsMessages = defineMessages(
  {
    'requests.personRestricted':
      'De verwerking van de gegevens van deze persoon is beperkt (AVG-verzoek): ze zijn alleen-lezen tot de beperking is opgeheven. Een correctie loopt via het AVG-verzoek.',
    'requests.otherLocation': 'Deze persoon hoort bij een andere locatie. Een verzoek over deze persoon handelt die locatie af.',
    'requests.portabilityNotForSubject':
      'Voor deze persoon zijn er geen gegevens om mee te nemen: wij verwerken ze niet met toestemming of voor een overeenkomst met deze persoon (AVG artikel 20). Vraag om inzage.',
    'requests.chooseObjectionOutcome': 'Kies of het bezwaar wordt gehonoreerd of afgewezen.',
    'requests.objectionNeedsCategory': 'Kies minstens één verwerking waartegen bezwaar is gemaakt.',
    'requests.objectionRefusalNeedsReason': 'Vermeld waarom het bezwaar is afgewezen (de dwingende gerechtvaardigde gronden); dit komt in de brief.',
    'requests.objectionTwice': 'Deze verwerking staat er twee keer in.',
    'requests.objectionNotApplicable': 'Tegen deze verwerking kan deze persoon geen bezwaar maken: die berust niet op gerechtvaardigd belang, of gaat niet over deze persoon.',
    'requests.field.objectionReason': 'Redenen van de afwijzing',
    'requests.contactObjected':
      'Deze ouder maakte bezwaar tegen het vastleggen van contactgegevens; het bezwaar is op {{date}} gehonoreerd. Laat e-mailadres en telefoonnummer leeg.',
    'requests.identificationObjected':
      'Voor dit kind of deze persoon is op {{date}} een bezwaar tegen het vastleggen van identificaties gehonoreerd. Ga na wie het kind ophaalt, maar leg het niet vast.',
    'requests.identificationObjectedField': 'Bezwaar gehonoreerd: niet vastleggen.',
  },
  {
    'requests.personRestricted': "The processing of this person's data is restricted (GDPR request): they are read-only until the restriction is lifted. A correction goes through the GDPR request.",
    'requests.otherLocation': 'This person belongs to another location. That location handles a request about this person.',
    'requests.portabilityNotForSubject': 'There are no data to take along for this person: we do not process them with consent or for a contract with this person (GDPR article 20). Ask for access instead.',
    'requests.chooseObjectionOutcome': 'Choose whether the objection is upheld or refused.',
    'requests.objectionNeedsCategory': 'Choose at least one processing the person objected to.',
    'requests.objectionRefusalNeedsReason': 'State why the objection was refused (the compelling legitimate grounds); this goes in the letter.',
    'requests.objectionTwice': 'This processing is listed twice.',
    'requests.objectionNotApplicable': 'This person cannot object to this processing: it does not rest on legitimate interest, or it is not about this person.',
    'requests.field.objectionReason': 'Reasons for the refusal',
    'requests.contactObjected': 'This parent objected to recording contact details; the objection was upheld on {{date}}. Leave the e-mail address and phone number empty.',
    'requests.identificationObjected': 'An objection to recording identifications was upheld for this child or person on {{date}}. Check who collects the child, but do not record it.',
    'requests.identificationObjectedField': 'Objection upheld: do not record.',
  },
);
