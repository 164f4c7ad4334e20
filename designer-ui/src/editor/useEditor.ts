/** The editor's state: the document with undo/redo, the selection, and the commands the UI calls. */
import { useCallback, useMemo, useReducer, useRef, useState } from 'react';
import { canRedo, canUndo, editorHistory, initHistory, type EditAction } from './history';
import { emptyDoc, newStep, type BlocksOf, type EditorDoc, type EditorStep } from './model';
import { cloneStep, findInfo, TOP, type Container } from './stepTree';

/**
 * What is selected: a step (by uid), the trigger, or an empty branch (to add steps into). A step selected because
 * it was just added into a branch is not an anchor: the next action from the palette goes to the end of the
 * workflow, not into that branch again.
 */
export type Selection =
  | { kind: 'step'; uid: string; anchor?: boolean }
  | { kind: 'trigger' }
  | { kind: 'branch'; container: Container }
  | null;

export function useEditor(blocksOf: BlocksOf) {
  const [history, dispatch] = useReducer(editorHistory, undefined, () => initHistory(emptyDoc()));
  const [selection, setSelection] = useState<Selection>(null);
  const clipboard = useRef<EditorStep | null>(null);
  const doc = history.present;

  const edit = useCallback((action: EditAction, coalesce?: string) => dispatch({ type: 'edit', edit: action, coalesce }), []);
  const reset = useCallback((next: EditorDoc) => {
    dispatch({ type: 'reset', doc: next });
    setSelection(null);
  }, []);

  const selectedUid = selection?.kind === 'step' && findInfo(doc.steps, selection.uid) ? selection.uid : null;

  /** Where a new step goes: into the selected empty branch, after the selected step, or at the end. */
  const insertionPoint = useCallback((): { container: Container; index: number } => {
    if (selection?.kind === 'branch') return { container: selection.container, index: Number.MAX_SAFE_INTEGER };
    if (selection?.kind === 'step' && selection.anchor !== false) {
      const info = findInfo(doc.steps, selection.uid);
      if (info) return { container: info.container, index: info.index + 1 };
    }
    return { container: TOP, index: doc.steps.length };
  }, [selection, doc.steps]);

  const insert = useCallback((step: EditorStep, at?: { container: Container; index: number }) => {
    const target = at ?? insertionPoint();
    edit({ type: 'insert_step', step, container: target.container, index: target.index });
    const chained = !at && selection?.kind === 'step' && selection.anchor !== false;
    setSelection({ kind: 'step', uid: step.uid, anchor: target.container.parentUid === null || chained });
  }, [edit, insertionPoint, selection]);

  const addAction = useCallback((actionType: string, at?: { container: Container; index: number }) => {
    insert(newStep(actionType, blocksOf), at);
  }, [insert, blocksOf]);

  const remove = useCallback((uid: string) => {
    const info = findInfo(doc.steps, uid);
    edit({ type: 'remove_step', uid });
    if (info) {
      const siblings = info.container.parentUid === null ? doc.steps
        : findInfo(doc.steps, info.container.parentUid)?.step.blocks[info.container.block!] ?? [];
      const neighbour = siblings[info.index + 1] ?? siblings[info.index - 1];
      setSelection(neighbour ? { kind: 'step', uid: neighbour.uid }
        : info.container.parentUid ? { kind: 'branch', container: info.container } : null);
    }
  }, [doc.steps, edit]);

  const copy = useCallback(() => {
    if (!selectedUid) return false;
    const info = findInfo(doc.steps, selectedUid);
    clipboard.current = info ? cloneStep(info.step) : null;
    return clipboard.current !== null;
  }, [doc.steps, selectedUid]);

  const paste = useCallback(() => {
    if (!clipboard.current) return false;
    insert(cloneStep(clipboard.current));
    return true;
  }, [insert]);

  const duplicate = useCallback((uid: string) => {
    const info = findInfo(doc.steps, uid);
    if (info) insert(cloneStep(info.step), { container: info.container, index: info.index + 1 });
  }, [doc.steps, insert]);

  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);

  return useMemo(() => ({
    doc, selection, selectedUid, setSelection, edit, reset, addAction, insert, remove, copy, paste, duplicate,
    undo, redo, canUndo: canUndo(history), canRedo: canRedo(history), insertionPoint,
  }), [doc, selection, selectedUid, edit, reset, addAction, insert, remove, copy, paste, duplicate, undo, redo, history,
    insertionPoint]);
}

export type EditorApi = ReturnType<typeof useEditor>;
