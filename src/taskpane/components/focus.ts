/**
 * Focus after an action: the result of an action (a message, a summary) takes the focus when it appears, so
 * keyboard and screen-reader users land on what happened instead of the page body (the button they pressed is
 * disabled while the work runs). The element needs tabIndex={-1}.
 */
import * as React from 'react';

/** Focus the returned ref's element whenever `value` changes to something (not on the first render). */
export function useFocusOn<T extends HTMLElement>(value: unknown): React.RefObject<T> {
  const ref = React.useRef<T>(null);
  const first = React.useRef(true);
  React.useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (value) ref.current?.focus();
  }, [value]);
  return ref;
}

/** Give the focus back to `ref` once a dialog has closed (after its own focus handling). */
export function focusLater(ref: React.RefObject<HTMLElement>): void {
  setTimeout(() => ref.current?.focus(), 0);
}
