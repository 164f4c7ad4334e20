import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthProvider } from '../auth/AuthContext';
import { stubApi } from '../test/fixtures';
import { bucketLabel, DashboardPage } from './DashboardPage';

afterEach(() => vi.unstubAllGlobals());

describe('dashboard', () => {
  it('charts executions over time, percentiles, top errors and slowest steps', async () => {
    const calls = stubApi({
      'GET /api/analytics/workflows': () => ({ body: [
        { id: 'wf-1', name: 'Budget Overspend Alert', total_executions: 40, successful_executions: 38, failed_executions: 2,
          avg_duration_seconds: 1.5, last_execution: '2025-03-05T10:00:00Z' },
      ] }),
      'GET /api/analytics/performance': () => ({ body: {
        execution_rate: { interval: 'day', time_zone: 'UTC', buckets: [
          { start: '2025-03-04T00:00:00Z', completed: 10, failed: 1 },
          { start: '2025-03-05T00:00:00Z', completed: 28, failed: 1 },
        ] },
        success_rate: 0.95, average_duration_ms: 1500,
        duration_percentiles: { p50: 800, p95: 2400, p99: 5100 },
        error_patterns: [{ message: 'SMTP refused', count: 2 }],
        bottlenecks: [{ workflow_id: 'wf-1', workflow_name: 'Budget Overspend Alert', step_number: 2,
          action_type: 'email.send_template', p95_ms: 2300, count: 40 }],
      } }),
    });
    render(<MemoryRouter><DashboardPage /></MemoryRouter>);

    expect(await screen.findByTestId('kpi-success')).toHaveTextContent('95%');
    expect(screen.getByTestId('kpi-total')).toHaveTextContent('40');
    expect(screen.getByTestId('kpi-avg')).toHaveTextContent('1.50 s');
    const chart = screen.getByTestId('chart-executions');
    expect(chart.querySelectorAll('rect')).toHaveLength(4);
    expect(chart).toHaveTextContent('28 completed, 1 failed');
    const percentiles = screen.getByTestId('chart-percentiles');
    expect(within(percentiles).getByText('p95')).toBeInTheDocument();
    expect(percentiles).toHaveTextContent('5.10 s');
    expect(screen.getByTestId('chart-errors')).toHaveTextContent('SMTP refused');
    expect(screen.getByTestId('chart-bottlenecks')).toHaveTextContent('Budget Overspend Alert · step 2 (email.send_template)');
    expect(screen.getByTestId('dashboard-workflows')).toHaveTextContent('95%');
    expect(calls[0].path).toBe('/api/analytics/workflows?range=7d');
    expect(calls[1].path).toMatch(/^\/api\/analytics\/performance\?range=7d&tz=/);
    expect(screen.getByText('Executions per day')).toBeInTheDocument();
  });

  it('rates success over ended runs only: a workflow whose only run is still going shows no rate, not 0%', async () => {
    stubApi({
      'GET /api/analytics/workflows': () => ({ body: [
        { id: 'wf-2', name: 'Still going', total_executions: 1, successful_executions: 0, failed_executions: 0,
          avg_duration_seconds: null, last_execution: '2025-03-05T10:00:00Z' },
        { id: 'wf-3', name: 'Half', total_executions: 3, successful_executions: 1, failed_executions: 1,
          avg_duration_seconds: 2, last_execution: '2025-03-05T10:00:00Z' },
      ] }),
      'GET /api/analytics/performance': () => ({ body: {
        execution_rate: { interval: 'hour', time_zone: 'UTC', buckets: [] }, success_rate: null, average_duration_ms: null,
        duration_percentiles: { p50: null, p95: null, p99: null }, error_patterns: [], bottlenecks: [],
      } }),
    });
    render(<MemoryRouter><DashboardPage /></MemoryRouter>);
    expect(await screen.findByTestId('success-wf-2')).toHaveTextContent('—');
    expect(screen.getByTestId('success-wf-3')).toHaveTextContent('50%');
    expect(screen.getByTestId('kpi-success')).toHaveTextContent('—');
  });

  const emptyAnalytics = {
    'GET /api/analytics/workflows': () => ({ body: [] }),
    'GET /api/analytics/performance': () => ({ body: {
      execution_rate: { interval: 'hour', time_zone: 'UTC', buckets: [] }, success_rate: null, average_duration_ms: null,
      duration_percentiles: { p50: null, p95: null, p99: null }, error_patterns: [], bottlenecks: [],
    } }),
  };
  const node = (name: string, status: string, running: number) => ({
    id: `id-${name}`, name, address: `http://${name}:8080`, version: '0.1.0', started_at: '2025-03-05T09:00:00Z',
    heartbeat_at: '2025-03-05T10:00:00Z', status, running, self: name === 'node-1',
  });
  const signedIn = (role: string) => () => ({ body: { id: 'u-1', username: role, role } });

  it('shows admins how many cluster nodes are alive and what each runs', async () => {
    stubApi({
      ...emptyAnalytics,
      'GET /api/auth/me': signedIn('admin'),
      'GET /api/cluster': () => ({ body: { live: 2, nodes: [
        node('node-1', 'alive', 4), node('node-2', 'alive', 0), node('node-3', 'dead', 0),
      ] } }),
    });
    render(<AuthProvider><MemoryRouter><DashboardPage /></MemoryRouter></AuthProvider>);
    expect(await screen.findByTestId('cluster-live')).toHaveTextContent('2 of 3 alive');
    expect(screen.getByTestId('dashboard-node-node-1')).toHaveTextContent('node-1 alive · 4 running');
    expect(screen.getByTestId('dashboard-node-node-3')).toHaveTextContent('node-3 gone');
  });

  it('shows no cluster to a viewer, and asks for none', async () => {
    const calls = stubApi({ ...emptyAnalytics, 'GET /api/auth/me': signedIn('viewer') });
    render(<AuthProvider><MemoryRouter><DashboardPage /></MemoryRouter></AuthProvider>);
    expect(await screen.findByText('No workflow has run in this period.')).toBeInTheDocument();
    expect(screen.queryByTestId('dashboard-cluster')).not.toBeInTheDocument();
    expect(calls.map((c) => c.path)).not.toContain('/api/cluster');
  });

  it('labels hourly bars by hour and daily bars by day', () => {
    expect(bucketLabel('2025-03-05T14:00:00', 'hour')).toBe('14:00');
    expect(bucketLabel('2025-03-05T00:00:00', 'day')).toMatch(/5/);
    expect(bucketLabel('2025-03-05T00:00:00', 'hour')).toMatch(/00:00$/);
  });
});
