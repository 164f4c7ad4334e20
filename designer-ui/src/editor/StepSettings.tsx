/** Step-level settings: run conditions, retry policy and timeout. */
import type { ConditionDef, RetryConfig } from '../api/types';
import type { LocatedError } from './errorPaths';
import type { EditorStep } from './model';

export const OPERATORS = ['equals', 'not_equals', 'greater_than', 'greater_than_or_equals', 'less_than',
  'less_than_or_equals', 'contains', 'not_contains', 'in', 'not_in', 'exists', 'not_exists'];

type Patch = Partial<Omit<EditorStep, 'uid'>>;

function FieldErrors({ errors, field }: { errors: LocatedError[]; field: string }) {
  const mine = errors.filter((e) => e.field === field);
  if (mine.length === 0) return null;
  return (
    <ul className="field-errors" data-testid={`field-error-${field}`}>
      {mine.map((e, i) => <li key={i}>{e.message}</li>)}
    </ul>
  );
}

/** Values are typed as JSON where they parse (90, true, ["a"]) and kept as text otherwise. */
export function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const showValue = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

function conditionsOf(step: EditorStep): ConditionDef[] {
  if (!step.condition) return [];
  return Array.isArray(step.condition) ? step.condition : [step.condition];
}

function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isNaN(value) ? undefined : value;
}

export function StepSettings({ step, errors, onChange }: {
  step: EditorStep; errors: LocatedError[]; onChange: (patch: Patch, coalesce: string) => void;
}) {
  const conditions = conditionsOf(step);
  const single = conditions.length <= 1;
  const setConditions = (list: ConditionDef[]) =>
    onChange({ condition: list.length === 0 ? null : list.length === 1 ? list[0] : list }, `cond:${step.uid}`);
  const conditionPath = (i: number) => (single ? 'condition' : `condition[${i}]`);
  const retry: RetryConfig = step.retry_config ?? {};
  const setRetry = (patch: RetryConfig) => {
    const next = { ...retry, ...patch };
    const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as RetryConfig;
    onChange({ retry_config: Object.keys(clean).length ? clean : null }, `retry:${step.uid}`);
  };

  return (
    <div className="step-settings">
      <h4>Run only if</h4>
      {conditions.length === 0 && <div className="muted small">Always runs.</div>}
      {conditions.map((c, i) => (
        <div key={i} className="condition-row" data-testid={`condition-row-${i}`}>
          <input aria-label="Condition field" placeholder="step_1.status" value={c.field ?? ''}
            data-testid={`condition-field-${i}`}
            onChange={(e) => setConditions(conditions.map((x, j) => (j === i ? { ...x, field: e.target.value } : x)))} />
          <select aria-label="Operator" value={c.operator ?? 'equals'} data-testid={`condition-operator-${i}`}
            onChange={(e) => setConditions(conditions.map((x, j) => (j === i ? { ...x, operator: e.target.value } : x)))}>
            {OPERATORS.map((op) => <option key={op} value={op}>{op.replace(/_/g, ' ')}</option>)}
          </select>
          {!['exists', 'not_exists'].includes(c.operator) && (
            <input aria-label="Value" placeholder="value" value={showValue(c.value)} data-testid={`condition-value-${i}`}
              onChange={(e) => setConditions(conditions.map((x, j) => (j === i ? { ...x, value: parseValue(e.target.value) } : x)))} />
          )}
          <button type="button" className="link" aria-label="Remove condition"
            onClick={() => setConditions(conditions.filter((_, j) => j !== i))}>✕</button>
          <FieldErrors errors={errors} field={conditionPath(i)} />
          <FieldErrors errors={errors} field={`${conditionPath(i)}.field`} />
          <FieldErrors errors={errors} field={`${conditionPath(i)}.operator`} />
          <FieldErrors errors={errors} field={`${conditionPath(i)}.value`} />
        </div>
      ))}
      <button type="button" className="small-button" data-testid="add-condition"
        onClick={() => setConditions([...conditions, { field: '', operator: 'equals', value: '' }])}>+ Condition</button>

      <h4>Retries and timeout</h4>
      <div className="settings-grid">
        <label>Max retries
          <input type="number" min={0} max={20} placeholder="3" value={retry.max_retries ?? ''} data-testid="retry-max"
            onChange={(e) => setRetry({ max_retries: numberOrUndefined(e.target.value) })} />
          <FieldErrors errors={errors} field="retry_config.max_retries" />
        </label>
        <label>Delay (ms)
          <input type="number" min={0} placeholder="1000" value={retry.retry_delay ?? ''} data-testid="retry-delay"
            onChange={(e) => setRetry({ retry_delay: numberOrUndefined(e.target.value) })} />
          <FieldErrors errors={errors} field="retry_config.retry_delay" />
        </label>
        <label>Backoff ×
          <input type="number" min={1} step={0.5} placeholder="2" value={retry.backoff_multiplier ?? ''}
            data-testid="retry-backoff" onChange={(e) => setRetry({ backoff_multiplier: numberOrUndefined(e.target.value) })} />
          <FieldErrors errors={errors} field="retry_config.backoff_multiplier" />
        </label>
        <label>Timeout (s)
          <input type="number" min={1} placeholder="300" value={step.timeout_seconds ?? ''} data-testid="timeout-seconds"
            onChange={(e) => onChange({ timeout_seconds: numberOrUndefined(e.target.value) ?? null }, `timeout:${step.uid}`)} />
          <FieldErrors errors={errors} field="timeout_seconds" />
        </label>
      </div>
      <FieldErrors errors={errors} field="retry_config" />
    </div>
  );
}
