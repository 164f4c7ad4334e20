/**
 * One execution: the workflow's graph with each step's status, live (server-sent events), the selected step's
 * attempts, and what can be done from here: cancel, run again (from a step), resume an interrupted step, or load the
 * execution's trigger data into the editor as test data.
 */
import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Ban, FlaskConical, Play } from 'lucide-react';
import { api } from '../api/api';
import { useUser } from '../auth/AuthContext';
import { JsonView } from '../components/JsonView';
import { StatusBadge } from '../components/StatusBadge';
import { errorText, formatDateTime, formatDuration } from '../components/format';
import { useToast } from '../components/Toasts';
import { isFinal, stepLabel } from './executionState';
import { StepDetails } from './StepDetails';
import { useExecutionStream, type Liveness } from './useExecutionStream';

// React Flow comes with the canvas: load it only when an execution is opened
const ExecutionCanvas = lazy(() => import('./ExecutionCanvas'));

const LIVENESS: Record<Liveness, string> = {
  connecting: 'connecting…', live: 'live', polling: 'refreshing every 2 s', ended: 'ended',
};

export function ExecutionDetailPage() {
  const { id = '' } = useParams();
  const { execution, error, liveness, reload } = useExecutionStream(id);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const user = useUser();
  const { notify } = useToast();
  const navigate = useNavigate();
  const canAct = user?.role?.toLowerCase() !== 'viewer';

  if (error && !execution) return <div className="page"><div className="form-error" role="alert">{error}</div></div>;
  if (!execution) return <div className="page muted">Loading…</div>;

  const act = async (what: string, call: () => Promise<{ execution_id: string }>, follow: boolean) => {
    setBusy(true);
    try {
      const answer = await call();
      notify('success', what);
      if (follow && answer.execution_id !== execution.id) navigate(`/executions/${answer.execution_id}`);
      else reload();
    } catch (e) {
      notify('error', `${what} failed: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const running = !isFinal(execution.status) && execution.status !== 'interrupted';
  // a wait held in memory (shorter than the durable threshold) leaves the execution running: show it waiting
  const waitingStep = execution.status === 'running'
    ? execution.steps?.find((s) => s.status === 'waiting') : undefined;
  const shownStatus = waitingStep ? 'waiting' : execution.status;
  const shownUntil = waitingStep ? (waitingStep.output as { waiting_until?: string } | null)?.waiting_until
    : execution.resume_at;
  const stepActions = {
    rerunFrom: (key: string) => void act(`Running again from step ${key}`, () => api.rerunExecution(execution.id, key), true),
    resume: (key: string, mode: 'retry' | 'skip') => void act(mode === 'retry' ? `Retrying step ${key}` : `Skipping step ${key}`,
      () => api.resumeExecution(execution.id, key, mode), false),
  };

  return (
    <div className="page page-wide" data-testid="execution-detail">
      <div className="page-header">
        <h1>
          Execution <StatusBadge status={shownStatus} testId="execution-status" until={shownUntil} />
          {execution.test && <span className="chip">test run</span>}
          <span className={`muted small live-state live-${liveness}`} data-testid="execution-liveness">{LIVENESS[liveness]}</span>
        </h1>
        <div className="page-actions">
          {canAct && running && (
            <button type="button" className="danger" disabled={busy} data-testid="execution-cancel"
              onClick={() => void act('Cancelling the execution', () => api.cancelExecution(execution.id), false)}>
              <Ban size={14} aria-hidden="true" /> Cancel
            </button>
          )}
          {canAct && (
            <button type="button" disabled={busy} data-testid="execution-rerun"
              onClick={() => void act('Running again', () => api.rerunExecution(execution.id, null), true)}>
              <Play size={14} aria-hidden="true" /> Run again
            </button>
          )}
          {canAct && (
            <Link className="button" data-testid="execution-load-into-editor"
              title="Open the workflow in the editor with this execution's trigger data as test data"
              to={`/workflows/${execution.workflow_id}?execution=${encodeURIComponent(execution.id)}`}>
              <FlaskConical size={14} aria-hidden="true" /> Load data into the editor
            </Link>
          )}
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
        {execution.rerun_of && (<><dt>Run again from</dt><dd><Link to={`/executions/${execution.rerun_of}`}>{execution.rerun_of}</Link></dd></>)}
        {!!execution.resume_count && (
          <><dt>Resumed</dt><dd data-testid="execution-resumed">{execution.resume_count === 1 ? 'once' : `${execution.resume_count} times`}</dd></>
        )}
        {execution.runs && execution.runs.length > 0 && (
          <><dt>Runs</dt><dd data-testid="execution-runs">{execution.runs.map((r, i) => (
            <div key={i} className="small">{formatDateTime(r.started_at)} on {r.node}: {r.reason}</div>
          ))}</dd></>
        )}
        <dt>Id</dt><dd><code>{execution.id}</code></dd>
      </dl>
      {execution.error_message && <div className="form-error" data-testid="execution-error">{execution.error_message}</div>}
      {execution.status === 'interrupted' && execution.interrupted_step && (
        <div className="notice" data-testid="execution-interrupted">
          Step {execution.interrupted_step} was running when its node stopped, and it may not be safe to repeat.
          <button type="button" className="link" onClick={() => setSelected(execution.interrupted_step!)}>Decide…</button>
        </div>
      )}
      <div className="execution-body">
        <Suspense fallback={<div className="muted canvas-loading">Loading the graph…</div>}>
          <ExecutionCanvas workflowId={execution.workflow_id} version={execution.workflow_version}
            steps={execution.steps} selectedKey={selected} onSelect={setSelected} />
        </Suspense>
        <aside className="side-panel execution-side">
          <div className="panel-body">
            {selected ? (
              <StepDetails execution={execution} stepKey={selected} canAct={canAct} actions={stepActions} busy={busy} />
            ) : (
              <div className="muted empty-panel">Click a step on the graph to see its input, output, error and attempts.</div>
            )}
          </div>
        </aside>
      </div>
      <h2>Steps</h2>
      {execution.steps.length === 0 && <div className="muted">No step has run yet.</div>}
      <ol className="timeline" data-testid="timeline">
        {execution.steps.map((step, i) => (
          <li key={`${step.step_key}-${i}`} className={`timeline-item timeline-${step.status}`}
            data-testid={`timeline-step-${step.step_key}`}>
            <div className="timeline-head">
              <button type="button" className="link node-key" onClick={() => setSelected(step.step_key)}>{step.step_key}</button>
              <code>{step.action_type}</code>
              <StatusBadge status={step.status} title={stepLabel(step)} />
              <span className="muted small">
                {step.status === 'waiting' || step.status === 'skipped' ? `${stepLabel(step)} · ` : ''}
                {step.completed_at ? formatDuration(step.duration_ms) : step.status === 'running' ? 'running' : '—'}
                {' · '}{step.attempt === 1 ? '1 attempt' : `${step.attempt} attempts`}
                {step.started_at ? ` · ${formatDateTime(step.started_at)}` : ''}
              </span>
            </div>
            {step.error && (step.status === 'skipped'
              ? <div className="note">{step.error}</div>
              : <div className="form-error">{step.error}</div>)}
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
