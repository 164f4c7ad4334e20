/** Test runs: the sample trigger data, and each step's status, resolved input and output from the last run. */
import type { TestResult } from '../api/types';
import { JsonView } from '../components/JsonView';
import { StatusBadge } from '../components/StatusBadge';
import { formatDuration } from '../components/format';

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

export interface TestPanelProps {
  sampleText: string;
  onSampleChange: (text: string) => void;
  result: TestResult | null;
  running: boolean;
  onRun: () => void;
}

export function TestPanel({ sampleText, onSampleChange, result, running, onRun }: TestPanelProps) {
  const { error } = parseSampleData(sampleText);
  return (
    <div className="test-panel" data-testid="test-panel">
      <h3>Test run</h3>
      <label>Sample trigger data (JSON)
        <textarea rows={8} spellCheck={false} value={sampleText} data-testid="test-data"
          onChange={(e) => onSampleChange(e.target.value)} />
      </label>
      {error && <div className="form-error" data-testid="test-data-error">{error}</div>}
      <button type="button" className="primary" onClick={onRun} disabled={running || !!error} data-testid="test-run">
        {running ? 'Running…' : 'Run test'}
      </button>
      <p className="muted small">
        Give the data as the trigger delivers it, e.g. <code>{'{"webhook_data": {"name": "Ada"}}'}</code> for a webhook.
        Test runs execute the real actions with this data; they are not recorded as executions.
      </p>
      {result && (
        <div className="test-result">
          <div className="test-summary">
            Result: <StatusBadge status={result.status} testId="test-result-status" />
            {result.error && <div className="form-error" data-testid="test-result-error">{result.error}</div>}
          </div>
          {result.steps.map((step) => (
            <details key={step.step_key} className={`test-step test-step-${step.status}`} open={step.status === 'failed'}
              data-testid={`test-step-${step.step_key}`}>
              <summary>
                <span className="node-key">{step.step_key}</span> {step.action_type}
                <StatusBadge status={step.status} />
                <span className="muted small">
                  {formatDuration(step.duration_ms)}{step.attempt > 1 ? ` · ${step.attempt} attempts` : ''}
                </span>
              </summary>
              {step.error && <div className="form-error">{step.error}</div>}
              <JsonView label="Input (resolved)" value={step.input} />
              <JsonView label="Output" value={step.output} />
            </details>
          ))}
        </div>
      )}
    </div>
  );
}
