import { z } from 'zod';
import { notInFuture } from './clients.schemas';
import type { MethodDef } from './contract';
import { method } from './method';
import { Empty, Id } from './schemas';

/**
 * Privacyverklaring (issue 18 part 8): the versions head office's privacy officer published, as they
 * reached this location with the sync. The version in force is the newest whose effective date has
 * come (on the app's clock); consent forms cite it. A new version is a task until the manager
 * records that the parents were informed.
 */
export const StatementVersion = z.object({
  id: z.string(),
  version: z.string(),
  effectiveDate: z.string(),
  text: z.string(),
  publishedAt: z.string(),
});
export type StatementVersion = z.infer<typeof StatementVersion>;

/** The one "ouders informeren" task: the newest version, until the parents were informed about it. */
const StatementNotice = z.object({ id: z.string(), version: z.string(), effectiveDate: z.string(), publishedAt: z.string() });

export const StatementOverview = z.object({
  /** Newest effective date first. */
  versions: z.array(StatementVersion),
  /** Id of the version in force today; null while none is (none published, or all start later). */
  inForceId: z.string().nullable(),
  /** When the parents were informed about each version (by version id). */
  informed: z.array(z.object({ id: z.string(), informedOn: z.string() })),
  notice: StatementNotice.nullable(),
});
export type StatementOverview = z.infer<typeof StatementOverview>;

export const MarkInformedInput = z.object({ id: Id, informedOn: notInFuture('privacyStatement.field.informedOn') });

export const privacyStatementContract = {
  // Everyone who works here may read the statement the organisation gives to parents.
  'privacyStatement.list': method({ input: Empty, output: StatementOverview, permission: 'session', shows: ['consents', 'sync'] }),
  'privacyStatement.markInformed': method({
    input: MarkInformedInput,
    output: StatementOverview,
    permission: 'consents.write',
    audit: { kind: 'write', data: 'clients', entity: 'privacyStatement', entityId: (input) => input.id, details: (input) => ({ informedOn: input.informedOn }) },
    changes: ['consents'],
  }),
} satisfies Record<string, MethodDef>;
