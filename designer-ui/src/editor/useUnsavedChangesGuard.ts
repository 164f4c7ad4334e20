/**
 * Asks before unsaved changes are lost: when the tab is closed or reloaded (the browser's own question), and when a
 * link leads away from the editor (a click on any link of the page, caught before the router acts on it).
 * The browser's back button is not caught: a hash router cannot hold it back.
 */
import { useEffect } from 'react';

export const LEAVE_QUESTION = 'This workflow has unsaved changes. Leave without saving them?';

export function useUnsavedChangesGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return undefined;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank' || anchor.hasAttribute('download')) return;
      if (anchor.href === window.location.href) return;
      if (!window.confirm(LEAVE_QUESTION)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('click', onClick, true);
    };
  }, [dirty]);
}
