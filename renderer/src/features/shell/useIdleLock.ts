import { useEffect, useEffectEvent } from 'react';

const ACTIVITY_EVENTS = ['mousemove', 'keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once after `timeoutMinutes` without mouse, keyboard, pointer or wheel activity.
 * Activity only records a timestamp (cheap on every mousemove); a single timer checks the elapsed
 * time with Date.now() and re-arms for the remainder, so a sleeping laptop or a test clock that
 * jumps forward (Playwright's page.clock) locks as soon as the timer fires.
 */
export function useIdleLock(timeoutMinutes: number, onIdle: () => void, enabled = true) {
  const fireIdle = useEffectEvent(onIdle);

  useEffect(() => {
    if (!enabled || timeoutMinutes <= 0) return;
    const timeoutMs = timeoutMinutes * 60_000;
    let lastActivity = Date.now();
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
      if (!fired) lastActivity = Date.now();
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
