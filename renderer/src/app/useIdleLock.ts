import { useEffect, useEffectEvent } from 'react';
import { call } from '../api/client';

const ACTIVITY_EVENTS = ['mousemove', 'keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
/** At most one `session.touch` per minute while the user is active. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Calls `onIdle` once after `timeoutMinutes` without mouse, keyboard, pointer or wheel activity.
 * Activity only records a timestamp (cheap on every mousemove); a single timer checks the elapsed
 * time with Date.now() and re-arms for the remainder, so a sleeping laptop or a test clock that
 * jumps forward (Playwright's page.clock) locks as soon as the timer fires.
 *
 * The backend has its own idle clock, moved only by non-passive calls. Someone typing a long form
 * makes no calls, so activity also sends `session.touch`, at most once a minute: the backend then
 * does not lock in the middle of the form.
 */
export function useIdleLock(timeoutMinutes: number, onIdle: () => void, enabled = true) {
  const fireIdle = useEffectEvent(onIdle);

  useEffect(() => {
    if (!enabled || timeoutMinutes <= 0) return;
    const timeoutMs = timeoutMinutes * 60_000;
    let lastActivity = Date.now();
    // Unlocking just counted as activity on the backend, so the first touch can wait a minute.
    let lastTouch = lastActivity;
    let fired = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const check = () => {
      const idleFor = Date.now() - lastActivity;
      if (idleFor >= timeoutMs) {
        fired = true;
        fireIdle();
      } else {
        timer = setTimeout(check, timeoutMs - idleFor);
      }
    };
    const onActivity = () => {
      if (fired) return;
      const now = Date.now();
      lastActivity = now;
      if (now - lastTouch >= TOUCH_INTERVAL_MS) {
        lastTouch = now;
        // Best effort: if the backend locked meanwhile, the status poll shows the login screen.
        void call('session.touch', {}).catch(() => undefined);
      }
    };
    // Back from sleep or another window: check at once instead of waiting for the timer.
    const onVisible = () => {
      if (document.visibilityState === 'visible' && !fired) {
        clearTimeout(timer);
        check();
      }
    };

    timer = setTimeout(check, timeoutMs);
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, onActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [timeoutMinutes, enabled]);
}
