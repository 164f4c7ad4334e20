/**
 * The next five fire times of a schedule trigger, from the server (POST /api/schedules/preview: its own cron rules
 * and its default zone), shown in the schedule's zone and in the user's. Asked again 400 ms after the last change.
 */
import { useEffect, useState } from 'react';
import { api } from '../api/api';
import { ApiError } from '../api/client';
import type { SchedulePreview as Preview } from '../api/types';

export const PREVIEW_DELAY_MS = 400;

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "Mon, 7 Dec 2026, 09:00" in the given zone. */
export function formatFire(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

type State = { preview: Preview | null; error: string | null; loading: boolean };

export function SchedulePreview({ expression, timeZone, userZone = browserTimeZone() }: {
  expression: string; timeZone: string | undefined; userZone?: string;
}) {
  const [state, setState] = useState<State>({ preview: null, error: null, loading: false });
  useEffect(() => {
    if (!expression.trim()) {
      setState({ preview: null, error: null, loading: false });
      return undefined;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      api.schedulePreview(expression.trim(), timeZone?.trim() || undefined, controller.signal)
        .then((preview) => setState({ preview, error: null, loading: false }))
        .catch((e) => {
          if (controller.signal.aborted) return;
          const message = e instanceof ApiError && e.errors.length > 0 ? e.errors.map((x) => x.message).join('; ')
            : e instanceof Error ? e.message : String(e);
          setState({ preview: null, error: message, loading: false });
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [expression, timeZone]);

  const { preview, error, loading } = state;
  const zone = preview?.timezone;
  return (
    <div className="cron-preview" data-testid="cron-preview">
      <div className="hint-label">Next runs</div>
      {!expression.trim() && <div className="muted small">Enter a cron expression such as <code>0 9 * * MON</code>.</div>}
      {error && <div className="form-error" data-testid="cron-error">{error}</div>}
      {loading && !preview && !error && <div className="muted small">Asking the server…</div>}
      {preview && !error && (
        <>
          {!timeZone?.trim() && (
            <div className="muted small" data-testid="cron-default-zone">
              No time zone set: the server runs this schedule in {zone}.
            </div>
          )}
          {preview.next.length === 0 && <div className="muted small">This schedule never runs.</div>}
          {preview.next.length > 0 && (
            <table className="fire-times">
              <thead>
                <tr><th>{zone}</th>{userZone !== zone && <th>Your time ({userZone})</th>}</tr>
              </thead>
              <tbody>
                {preview.next.map((iso) => (
                  <tr key={iso} data-testid="cron-run">
                    <td data-testid="cron-run-zone">{formatFire(iso, zone!)}</td>
                    {userZone !== zone && <td data-testid="cron-run-local">{formatFire(iso, userZone)}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
