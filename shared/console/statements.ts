import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { isoDate } from './api';

/**
 * Privacy statement versions (privacyverklaring, issue 18 part 8): the privacy officer publishes a
 * version with the day it comes into force and its text; head office keeps every version.
 */
export const PublishStatementInput = z.object({
  version: z
    .string()
    .trim()
    .min(1, 'Vul het versienummer in, bijvoorbeeld 2026.2.')
    .max(20, 'Het versienummer is te lang (hoogstens 20 tekens).')
    .regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, 'Gebruik alleen cijfers, letters, punten en streepjes, bijvoorbeeld 2026.2.'),
  effectiveDate: isoDate('ingangsdatum'),
  text: z.string().trim().min(1, 'Vul de tekst van de privacyverklaring in.').max(200_000, 'De tekst is te lang (hoogstens 200.000 tekens).'),
});
export type PublishStatementInput = z.input<typeof PublishStatementInput>;

export interface ConsoleStatementVersion {
  id: string;
  version: string;
  effectiveDate: string;
  text: string;
  publishedAt: string;
  publishedBy: string;
}

/** Namespace of the ids below (UUIDv5), fixed for good: changing it would duplicate every published version. */
const STATEMENT_ROW_NAMESPACE = '6f0c9a52-3b1e-4d8a-9c47-2e5b8d1f0a63';

/**
 * The synced row's id at a location: records are keyed globally, so each location gets its own id
 * for a version — a UUIDv5 of (location, version), the same whenever it is published again.
 */
const statementRowId = (locationId: string, statementId: string) => uuidv5(`${locationId}:${statementId}`, STATEMENT_ROW_NAMESPACE);

/** A version as the synced row's columns (privacy_statement_versions at the location). */
export const statementRow = (v: Pick<ConsoleStatementVersion, 'id' | 'version' | 'effectiveDate' | 'text' | 'publishedAt'>, locationId: string) => ({
  id: statementRowId(locationId, v.id),
  version_label: v.version,
  effective_date: v.effectiveDate,
  text: v.text,
  published_at: v.publishedAt,
});
