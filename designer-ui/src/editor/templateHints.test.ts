import { describe, expect, it } from 'vitest';
import { budgetWorkflow, stepResult } from '../test/fixtures';
import { fromDefinition } from './model';
import { pathsOf, templateHints } from './templateHints';

const blocksOf = (type: string) => (type === 'control.condition' ? ['then_actions', 'else_actions'] : []);

describe('template hints', () => {
  const doc = fromDefinition(budgetWorkflow, blocksOf);

  it('lists the fields of the sample trigger data as the execution context holds them', () => {
    const sample = { event_data: { project_id: 'p1', owner: { email: 'a@b.c' } } };
    const [trigger] = templateHints(doc.steps, null, 'event', sample, null);
    expect(trigger.paths).toEqual(['trigger_data', 'trigger_data.project_id', 'trigger_data.owner',
      'trigger_data.owner.email', 'event_data', 'event_data.project_id', 'event_data.owner', 'event_data.owner.email']);
  });

  it('names where the trigger puts its data while there is no sample yet, and what every execution has', () => {
    const hints = templateHints(doc.steps, null, 'webhook', {}, null);
    expect(hints[0].paths).toEqual(['trigger_data', 'webhook_data']);
    expect(templateHints(doc.steps, null, 'schedule', {}, null)[0].paths)
      .toEqual(['trigger_data', 'trigger.scheduled_time']);
    expect(templateHints(doc.steps, null, 'manual', {}, null)[0].paths).toEqual(['trigger_data']);
    expect(hints[1].paths).toContain('execution.id');
    expect(hints[1].paths).toContain('date.today');
  });

  it('offers the fields of pinned outputs for earlier steps', () => {
    const hints = templateHints(doc.steps, doc.steps[1].uid, 'manual', {}, null, new Map([['1', { total: 3 }]]));
    expect(hints.find((h) => h.label === 'Earlier steps')?.paths).toEqual(['step_1', 'step_1.total']);
  });

  it('offers earlier steps only, with their output fields from the last test run', () => {
    const last = { status: 'completed', error: null, execution_id: null, context: {}, steps: [
      { ...stepResult({ step_key: '1', step_number: 1, action_type: 'http.request', status: 'completed',
        output: { status: 200, body: { budget_utilization: 95 } } }), started_at: '2025-01-01T00:00:00Z' },
    ] };
    const hints = templateHints(doc.steps, doc.steps[1].uid, 'manual', {}, last);
    expect(hints.find((h) => h.label === 'Earlier steps')?.paths)
      .toEqual(['step_1', 'step_1.status', 'step_1.body', 'step_1.body.budget_utilization']);
    expect(templateHints(doc.steps, doc.steps[0].uid, 'manual', {}, last).find((h) => h.label === 'Earlier steps'))
      .toBeUndefined();
  });

  it('lets a nested action use its enclosing control step', () => {
    const nested = doc.steps[1].blocks.then_actions[0];
    const hints = templateHints(doc.steps, nested.uid, 'manual', {}, null);
    expect(hints.find((h) => h.label === 'Earlier steps')?.paths).toEqual(['step_1', 'step_2']);
  });

  it('prefers the trigger data of the last test run context', () => {
    const last = { status: 'completed', error: null, execution_id: null, steps: [],
      context: { webhook_data: { email: 'x' }, step_1: {}, execution: { id: 'e' } } };
    expect(templateHints(doc.steps, null, 'webhook', {}, last)[0].paths)
      .toEqual(['trigger_data', 'trigger_data.email', 'webhook_data', 'webhook_data.email']);
  });

  it('offers the fields of a manual run at trigger_data, where every trigger puts its data', () => {
    expect(templateHints(doc.steps, null, 'manual', { order: { id: 7 } }, null)[0].paths)
      .toEqual(['trigger_data', 'trigger_data.order', 'trigger_data.order.id', 'order', 'order.id']);
  });

  it('shows array items by index', () => {
    expect(pathsOf({ items: [{ id: 1 }] }, 'step_1')).toEqual(['step_1', 'step_1.items', 'step_1.items[0]', 'step_1.items[0].id']);
  });
});
