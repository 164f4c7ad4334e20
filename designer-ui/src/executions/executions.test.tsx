import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiRoutes } from '../test/fixtures';
import { renderRouted } from '../test/renderRouted';
import { ExecutionDetailPage } from './ExecutionDetailPage';
import { ExecutionsPage } from './ExecutionsPage';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const item = (id: string, status: string) => ({
  id, workflow_id: 'wf-1', workflow_name: 'Budget Overspend Alert', workflow_version: 3, status,
  started_at: '2025-03-05T10:00:00Z', completed_at: '2025-03-05T10:00:01Z', duration_ms: 1250,
  error_message: status === 'failed' ? 'SMTP refused' : null,
});

function renderAt(path: string, routes: ApiRoutes) {
  return renderRouted(path, routes, (
    <Routes>
      <Route path="/executions" element={<ExecutionsPage />} />
      <Route path="/executions/:id" element={<ExecutionDetailPage />} />
      <Route path="/workflows/:id" element={<div>editor</div>} />
    </Routes>
  ));
}

describe('executions monitor', () => {
  const workflows = () => ({ body: [{ id: 'wf-1', name: 'Budget Overspend Alert', trigger_type: 'event', is_active: true,
    deployed: true, version: 3, last_execution: null }] });

  it('lists executions with status, duration and error, and pages through them', async () => {
    const calls = renderAt('/executions', {
      'GET /api/workflows': workflows,
      'GET /api/executions': () => ({ body: { items: [item('e1', 'completed'), item('e2', 'failed')], total: 120, total_exact: true, limit: 50, offset: 0 } }),
    });
    const failed = await screen.findByTestId('execution-row-e2');
    expect(failed).toHaveTextContent('failed');
    expect(failed).toHaveTextContent('SMTP refused');
    expect(failed).toHaveTextContent('1.25 s');
    expect(screen.getByTestId('pager')).toHaveTextContent('1–50 of 120');
    fireEvent.click(screen.getByTestId('page-next'));
    await waitFor(() => expect(calls.some((c) => c.path.includes('offset=50'))).toBe(true));
  });

  it('shows a long history counted only in part as at least its total, and pages on', async () => {
    const calls = renderAt('/executions', {
      'GET /api/workflows': workflows,
      'GET /api/executions': () => ({ body: { items: [item('e1', 'completed')], total: 10050, total_exact: false, limit: 50, offset: 0 } }),
    });
    await screen.findByTestId('execution-row-e1');
    expect(screen.getByTestId('pager')).toHaveTextContent('1–50 of 10050+');
    fireEvent.click(screen.getByTestId('page-next'));
    await waitFor(() => expect(calls.some((c) => c.path.includes('offset=50'))).toBe(true));
  });

  it('filters by workflow and status', async () => {
    const calls = renderAt('/executions', {
      'GET /api/workflows': workflows,
      'GET /api/executions': () => ({ body: { items: [], total: 0, total_exact: true, limit: 50, offset: 0 } }),
    });
    expect(await screen.findByTestId('executions-empty')).toHaveTextContent('No executions match.');
    await screen.findByRole('option', { name: 'Budget Overspend Alert' });
    fireEvent.change(screen.getByTestId('filter-workflow'), { target: { value: 'wf-1' } });
    fireEvent.change(screen.getByTestId('filter-status'), { target: { value: 'failed' } });
    await waitFor(() => expect(calls.some((c) => c.path.includes('workflow_id=wf-1') && c.path.includes('status=failed'))).toBe(true));
  });

  it('refreshes the list every 2 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let count = 0;
    renderAt('/executions', {
      'GET /api/workflows': workflows,
      'GET /api/executions': () => {
        count += 1;
        return { body: { items: count > 1 ? [item('e9', 'running')] : [], total: count > 1 ? 1 : 0, total_exact: true, limit: 50, offset: 0 } };
      },
    });
    await screen.findByTestId('executions-empty');
    await act(async () => { await vi.advanceTimersByTimeAsync(2100); });
    expect(await screen.findByTestId('execution-row-e9')).toHaveTextContent('running');
  });
});

describe('execution detail', () => {
  it('shows the step timeline with attempts, errors, input and output, the trigger data and a workflow link', async () => {
    renderAt('/executions/e2', {
      'GET /api/executions/e2': () => ({ body: {
        ...item('e2', 'failed'), trigger_data: { project_id: 'p-7' }, execution_data: {},
        steps: [
          { step_key: '1', step_number: 1, action_type: 'http.request', status: 'completed', attempt: 1,
            input: { url: 'https://example.org' }, output: { budget_utilization: 95 }, duration_ms: 30 },
          { step_key: '2.then.1', step_number: 2, action_type: 'email.send_template', status: 'failed', attempt: 4,
            input: { template_id: 'budget_alert' }, output: null, error: 'SMTP refused', duration_ms: 900 },
        ],
      } }),
    });
    const failedStep = await screen.findByTestId('timeline-step-2.then.1');
    expect(failedStep).toHaveTextContent('4 attempts');
    expect(failedStep).toHaveTextContent('SMTP refused');
    expect(screen.getByTestId('timeline-step-1')).toHaveTextContent('"budget_utilization": 95');
    expect(screen.getByTestId('trigger-data')).toHaveTextContent('"project_id": "p-7"');
    expect(screen.getByTestId('execution-status')).toHaveTextContent('failed');
    fireEvent.click(screen.getByTestId('execution-workflow-link'));
    expect(await screen.findByText('editor')).toBeInTheDocument();
  });
});
