import { z } from 'zod';
import { zm } from '../i18n/translate';
import type { MethodDef } from './contract';
import { method } from './method';
import { SessionInfo } from './schemas';

const IDLE_RANGE = zm('settings.idleTimeoutRange');

/** Location settings: the idle lock and the privacy statement version new consents refer to. */
export const settingsContract = {
  'settings.update': method({
    input: z.object({
      idleTimeoutMinutes: z
        .number({ error: zm('settings.idleTimeoutRequired') })
        .int(zm('settings.idleTimeoutWhole'))
        .min(1, IDLE_RANGE)
        .max(60, IDLE_RANGE)
        .optional(),
      /** Date of the privacy statement that new consents refer to, e.g. "20-06-2023". */
      privacyStatementVersion: z.string().trim().min(1, zm('settings.privacyStatementVersionRequired')).max(40).optional(),
    }),
    output: SessionInfo,
    permission: 'settings.manage',
    audit: {
      kind: 'write',
      data: 'security',
      details: (input) => ({ idleTimeoutMinutes: input.idleTimeoutMinutes ?? null, privacyStatementVersion: input.privacyStatementVersion ?? null }),
    },
    changes: ['settings', 'session'],
  }),
} satisfies Record<string, MethodDef>;
