import { AppError } from '../../shared/api/result';
import { msg } from '../../shared/i18n/translate';

/** How fast the delay grows: the first `freeAttempts` failures cost nothing, then `firstDelayMs` doubling up to `maxDelayMs`. */
export interface ThrottlePolicy {
  freeAttempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/**
 * A growing delay after wrong secrets typed on this PC (a password, a herstelsleutel, a transfer
 * code), per running app: guessing becomes slow while a typo costs nothing. It lives in memory
 * only; a refused attempt is refused with the wait in Dutch and changes nothing else.
 */
export class AttemptThrottle {
  private failures = 0;
  private nextAttemptAt = 0;

  constructor(
    private readonly policy: ThrottlePolicy,
    private readonly now: () => Date,
  ) {}

  /** Seconds until the next attempt is allowed (0 = now). */
  waitSeconds(): number {
    return Math.max(0, Math.ceil((this.nextAttemptAt - this.now().getTime()) / 1000));
  }

  /** Throws RATE_LIMITED ("Te veel pogingen…") while the delay runs. */
  assertMayAttempt(): void {
    const wait = this.waitSeconds();
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', msg('auth.tooManyAttempts', { wait, unit: wait === 1 ? 'auth.second' : 'auth.seconds' }), { waitSeconds: String(wait) });
    }
  }

  recordFailure(): void {
    this.failures++;
    if (this.failures >= this.policy.freeAttempts) {
      this.nextAttemptAt = this.now().getTime() + Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** (this.failures - this.policy.freeAttempts));
    }
  }

  /** After a right attempt: the next wrong one is free again. */
  reset(): void {
    this.failures = 0;
    this.nextAttemptAt = 0;
  }
}
