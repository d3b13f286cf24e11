import { useEffect, useState } from 'react';
import { rangeUtil } from '@grafana/data';

/** A counter that increases every refresh interval ('' or 'off' = never), like the dashboard refresh picker. */
export function useRefreshTick(refresh: string | undefined) {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!refresh || refresh === 'off') {
      return;
    }
    const ms = rangeUtil.intervalToMs(refresh);
    const timer = window.setInterval(() => setTick((t) => t + 1), Math.max(ms, 1000));
    return () => window.clearInterval(timer);
  }, [refresh]);
  return { tick, bump: () => setTick((t) => t + 1) };
}
