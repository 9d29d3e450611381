import { periodLabel } from '../domain/retention';
import { applicableRules } from './check';
import { CATEGORIES, type DataCategoryKey } from './categories';
import { EVENTS } from './policies';
import { SUBJECTS } from './subjects';
import type { CategoryDef, ColumnGroup, DataMap, Deletion, PersonalTable, PolicyLike, Rule } from './types';

/**
 * Verwerkingsregister (AVG art. 30) of the location, derived from the data map: one row per
 * processing (category of data) with the categories of persons and data, purposes, legal bases,
 * recipients, transfers outside the EEA, retention and security measures. Periods and events come
 * from the policy list passed in (as head office set them), never from this file.
 */

/** The security model of ARCHITECTURE.md, as the register states it. */
export const SECURITY_MEASURES = [
  'De database op de pc van de locatie is versleuteld (SQLCipher 4, AES-256); de sleutel staat alleen versleuteld opgeslagen, per gebruiker en in een herstelsleutel voor het hoofdkantoor',
  'Iedere gebruiker logt persoonlijk in; rollen (locatiemanager, pedagogisch medewerker, aandachtsfunctionaris) bepalen wie welke gegevens ziet, en de app vergrendelt na een ingestelde tijd zonder gebruik',
  'Een logboek met hashketen (SHA-256) legt handelingen vast, ook het inzien van bijzondere gegevens en meldcodedossiers; het begin van de keten wordt bij het hoofdkantoor vastgelegd',
  'Back-ups zijn versleuteld',
  'De verbinding met het hoofdkantoor is versleuteld (TLS) en alleen voor gekoppelde apparaten',
] as const;

/** Only stated when the sealing of special categories before sync is in place (ARCHITECTURE.md "Sealed special categories"). */
export const SEALED_MEASURE = 'Bijzondere gegevens worden op de pc versleuteld (AES-256-GCM) voordat ze naar het hoofdkantoor gaan; het hoofdkantoor bewaart ze alleen versleuteld';

export const HEAD_OFFICE = 'Hoofdkantoor van de organisatie (centrale administratie, via de synchronisatie)';
export const HEAD_OFFICE_SEALED = 'Hoofdkantoor van de organisatie (bewaart alleen versleuteld, kan niet meelezen)';

const NO_TRANSFERS = 'Geen';

const ACTION: Record<Deletion, string> = { delete_row: 'vernietigd', clear_columns: 'gewist', anonymise: 'geanonimiseerd' };

export interface RetentionLine {
  /** "3 maanden na einde van het laatste contract van het gezin", "Zolang nodig om …" */
  text: string;
  /** What happens then ("vernietigd", "gewist", "geanonimiseerd"); null when the data are kept on purpose. */
  action: string | null;
  /** Why this period (from the policy, or the map's reason). */
  legalBasis: string | null;
  /** The policy key when the period is policy data. */
  policy: string | null;
}

export interface RegisterRow {
  category: DataCategoryKey;
  processing: string;
  purpose: string;
  legalBasis: string;
  personCategories: string[];
  dataCategories: string[];
  specialCategory: boolean;
  source: string;
  recipients: string[];
  transfersOutsideEea: string;
  retention: RetentionLine[];
  security: string[];
  /** Where the data are, for the privacy officer. */
  tables: string[];
}

/** A row as the page and the PDF show it: the API carries the category as a plain string. */
export type RegisterRowView = Omit<RegisterRow, 'category'> & { category: string };

export interface RegisterOptions {
  /** True once special categories are sealed before they enter the outbox. */
  sealing?: boolean;
}

export function processingRegister(map: DataMap, policies: readonly PolicyLike[], options: RegisterOptions = {}): RegisterRow[] {
  const policyOf = (key: string) => {
    const found = policies.find((p) => p.key === key);
    if (!found) throw new Error(`processingRegister: no retention policy '${key}' in the list`);
    return found;
  };
  const line = (rule: Rule): RetentionLine => {
    switch (rule.kind) {
      case 'policy': {
        const p = policyOf(rule.policy);
        const text = p.periodAmount === 0 ? `Direct na ${p.anchor}` : `${periodLabel(p.periodAmount, p.periodUnit)} na ${p.anchor}`;
        return { text, action: ACTION[rule.deletion], legalBasis: p.legalBasis, policy: p.key };
      }
      case 'fixed':
        return { text: `Direct na ${EVENTS[rule.event]}`, action: ACTION[rule.deletion], legalBasis: rule.reason, policy: null };
      case 'kept':
        return { text: rule.reason, action: null, legalBasis: null, policy: null };
      case 'with':
        return { text: `Samen met ${map[rule.table]?.label ?? rule.table}`, action: ACTION[rule.deletion], legalBasis: null, policy: null };
    }
  };

  const rows: RegisterRow[] = [];
  for (const [key, category] of Object.entries(CATEGORIES) as [DataCategoryKey, CategoryDef][]) {
    const found: { table: string; entry: PersonalTable; group: ColumnGroup }[] = [];
    for (const [table, entry] of Object.entries(map)) {
      if (entry.kind !== 'personal') continue;
      for (const group of entry.groups) if (group.category === key || group.uses?.includes(key)) found.push({ table, entry, group });
    }
    if (found.length === 0) continue;

    const retention: RetentionLine[] = category.retentionText ? [{ text: category.retentionText, action: null, legalBasis: null, policy: null }] : [];
    for (const { entry, group } of category.retentionText ? [] : found) {
      const rules = applicableRules(entry, group);
      // A row's own clock says when; "together with the child" only matters when there is no clock.
      const own = rules.filter((r) => r.kind !== 'with');
      for (const rule of own.length > 0 ? own : rules) {
        const l = line(rule);
        if (!retention.some((r) => r.text === l.text && r.action === l.action && r.legalBasis === l.legalBasis)) retention.push(l);
      }
    }

    const synced = found.filter((f) => f.entry.syncs);
    const sealedOnly = options.sealing === true && synced.length > 0 && synced.every((f) => f.entry.sealed);
    const headOffice = synced.length === 0 ? [] : [sealedOnly ? HEAD_OFFICE_SEALED : HEAD_OFFICE];
    const sealedMeasure = options.sealing === true && found.some((f) => f.entry.sealed) ? [SEALED_MEASURE] : [];

    rows.push({
      category: key,
      processing: category.label,
      purpose: category.purpose,
      legalBasis: category.legalBasis,
      personCategories: unique(found.map((f) => SUBJECTS[f.group.subject].label)),
      dataCategories: unique(found.map((f) => f.group.label)),
      specialCategory: category.specialCategory,
      source: category.source,
      recipients: [...category.recipients, ...headOffice],
      transfersOutsideEea: category.transfersOutsideEea ?? NO_TRANSFERS,
      retention,
      security: [...SECURITY_MEASURES, ...sealedMeasure],
      tables: unique(found.map((f) => f.table)),
    });
  }
  return rows;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
