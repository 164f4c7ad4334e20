/**
 * Editor shortcuts: Ctrl/Cmd+S saves (also while typing), Ctrl+Z undo, Ctrl+Shift+Z / Ctrl+Y redo, Ctrl+C / Ctrl+V
 * steps, Delete removes a step.
 */
import { useEffect } from 'react';
import type { EditorApi } from './useEditor';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

export function useEditorKeyboard(editor: EditorApi, notify: (message: string) => void, save: () => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 's' && !event.shiftKey && !event.altKey) {
        event.preventDefault();
        save();
        return;
      }
      if (isTyping(event.target)) return;
      if (mod && key === 'z' && !event.shiftKey) {
        event.preventDefault();
        editor.undo();
      } else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) {
        event.preventDefault();
        editor.redo();
      } else if (mod && key === 'c') {
        if (editor.copy()) notify('Step copied');
      } else if (mod && key === 'v') {
        if (editor.paste()) event.preventDefault();
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && editor.selectedUid) {
        event.preventDefault();
        editor.remove(editor.selectedUid);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, notify, save]);
}
