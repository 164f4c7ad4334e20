/** The executions monitor: filtered, paged, refreshed every 2 seconds while the tab is visible. */
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/api';
import type { ExecutionPage, WorkflowSummary } from '../api/types';
import { Pager } from '../components/Pager';
import { StatusBadge } from '../components/StatusBadge';
import { toIso } from '../components/TimeRange';
import { errorText, formatDateTime, formatDuration } from '../components/format';
import { useUrlFilters } from '../components/useUrlFilters';
import { ExecutionFilters, type Filters } from './ExecutionFilters';
import { usePolling } from './usePolling';

export const PAGE_SIZE = 50;
export const POLL_MS = 2000;

export function ExecutionsPage() {
  const navigate = useNavigate();
  const { filters, offset, key, show } = useUrlFilters<Filters>(['workflow_id', 'status', 'from', 'to', 'test']);
  const [page, setPage] = useState<ExecutionPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [workflows, setWorkflows] = useState<WorkflowSummary[]>([]);

  useEffect(() => {
    api.listWorkflows().then(setWorkflows).catch(() => setWorkflows([]));
  }, []);

  usePolling(async (signal) => {
    try {
      const result = await api.executions({
        workflow_id: filters.workflow_id || undefined, status: filters.status || undefined,
        from: toIso(filters.from), to: toIso(filters.to), test: filters.test === 'true' ? true : undefined,
        limit: PAGE_SIZE, offset,
      }, signal);
      setPage(result);
      setError(null);
    } catch (e) {
      if (!signal.aborted) setError(errorText(e));
    }
  }, POLL_MS, [key]);

  const total = page?.total ?? 0;
  return (
    <div className="page">
      <div className="page-header">
        <h1>{filters.test === 'true' ? 'Test runs' : 'Executions'}</h1>
        <span className="muted small live-dot" title="Refreshes every 2 seconds">live</span>
      </div>
      <ExecutionFilters filters={filters} workflows={workflows} onChange={(f) => show(f)} />
      {error && <div className="form-error" role="alert">Could not load executions: {error}</div>}
      {page && page.items.length === 0 && <div className="empty" data-testid="executions-empty">No executions match.</div>}
      {page && page.items.length > 0 && (
        <table className="table clickable" data-testid="executions-table">
          <thead>
            <tr><th>Status</th><th>Workflow</th><th>Started</th><th>Duration</th><th>Error</th></tr>
          </thead>
          <tbody>
            {page.items.map((x) => (
              <tr key={x.id} data-testid={`execution-row-${x.id}`} onClick={() => navigate(`/executions/${x.id}`)}>
                <td><StatusBadge status={x.status} /></td>
                <td>
                  <Link to={`/executions/${x.id}`} onClick={(e) => e.stopPropagation()}>{x.workflow_name}</Link>
                  <span className="muted small"> v{x.workflow_version}</span>
                </td>
                <td>{formatDateTime(x.started_at)}</td>
                <td>{formatDuration(x.duration_ms)}</td>
                <td className="error-cell" title={x.error_message ?? ''}>{x.error_message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && total > 0 && (
        <Pager offset={offset} total={total} exact={page.total_exact} pageSize={PAGE_SIZE}
          onPage={(next) => show(filters, next)} />
      )}
    </div>
  );
}
