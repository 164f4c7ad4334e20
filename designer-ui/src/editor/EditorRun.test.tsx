import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepResult } from '../api/types';
import { budgetWorkflow, stepResult } from '../test/fixtures';
import { renderEditor } from '../test/renderEditor';

afterEach(() => vi.unstubAllGlobals());

const step = (key: string, output: unknown, status = 'completed'): StepResult =>
  stepResult({ step_key: key, step_number: Number(key.split('.')[0]), action_type: 'x', status, output, input: {} });

const testAnswer = { status: 'completed', error: null, context: { step_1: { budget_utilization: 95 } },
  steps: [step('1', { budget_utilization: 95 }), step('2', { condition_met: true, branch: 'then' }),
    step('2.then.1', { sent: true })] };

/** An execution of wf-1 as GET /api/executions/{id} answers. */
const execution = (id: string, status: string, steps: StepResult[], triggerData: unknown = { project_id: 'p-1' }) => ({
  id, workflow_id: 'wf-1', workflow_name: 'Budget', workflow_version: 3, status, started_at: '2026-01-01T00:00:00Z',
  completed_at: null, duration_ms: null, error_message: null, trigger_data: triggerData, execution_data: {}, steps,
});

describe('running and testing from the editor', () => {
  it('runs a manual workflow: deploys this version, starts it and shows the execution live', async () => {
    let polls = 0;
    const calls = renderEditor('/workflows/wf-1', {
      'POST /api/workflows/wf-1/deploy': () => ({ body: { ...budgetWorkflow, deployed: true, deployed_version: 3 } }),
      'POST /api/workflows/wf-1/execute': () => ({ status: 202, body: { execution_id: 'ex-1', status: 'pending' } }),
      'GET /api/executions/ex-1': () => {
        polls += 1;
        return { body: polls === 1 ? execution('ex-1', 'running', [step('1', null, 'running')])
          : execution('ex-1', 'completed', [step('1', { budget_utilization: 50 })]) };
      },
    });
    await screen.findByTestId('step-node-1');
    fireEvent.click(screen.getByTestId('tab-test'));
    fireEvent.change(screen.getByTestId('test-data'), { target: { value: '{"project_id": "p-1"}' } });
    fireEvent.click(screen.getByTestId('run-button'));
    expect(await screen.findByTestId('step-test-status-1')).toHaveTextContent('running');
    await waitFor(() => expect(screen.getByTestId('step-test-status-1')).toHaveTextContent('completed'));
    expect(screen.getByTestId('test-result-status')).toHaveTextContent('completed');
    expect(screen.getByTestId('open-execution')).toHaveAttribute('href', '/executions/ex-1');
    expect(calls.find((c) => c.path === '/api/workflows/wf-1/execute')?.body).toEqual({ project_id: 'p-1' });
    expect(calls.findIndex((c) => c.path.endsWith('/deploy'))).toBeLessThan(calls.findIndex((c) => c.path.endsWith('/execute')));
  });

  it('asks before deploying a workflow whose trigger would go live, and starts nothing when refused', async () => {
    const calls = renderEditor('/workflows/wf-1', {
      'GET /api/workflows/wf-1': () => ({ body: { ...budgetWorkflow, trigger: { type: 'webhook', config: {} } } }),
    });
    await screen.findByTestId('step-node-1');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.click(screen.getByTestId('run-button'));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('webhook trigger goes live'));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    confirm.mockRestore();
  });

  it('tests one step with the outputs of the steps before it pinned, and stops after it', async () => {
    const calls = renderEditor('/workflows/wf-1', {
      'POST /api/workflows/test': () => ({ body: testAnswer }),
    });
    await screen.findByTestId('step-node-1');
    fireEvent.click(screen.getByTestId('test-button'));
    await screen.findByTestId('test-step-2.then.1');
    fireEvent.click(screen.getByTestId('step-node-2.then.2'));
    fireEvent.click(screen.getByTestId('test-step-button'));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/workflows/test')).toHaveLength(2));
    expect(calls.filter((c) => c.path === '/api/workflows/test')[1].body).toMatchObject({
      stop_after: '2.then.2', pinned: { 1: { budget_utilization: 95 }, '2.then.1': { sent: true } },
    });
    expect((calls.filter((c) => c.path === '/api/workflows/test')[1].body as { pinned: object }).pinned).not.toHaveProperty('2');

    // the buttons are disabled while a test runs: wait until the first one has ended
    await waitFor(() => expect(screen.getByTestId('run-up-to-button')).toBeEnabled());
    fireEvent.click(screen.getByTestId('run-up-to-button'));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/workflows/test')).toHaveLength(3));
    expect(calls.filter((c) => c.path === '/api/workflows/test')[2].body).toMatchObject({ stop_after: '2.then.2', pinned: {} });
  });

  it('pins a step\'s output from a test, keeps the pin in this browser, and sends it with later tests', async () => {
    const calls = renderEditor('/workflows/wf-1', {
      'POST /api/workflows/test': () => ({ body: testAnswer }),
    });
    await screen.findByTestId('step-node-1');
    fireEvent.click(screen.getByTestId('test-button'));
    fireEvent.click(within(await screen.findByTestId('test-step-1')).getByTestId('pin-1'));
    expect(screen.getByTestId('step-pinned-1')).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('placemat.pins.wf-1')!)).toEqual({ 1: { budget_utilization: 95 } });
    fireEvent.click(screen.getByTestId('test-run'));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/workflows/test')).toHaveLength(2));
    expect(calls.filter((c) => c.path === '/api/workflows/test')[1].body).toMatchObject({
      pinned: { 1: { budget_utilization: 95 } }, stop_after: null });
    fireEvent.click(screen.getByTestId('step-node-1'));
    expect(screen.getByTestId('pinned-output')).toHaveTextContent('"budget_utilization": 95');
    fireEvent.click(screen.getByTestId('unpin-button'));
    expect(screen.queryByTestId('step-pinned-1')).not.toBeInTheDocument();
    expect(localStorage.getItem('placemat.pins.wf-1')).toBeNull();
  });

  it('loads an execution\'s data into the editor from the monitor\'s link: its trigger data and outputs to pin', async () => {
    localStorage.setItem('placemat.sample.wf-1', '{"project_id": "kept"}');
    renderEditor('/workflows/wf-1?execution=ex-7', {
      'GET /api/executions/ex-7': () => ({ body: execution('ex-7', 'completed',
        [step('1', { budget_utilization: 97 })], { project_id: 'p-7' }) }),
    });
    expect(await screen.findByTestId('run-result')).toHaveTextContent('Execution ex-7');
    await waitFor(() => expect(JSON.parse((screen.getByTestId('test-data') as HTMLTextAreaElement).value))
      .toEqual({ project_id: 'p-7' }));
    await screen.findByTestId('step-node-1');
    fireEvent.click(screen.getByTestId('pin-1'));
    expect(screen.getByTestId('step-pinned-1')).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem('placemat.pins.wf-1')!)).toEqual({ 1: { budget_utilization: 97 } });
  });

  it('shows a past execution chosen in the test panel, to pin its outputs', async () => {
    renderEditor('/workflows/wf-1', {
      'GET /api/executions': () => ({ body: { items: [execution('ex-8', 'completed', [])], total: 1, total_exact: true, limit: 10, offset: 0 } }),
      'GET /api/executions/ex-8': () => ({ body: execution('ex-8', 'completed', [step('1', { budget_utilization: 12 })]) }),
    });
    await screen.findByTestId('step-node-1');
    fireEvent.click(screen.getByTestId('tab-test'));
    fireEvent.change(await screen.findByTestId('past-executions'), { target: { value: 'ex-8' } });
    fireEvent.click(await screen.findByTestId('pin-1'));
    expect(JSON.parse(localStorage.getItem('placemat.pins.wf-1')!)).toEqual({ 1: { budget_utilization: 12 } });
    fireEvent.click(screen.getByTestId('use-trigger-data'));
    expect(JSON.parse((screen.getByTestId('test-data') as HTMLTextAreaElement).value)).toEqual({ project_id: 'p-1' });
  });

  it('opens with the pins this browser kept for the workflow', async () => {
    localStorage.setItem('placemat.pins.wf-1', JSON.stringify({ '2.then.1': { sent: false } }));
    renderEditor('/workflows/wf-1');
    expect(await screen.findByTestId('step-pinned-2.then.1')).toBeInTheDocument();
  });

  it('lists why a test of an invalid workflow cannot run in the test panel, with a way to the step', async () => {
    renderEditor('/workflows/wf-1', {
      'POST /api/workflows/test': () => ({ status: 422, body: { title: 'Invalid workflow definition', status: 422,
        errors: [{ path: 'steps[1].config.conditions[0].value', code: 'required', message: 'value is required for the operator greater_than' },
          { path: 'name', code: 'required', message: 'name must not be blank' }] } }),
    });
    await screen.findByTestId('step-node-1');
    fireEvent.click(screen.getByTestId('test-button'));
    const problems = await screen.findByTestId('test-problems');
    expect(problems).toHaveTextContent('Step 2');
    expect(problems).toHaveTextContent('value is required for the operator greater_than');
    expect(problems).toHaveTextContent('name must not be blank');
    fireEvent.click(within(problems).getByRole('button', { name: 'Step 2' }));
    expect(screen.getByTestId('step-panel')).toHaveTextContent('Step 2');
  });
});
