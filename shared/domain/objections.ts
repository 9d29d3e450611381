import { CATEGORIES, type DataCategoryKey } from '../dataMap/categories';

/**
 * Bezwaar (AVG art. 21): a person objects to a processing of their data that rests on legitimate
 * interest. Which processings those are comes from the data map (a category whose `bases` include
 * legitimate_interest). The manager decides per category: upheld, and that processing stops for the
 * person as OBJECTION_EFFECT says (the app enforces it); or refused, with the compelling grounds
 * (or the legal claims) that outweigh the person's interests — printed in the decision letter.
 */
export const OBJECTION_OUTCOMES = ['upheld', 'refused'] as const;

/** Every data category whose legal basis includes legitimate interest: the compiler asks for an effect of each. */
export type LegitimateInterestCategory = {
  [K in DataCategoryKey]: 'legitimate_interest' extends (typeof CATEGORIES)[K]['bases'][number] ? K : never;
}[DataCategoryKey];

export const isObjectable = (category: DataCategoryKey): category is LegitimateInterestCategory => (CATEGORIES[category].bases as readonly string[]).includes('legitimate_interest');

/**
 * What stops when an objection is upheld, as the letter tells it. Null: no request can be about
 * the person this category is about (the app's own users, staff_actor), so no objection reaches it.
 */
export const OBJECTION_EFFECT: Readonly<Record<LegitimateInterestCategory, string | null>> = {
  parent_marketing: 'Uw e-mailadres staat op onze bezwaarlijst: het gaat in geen enkele marketingexport meer mee, ook niet gepseudonimiseerd.',
  other_parent:
    'Wij benaderen u niet meer over de opvang: uw e-mailadres en telefoonnummer zijn verwijderd en worden niet opnieuw vastgelegd zolang uw bezwaar geldt. Uw naam en ouderlijk gezag blijven vastgelegd, omdat wij moeten weten wie het gezag over het kind heeft.',
  child_identification:
    'Wij leggen niet meer vast wie het kind ophaalde en hoe dat is vastgesteld: de vastgelegde identificaties zijn verwijderd en de app weigert nieuwe. Onze medewerkers blijven wel nagaan wie het kind ophaalt, zonder dat vast te leggen.',
  legal_hold:
    'De blokkades op de vernietiging van uw gegevens zijn opgeheven: uw gegevens volgen weer hun gewone bewaartermijn en worden daarna vernietigd. Een nieuwe blokkade vraagt een nieuwe, eigen grond (zoals een nieuwe rechtsvordering).',
  staff_actor: null,
};
