import { describe, expect, it } from 'vitest';
import { budgetWorkflow } from '../test/fixtures';
import { fromDefinition, toDefinition } from './model';
import { cloneStep, findInfo, flatten, relocateStep, TOP } from './stepTree';

const blocksOf = (type: string) =>
  type === 'control.condition' ? ['then_actions', 'else_actions'] : type === 'control.loop' ? ['loop_actions'] : [];

describe('step tree', () => {
  it('reads nested actions out of config and writes them back unchanged', () => {
    const doc = fromDefinition(budgetWorkflow, blocksOf);
    expect(doc.steps[1].blocks.then_actions).toHaveLength(2);
    expect(doc.steps[1].config).not.toHaveProperty('then_actions');
    const def = toDefinition(doc);
    expect(def.steps).toEqual(budgetWorkflow.steps);
  });

  it('gives each step the API step key and the definition path of validation errors', () => {
    const doc = fromDefinition(budgetWorkflow, blocksOf);
    expect(flatten(doc.steps).map((i) => [i.key, i.path])).toEqual([
      ['1', 'steps[0]'],
      ['2', 'steps[1]'],
      ['2.then.1', 'steps[1].config.then_actions[0]'],
      ['2.then.2', 'steps[1].config.then_actions[1]'],
    ]);
  });

  it('renumbers top-level steps by their order', () => {
    const doc = fromDefinition(budgetWorkflow, blocksOf);
    const moved = { ...doc, steps: [doc.steps[1], doc.steps[0]] };
    expect(toDefinition(moved).steps.map((s) => [s.step_number, s.action_type])).toEqual([
      [1, 'control.condition'], [2, 'http.request'],
    ]);
  });

  it('moves a step from the top level into a branch by drag and drop', () => {
    const doc = fromDefinition(budgetWorkflow, blocksOf);
    const http = doc.steps[0];
    const steps = relocateStep(doc.steps, http.uid, { parentUid: doc.steps[1].uid, block: 'else_actions' }, 0);
    expect(steps).toHaveLength(1);
    expect(findInfo(steps, http.uid)?.key).toBe('1.else.1');
  });

  it('refuses to move a control step into its own branch', () => {
    const doc = fromDefinition(budgetWorkflow, blocksOf);
    const control = doc.steps[1];
    expect(relocateStep(doc.steps, control.uid, { parentUid: control.uid, block: 'else_actions' }, 0)).toBe(doc.steps);
  });

  it('moves a step down within its list', () => {
    const doc = fromDefinition(budgetWorkflow, blocksOf);
    const steps = relocateStep(doc.steps, doc.steps[0].uid, TOP, 2);
    expect(steps.map((s) => s.action_type)).toEqual(['control.condition', 'http.request']);
  });

  it('clones a step with its nested actions under fresh uids', () => {
    const doc = fromDefinition(budgetWorkflow, blocksOf);
    const copy = cloneStep(doc.steps[1]);
    expect(copy.uid).not.toBe(doc.steps[1].uid);
    expect(copy.blocks.then_actions[0].uid).not.toBe(doc.steps[1].blocks.then_actions[0].uid);
    expect(copy.blocks.then_actions[0].config).toEqual({ template_id: 'budget_alert' });
  });
});
