/**
 * The categories of personal data the location keeps about a person, as an AVG access answer
 * (art. 15) must name them: purpose, legal basis, source, retention. The same list drives the
 * access report, the erasure preview and the portability export.
 *
 * Retention: 'contract' and 'meldcode' are bewaartermijnen of the retention engine (policies as
 * data, legal holds); the others are rules of this list, below.
 */
export type LocalRule = 'during_contract' | 'until_withdrawn' | 'to_honour_objection';
export type RetentionRule = 'contract' | 'meldcode' | LocalRule;

export interface CategoryDef {
  label: string;
  purpose: string;
  legalBasis: string;
  /** Where the data came from when not from the person (art. 15(1)(g)). */
  source: string;
  rule: RetentionRule;
}

export const CATEGORIES = {
  parent_identity: {
    label: 'Naam, voorletters en adres',
    purpose: 'Het sluiten en uitvoeren van het opvangcontract en de facturatie',
    legalBasis: 'Uitvoering van de overeenkomst',
    source: 'Van uzelf (intake en contract)',
    rule: 'contract',
  },
  parent_contact: {
    label: 'E-mailadres en telefoonnummer',
    purpose: 'Contact over de opvang van uw kind',
    legalBasis: 'Uitvoering van de overeenkomst',
    source: 'Van uzelf',
    rule: 'during_contract',
  },
  parent_bsn: {
    label: 'Burgerservicenummer (BSN) en BSN-controle',
    purpose: 'Opgave aan de Belastingdienst voor de kinderopvangtoeslag',
    legalBasis: 'Wettelijke verplichting (Wet kinderopvang)',
    source: 'Van uzelf; gecontroleerd aan de hand van uw identiteitsbewijs (niet gekopieerd)',
    rule: 'contract',
  },
  household_financial: {
    label: 'IBAN en tenaamstelling',
    purpose: 'Facturatie en incasso',
    legalBasis: 'Uitvoering van de overeenkomst',
    source: 'Van uzelf',
    rule: 'contract',
  },
  other_parent: {
    label: 'Naam en contactgegevens (ouder zonder contract)',
    purpose: 'Contact over de opvang van uw kind',
    legalBasis: 'Gerechtvaardigd belang: bereikbaarheid van de ouders tijdens de opvang',
    source: 'Van de contractouder of van uzelf',
    rule: 'during_contract',
  },
  parent_marketing: {
    label: 'Gebruik van uw e-mailadres voor marketing (gepseudonimiseerd)',
    purpose: 'Advertenties van de organisatie laten zien aan ouders via advertentieplatforms',
    legalBasis: 'Gerechtvaardigd belang (marketing)',
    source: 'Van uzelf (uw e-mailadres)',
    rule: 'until_withdrawn',
  },
  marketing_objection: {
    label: 'Bezwaar tegen marketing',
    purpose: 'Uw bezwaar respecteren bij elke marketingexport',
    legalBasis: 'Wettelijke verplichting (AVG artikel 21)',
    source: 'Van uzelf',
    rule: 'to_honour_objection',
  },
  child_identity: {
    label: 'Naam, geboortedatum en groep van het kind',
    purpose: 'De opvang van het kind en het opvangcontract',
    legalBasis: 'Uitvoering van de overeenkomst',
    source: 'Van de contractouder',
    rule: 'contract',
  },
  child_bsn: {
    label: 'BSN van het kind en BSN-controle',
    purpose: 'Opgave aan de Belastingdienst voor de kinderopvangtoeslag',
    legalBasis: 'Wettelijke verplichting (Wet kinderopvang)',
    source: 'Van de contractouder; gecontroleerd aan de hand van de SVB-brief of een identiteitsbewijs',
    rule: 'contract',
  },
  child_contracts: {
    label: 'Contracten (opvangsoort, dagen, uren, looptijd)',
    purpose: 'Het uitvoeren en factureren van de opvang',
    legalBasis: 'Uitvoering van de overeenkomst',
    source: 'Van de contractouder',
    rule: 'contract',
  },
  child_medical: {
    label: 'Medische gegevens en bijzonderheden (allergieën, dieet, medicatie)',
    purpose: 'De gezondheid en veiligheid van het kind tijdens de opvang',
    legalBasis: 'Uitdrukkelijke toestemming van de contractouder en vitaal belang van het kind',
    source: 'Van de contractouder',
    rule: 'during_contract',
  },
  child_pickup: {
    label: 'Ophaalpersonen, ophaalverboden en identificaties bij het ophalen',
    purpose: 'Het kind alleen meegeven aan wie het mag ophalen',
    legalBasis: 'Uitvoering van de overeenkomst en vitaal belang van het kind',
    source: 'Van de contractouder en van onze medewerkers (identificatie bij het ophalen)',
    rule: 'during_contract',
  },
  child_consents: {
    label: 'Toestemmingen (beeldmateriaal en uitwisseling met school of zorginstelling)',
    purpose: 'Vastleggen waarvoor de contractouder toestemming gaf of introk',
    legalBasis: 'Toestemming',
    source: 'Van de contractouder',
    rule: 'until_withdrawn',
  },
  child_meldcode: {
    label: 'Meldcodedossier (meldcode huiselijk geweld en kindermishandeling)',
    purpose: 'De veiligheid van het kind: handelen volgens de meldcode',
    legalBasis: 'Wettelijke verplichting (Wet verplichte meldcode huiselijk geweld en kindermishandeling)',
    source: 'Van onze medewerkers en de aandachtsfunctionaris',
    rule: 'meldcode',
  },
} as const satisfies Record<string, CategoryDef>;
export type CategoryKey = keyof typeof CATEGORIES;

export const PARENT_CATEGORIES: readonly CategoryKey[] = ['parent_identity', 'parent_contact', 'parent_bsn', 'household_financial', 'parent_marketing', 'marketing_objection'];
export const OTHER_PARENT_CATEGORIES: readonly CategoryKey[] = ['other_parent', 'parent_marketing', 'marketing_objection'];
export const CHILD_CATEGORIES: readonly CategoryKey[] = ['child_identity', 'child_bsn', 'child_contracts', 'child_medical', 'child_pickup', 'child_consents', 'child_meldcode'];

export const RULE_TEXT: Record<LocalRule, { rule: string; legalBasis: string }> = {
  during_contract: { rule: 'Zolang de opvang loopt, tot het einde van het contract', legalBasis: 'Uitvoering van de overeenkomst' },
  until_withdrawn: { rule: 'Tot intrekking, bezwaar of een verzoek om verwijdering', legalBasis: 'Toestemming of gerechtvaardigd belang' },
  to_honour_objection: { rule: 'Zolang nodig om het bezwaar te kunnen respecteren', legalBasis: 'Wettelijke verplichting (AVG artikel 21)' },
};

/** The contract facts that start the retention clocks (for a parent: all contracts of the household). */
export interface ContractFacts {
  /** False when the person never had a contract. */
  anyContract: boolean;
  /** A contract without an end date: the end, and so the end of retention, is not known yet. */
  openEnded: boolean;
  /** Latest end date of all contracts (null when open-ended or none). */
  lastEnd: string | null;
}

export interface Retention {
  erasableNow: boolean;
  keptUntil: string | null;
}

/** Until when a category under a local rule is kept; "erasable now" when that day has passed. */
export function retentionOf(rule: LocalRule, facts: ContractFacts, today: string): Retention {
  switch (rule) {
    case 'during_contract': {
      if (!facts.anyContract) return { erasableNow: true, keptUntil: null };
      if (facts.openEnded) return { erasableNow: false, keptUntil: null };
      return facts.lastEnd! < today ? { erasableNow: true, keptUntil: null } : { erasableNow: false, keptUntil: facts.lastEnd };
    }
    case 'until_withdrawn':
      return { erasableNow: true, keptUntil: null };
    case 'to_honour_objection':
      return { erasableNow: false, keptUntil: null };
  }
}

export function contractFacts(contracts: { end_date: string | null }[]): ContractFacts {
  if (contracts.length === 0) return { anyContract: false, openEnded: false, lastEnd: null };
  if (contracts.some((c) => c.end_date === null)) return { anyContract: true, openEnded: true, lastEnd: null };
  return { anyContract: true, openEnded: false, lastEnd: contracts.map((c) => c.end_date!).sort().at(-1)! };
}
