/**
 * The dashboard: executions over time, success rate, duration percentiles, top errors, slowest steps, and for admins
 * the cluster's nodes.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/api';
import { useUser } from '../auth/AuthContext';
import type { PerformanceAnalytics, WorkflowAnalytics } from '../api/types';
import { errorText, formatDateTime, formatDuration } from '../components/format';
import { HorizontalBars, Legend, StackedBars, type StackSeries } from './charts';
import { ClusterPanel } from './ClusterPanel';

const SERIES: StackSeries[] = [
  { key: 'completed', label: 'completed', color: 'var(--ok)' },
  { key: 'failed', label: 'failed', color: 'var(--bad)' },
];

const RANGES = ['24h', '7d', '30d'];

/** The browser's zone, so that daily bars start at the user's midnight. */
const zone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
};

/** A bar's label: the hour (with the day at midnight) for hourly bars, the weekday and date for daily ones. */
export function bucketLabel(iso: string, interval: 'hour' | 'day'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'numeric' });
  if (interval === 'day') return day;
  const hour = `${String(d.getHours()).padStart(2, '0')}:00`;
  return d.getHours() === 0 ? `${day} ${hour}` : hour;
}

/** Success over the runs that ended: one still running counts neither way. */
export function successRate(w: WorkflowAnalytics): number | null {
  const ended = w.successful_executions + w.failed_executions;
  return ended ? w.successful_executions / ended : null;
}

export function DashboardPage() {
  const [range, setRange] = useState('7d');
  const [workflows, setWorkflows] = useState<WorkflowAnalytics[] | null>(null);
  const [perf, setPerf] = useState<PerformanceAnalytics | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isAdmin = useUser()?.role?.toLowerCase() === 'admin';

  useEffect(() => {
    Promise.all([api.workflowAnalytics(range), api.performance(range, zone())])
      .then(([w, p]) => { setWorkflows(w); setPerf(p); setError(null); })
      .catch((e) => setError(errorText(e)));
  }, [range]);

  const total = workflows?.reduce((sum, w) => sum + w.total_executions, 0) ?? 0;
  const failed = workflows?.reduce((sum, w) => sum + w.failed_executions, 0) ?? 0;
  const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`);
  const pct = perf?.duration_percentiles;

  return (
    <div className="page" data-testid="dashboard">
      <div className="page-header">
        <h1>Dashboard</h1>
        <label className="inline">Range
          <select value={range} onChange={(e) => setRange(e.target.value)} data-testid="dashboard-range">
            {RANGES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
      </div>
      {error && <div className="form-error" role="alert">Could not load analytics: {error}</div>}
      <div className="kpis">
        <div className="kpi"><div className="kpi-value" data-testid="kpi-total">{total}</div><div className="kpi-label">executions ({range})</div></div>
        <div className="kpi"><div className="kpi-value" data-testid="kpi-failed">{failed}</div><div className="kpi-label">failed ({range})</div></div>
        <div className="kpi"><div className="kpi-value" data-testid="kpi-success">{percent(perf?.success_rate)}</div><div className="kpi-label">success rate (ended runs)</div></div>
        <div className="kpi"><div className="kpi-value" data-testid="kpi-avg">{formatDuration(perf?.average_duration_ms)}</div><div className="kpi-label">average duration</div></div>
      </div>
      <div className="dash-grid">
        <section className="panel wide">
          <h3>Executions per {perf?.execution_rate.interval ?? 'hour'}</h3>
          {perf && perf.execution_rate.buckets.length > 0 ? (
            <>
              <StackedBars testId="chart-executions" series={SERIES}
                data={perf.execution_rate.buckets as unknown as Record<string, number | string>[]}
                labelOf={(row) => bucketLabel(String(row.start), perf.execution_rate.interval)} />
              <Legend series={SERIES} />
            </>
          ) : <div className="muted small">No executions in this period.</div>}
        </section>
        <section className="panel">
          <h3>Duration percentiles</h3>
          <HorizontalBars testId="chart-percentiles" items={pct ? (['p50', 'p95', 'p99'] as const)
            .filter((k) => pct[k] !== null && pct[k] !== undefined)
            .map((k) => ({ label: k, value: pct[k]!, display: formatDuration(pct[k]) })) : []} />
        </section>
        {isAdmin && <ClusterPanel />}
        <section className="panel">
          <h3>Top errors</h3>
          <HorizontalBars testId="chart-errors" color="var(--bad)" empty="No errors."
            items={(perf?.error_patterns ?? []).slice(0, 8).map((e) => ({ label: e.message, value: e.count, title: e.message }))} />
        </section>
        <section className="panel">
          <h3>Slowest steps (p95)</h3>
          <HorizontalBars testId="chart-bottlenecks" color="var(--warn)"
            items={(perf?.bottlenecks ?? []).slice(0, 8).map((b) => ({
              label: `${b.workflow_name} · step ${b.step_number} (${b.action_type})`, value: b.p95_ms,
              display: `${formatDuration(b.p95_ms)} · ${b.count}×`,
            }))} />
        </section>
        <section className="panel wide">
          <h3>Workflows</h3>
          {workflows && workflows.length > 0 ? (
            <table className="table" data-testid="dashboard-workflows">
              <thead><tr><th>Workflow</th><th>Runs</th><th>Succeeded</th><th>Failed</th><th>Success</th><th>Avg duration</th><th>Last run</th></tr></thead>
              <tbody>
                {workflows.map((w) => (
                  <tr key={w.id}>
                    <td><Link to={`/workflows/${w.id}`}>{w.name}</Link></td>
                    <td>{w.total_executions}</td>
                    <td>{w.successful_executions}</td>
                    <td>{w.failed_executions}</td>
                    <td data-testid={`success-${w.id}`}>{percent(successRate(w))}</td>
                    <td>{w.avg_duration_seconds === null ? '—' : formatDuration(w.avg_duration_seconds * 1000)}</td>
                    <td>{formatDateTime(w.last_execution)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : <div className="muted small">No workflow has run in this period.</div>}
        </section>
      </div>
    </div>
  );
}
