import { z } from 'zod';
import type { DataArea, MethodDef } from './contract';
import { method } from './method';
import { Empty, PdfFile } from './schemas';

/** A retention line of a processing: the period and its start, what happens then, and why. */
const RetentionLine = z.object({
  text: z.string(),
  action: z.string().nullable(),
  legalBasis: z.string().nullable(),
  policy: z.string().nullable(),
});

/** One processing (category of personal data) as shared/dataMap/register.ts derives it from the data map. */
const RegisterRow = z.object({
  category: z.string(),
  processing: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  personCategories: z.array(z.string()),
  dataCategories: z.array(z.string()),
  specialCategory: z.boolean(),
  source: z.string(),
  recipients: z.array(z.string()),
  transfersOutsideEea: z.string(),
  retention: z.array(RetentionLine),
  security: z.array(z.string()),
  tables: z.array(z.string()),
});

const ProcessingRegister = z.object({
  location: z.object({ name: z.string(), address: z.string(), lrkNumber: z.string() }),
  /** The organisation as head office published it (null until it has): controller, Privacy Officer and FG, each as one line. */
  organisation: z.object({ controller: z.string(), privacyOfficer: z.string(), dataProtectionOfficer: z.string() }).nullable(),
  /** The date the register was drawn up (the app's today), yyyy-mm-dd. */
  drawnUpOn: z.string(),
  /** The measures every processing shares; a row's `security` may add its own. */
  commonSecurity: z.array(z.string()),
  rows: z.array(RegisterRow),
});

/** The register follows from the data map (code) and the bewaartermijnen in force (synced from head office). */
const SHOWS: readonly DataArea[] = ['retention', 'settings'];

/** Verwerkingsregister (AVG art. 30) of the location, derived from the data map. */
export const registerContract = {
  'register.get': method({ input: Empty, output: ProcessingRegister, permission: 'retention.manage', shows: SHOWS }),
  'register.pdf': method({
    input: Empty,
    output: PdfFile,
    permission: 'retention.manage',
    audit: { kind: 'read', data: 'documents' },
    shows: SHOWS,
  }),
} satisfies Record<string, MethodDef>;
