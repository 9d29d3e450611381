import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { Empty, SessionInfo } from './schemas';

/** `corrupt`: unlocking found the database damaged; only the restore screen is shown. */
export const AppState = z.enum(['setup', 'locked', 'unlocked', 'corrupt']);
export type AppState = z.infer<typeof AppState>;

/** What is wrong with a database file the right key does not open cleanly. */
export const CorruptionKind = z.enum(['missing', 'unreadable', 'damaged', 'unencrypted']);
export type CorruptionKind = z.infer<typeof CorruptionKind>;

/** The app's state, polled by the renderer before and after login. */
export const appContract = {
  'app.status': method({
    input: Empty,
    output: z.object({
      state: AppState,
      locationName: z.string().nullable(),
      session: SessionInfo.nullable(),
      /** Seconds the next login attempt must wait after repeated failures. */
      loginDelaySeconds: z.number(),
      /** What is wrong, while state is `corrupt` (kind for the Dutch explanation, SQLite's detail for IT). */
      corruption: z.object({ kind: CorruptionKind, detail: z.string(), detectedAt: z.string() }).nullable(),
      /** The backend's clock (moved by `--clock`): the renderer's dates and date checks follow it. */
      now: z.string(),
    }),
    permission: 'public',
    passive: true,
    duringPasswordChange: true,
    shows: ['session'],
  }),
} satisfies Record<string, MethodDef>;
