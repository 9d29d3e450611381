import { can } from '../../../../shared/auth/permissions';
import type { Logger } from '../../api/dispatch';
import type { AppCore } from '../../core';
import { runAutomatic } from './engine';

const HOUR = 60 * 60_000;

/**
 * The automatic destruction run: at start-up (the database opens at the first login) and then
 * once a day while a manager is logged in. It destroys only what is past due, never anything
 * under a hold, and leaves a notice for the manager.
 */
export class RetentionScheduler {
  private lastRunDay: string | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly core: AppCore,
    private readonly exclusive: <T>(work: () => Promise<T>) => Promise<T>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.trigger(), HOUR);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Queues the run behind the current work; calls made after this wait for it. */
  trigger(): Promise<void> {
    return this.exclusive(async () => {
      const session = this.core.session;
      if (!session || !this.core.isOpen || session.mustChangePassword || !can(session.roles, 'retention.manage')) return;
      const today = this.core.today();
      if (this.lastRunDay === today) return;
      this.lastRunDay = today;
      await runAutomatic(this.core, session);
    }).catch((error: unknown) => this.logger.error('automatic retention run failed', error));
  }
}
