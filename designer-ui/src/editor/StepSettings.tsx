/** Step-level settings: run conditions, retry policy and timeout. */
import type { ConditionDef, RetryConfig } from '../api/types';
import { ConditionEditor } from './ConditionEditor';
import type { LocatedError } from './errorPaths';
import type { EditorStep } from './model';

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
  // always a list: nested actions accept only a list, top-level steps both
  const setConditions = (list: ConditionDef[]) =>
    onChange({ condition: list.length === 0 ? null : list }, `cond:${step.uid}`);
  const retry: RetryConfig = step.retry_config ?? {};
  const setRetry = (patch: RetryConfig) => {
    const next = { ...retry, ...patch };
    const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as RetryConfig;
    onChange({ retry_config: Object.keys(clean).length ? clean : null }, `retry:${step.uid}`);
  };

  return (
    <div className="step-settings">
      <h4>Run only if</h4>
      <ConditionEditor conditions={conditions} onChange={setConditions} path="condition"
        errorsAt={(path) => errors.filter((e) => e.field === path).map((e) => e.message)}
        emptyText="Always runs." />

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
