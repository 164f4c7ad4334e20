/** The selected step of an execution: each attempt (and loop iteration) with its input, output and error. */
import { RotateCcw, SkipForward, StepForward } from 'lucide-react';
import type { ExecutionDetail } from '../api/types';
import { JsonView } from '../components/JsonView';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime, formatDuration } from '../components/format';
import { rowsOf, stepLabel } from './executionState';

export interface StepActions {
  rerunFrom: (key: string) => void;
  resume: (key: string, mode: 'retry' | 'skip') => void;
}

export function StepDetails({ execution, stepKey, canAct, actions, busy }: {
  execution: ExecutionDetail; stepKey: string; canAct: boolean; actions: StepActions; busy: boolean;
}) {
  const rows = rowsOf(execution.steps, stepKey);
  const interrupted = execution.status === 'interrupted' && execution.interrupted_step === stepKey;
  return (
    <div className="step-details" data-testid={`step-details-${stepKey}`}>
      <div className="panel-title">
        <span className="node-key">{stepKey}</span>
        <h3>{rows[0]?.action_type ?? 'Step'}</h3>
      </div>
      {rows.length === 0 && <div className="muted">This step has not run in this execution.</div>}
      {canAct && (
        <div className="button-row">
          {interrupted && (
            <>
              <button type="button" className="primary" disabled={busy} data-testid="resume-retry"
                onClick={() => actions.resume(stepKey, 'retry')}><RotateCcw size={14} aria-hidden="true" /> Retry step</button>
              <button type="button" disabled={busy} data-testid="resume-skip"
                onClick={() => actions.resume(stepKey, 'skip')}><SkipForward size={14} aria-hidden="true" /> Skip step</button>
            </>
          )}
          <button type="button" disabled={busy} data-testid="rerun-from-step" title="A new execution that reuses the
            recorded outputs of the steps before this one"
            onClick={() => actions.rerunFrom(stepKey)}><StepForward size={14} aria-hidden="true" /> Run again from this step</button>
        </div>
      )}
      {rows.map((row, i) => (
        <section key={i} className={`attempt attempt-${row.status}`} data-testid={`attempt-${stepKey}-${i}`}>
          <div className="attempt-head">
            <StatusBadge status={row.status} />
            {row.status === 'waiting' && <span className="small">{stepLabel(row)}</span>}
            <span className="muted small">
              {row.iteration != null ? `item ${row.iteration} · ` : ''}attempt {row.attempt}
              {row.node ? ` · on ${row.node}` : ''}
            </span>
          </div>
          <div className="muted small">
            {formatDateTime(row.started_at)}
            {row.completed_at ? ` · took ${formatDuration(row.duration_ms)}` : row.status === 'running' ? ' · still running' : ''}
          </div>
          {row.error && (row.status === 'skipped'
            ? <div className="note">{row.error}</div>
            : <div className="form-error">{row.error}</div>)}
          <JsonView label="Input (resolved)" value={row.input} />
          <JsonView label="Output" value={row.output} testId={`step-output-${stepKey}-${i}`} />
        </section>
      ))}
    </div>
  );
}
