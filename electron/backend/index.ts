import type { Result } from '../../shared/api/result';
import { dispatch, type Logger } from './api/dispatch';
import { AppCore, type BackendOptions } from './core';

export type { BackendOptions } from './core';
export type { KeyringProtector } from './db/keyring';

/** The backend both transports (Electron IPC and web mode) talk to. Electron-free. */
export interface Backend {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
  readonly core: AppCore;
}

export function createBackend(options: BackendOptions, logger?: Logger): Backend {
  const core = new AppCore(options);
  // One call at a time: the desktop has one user, and serialising keeps login, lock and
  // transactions from interleaving (e.g. a lock arriving while a save is half done).
  let queue: Promise<unknown> = Promise.resolve();
  return {
    core,
    call(method, input) {
      const run = queue.then(() => dispatch(core, method, input, logger));
      queue = run.catch(() => undefined);
      return run;
    },
    close: () => core.close(),
  };
}
