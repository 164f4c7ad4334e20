/** The next five runs of a schedule, in its time zone. */
import { useMemo } from 'react';
import { CronError, formatRun, nextRuns } from './cron';

export function CronPreview({ expression, timeZone, now }: { expression: string; timeZone: string; now?: Date }) {
  const result = useMemo(() => {
    if (!expression.trim()) return { runs: [] as Date[], error: null };
    try {
      return { runs: nextRuns(expression, timeZone, now ?? new Date(), 5), error: null };
    } catch (e) {
      return { runs: [], error: e instanceof CronError ? e.message : String(e) };
    }
  }, [expression, timeZone, now]);

  return (
    <div className="cron-preview" data-testid="cron-preview">
      <div className="hint-label">Next runs ({timeZone})</div>
      {!expression.trim() && <div className="muted small">Enter a cron expression such as <code>0 9 * * MON</code>.</div>}
      {result.error && <div className="form-error" data-testid="cron-error">{result.error}</div>}
      {!result.error && expression.trim() && result.runs.length === 0 && (
        <div className="muted small">This schedule never runs.</div>
      )}
      <ol>
        {result.runs.map((run) => <li key={run.getTime()} data-testid="cron-run">{formatRun(run, timeZone)}</li>)}
      </ol>
    </div>
  );
}
