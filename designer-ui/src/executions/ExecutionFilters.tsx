/** Filters of the executions list: workflow, status and time range. */
import type { WorkflowSummary } from '../api/types';
import { ChoiceFilter } from '../components/ChoiceFilter';
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
      <ChoiceFilter label="Workflow" value={filters.workflow_id} any="All workflows" testId="filter-workflow"
        choices={workflows.map((w) => ({ value: w.id, label: w.name }))} onChange={(id) => set({ workflow_id: id })} />
      <ChoiceFilter label="Status" value={filters.status} any="Any status" choices={STATUSES} testId="filter-status"
        onChange={(status) => set({ status })} />
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
