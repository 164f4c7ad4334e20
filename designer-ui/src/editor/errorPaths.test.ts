import { describe, expect, it } from 'vitest';
import { budgetWorkflow } from '../test/fixtures';
import { joinPath, mapErrors, splitPath, toErrorSchema } from './errorPaths';
import { fromDefinition } from './model';

const blocksOf = (type: string) => (type === 'control.condition' ? ['then_actions', 'else_actions'] : []);

describe('validation error paths', () => {
  const doc = fromDefinition(budgetWorkflow, blocksOf);
  const errors = [
    { path: 'steps[0].config.url', code: 'required', message: 'url is required' },
    { path: 'steps[1].config.then_actions[1].config.subject', code: 'type', message: 'subject must be text' },
    { path: 'steps[1].condition.field', code: 'invalid_path', message: 'field must be a path' },
    { path: 'steps[1].timeout_seconds', code: 'range', message: 'timeout_seconds must be between 1 and 86400' },
    { path: 'trigger.config.cron_expression', code: 'required', message: 'cron_expression is required' },
    { path: 'name', code: 'required', message: 'name is required' },
  ];
  const map = mapErrors(errors, doc.steps);

  it('puts a step error on that step, relative to it', () => {
    expect(map.byStep.get(doc.steps[0].uid)).toEqual([expect.objectContaining({ field: 'config.url', message: 'url is required' })]);
  });

  it('gives an error inside a nested action to the nested action, not its control step', () => {
    const nested = doc.steps[1].blocks.then_actions[1];
    expect(map.byStep.get(nested.uid)?.map((e) => e.field)).toEqual(['config.subject']);
    expect(map.byStep.get(doc.steps[1].uid)?.map((e) => e.field)).toEqual(['condition.field', 'timeout_seconds']);
  });

  it('keeps trigger and workflow errors apart', () => {
    expect(map.trigger.map((e) => e.field)).toEqual(['config.cron_expression']);
    expect(map.workflow.map((e) => e.field)).toEqual(['name']);
  });

  it('does not confuse steps[1] with steps[10]', () => {
    const many = fromDefinition({ ...budgetWorkflow, steps: Array.from({ length: 11 }, (_, i) => ({
      step_number: i + 1, action_type: 'http.request', config: {} })) }, blocksOf);
    const result = mapErrors([{ path: 'steps[10].config.url', code: 'required', message: 'x' }], many.steps);
    expect([...result.byStep.keys()]).toEqual([many.steps[10].uid]);
  });

  it('builds the form error schema that shows errors on their fields', () => {
    const located = [
      { path: '', code: '', message: 'url is required', field: 'config.url' },
      { path: '', code: '', message: 'bad address', field: 'config.to[1]' },
      { path: '', code: '', message: 'not a form field', field: 'timeout_seconds' },
    ];
    expect(toErrorSchema(located, 'config')).toEqual({
      url: { __errors: ['url is required'] },
      to: { 1: { __errors: ['bad address'] } },
    });
  });

  it('splits and joins paths with indexes', () => {
    expect(splitPath('steps[1].config.to[0]')).toEqual(['steps', 1, 'config', 'to', 0]);
    expect(joinPath(['config', 'to', 0, 'x'])).toBe('config.to[0].x');
  });
});
