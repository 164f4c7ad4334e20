/**
 * Undo/redo for the editor: a generic history (past, present, future) around a pure reducer of editor edits.
 * Edits with the same coalesce key in a row (typing in one field) make one undo entry.
 */
import type { TriggerDef } from '../api/types';
import type { EditorDoc, EditorStep } from './model';
import { insertStep, moveStep, relocateStep, removeStep, updateStep, type Container } from './stepTree';

export const HISTORY_LIMIT = 100;

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** coalesce key of the last edit, if any */
  lastKey: string | null;
}

export function initHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null };
}

export type EditAction =
  | { type: 'set_meta'; name?: string; description?: string; tags?: string[] }
  | { type: 'set_trigger'; trigger: TriggerDef }
  | { type: 'insert_step'; step: EditorStep; container: Container; index: number }
  | { type: 'remove_step'; uid: string }
  | { type: 'move_step'; uid: string; delta: number }
  | { type: 'relocate_step'; uid: string; container: Container; index: number }
  | { type: 'update_step'; uid: string; patch: Partial<Omit<EditorStep, 'uid'>> };

export type HistoryAction =
  | { type: 'edit'; edit: EditAction; coalesce?: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'reset'; doc: EditorDoc };

export function applyEdit(doc: EditorDoc, edit: EditAction): EditorDoc {
  switch (edit.type) {
    case 'set_meta':
      return {
        ...doc,
        name: edit.name ?? doc.name,
        description: edit.description ?? doc.description,
        tags: edit.tags ?? doc.tags,
      };
    case 'set_trigger':
      return { ...doc, trigger: edit.trigger };
    case 'insert_step':
      return { ...doc, steps: insertStep(doc.steps, edit.container, edit.index, edit.step) };
    case 'remove_step':
      return { ...doc, steps: removeStep(doc.steps, edit.uid) };
    case 'move_step':
      return { ...doc, steps: moveStep(doc.steps, edit.uid, edit.delta) };
    case 'relocate_step':
      return { ...doc, steps: relocateStep(doc.steps, edit.uid, edit.container, edit.index) };
    case 'update_step':
      return { ...doc, steps: updateStep(doc.steps, edit.uid, (step) => ({ ...step, ...edit.patch })) };
  }
}

export function editorHistory(state: History<EditorDoc>, action: HistoryAction): History<EditorDoc> {
  switch (action.type) {
    case 'reset':
      return initHistory(action.doc);
    case 'undo': {
      if (state.past.length === 0) return state;
      const previous = state.past[state.past.length - 1];
      return { past: state.past.slice(0, -1), present: previous, future: [state.present, ...state.future], lastKey: null };
    }
    case 'redo': {
      if (state.future.length === 0) return state;
      const [next, ...rest] = state.future;
      return { past: [...state.past, state.present], present: next, future: rest, lastKey: null };
    }
    case 'edit': {
      const next = applyEdit(state.present, action.edit);
      if (next === state.present) return state;
      const key = action.coalesce ?? null;
      if (key !== null && key === state.lastKey) {
        return { ...state, present: next, future: [] };
      }
      const past = [...state.past, state.present].slice(-HISTORY_LIMIT);
      return { past, present: next, future: [], lastKey: key };
    }
  }
}

export const canUndo = (state: History<unknown>) => state.past.length > 0;
export const canRedo = (state: History<unknown>) => state.future.length > 0;
