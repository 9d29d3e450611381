import type { Result } from '../../shared/api/result';
import { dispatch, type Logger } from './api/dispatch';
import { AppCore, type BackendOptions } from './core';
import { RetentionScheduler } from './modules/retention/scheduler';
import { SyncScheduler } from './sync/scheduler';
import type { Transport } from './sync/sync.engine';
import { runDailyBackupIfDue } from './modules/backup/backup.service';

/** How often the daily backup checks whether it is due (it runs only while someone is logged in). */
const BACKUP_CHECK_MS = 5 * 60_000;

export type { BackendOptions } from './core';
export type { KeyringProtector } from './db/keyring';

/** The backend both transports (Electron IPC and web mode) talk to. Electron-free. */
export interface Backend {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
  readonly core: AppCore;
}

/** Methods after which a manager may be newly logged in. */
const SESSION_STARTS = new Set(['auth.login', 'auth.recover', 'auth.changePassword']);

export function createBackend(
  options: BackendOptions & {
    syncTransport?: Transport;
    /** false in tests that drive sync rounds themselves */
    backgroundSync?: boolean;
    /** false in tests that drive the daily backup themselves (runDailyBackupIfDue) */
    backgroundBackups?: boolean;
  },
  logger?: Logger,
): Backend {
  const core = new AppCore(options);
  // One piece of work at a time: API calls and the database phases of a sync round. This keeps
  // login, lock and transactions from interleaving (e.g. a lock arriving while a save is half done).
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  const scheduler = new SyncScheduler(core, exclusive, options.syncTransport);
  core.scheduler = scheduler;
  if (options.backgroundSync !== false) scheduler.start();
  const autoBackup = options.backgroundBackups !== false;
  const backupTimer = autoBackup ? setInterval(() => void exclusive(() => runDailyBackupIfDue(core)), BACKUP_CHECK_MS) : undefined;
  backupTimer?.unref();
  const retention = new RetentionScheduler(core, exclusive, logger ?? console);
  retention.start();
  return {
    core,
    call: async (method, input) => {
      const result = await exclusive(() => dispatch(core, method, input, logger));
      // Right after an unlock, not five minutes later: a PC that is only used briefly still gets its daily backup.
      if (autoBackup && result.ok && (method === 'auth.login' || method === 'auth.recover')) void exclusive(() => runDailyBackupIfDue(core));
      // Start-up retention run: queued right behind the login (and its backup), so the next call already sees its notice.
      if (result.ok && SESSION_STARTS.has(method)) void retention.trigger();
      return result;
    },
    close: async () => {
      clearInterval(backupTimer);
      retention.stop();
      await scheduler.stop();
      await exclusive(() => core.close());
    },
  };
}
