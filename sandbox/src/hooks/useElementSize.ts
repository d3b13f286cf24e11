import { useCallback, useRef, useState } from 'react';

/** The content size of an element, kept current with a ResizeObserver (panels re-render on resize). */
export function useElementSize<T extends HTMLElement>() {
  const observer = useRef<ResizeObserver>();
  const [size, setSize] = useState({ width: 0, height: 0 });
  // A callback ref, so the observer attaches whenever the element mounts (it appears after the dashboard loads).
  const ref = useCallback((element: T | null) => {
    observer.current?.disconnect();
    if (!element) {
      return;
    }
    observer.current = new ResizeObserver(([entry]) =>
      setSize({ width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) })
    );
    observer.current.observe(element);
  }, []);
  return { ref, ...size };
}
