import { describe, expect, it } from 'vitest';
import { editorHistory, HISTORY_LIMIT, initHistory, type History } from './history';
import { emptyDoc, newStep, type EditorDoc } from './model';
import { TOP } from './stepTree';

const noBlocks = () => [];
const start = () => initHistory(emptyDoc());
const add = (h: History<EditorDoc>, type: string) =>
  editorHistory(h, { type: 'edit', edit: { type: 'insert_step', step: newStep(type, noBlocks), container: TOP, index: 99 } });

describe('editor history', () => {
  it('undoes and redoes step insertions in order', () => {
    let h = add(add(start(), 'http.request'), 'email.send');
    expect(h.present.steps.map((s) => s.action_type)).toEqual(['http.request', 'email.send']);
    h = editorHistory(h, { type: 'undo' });
    expect(h.present.steps.map((s) => s.action_type)).toEqual(['http.request']);
    h = editorHistory(h, { type: 'undo' });
    expect(h.present.steps).toEqual([]);
    h = editorHistory(h, { type: 'redo' });
    h = editorHistory(h, { type: 'redo' });
    expect(h.present.steps.map((s) => s.action_type)).toEqual(['http.request', 'email.send']);
  });

  it('drops the redo branch when a new edit follows an undo', () => {
    let h = add(add(start(), 'a'), 'b');
    h = editorHistory(h, { type: 'undo' });
    h = add(h, 'c');
    expect(h.future).toEqual([]);
    expect(editorHistory(h, { type: 'redo' })).toBe(h);
    expect(h.present.steps.map((s) => s.action_type)).toEqual(['a', 'c']);
  });

  it('makes one undo entry of consecutive edits with the same coalesce key (typing)', () => {
    let h = start();
    for (const name of ['W', 'Wo', 'Wor', 'Work']) {
      h = editorHistory(h, { type: 'edit', edit: { type: 'set_meta', name }, coalesce: 'meta:name' });
    }
    expect(h.present.name).toBe('Work');
    expect(h.past).toHaveLength(1);
    h = editorHistory(h, { type: 'undo' });
    expect(h.present.name).toBe('');
  });

  it('starts a new undo entry when the coalesce key changes', () => {
    let h = editorHistory(start(), { type: 'edit', edit: { type: 'set_meta', name: 'A' }, coalesce: 'meta:name' });
    h = editorHistory(h, { type: 'edit', edit: { type: 'set_meta', description: 'D' }, coalesce: 'meta:description' });
    h = editorHistory(h, { type: 'edit', edit: { type: 'set_meta', name: 'AB' }, coalesce: 'meta:name' });
    expect(h.past).toHaveLength(3);
  });

  it('ignores undo and redo when there is nothing to undo or redo', () => {
    const h = start();
    expect(editorHistory(h, { type: 'undo' })).toBe(h);
    expect(editorHistory(h, { type: 'redo' })).toBe(h);
  });

  it(`keeps at most ${HISTORY_LIMIT} undo steps`, () => {
    let h = start();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = add(h, `t${i}`);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });

  it('reset replaces the document and clears the history', () => {
    const h = editorHistory(add(start(), 'a'), { type: 'reset', doc: { ...emptyDoc(), name: 'Loaded' } });
    expect(h.present.name).toBe('Loaded');
    expect(h.past).toEqual([]);
    expect(h.future).toEqual([]);
  });

  it('undoes deleting and moving a step', () => {
    let h = add(add(start(), 'a'), 'b');
    const [a] = h.present.steps;
    h = editorHistory(h, { type: 'edit', edit: { type: 'move_step', uid: a.uid, delta: 1 } });
    expect(h.present.steps.map((s) => s.action_type)).toEqual(['b', 'a']);
    h = editorHistory(h, { type: 'edit', edit: { type: 'remove_step', uid: a.uid } });
    expect(h.present.steps.map((s) => s.action_type)).toEqual(['b']);
    h = editorHistory(editorHistory(h, { type: 'undo' }), { type: 'undo' });
    expect(h.present.steps.map((s) => s.action_type)).toEqual(['a', 'b']);
  });
});
