import type { StepResult } from '../api/types';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogueFixture, triggersFixture, type ApiRoutes } from '../test/fixtures';
import { renderRouted } from '../test/renderRouted';
import { FakeEventSource } from '../test/eventSource';
import { ExecutionDetailPage } from './ExecutionDetailPage';
import { stepLabel, upsertStep } from './executionState';

const workflow = {
  id: 'wf-9', version: 1, is_active: true, deployed: true, name: 'Wait then mail', description: '',
  trigger: { type: 'manual', config: {} },
  steps: [
    { step_number: 1, action_type: 'control.wait', config: { seconds: 10 } },
    { step_number: 2, action_type: 'email.send', config: { subject: 'done' }, condition: { field: 'x', operator: 'equals', value: 1 } },
    { step_number: 3, action_type: 'http.request', config: { url: 'https://example.org' } },
  ],
};

const summary = (status: string, extra: Record<string, unknown> = {}) => ({
  id: 'ex-1', workflow_id: 'wf-9', workflow_name: 'Wait then mail', workflow_version: 1, status,
  started_at: '2025-03-05T10:00:00Z', completed_at: null, duration_ms: null, error_message: null,
  trigger_data: { order: 42 }, execution_data: null, ...extra,
});

const step = (key: string, status: string, extra: Record<string, unknown> = {}): StepResult => ({
  step_key: key, step_number: Number(key), action_type: key === '1' ? 'control.wait' : key === '2' ? 'email.send' : 'http.request',
  status, attempt: 1, iteration: null, input: {}, output: null, error: null, started_at: `2025-03-05T10:00:0${key}Z`,
  completed_at: status === 'running' || status === 'waiting' ? null : `2025-03-05T10:00:0${key}Z`, duration_ms: 0, ...extra,
});

function renderView(detail: unknown, role = 'editor', routes: ApiRoutes = {}) {
  return renderRouted('/executions/ex-1', {
    'GET /api/executions/ex-1': () => ({ body: detail }),
    'GET /api/workflows/wf-9': () => ({ body: workflow }),
    'GET /api/actions': () => ({ body: catalogueFixture }),
    'GET /api/triggers': () => ({ body: triggersFixture }),
    'GET /api/auth/me': () => ({ body: { username: 'eve', role } }),
    ...routes,
  }, (
    <Routes>
      <Route path="/executions/:id" element={<ExecutionDetailPage />} />
      <Route path="/workflows/:id" element={<div data-testid="editor-stand-in">editor</div>} />
    </Routes>
  ));
}

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
});
afterEach(() => vi.unstubAllGlobals());

describe('the execution view', () => {
  it('shows a running execution whose wait is held in memory as waiting until the wait ends', async () => {
    renderView({ ...summary('running'), steps: [] });
    await screen.findByTestId('step-node-1');
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    const source = FakeEventSource.latest();
    act(() => {
      source.open();
      source.emit('execution', summary('running'));
      source.emit('step', step('1', 'waiting', { output: { waiting_until: '2025-03-05T10:00:11Z' } }));
    });
    expect(screen.getByTestId('execution-status')).toHaveTextContent('waiting until');
  });

  it('draws the workflow graph and follows the live stream: waiting until T, then completed, without reloading', async () => {
    const calls = renderView({ ...summary('running'), steps: [] });
    await screen.findByTestId('step-node-1');
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    const source = FakeEventSource.latest();
    expect(source.url).toBe('./api/executions/ex-1/events');
    act(() => {
      source.open();
      source.emit('execution', summary('waiting', { resume_at: '2025-03-05T10:00:11Z' }));
      source.emit('step', step('1', 'waiting', { output: { waiting_until: '2025-03-05T10:00:11Z' } }));
    });
    expect(screen.getByTestId('execution-liveness')).toHaveTextContent('live');
    expect(screen.getByTestId('execution-status')).toHaveTextContent('waiting until');
    const waiting = screen.getByTestId('step-test-status-1');
    expect(waiting).toHaveTextContent(/^waiting until /);
    expect(waiting).not.toHaveTextContent('completed');
    expect(screen.getByTestId('step-node-1')).toHaveClass('node-run-waiting');

    act(() => {
      source.emit('step', step('1', 'completed', { duration_ms: 10000 }));
      source.emit('step', step('2', 'skipped', { error: 'condition not met' }));
      source.emit('step', step('3', 'running'));
    });
    expect(screen.getByTestId('step-test-status-1')).toHaveTextContent('completed');
    expect(screen.getByTestId('step-test-status-2')).toHaveTextContent('skipped: condition not met');
    expect(screen.getByTestId('step-node-2')).toHaveClass('node-run-skipped');
    expect(screen.getByTestId('step-node-3')).toHaveClass('node-run-running');
    expect(screen.getByTestId('timeline-step-3')).toHaveTextContent('running');
    // skipped is a note, not an error
    expect(within(screen.getByTestId('timeline-step-2')).queryByText('condition not met')).toHaveClass('note');

    act(() => {
      source.emit('step', step('3', 'completed', { output: { status: 200 } }));
      source.emit('execution', summary('completed', { completed_at: '2025-03-05T10:00:12Z', duration_ms: 12000 }));
    });
    expect(screen.getByTestId('execution-status')).toHaveTextContent('completed');
    expect(screen.getByTestId('execution-liveness')).toHaveTextContent('live');
    act(() => source.emit('end', {}));
    expect(screen.getByTestId('execution-liveness')).toHaveTextContent('ended');
    expect(source.readyState).toBe(2);
    expect(calls.filter((c) => c.path === '/api/executions/ex-1')).toHaveLength(1);
  });

  it('says how often an execution was resumed, and on which node and why each run started', async () => {
    renderView({
      ...summary('completed'), resume_count: 2, steps: [],
      runs: [
        { started_at: '2025-03-05T10:00:00Z', node: 'node-1', reason: 'accepted' },
        { started_at: '2025-03-05T10:01:00Z', node: 'node-2', reason: 'recovered after node node-1 stopped' },
        { started_at: '2025-03-05T10:02:00Z', node: 'node-2', reason: 'resumed by eve (skip step 3)' },
      ],
    });
    expect(await screen.findByTestId('execution-resumed')).toHaveTextContent('2 times');
    const runs = screen.getByTestId('execution-runs');
    expect(runs).toHaveTextContent('on node-1: accepted');
    expect(runs).toHaveTextContent('on node-2: recovered after node node-1 stopped');
    expect(runs).toHaveTextContent('on node-2: resumed by eve (skip step 3)');
  });

  it('shows a clicked step\'s attempts with input, output and error, and runs again from it', async () => {
    const calls = renderView({ ...summary('failed'), steps: [
      step('1', 'completed'),
      step('3', 'failed', { error: 'HTTP 500', attempt: 1 }),
      step('3', 'failed', { error: 'HTTP 503', attempt: 2, output: { body: 'x'.repeat(5000) } }),
    ] }, 'editor', {
      'POST /api/executions/ex-1/rerun': () => ({ status: 202, body: { execution_id: 'ex-2', status: 'pending', rerun_of: 'ex-1' } }),
      'GET /api/executions/ex-2': () => ({ body: { ...summary('pending'), id: 'ex-2', steps: [] } }),
    });
    fireEvent.click(await screen.findByTestId('step-node-3'));
    const details = screen.getByTestId('step-details-3');
    expect(within(details).getByTestId('attempt-3-0')).toHaveTextContent('HTTP 500');
    expect(within(details).getByTestId('attempt-3-1')).toHaveTextContent('HTTP 503');
    expect(within(details).getByTestId('attempt-3-1')).toHaveTextContent('attempt 2');
    expect(within(details).getByTestId('step-output-3-1')).toHaveTextContent('xxxx');
    fireEvent.click(within(details).getByTestId('rerun-from-step'));
    await waitFor(() => expect(calls.find((c) => c.path === '/api/executions/ex-1/rerun')?.body)
      .toEqual({ from_step: '3', version: 'original' }));
    await waitFor(() => expect(calls.some((c) => c.path === '/api/executions/ex-2')).toBe(true));
  });

  it('cancels a running execution, and resumes an interrupted step by retrying or skipping it', async () => {
    const calls = renderView({ ...summary('interrupted', { interrupted_step: '3' }), steps: [step('3', 'interrupted')] },
      'editor', {
        'POST /api/executions/ex-1/resume': () => ({ status: 202, body: { execution_id: 'ex-1', status: 'running' } }),
      });
    expect(await screen.findByTestId('execution-interrupted')).toHaveTextContent('Step 3 was running');
    expect(screen.queryByTestId('execution-cancel')).toBeNull();
    fireEvent.click(within(screen.getByTestId('execution-interrupted')).getByRole('button'));
    fireEvent.click(screen.getByTestId('resume-skip'));
    await waitFor(() => expect(calls.find((c) => c.path === '/api/executions/ex-1/resume')?.body)
      .toEqual({ step: '3', mode: 'skip' }));
  });

  it('offers Cancel while running and loads the trigger data into the editor through the URL', async () => {
    const calls = renderView({ ...summary('running'), steps: [] }, 'editor', {
      'POST /api/executions/ex-1/cancel': () => ({ body: { execution_id: 'ex-1', status: 'cancelled' } }),
    });
    fireEvent.click(await screen.findByTestId('execution-cancel'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/executions/ex-1/cancel')).toBe(true));
    expect(screen.getByTestId('execution-load-into-editor')).toHaveAttribute('href', '/workflows/wf-9?execution=ex-1');
  });

  it('falls back to polling when the stream is not available', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let calls = 0;
    renderView(undefined, 'editor', {
      'GET /api/executions/ex-1': () => {
        calls += 1;
        return { body: { ...summary(calls > 1 ? 'completed' : 'running'), steps: [] } };
      },
    });
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
    act(() => {
      FakeEventSource.latest().readyState = 2;
      FakeEventSource.latest().emit('error', {});
    });
    expect(screen.getByTestId('execution-liveness')).toHaveTextContent('refreshing');
    await act(async () => { await vi.advanceTimersByTimeAsync(2100); });
    expect(screen.getByTestId('execution-status')).toHaveTextContent('completed');
    vi.useRealTimers();
  });
});

describe('execution state', () => {
  it('keeps one row per step, iteration and attempt, in start order', () => {
    const rows = upsertStep(upsertStep([], step('2', 'running')), step('1', 'completed'));
    expect(rows.map((r) => r.step_key)).toEqual(['1', '2']);
    expect(upsertStep(rows, step('2', 'completed')).map((r) => r.status)).toEqual(['completed', 'completed']);
    expect(upsertStep(rows, { ...step('2', 'running'), iteration: '1' })).toHaveLength(3);
  });

  it('says what a status means', () => {
    expect(stepLabel(step('2', 'skipped'))).toBe('skipped: condition not met');
    expect(stepLabel(step('3', 'failed', { attempt: 3 }))).toBe('failed (attempt 3)');
    expect(stepLabel(step('1', 'waiting'))).toBe('waiting');
  });
});
