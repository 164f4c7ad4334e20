import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { budgetWorkflow } from '../test/fixtures';
import { renderEditor } from '../test/renderEditor';

const key = (k: string, options: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(window, { key: k, ...options });

afterEach(() => vi.unstubAllGlobals());

describe('workflow editor', () => {
  it('opens a saved workflow with its steps and branches on the canvas', async () => {
    renderEditor('/workflows/wf-1');
    expect(await screen.findByTestId('step-node-2.then.2')).toBeInTheDocument();
    expect(screen.getByTestId('workflow-name')).toHaveValue('Budget Overspend Alert');
    expect(screen.getByTestId('status-line')).toHaveTextContent('Version 3 · saved · not deployed');
  });

  it('shows the config form of the selected step, generated from its schema', async () => {
    renderEditor('/workflows/wf-1');
    fireEvent.click(await screen.findByTestId('step-node-1'));
    const panel = screen.getByTestId('step-panel');
    expect(within(panel).getByText('Step 1: HTTP Request')).toBeInTheDocument();
    const url = within(panel).getByDisplayValue('https://example.org/budget');
    fireEvent.change(url, { target: { value: 'https://example.org/v2' } });
    expect(screen.getByTestId('status-line')).toHaveTextContent('unsaved changes');
  });

  it('shows validation errors from the API on the field and as a badge on the step', async () => {
    const calls = renderEditor('/workflows/wf-1', {
      'PUT /api/workflows/wf-1': () => ({
        status: 422,
        body: { title: 'Invalid workflow definition', status: 422, detail: '2 errors', errors: [
          { path: 'steps[0].config.url', code: 'required', message: 'url is required' },
          { path: 'steps[1].config.then_actions[1].timeout_seconds', code: 'range', message: 'timeout_seconds must be between 1 and 86400' },
        ] },
      }),
    });
    await screen.findByTestId('step-node-1');
    fireEvent.click(screen.getByTestId('save-button'));
    expect(await screen.findByTestId('step-error-badge-1')).toHaveTextContent('1');
    expect(screen.getByTestId('step-error-badge-2.then.2')).toHaveTextContent('1');
    expect(screen.getByTestId('status-line')).toHaveTextContent('Save failed: 2 problems');
    expect(screen.getByTestId('toast-error')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('step-node-1'));
    expect(screen.getByTestId('field-error-config.url')).toHaveTextContent('url is required');
    fireEvent.click(screen.getByTestId('step-node-2.then.2'));
    expect(screen.getByTestId('field-error-timeout_seconds')).toHaveTextContent('between 1 and 86400');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect((put.body as { steps: unknown[] }).steps).toHaveLength(2);
  });

  it('adds an action from the palette after the selected step, and undoes and redoes it with the keyboard', async () => {
    renderEditor('/workflows/wf-1');
    fireEvent.click(await screen.findByTestId('step-node-1'));
    fireEvent.click(screen.getByTestId('palette-email.send'));
    expect(screen.getByTestId('step-node-2')).toHaveTextContent('Send Email');
    expect(screen.getByTestId('step-node-3')).toHaveTextContent('If / Then');
    key('z', { ctrlKey: true });
    expect(screen.getByTestId('step-node-2')).toHaveTextContent('If / Then');
    expect(screen.queryByTestId('step-node-3')).not.toBeInTheDocument();
    key('Z', { ctrlKey: true, shiftKey: true });
    expect(screen.getByTestId('step-node-2')).toHaveTextContent('Send Email');
  });

  it('adds an action into an empty else branch', async () => {
    renderEditor('/workflows/wf-1');
    fireEvent.click(await screen.findByTestId('branch-2-else'));
    fireEvent.click(screen.getByTestId('palette-http.request'));
    expect(screen.getByTestId('step-node-2.else.1')).toHaveTextContent('HTTP Request');
    expect(screen.queryByTestId('branch-2-else')).not.toBeInTheDocument();
  });

  it('copies, pastes and deletes steps with the keyboard', async () => {
    renderEditor('/workflows/wf-1');
    fireEvent.click(await screen.findByTestId('step-node-1'));
    key('c', { ctrlKey: true });
    key('v', { ctrlKey: true });
    expect(screen.getByTestId('step-node-2')).toHaveTextContent('HTTP Request');
    expect(screen.getByTestId('step-node-3')).toHaveTextContent('If / Then');
    key('Delete');
    expect(screen.getByTestId('step-node-2')).toHaveTextContent('If / Then');
    expect(screen.queryByTestId('step-node-3')).not.toBeInTheDocument();
  });

  it('runs a test with the sample data and shows each step result beside the canvas', async () => {
    const calls = renderEditor('/workflows/wf-1', {
      'POST /api/workflows/test': () => ({ body: {
        status: 'failed', error: 'step 2.then.1 failed', context: {},
        steps: [
          { step_key: '1', step_number: 1, action_type: 'http.request', status: 'completed', attempt: 1,
            input: { url: 'https://example.org/budget' }, output: { budget_utilization: 95 }, duration_ms: 12 },
          { step_key: '2.then.1', step_number: 2, action_type: 'email.send_template', status: 'failed', attempt: 3,
            input: { template_id: 'budget_alert' }, output: null, error: 'SMTP refused', duration_ms: 40 },
        ],
      } }),
    });
    await screen.findByTestId('step-node-1');
    fireEvent.click(screen.getByTestId('tab-test'));
    fireEvent.change(screen.getByTestId('test-data'), { target: { value: '{"project_id": "p-7"}' } });
    fireEvent.click(screen.getByTestId('test-button'));
    expect(await screen.findByTestId('test-result-status')).toHaveTextContent('failed');
    expect(screen.getByTestId('test-step-1')).toHaveTextContent('"budget_utilization": 95');
    expect(screen.getByTestId('test-step-2.then.1')).toHaveTextContent('SMTP refused');
    expect(screen.getByTestId('test-step-2.then.1')).toHaveTextContent('3 attempts');
    expect(screen.getByTestId('step-test-status-2.then.1')).toHaveTextContent('failed');
    const request = calls.find((c) => c.path === '/api/workflows/test')!;
    expect(request.body).toMatchObject({ test_data: { project_id: 'p-7' }, workflow_id: 'wf-1',
      workflow: { name: 'Budget Overspend Alert' }, pinned: {}, stop_after: null });
  });

  it('refuses to run a test with sample data that is not JSON', async () => {
    renderEditor('/workflows/wf-1');
    await screen.findByTestId('step-node-1');
    fireEvent.click(screen.getByTestId('tab-test'));
    fireEvent.change(screen.getByTestId('test-data'), { target: { value: '{"oops": ' } });
    expect(screen.getByTestId('test-data-error')).toHaveTextContent('not valid JSON');
    expect(screen.getByTestId('test-run')).toBeDisabled();
  });

  it('creates a new workflow on first save, then deploys it', async () => {
    const created = { ...budgetWorkflow, id: 'wf-9', version: 1, name: 'Hello', steps: [] };
    const calls = renderEditor('/workflows/new', {
      'POST /api/workflows': () => ({ status: 201, body: created }),
      'POST /api/workflows/wf-9/deploy': () => ({ body: { ...created, deployed: true, deployed_version: 1 } }),
    });
    await screen.findByTestId('palette-http.request');
    fireEvent.change(screen.getByTestId('workflow-name'), { target: { value: 'Hello' } });
    fireEvent.click(screen.getByTestId('palette-http.request'));
    fireEvent.click(screen.getByTestId('save-button'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/workflows/wf-9'));
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/workflows')?.body).toMatchObject({
      name: 'Hello', steps: [{ step_number: 1, action_type: 'http.request', config: {} }],
    });
    fireEvent.click(screen.getByTestId('deploy-button'));
    await waitFor(() => expect(screen.getByTestId('status-line')).toHaveTextContent('Deployed version 1'));
    expect(screen.getByTestId('undeploy-button')).toBeInTheDocument();
  });

  it('previews the next runs of a schedule trigger with the server', async () => {
    const calls = renderEditor('/workflows/wf-1', {
      'POST /api/schedules/preview': () => ({ body: { timezone: 'Australia/Sydney', next: [
        '2026-12-07T09:00:00+11:00', '2026-12-14T09:00:00+11:00', '2026-12-21T09:00:00+11:00',
        '2026-12-28T09:00:00+11:00', '2027-01-04T09:00:00+11:00'] } }),
    });
    await screen.findByTestId('step-node-1');
    fireEvent.click(screen.getByTestId('tab-trigger'));
    fireEvent.change(screen.getByTestId('trigger-type'), { target: { value: 'schedule' } });
    const cron = await screen.findByLabelText(/Cron expression/);
    await act(async () => { fireEvent.change(cron, { target: { value: '0 9 * * MON' } }); });
    fireEvent.change(screen.getByLabelText(/Time zone/), { target: { value: 'Australia/Sydney' } });
    const runs = await screen.findAllByTestId('cron-run-zone');
    expect(runs).toHaveLength(5);
    runs.forEach((run) => expect(run).toHaveTextContent(/^Mon, .* 09:00$/));
    expect(calls.filter((c) => c.path === '/api/schedules/preview').at(-1)?.body)
      .toEqual({ cron_expression: '0 9 * * MON', timezone: 'Australia/Sydney' });
  });

  it('adds the next palette action at the end of the workflow after adding one into a branch', async () => {
    renderEditor('/workflows/wf-1');
    fireEvent.click(await screen.findByTestId('branch-2-else'));
    fireEvent.click(screen.getByTestId('palette-http.request'));
    expect(screen.getByTestId('step-node-2.else.1')).toBeInTheDocument();
    expect(screen.getByTestId('palette-target')).toHaveTextContent('at the end of the workflow');
    fireEvent.click(screen.getByTestId('palette-email.send'));
    expect(screen.getByTestId('step-node-3')).toHaveTextContent('Send Email');
    expect(screen.queryByTestId('step-node-2.else.2')).not.toBeInTheDocument();
  });

  it('takes an error away as soon as its field is changed', async () => {
    renderEditor('/workflows/wf-1', {
      'PUT /api/workflows/wf-1': () => ({ status: 422, body: { title: 'Invalid', status: 422, errors: [
        { path: 'steps[0].config.url', code: 'invalid', message: 'url must be an absolute http or https URL' },
        { path: 'steps[0].timeout_seconds', code: 'range', message: 'timeout_seconds must be between 1 and 86400' },
      ] } }),
    });
    fireEvent.click(await screen.findByTestId('step-node-1'));
    fireEvent.click(screen.getByTestId('save-button'));
    expect(await screen.findByTestId('field-error-config.url')).toBeInTheDocument();
    expect(screen.getByTestId('step-error-badge-1')).toHaveTextContent('2');
    fireEvent.change(screen.getByDisplayValue('https://example.org/budget'), { target: { value: 'https://example.org/b' } });
    expect(screen.queryByTestId('field-error-config.url')).not.toBeInTheDocument();
    expect(screen.getByTestId('field-error-timeout_seconds')).toBeInTheDocument();
    expect(screen.getByTestId('step-error-badge-1')).toHaveTextContent('1');
  });

  it('keeps a step\'s name and notes and the workflow\'s tags through save', async () => {
    const calls = renderEditor('/workflows/wf-1', {
      'PUT /api/workflows/wf-1': (body) => ({ body: { ...budgetWorkflow, ...(body as object), version: 4 } }),
    });
    fireEvent.click(await screen.findByTestId('step-node-1'));
    fireEvent.change(screen.getByTestId('step-name'), { target: { value: 'Fetch budget' } });
    fireEvent.change(screen.getByTestId('step-notes'), { target: { value: 'From the finance API' } });
    expect(screen.getByTestId('step-node-1')).toHaveTextContent('Fetch budget');
    expect(screen.getByTestId('step-notes-1')).toHaveTextContent('From the finance API');
    fireEvent.change(screen.getByTestId('tag-input'), { target: { value: 'finance' } });
    fireEvent.keyDown(screen.getByTestId('tag-input'), { key: 'Enter' });
    fireEvent.click(screen.getByTestId('save-button'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({
      tags: ['finance'], steps: [{ name: 'Fetch budget', notes: 'From the finance API' }, {}],
    });
  });
});
