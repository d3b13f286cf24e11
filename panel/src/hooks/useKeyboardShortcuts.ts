import { RefObject, useEffect } from 'react';
import { useLatest } from './useLatest';

export interface ShortcutActions {
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  clear(): void;
  search(): void;
}

/** f = fit, + / - = zoom, Esc = clear selection, / = search; only while the map has keyboard focus. */
export function useKeyboardShortcuts(ref: RefObject<HTMLElement | null>, actions: ShortcutActions): void {
  const latest = useLatest(actions);
  useEffect(() => {
    const element = ref.current;
    if (!element) {
      return undefined;
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || (event.target as HTMLElement).tagName === 'INPUT') {
        return;
      }
      const action: Record<string, (() => void) | undefined> = {
        f: latest.current.fit,
        '+': latest.current.zoomIn,
        '=': latest.current.zoomIn,
        '-': latest.current.zoomOut,
        Escape: latest.current.clear,
        '/': latest.current.search,
      };
      const run = action[event.key];
      if (run) {
        event.preventDefault();
        run();
      }
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [ref, latest]);
}
