import { formatJson } from './format';

export function JsonView({ value, label, testId }: { value: unknown; label?: string; testId?: string }) {
  if (value === undefined || value === null) {
    return <div className="muted small">{label ? `${label}: ` : ''}none</div>;
  }
  return (
    <div className="json-view">
      {label && <div className="json-label">{label}</div>}
      <pre data-testid={testId}>{formatJson(value)}</pre>
    </div>
  );
}
