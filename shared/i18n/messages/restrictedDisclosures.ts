import { defineMessages } from '../translate';

/** A legally required disclosure (Belastingdienst, GGD, gemeente) and the persons under restriction (AVG art. 18). */
export const restrictedDisclosuresMessages = defineMessages(
  {
    'disclosures.restricted.chooseDecision': 'Kies of deze persoon in de verstrekking komt.',
    'disclosures.restricted.reason': 'Reden',
    'disclosures.restricted.reasonTooShort': 'Schrijf de reden in een paar woorden (minstens 10 tekens).',
    'disclosures.restricted.undecided':
      'Beslis eerst over iedereen van wie de verwerking is beperkt: {{names}}. Tot dan wordt er niets geëxporteerd.',
    'disclosures.restricted.notRestricted': 'Een beslissing gaat over iemand van wie de verwerking niet beperkt is, of die niet in deze verstrekking hoort.',
    'disclosures.restricted.duplicate': 'Over dezelfde persoon zijn twee beslissingen gestuurd.',
  },
  {
    'disclosures.restricted.chooseDecision': 'Choose whether this person goes into the disclosure.',
    'disclosures.restricted.reason': 'Reason',
    'disclosures.restricted.reasonTooShort': 'Write the reason in a few words (at least 10 characters).',
    'disclosures.restricted.undecided': 'First decide about everyone whose processing is restricted: {{names}}. Until then nothing is exported.',
    'disclosures.restricted.notRestricted': 'A decision concerns someone whose processing is not restricted, or who is not part of this disclosure.',
    'disclosures.restricted.duplicate': 'Two decisions were sent about the same person.',
  },
);
