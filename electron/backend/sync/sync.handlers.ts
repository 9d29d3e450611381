import type { Handlers } from '../api/handler';
import { enrol, listConflicts, resolveConflict, syncStatus } from './sync.service';

export const syncHandlers: Handlers<'sync.status' | 'sync.enrol' | 'sync.now' | 'sync.conflicts' | 'sync.resolveConflict'> = {
  'sync.status': ({ core }) => syncStatus(core),
  'sync.enrol': async ({ core, session }, input) => {
    await enrol(core, session, input);
    core.scheduler?.trigger();
    return syncStatus(core);
  },
  // Not awaited: the run needs the API queue this handler is holding. The header polls the status.
  'sync.now': async ({ core }) => {
    core.scheduler?.trigger();
    return { ...(await syncStatus(core)), running: core.scheduler?.isRunning ?? false };
  },
  'sync.conflicts': ({ core, session }) => listConflicts(core, session),
  'sync.resolveConflict': async ({ core, session }, input) => {
    await resolveConflict(core, session, input);
    return {};
  },
};
