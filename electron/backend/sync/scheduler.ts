import type { AppCore } from '../core';
import { syncOnce, type Exclusive, type SyncReport, type Transport } from './sync.engine';
import { hasSendable } from './sync.repository';
import { readRunState, readSyncConfig } from './sync.state';

const REGULAR_MS = 30_000;
const SOON_MS = 2_000;
const BASE_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 5 * 60_000;

/** Exponential backoff with full jitter (0.5–1.5×), capped at 5 minutes. */
function backoffMs(failures: number, random: () => number = Math.random): number {
  const exp = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(exp * (0.5 + random()));
}

/**
 * Background sync while a user is logged in (the database is closed when the app is locked).
 * Runs soon after local changes, every 30 s otherwise, and backs off while head office is down.
 */
export class SyncScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SyncReport | null> | null = null;
  private nextAt = 0;
  lastReport: SyncReport | null = null;

  constructor(
    private readonly core: AppCore,
    private readonly exclusive: Exclusive,
    private readonly transport?: Transport,
  ) {}

  start(tickMs = 1_000) {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), tickMs);
    this.timer.unref();
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  get isRunning() {
    return this.running !== null;
  }

  get nextAttemptAt(): number {
    return this.nextAt;
  }

  /** Run soon in the background — only when background sync is on (tests drive rounds themselves). */
  trigger(): void {
    if (this.timer) void this.runNow();
  }

  /** "Nu synchroniseren": run now (or join the run in progress). */
  runNow(): Promise<SyncReport | null> {
    if (this.running) return this.running;
    const run = (async () => {
      try {
        const report = await syncOnce(this.core, this.exclusive, this.transport);
        this.lastReport = report;
        this.nextAt = Date.now() + REGULAR_MS;
        return report;
      } catch {
        const failures = this.core.isOpen ? (await this.exclusive(() => readRunState(this.core.db())).catch(() => null))?.failures ?? 1 : 1;
        this.nextAt = Date.now() + backoffMs(failures);
        return null;
      } finally {
        this.running = null;
      }
    })();
    this.running = run;
    return run;
  }

  private async tick() {
    if (this.running || !this.core.isOpen || !this.core.session) return;
    try {
      const due = await this.exclusive(async () => {
        if (!this.core.isOpen || !(await readSyncConfig(this.core.db()))) return false;
        if (Date.now() >= this.nextAt) return true;
        // Local changes go out within a couple of seconds, unless we are backing off.
        const state = await readRunState(this.core.db());
        if (state.failures > 0) return false;
        // Rows held back until this PC has the location's sync key do not make it run every 2 s.
        return hasSendable(this.core.sqlite()) && Date.now() >= this.nextAt - REGULAR_MS + SOON_MS;
      });
      if (due) await this.runNow();
    } catch {
      // locked in between: try again at the next tick
    }
  }
}
