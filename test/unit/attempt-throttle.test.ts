import { describe, expect, it } from 'vitest';
import { AttemptThrottle } from '../../electron/backend/attemptThrottle';
import { AppError } from '../../shared/api/result';
import { translate } from '../../shared/i18n/translate';

describe('AttemptThrottle (wrong passwords, herstelsleutels and transfer codes)', () => {
  const policy = { freeAttempts: 3, firstDelayMs: 5000, maxDelayMs: 20_000 };
  const clock = () => {
    let t = Date.parse('2026-01-05T09:00:00Z');
    return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
  };
  const refusal = (throttle: AttemptThrottle) => {
    try {
      throttle.assertMayAttempt();
      return null;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { code: error.code, message: translate(error.ref!) };
    }
  };

  it('makes no one wait for the first three wrong attempts, then 5 s, doubling up to the maximum', () => {
    const c = clock();
    const throttle = new AttemptThrottle(policy, c.now);
    throttle.recordFailure();
    throttle.recordFailure();
    expect(refusal(throttle)).toBeNull();
    throttle.recordFailure();
    expect(throttle.waitSeconds()).toBe(5);
    expect(refusal(throttle)).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(/^Te veel mislukte pogingen.*5 seconden/) });
    c.advance(5000);
    expect(refusal(throttle)).toBeNull();
    throttle.recordFailure();
    expect(throttle.waitSeconds()).toBe(10);
    c.advance(10_000);
    throttle.recordFailure();
    expect(throttle.waitSeconds()).toBe(20);
    c.advance(20_000);
    throttle.recordFailure();
    expect(throttle.waitSeconds()).toBe(20); // capped
  });

  it('starts over after a right attempt', () => {
    const c = clock();
    const throttle = new AttemptThrottle(policy, c.now);
    for (let i = 0; i < 4; i++) throttle.recordFailure();
    expect(throttle.waitSeconds()).toBeGreaterThan(0);
    throttle.reset();
    expect(refusal(throttle)).toBeNull();
    throttle.recordFailure();
    expect(throttle.waitSeconds()).toBe(0);
  });
});
