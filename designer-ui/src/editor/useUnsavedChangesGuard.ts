/**
 * Asks before unsaved changes are lost: when the tab is closed or reloaded (the browser's own question), when a link
 * leads away from the editor (a click on any link of the page, caught before the router acts on it), and when the
 * address changes under it (the back and forward buttons, a typed #/... address). For the last, its listener runs
 * before the router's (a capturing listener on the window runs first) and, when the user stays, stops the router from
 * seeing the change and puts the editor's address back.
 */
import { useLayoutEffect } from 'react';
import { useLocation } from 'react-router-dom';

export const LEAVE_QUESTION = 'This workflow has unsaved changes. Leave without saving them?';

export function useUnsavedChangesGuard(dirty: boolean) {
  const location = useLocation();
  // a layout effect: the listeners come and go in the same commit as what shows the changes saved or made, never a
  // moment later (a passive effect's cleanup may run after the next address change, and ask about changes saved)
  useLayoutEffect(() => {
    if (!dirty) return undefined;
    const here = window.location.href;
    const hereState: unknown = window.history.state;
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
    const onPop = (event: PopStateEvent) => {
      if (window.location.href === here || window.confirm(LEAVE_QUESTION)) return;
      event.stopImmediatePropagation();
      window.history.replaceState(hereState, '', here);
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('click', onClick, true);
    window.addEventListener('popstate', onPop, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('popstate', onPop, true);
    };
  }, [dirty, location.key]);
}
