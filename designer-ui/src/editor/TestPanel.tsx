/**
 * Test and run: the sample trigger data, why a test was refused (validation errors), and the steps of the run on
 * show (the last test run, a run started from the editor followed live, or a past execution), each with its
 * resolved input and output and a button to pin that output for later tests.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/api';
import type { ExecutionItem, StepResult } from '../api/types';
import { JsonView } from '../components/JsonView';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, formatDuration } from '../components/format';

export function parseSampleData(text: string): { value: Record<string, unknown> | null; error: string | null } {
  if (!text.trim()) return { value: {}, error: null };
  try {
    const value = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { value: null, error: 'Sample data must be a JSON object, such as {"email": "a@example.org"}' };
    }
    return { value, error: null };
  } catch (e) {
    return { value: null, error: `Sample data is not valid JSON: ${e instanceof Error ? e.message : e}` };
  }
}

/** The run the panel shows: a test run, or an execution (started here and followed live, or from the history). */
export interface ShownRun {
  kind: 'test' | 'execution';
  title: string;
  status: string;
  error: string | null;
  steps: StepResult[];
  executionId?: string;
  triggerData?: unknown;
}

/** A validation error of a refused test, where it is (a step key, "trigger" or "workflow") and the step's uid. */
export interface TestProblem {
  where: string;
  field: string;
  message: string;
  uid?: string;
}

export interface TestPanelProps {
  sampleText: string;
  onSampleChange: (text: string) => void;
  running: boolean;
  onRun: () => void;
  shown: ShownRun | null;
  problems: TestProblem[];
  onSelectStep: (uid: string) => void;
  pinned: (stepKey: string) => boolean;
  onPin: (stepKey: string, output: unknown) => void;
  onUnpin: (stepKey: string) => void;
  workflowId: string | null;
  onShowExecution: (executionId: string) => void;
}

function PastExecutions({ workflowId, onShow }: { workflowId: string; onShow: (id: string) => void }) {
  const [items, setItems] = useState<ExecutionItem[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.executions({ workflow_id: workflowId, limit: 10 })
      .then((page) => { if (!cancelled) setItems(page.items); })
      .catch(() => { if (!cancelled) setItems([]); });
    return () => { cancelled = true; };
  }, [workflowId]);
  if (!items || items.length === 0) return null;
  return (
    <label className="stacked">Show a past execution (to pin its outputs)
      <select value="" data-testid="past-executions" onChange={(e) => { if (e.target.value) onShow(e.target.value); }}>
        <option value="">Choose an execution…</option>
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {formatDateTime(item.started_at)} · {item.status} · v{item.workflow_version}
          </option>
        ))}
      </select>
    </label>
  );
}

function StepRow({ step, pinned, onPin, onUnpin }: {
  step: StepResult; pinned: boolean; onPin: () => void; onUnpin: () => void;
}) {
  const canPin = step.status === 'completed' && step.output !== undefined;
  return (
    <details className={`test-step test-step-${step.status}`} open={step.status === 'failed'}
      data-testid={`test-step-${step.step_key}`}>
      <summary>
        <span className="node-key">{step.step_key}</span> {step.action_type}
        <StatusBadge status={step.status} />
        <span className="muted small">
          {formatDuration(step.duration_ms)}{step.attempt > 1 ? ` · ${step.attempt} attempts` : ''}
        </span>
        {pinned ? (
          <button type="button" className="small-button pin-toggle" data-testid={`unpin-${step.step_key}`}
            onClick={(e) => { e.preventDefault(); onUnpin(); }}>Unpin</button>
        ) : canPin && (
          <button type="button" className="small-button pin-toggle" data-testid={`pin-${step.step_key}`}
            title="Tests use this output instead of running the step"
            onClick={(e) => { e.preventDefault(); onPin(); }}>Pin output</button>
        )}
      </summary>
      {step.error && <div className={step.status === 'skipped' ? 'muted small' : 'form-error'}>{step.error}</div>}
      <JsonView label="Input (resolved)" value={step.input} />
      <JsonView label="Output" value={step.output} />
    </details>
  );
}

/** The last attempt of each step, in the order the steps first ran. */
export function lastAttempts(steps: StepResult[]): StepResult[] {
  const byKey = new Map<string, StepResult>();
  for (const step of steps) byKey.set(step.step_key, step);
  return [...byKey.values()];
}

export function TestPanel(props: TestPanelProps) {
  const { sampleText, onSampleChange, running, onRun, shown, problems } = props;
  const { error } = parseSampleData(sampleText);
  return (
    <div className="test-panel" data-testid="test-panel">
      <h3>Test and run</h3>
      <label className="stacked">Sample trigger data (JSON)
        <textarea rows={7} spellCheck={false} value={sampleText} data-testid="test-data"
          onChange={(e) => onSampleChange(e.target.value)} />
      </label>
      {error && <div className="form-error" data-testid="test-data-error">{error}</div>}
      <button type="button" className="primary" onClick={onRun} disabled={running || !!error} data-testid="test-run">
        {running ? 'Running…' : 'Run test'}
      </button>
      <p className="muted small">
        Give the data as the execution gets it, e.g. <code>{'{"webhook_data": {"name": "Ada"}}'}</code> for a webhook.
        Tests run the real actions; pinned steps do not run, their pinned output is used. “Run workflow” starts the
        deployed workflow with this data.
      </p>
      {props.workflowId && <PastExecutions workflowId={props.workflowId} onShow={props.onShowExecution} />}
      {problems.length > 0 && (
        <div className="error-summary" role="alert" data-testid="test-problems">
          <strong>The workflow cannot run: {problems.length === 1 ? '1 problem' : `${problems.length} problems`}</strong>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.uid ? (
                  <button type="button" className="link" onClick={() => props.onSelectStep(p.uid!)}>{p.where}</button>
                ) : <strong>{p.where}</strong>}
                {p.field && <code> {p.field}</code>} {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {shown && (
        <div className="test-result" data-testid="run-result">
          <div className="test-summary">
            <div>
              <strong>{shown.title}</strong> <StatusBadge status={shown.status} testId="test-result-status" />
            </div>
            {shown.executionId && (
              <Link to={`/executions/${shown.executionId}`} data-testid="open-execution">Open in the monitor</Link>
            )}
            {shown.error && <div className="form-error" data-testid="test-result-error">{shown.error}</div>}
            {shown.triggerData !== undefined && shown.kind === 'execution' && (
              <button type="button" className="small-button" data-testid="use-trigger-data"
                onClick={() => onSampleChange(JSON.stringify(shown.triggerData, null, 2))}>
                Use its trigger data as sample data
              </button>
            )}
          </div>
          {shown.steps.length === 0 && <div className="muted small">No step has run yet.</div>}
          {lastAttempts(shown.steps).map((step) => (
            <StepRow key={step.step_key} step={step} pinned={props.pinned(step.step_key)}
              onPin={() => props.onPin(step.step_key, step.output)} onUnpin={() => props.onUnpin(step.step_key)} />
          ))}
        </div>
      )}
    </div>
  );
}
