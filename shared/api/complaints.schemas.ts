import { z } from 'zod';
import { appToday } from '../domain/clock';
import { COMPLAINT_OUTCOMES } from '../domain/complaints';
import { DEADLINE_STATES } from '../domain/requests';
import { zm } from '../i18n/translate';
import { IsoDate, optionalText } from './clients.schemas';
import { Id, text } from './schemas';

// ---- klachten (complaints) -------------------------------------------------------------------

export const ComplaintStatus = z.enum(['open', 'in_behandeling', 'gesloten']);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

/** The houder's judgement (oordeel), chosen when the complaint is closed. */
export const ComplaintOutcome = z.enum(COMPLAINT_OUTCOMES, { error: zm('complaints.outcomeRequired') });
export type ComplaintOutcome = z.infer<typeof ComplaintOutcome>;

/** A date that has happened, by the app's clock (`--clock` included), not the PC's. */
const pastDate = (label: 'complaints.field.receivedOn' | 'complaints.field.closedOn') => IsoDate(label).refine((v) => v <= appToday(), zm('validation.notInFuture', { label }));

export const ComplaintInput = z.object({
  id: Id.nullish(),
  receivedOn: pastDate('complaints.field.receivedOn'),
  complainantName: text('complaints.field.complainantName', 120),
  complainantContact: optionalText('Contactgegevens', 200),
  /** The household (gezin) the complaint concerns; empty when it concerns none (or a person without a household). */
  householdId: z
    .union([Id, z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null)),
  subject: text('complaints.field.subject', 200),
  description: text('complaints.field.description', 4000),
  handlingNotes: optionalText('Behandeling', 4000),
});

export const CloseComplaintInput = z.object({
  id: Id,
  closedOn: pastDate('complaints.field.closedOn'),
  outcome: ComplaintOutcome,
  resolution: text('complaints.field.resolution', 4000),
  measures: optionalText('Maatregelen', 4000),
});

export const Complaint = z.object({
  id: z.string(),
  receivedOn: z.string(),
  /** Six weeks after receipt (Wet kinderopvang). */
  deadline: z.string(),
  /** For an open complaint: in time, due within 7 days, or overdue; null once closed. */
  deadlineState: z.enum(DEADLINE_STATES).nullable(),
  complainantName: z.string(),
  complainantContact: z.string().nullable(),
  householdId: z.string().nullable(),
  /** "Gezin Jansen" while the household exists. */
  householdName: z.string().nullable(),
  subject: z.string(),
  description: z.string(),
  status: ComplaintStatus,
  handlingNotes: z.string().nullable(),
  outcome: ComplaintOutcome.nullable(),
  resolution: z.string().nullable(),
  measures: z.string().nullable(),
  closedOn: z.string().nullable(),
  /** Closed after the six weeks. */
  closedLate: z.boolean(),
  destructionDate: z.string().nullable(),
});
export type Complaint = z.infer<typeof Complaint>;

/** An open complaint whose six weeks end within 7 days or have ended (dashboard). No complainant name: the list is not audited. */
export const ComplaintDue = z.object({ id: z.string(), subject: z.string(), receivedOn: z.string(), deadline: z.string(), deadlineState: z.enum(['due_soon', 'overdue']) });
export type ComplaintDue = z.infer<typeof ComplaintDue>;

export const HouseholdQuery = z.object({ q: z.string().trim().max(100) });
/** A household to link a complaint to: the contract parent's name, the children's first names and the postcode. */
export const HouseholdOption = z.object({ id: z.string(), label: z.string() });
