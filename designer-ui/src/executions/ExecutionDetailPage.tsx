/** One execution: its steps as a timeline (status, duration, attempts, error, input, output) and trigger data. */
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/api';
import type { ExecutionDetail } from '../api/types';
import { JsonView } from '../components/JsonView';
import { StatusBadge } from '../components/StatusBadge';
import { errorText, formatDateTime, formatDuration } from '../components/format';
import { usePolling } from './usePolling';

const FINISHED = ['completed', 'failed', 'cancelled'];

export function ExecutionDetailPage() {
  const { id = '' } = useParams();
  const [execution, setExecution] = useState<ExecutionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  usePolling(async () => {
    if (execution && FINISHED.includes(execution.status) && execution.id === id) return;
    try {
      setExecution(await api.execution(id));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, 2000, [id]);

  if (error && !execution) return <div className="page"><div className="form-error" role="alert">{error}</div></div>;
  if (!execution) return <div className="page muted">Loading…</div>;

  return (
    <div className="page" data-testid="execution-detail">
      <div className="page-header">
        <h1>Execution <StatusBadge status={execution.status} testId="execution-status" /></h1>
        <div className="page-actions">
          <Link className="button" to={`/workflows/${execution.workflow_id}`} data-testid="execution-workflow-link">
            Open workflow “{execution.workflow_name}”
          </Link>
          <Link className="button" to={`/executions?workflow_id=${encodeURIComponent(execution.workflow_id)}`}>
            All its executions
          </Link>
        </div>
      </div>
      <dl className="facts">
        <dt>Workflow</dt><dd>{execution.workflow_name} (version {execution.workflow_version})</dd>
        <dt>Started</dt><dd>{formatDateTime(execution.started_at)}</dd>
        <dt>Completed</dt><dd>{formatDateTime(execution.completed_at)}</dd>
        <dt>Duration</dt><dd>{formatDuration(execution.duration_ms)}</dd>
        <dt>Id</dt><dd><code>{execution.id}</code></dd>
      </dl>
      {execution.error_message && <div className="form-error" data-testid="execution-error">{execution.error_message}</div>}
      <h2>Steps</h2>
      {execution.steps.length === 0 && <div className="muted">No step has run yet.</div>}
      <ol className="timeline" data-testid="timeline">
        {execution.steps.map((step, i) => (
          <li key={`${step.step_key}-${i}`} className={`timeline-item timeline-${step.status}`}
            data-testid={`timeline-step-${step.step_key}`}>
            <div className="timeline-head">
              <span className="node-key">{step.step_key}</span>
              <code>{step.action_type}</code>
              <StatusBadge status={step.status} />
              <span className="muted small">
                {formatDuration(step.duration_ms)} · {step.attempt === 1 ? '1 attempt' : `${step.attempt} attempts`}
                {step.started_at ? ` · ${formatDateTime(step.started_at)}` : ''}
              </span>
            </div>
            {step.error && <div className="form-error">{step.error}</div>}
            <details>
              <summary>Input and output</summary>
              <div className="two-columns">
                <JsonView label="Input (resolved)" value={step.input} />
                <JsonView label="Output" value={step.output} />
              </div>
            </details>
          </li>
        ))}
      </ol>
      <h2>Trigger data</h2>
      <JsonView value={execution.trigger_data} testId="trigger-data" />
      <details>
        <summary>Execution context</summary>
        <JsonView value={execution.execution_data} />
      </details>
    </div>
  );
}
