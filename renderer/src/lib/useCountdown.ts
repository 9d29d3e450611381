import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Seconds left until a deadline (login throttling). `start(seconds)` only moves the deadline
 * later, never earlier; a 250 ms timer (also the first update) sets the remaining seconds for the UI.
 */
export function useCountdown() {
  const deadline = useRef(0);
  const [remaining, setRemaining] = useState(0);

  useEffect(() => {
    const timer = setInterval(() => {
      setRemaining(Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000)));
    }, 250);
    return () => { clearInterval(timer); };
  }, []);

  const start = useCallback((seconds: number) => {
    if (!Number.isFinite(seconds) || seconds <= 0) return;
    deadline.current = Math.max(deadline.current, Date.now() + seconds * 1000);
  }, []);

  return { remaining, start };
}
