import { z } from 'zod';
import { ConsoleRole } from './roles';

/** Request and answer shapes of the console API (/console/api/…), shared by service and console UI. */

export const LoginRequest = z.object({
  username: z.string().trim().min(1, 'Vul je gebruikersnaam in.').max(100),
  password: z.string().min(1, 'Vul je wachtwoord in.').max(200),
});

const ConsoleUserInfo = z.object({ id: z.string(), username: z.string(), name: z.string(), role: ConsoleRole });

/** The answer to login and GET /me: who is signed in, and the token every change must carry in X-CSRF-Token. */
export const SessionInfo = z.object({ user: ConsoleUserInfo, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const CreateLocationRequest = z.object({
  name: z.string().trim().min(2, 'Vul de naam van de locatie in (minstens 2 tekens).').max(120, 'De naam is te lang (hoogstens 120 tekens).'),
});

export const NewConsoleUser = z.object({
  username: z
    .string()
    .trim()
    .min(3, 'De gebruikersnaam heeft minstens 3 tekens.')
    .max(60)
    .regex(/^[a-z0-9._-]+$/i, 'Alleen letters, cijfers, punt, streepje en liggend streepje.'),
  name: z.string().trim().min(2, 'Vul de naam in.').max(120),
  role: ConsoleRole,
  password: z.string().min(12, 'Het wachtwoord heeft minstens 12 tekens.').max(200),
});

export interface ConsoleDevice {
  id: string;
  name: string;
  createdAt: string;
  lastSyncAt: string | null;
  revokedAt: string | null;
  /** Synchronisation conflicts waiting on the PC for its manager, as it last reported (null: not yet reported). */
  openConflicts: number | null;
  /** The audit-chain head this device last reported (its anchor), or null when none yet. */
  lastAnchor: { seq: number; receivedAt: string } | null;
}

/**
 * The location's key for sealed data (issue 15), as far as head office knows it: never the key.
 * `keyId`: null until the first PC created it; `rotationDue`: a revoke asks for a new key, made by
 * the next PC that syncs; `escrowed`: the current key is wrapped to the current escrow key (null
 * while IT has set no escrow key).
 */
export interface ConsoleSealing {
  keyId: string | null;
  rotationDue: boolean;
  escrowed: boolean | null;
}

export interface ConsoleLocation {
  id: string;
  name: string;
  createdAt: string;
  /** Changes held for the location (its sync counter). */
  version: number;
  sealing: ConsoleSealing;
  devices: ConsoleDevice[];
}

/** The organisation's escrow public key as IT set it (`headoffice:cli set-escrow-key`): its SHA-256 fingerprint, or null. */
export interface ConsoleEscrowKey {
  fingerprint: string | null;
  setAt: string | null;
}

export interface ConsoleAuditEntry {
  seq: number;
  at: string;
  userName: string | null;
  action: string;
  detail: Record<string, unknown>;
}

/** How personal data may leave the EEA (AVG hoofdstuk V); the register names it per processor. */
export const TRANSFER_MECHANISMS = ['scc', 'adequacy', 'bcr', 'other'] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];

export const isoDate = (label: string) =>
  z
    .string({ error: `Vul de ${label} in.` })
    .min(1, `Vul de ${label} in.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Vul de ${label} in als dd-mm-jjjj.`)
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, `Deze ${label} bestaat niet.`);

/** One processor (verwerker) in the verwerkersregister, as the privacy officer enters it. */
export const ProcessorInput = z
  .object({
    name: z.string().trim().min(2, 'Vul de naam van de verwerker in.').max(120, 'De naam is te lang (hoogstens 120 tekens).'),
    service: z.string().trim().min(2, 'Vul in wat de verwerker voor de organisatie doet.').max(200, 'Te lang (hoogstens 200 tekens).'),
    dataCategories: z.array(z.string().min(1).max(60)).min(1, 'Kies minstens één soort gegevens.').max(40),
    agreementDate: isoDate('datum van de verwerkersovereenkomst'),
    reviewDate: isoDate('herzieningsdatum'),
    subProcessors: z.string().trim().max(1000, 'Te lang (hoogstens 1000 tekens).'),
    outsideEea: z.boolean(),
    transferMechanism: z.enum(TRANSFER_MECHANISMS).nullable(),
    /** The country or countries outside the EEA, e.g. "Verenigde Staten" (art. 30 lid 1 sub e AVG). */
    transferCountries: z.string().trim().max(200, 'Te lang (hoogstens 200 tekens).'),
  })
  .superRefine((value, ctx) => {
    if (value.reviewDate < value.agreementDate) ctx.addIssue({ code: 'custom', path: ['reviewDate'], message: 'De herziening ligt na de datum van de overeenkomst.' });
    if (value.outsideEea && !value.transferMechanism) ctx.addIssue({ code: 'custom', path: ['transferMechanism'], message: 'Kies op welke grond gegevens buiten de EER worden verwerkt.' });
    if (value.outsideEea && !/\p{L}{2}/u.test(value.transferCountries))
      ctx.addIssue({ code: 'custom', path: ['transferCountries'], message: 'Vul in naar welk land of welke landen de gegevens gaan, bijvoorbeeld Verenigde Staten.' });
  })
  .transform((value) => ({ ...value, transferMechanism: value.outsideEea ? value.transferMechanism : null, transferCountries: value.outsideEea ? value.transferCountries : '' }));
export type ProcessorInput = z.input<typeof ProcessorInput>;

export interface ConsoleProcessor extends z.output<typeof ProcessorInput> {
  id: string;
  /** The review date has passed (head office's calendar day, Europe/Amsterdam). */
  reviewOverdue: boolean;
  updatedAt: string;
}
