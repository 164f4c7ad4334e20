/** Filters of the executions list: workflow, status and time range. */
import type { WorkflowSummary } from '../api/types';
import { TimeRange } from '../components/TimeRange';

export interface Filters {
  workflow_id: string;
  status: string;
  from: string;
  to: string;
  /** 'true': the test runs (listed apart from production runs) */
  test: string;
}

export const STATUSES = ['pending', 'running', 'waiting', 'completed', 'failed', 'cancelled', 'interrupted'];

export function ExecutionFilters({ filters, workflows, onChange }: {
  filters: Filters; workflows: WorkflowSummary[]; onChange: (filters: Filters) => void;
}) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="filters" data-testid="execution-filters">
      <label>Workflow
        <select value={filters.workflow_id} data-testid="filter-workflow" onChange={(e) => set({ workflow_id: e.target.value })}>
          <option value="">All workflows</option>
          {workflows.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
        </select>
      </label>
      <label>Status
        <select value={filters.status} data-testid="filter-status" onChange={(e) => set({ status: e.target.value })}>
          <option value="">Any status</option>
          {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <TimeRange from={filters.from} to={filters.to} testIdPrefix="filter" onChange={set} />
      <label className="inline checkbox-label">
        <input type="checkbox" checked={filters.test === 'true'} data-testid="filter-test"
          onChange={(e) => set({ test: e.target.checked ? 'true' : '' })} />
        Test runs
      </label>
      <button type="button" className="link" onClick={() => onChange({ workflow_id: '', status: '', from: '', to: '', test: '' })}>
        Clear
      </button>
    </div>
  );
}
