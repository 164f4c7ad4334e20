/**
 * The panel of the selected step: its name and notes, its config form, testing it (alone with pinned data, or the
 * workflow up to it), its pinned output, template hints and step settings.
 */
import { ActionIcon } from '../components/icons';
import type { ActionInfo, JsonObject, StepResult } from '../api/types';
import { JsonView } from '../components/JsonView';
import { StatusBadge } from '../components/StatusBadge';
import type { LocatedError } from './errorPaths';
import type { EditorStep } from './model';
import { SchemaForm, withoutProperties } from './SchemaForm';
import { StepSettings } from './StepSettings';
import { TemplateHints } from './TemplateHints';
import type { HintGroup } from './templateHints';

export interface StepTesting {
  /** the step's result in the run shown in the test panel */
  result: StepResult | undefined;
  pinned: boolean;
  pinnedOutput: unknown;
  busy: boolean;
  onTestStep: () => void;
  onRunUpTo: () => void;
  onPin: (output: unknown) => void;
  onUnpin: () => void;
}

export interface StepPanelProps {
  step: EditorStep;
  stepKey: string;
  action: ActionInfo | undefined;
  errors: LocatedError[];
  hints: HintGroup[];
  testing: StepTesting;
  onChange: (patch: Partial<Omit<EditorStep, 'uid'>>, coalesce: string) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

function StepTestSection({ stepKey, testing }: { stepKey: string; testing: StepTesting }) {
  const { result, pinned, pinnedOutput, busy } = testing;
  return (
    <section className="step-test" data-testid="step-test">
      <h4>Test</h4>
      <div className="button-row">
        <button type="button" onClick={testing.onTestStep} disabled={busy} data-testid="test-step-button"
          title="Runs this step alone: the steps before it give their pinned or last-run output">
          Test this step
        </button>
        <button type="button" onClick={testing.onRunUpTo} disabled={busy} data-testid="run-up-to-button"
          title="Runs the workflow from its trigger and stops after this step">
          Run up to here
        </button>
      </div>
      {result && (
        <div className="step-result" data-testid="step-result">
          <div>Last run: <StatusBadge status={result.status} /></div>
          {result.error && <div className={result.status === 'skipped' ? 'muted small' : 'form-error'}>{result.error}</div>}
          {!pinned && <JsonView label="Output" value={result.output} />}
        </div>
      )}
      {pinned ? (
        <div className="pinned-output" data-testid="pinned-output">
          <JsonView label="Pinned output (used by tests instead of running this step)" value={pinnedOutput} />
          <button type="button" className="small-button" onClick={testing.onUnpin} data-testid="unpin-button">
            Unpin
          </button>
        </div>
      ) : (
        <div className="muted small">
          {result?.output !== undefined && result.status === 'completed' ? (
            <button type="button" className="small-button" data-testid="pin-button"
              onClick={() => testing.onPin(result.output)}>
              Pin the output of step {stepKey}
            </button>
          ) : 'Not pinned. Run a test to pin this step\u2019s output.'}
        </div>
      )}
    </section>
  );
}

export function StepPanel({ step, stepKey, action, errors, hints, testing, onChange, onDuplicate, onDelete }:
  StepPanelProps) {
  const schema = action ? withoutProperties(action.schema, Object.keys(step.blocks)) : null;
  return (
    <div className="step-panel" data-testid="step-panel">
      <div className="panel-title">
        <span className="node-icon"><ActionIcon type={step.action_type} category={action?.category} size={20} /></span>
        <div>
          <h3>Step {stepKey}: {step.name?.trim() || action?.display_name || step.action_type}</h3>
          <div className="muted small">{action?.display_name ?? step.action_type} · {step.action_type}</div>
        </div>
      </div>
      {action?.description && <p className="muted small">{action.description}</p>}
      <label className="stacked">Name
        <input value={step.name ?? ''} placeholder={action?.display_name ?? 'Step name'} maxLength={100}
          data-testid="step-name" onChange={(e) => onChange({ name: e.target.value || undefined }, `name:${step.uid}`)} />
      </label>
      {errors.filter((e) => e.field === 'name').map((e, i) => (
        <div key={i} className="field-errors" data-testid="field-error-name">{e.message}</div>
      ))}
      <label className="stacked">Notes
        <textarea rows={2} value={step.notes ?? ''} placeholder="What this step is for (shown on the canvas)"
          maxLength={2000} data-testid="step-notes"
          onChange={(e) => onChange({ notes: e.target.value || undefined }, `notes:${step.uid}`)} />
      </label>
      {errors.length > 0 && (
        <div className="error-summary" role="alert" data-testid="step-errors">
          <strong>{errors.length === 1 ? '1 problem' : `${errors.length} problems`} in this step</strong>
          <ul>{errors.map((e, i) => <li key={i}><code>{e.field || 'step'}</code> {e.message}</li>)}</ul>
        </div>
      )}
      {!action && <div className="form-error">Unknown action type “{step.action_type}”.</div>}
      {schema && (
        <SchemaForm key={step.uid} schema={schema} value={step.config} errors={errors} prefix="config"
          idPrefix={`step-${stepKey}`} onChange={(config: JsonObject) => onChange({ config }, `config:${step.uid}`)} />
      )}
      {Object.keys(step.blocks).length > 0 && (
        <p className="muted small">
          The {Object.keys(step.blocks).map((b) => b.replace(/_actions$/, '')).join(' / ')} actions are edited on the canvas.
        </p>
      )}
      <StepTestSection stepKey={stepKey} testing={testing} />
      <TemplateHints groups={hints} />
      <StepSettings step={step} errors={errors} onChange={onChange} />
      <div className="panel-actions">
        <button type="button" onClick={onDuplicate} data-testid="step-duplicate">Duplicate</button>
        <button type="button" className="danger" onClick={onDelete} data-testid="step-delete">Delete step</button>
      </div>
    </div>
  );
}
