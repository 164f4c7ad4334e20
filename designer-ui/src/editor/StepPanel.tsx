/** The configuration panel of the selected step: its config form, template hints and step settings. */
import { ActionIcon } from '../components/icons';
import type { ActionInfo, JsonObject } from '../api/types';
import type { LocatedError } from './errorPaths';
import type { EditorStep } from './model';
import { SchemaForm, withoutProperties } from './SchemaForm';
import { StepSettings } from './StepSettings';
import { TemplateHints } from './TemplateHints';
import type { HintGroup } from './templateHints';

export interface StepPanelProps {
  step: EditorStep;
  stepKey: string;
  action: ActionInfo | undefined;
  errors: LocatedError[];
  hints: HintGroup[];
  onChange: (patch: Partial<Omit<EditorStep, 'uid'>>, coalesce: string) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

export function StepPanel({ step, stepKey, action, errors, hints, onChange, onDuplicate, onDelete }: StepPanelProps) {
  const schema = action ? withoutProperties(action.schema, Object.keys(step.blocks)) : null;
  return (
    <div className="step-panel" data-testid="step-panel">
      <div className="panel-title">
        <span className="node-icon"><ActionIcon type={step.action_type} category={action?.category} size={20} /></span>
        <div>
          <h3>Step {stepKey}: {action?.display_name ?? step.action_type}</h3>
          <div className="muted small">{step.action_type}</div>
        </div>
      </div>
      {action?.description && <p className="muted small">{action.description}</p>}
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
      <TemplateHints groups={hints} />
      <StepSettings step={step} errors={errors} onChange={onChange} />
      <div className="panel-actions">
        <button type="button" onClick={onDuplicate} data-testid="step-duplicate">Duplicate</button>
        <button type="button" className="danger" onClick={onDelete} data-testid="step-delete">Delete step</button>
      </div>
    </div>
  );
}
