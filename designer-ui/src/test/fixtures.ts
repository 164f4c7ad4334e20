/** Test data shaped like the API's answers (docs/api.md). */
import { vi } from 'vitest';
import type { ActionCatalogue, OperatorInfo, StepResult, TriggerInfo, Workflow } from '../api/types';

/** A step's result as the server answers it (every field present), with the fields a test cares about. */
export function stepResult(fields: Pick<StepResult, 'step_key' | 'step_number' | 'action_type' | 'status'>
  & Partial<StepResult>): StepResult {
  return { attempt: 1, iteration: null, input: null, output: null, error: null, started_at: null, completed_at: null,
    duration_ms: null, ...fields };
}

/** A condition as action schemas describe it (TriggerType.ConditionConfig). */
const conditionItem = {
  type: 'object', required: ['field', 'operator'], additionalProperties: false,
  properties: { field: { type: 'string' }, operator: { type: 'string' }, value: {} },
};

export const operatorsFixture: OperatorInfo[] = [
  { id: 'equals', value: 'one' }, { id: 'not_equals', value: 'one' }, { id: 'greater_than', value: 'one' },
  { id: 'greater_than_or_equals', value: 'one' }, { id: 'less_than', value: 'one' },
  { id: 'less_than_or_equals', value: 'one' }, { id: 'contains', value: 'one' }, { id: 'not_contains', value: 'one' },
  { id: 'in', value: 'list' }, { id: 'not_in', value: 'list' }, { id: 'exists', value: 'none' },
  { id: 'not_exists', value: 'none' },
];

export const catalogueFixture: ActionCatalogue = {
  categories: [
    {
      category: 'http',
      actions: [{
        type: 'http.request', aliases: [], category: 'http', display_name: 'HTTP Request', icon: '🌐',
        description: 'Call an HTTP endpoint',
        schema: {
          type: 'object', required: ['url'],
          properties: {
            method: { type: 'string', enum: ['GET', 'POST'], default: 'GET', description: 'HTTP method (default GET)' },
            url: { type: 'string', description: 'Absolute http or https URL' },
            headers: { type: 'object', additionalProperties: { type: 'string' }, description: 'Request headers' },
            timeout_seconds: { type: 'integer', default: 30, description: 'Seconds to wait for the answer' },
            fail_on_error: { type: 'boolean', default: true, description: 'Whether a 4xx or 5xx answer fails the step' },
          },
        },
      }],
    },
    {
      category: 'email',
      actions: [
        {
          type: 'email.send', aliases: [], category: 'email', display_name: 'Send Email', icon: '📧',
          description: 'Send an email',
          schema: { type: 'object', properties: { to: { type: 'array', items: { type: 'string' } }, subject: { type: 'string' },
            attachments: { type: 'array', items: { type: 'string' } } } },
        },
        {
          type: 'email.send_template', aliases: [], category: 'email', display_name: 'Send Template Email', icon: '📨',
          description: 'Send a templated email',
          schema: { type: 'object', properties: { template_id: { type: 'string' } } },
        },
      ],
    },
    {
      category: 'control',
      actions: [
        {
          type: 'control.condition', aliases: [], category: 'control', display_name: 'If / Then', icon: '❓',
          description: 'Branch on conditions', nested_blocks: ['then_actions', 'else_actions'],
          schema: {
            type: 'object', required: ['conditions'],
            $defs: { ConditionConfig: conditionItem },
            properties: {
              conditions: { type: 'array', description: 'All must hold for the then branch',
                items: { $ref: '#/$defs/ConditionConfig' } },
              then_actions: { type: 'array' }, else_actions: { type: 'array' },
            },
          },
        },
        {
          type: 'control.loop', aliases: [], category: 'control', display_name: 'For Each', icon: '🔁',
          description: 'Repeat for each item', nested_blocks: ['loop_actions'],
          schema: { type: 'object', properties: { items_field: { type: 'string' }, loop_actions: { type: 'array' } } },
        },
      ],
    },
  ],
};

export const triggersFixture: TriggerInfo[] = [
  { type: 'webhook', schema: { type: 'object', properties: { webhook_id: { type: 'string' } } } },
  {
    type: 'schedule',
    schema: {
      type: 'object', required: ['cron_expression'],
      properties: { cron_expression: { type: 'string', title: 'Cron expression' }, timezone: { type: 'string', title: 'Time zone' } },
    },
  },
  { type: 'manual', schema: { type: 'object', properties: {} } },
];

export const budgetWorkflow: Workflow = {
  id: 'wf-1', version: 3, is_active: true, shared: false, deployed: false, deployed_version: null, deployed_at: null,
  webhook_url: null, webhook_secret_set: false, created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-02T00:00:00Z',
  name: 'Budget Overspend Alert', description: 'Alert when project exceeds budget threshold',
  trigger: { type: 'manual', config: {} },
  steps: [
    { step_number: 1, action_type: 'http.request', config: { url: 'https://example.org/budget' } },
    {
      step_number: 2, action_type: 'control.condition',
      config: {
        conditions: [{ field: 'step_1.budget_utilization', operator: 'greater_than', value: 90 }],
        then_actions: [
          { action_type: 'email.send_template', config: { template_id: 'budget_alert' } },
          { action_type: 'email.send', config: { subject: 'Over budget' } },
        ],
        else_actions: [],
      },
    },
  ],
};

/** A fetch stub answering by "METHOD path" (path without the leading "."), recording the calls. */
export function fetchStub(routes: Record<string, (body: unknown) => { status?: number; body?: unknown }>) {
  const calls: { method: string; path: string; body: unknown; headers: Record<string, string> }[] = [];
  const stub = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input).replace(/^\./, '');
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path: url, body, headers: (init?.headers ?? {}) as Record<string, string> });
    const key = Object.keys(routes).find((k) => k === `${method} ${url}` || k === `${method} ${url.split('?')[0]}`);
    if (!key) return new Response(JSON.stringify({ title: 'Not found', status: 404 }), { status: 404 });
    const answer = routes[key](body);
    const status = answer.status ?? 200;
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body),
      { status, headers: { 'Content-Type': type } });
  };
  return { stub, calls };
}

/** What fetchStub answers: a handler for each "METHOD /path". */
export type ApiRoutes = Parameters<typeof fetchStub>[0];

/** Stubs the global fetch with `routes` (see fetchStub) for the test; returns the calls it receives, in order. */
export function stubApi(routes: ApiRoutes) {
  const { stub, calls } = fetchStub(routes);
  vi.stubGlobal('fetch', vi.fn(stub));
  return calls;
}
