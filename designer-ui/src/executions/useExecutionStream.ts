/**
 * An execution, live: loaded once, then kept up to date by the server's event stream
 * (GET /api/executions/{id}/events: `execution` and `step` events). Where the stream is not available, it polls.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/api';
import type { ExecutionDetail, ExecutionSummary, StepAttempt } from '../api/types';
import { errorText } from '../components/format';
import { isFinal, mergeExecution, upsertStep } from './executionState';

export type Liveness = 'connecting' | 'live' | 'polling' | 'ended';
export const POLL_FALLBACK_MS = 2000;
/** Step rows may be written just after the final status: an execution that ended this recently is still followed. */
const SETTLE_MS = 10_000;

const settled = (detail: ExecutionDetail) => isFinal(detail.status)
  && (!detail.completed_at || Date.now() - Date.parse(detail.completed_at) > SETTLE_MS);

export function useExecutionStream(id: string) {
  const [execution, setExecution] = useState<ExecutionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [liveness, setLiveness] = useState<Liveness>('connecting');
  const [reloads, setReloads] = useState(0);
  const current = useRef<ExecutionDetail | null>(null);

  useEffect(() => {
    let stopped = false;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const set = (next: ExecutionDetail) => {
      current.current = next;
      setExecution(next);
    };
    const poll = async () => {
      try {
        const detail = await api.execution(id);
        if (stopped) return;
        set(detail);
        setError(null);
        if (settled(detail)) {
          setLiveness('ended');
          return;
        }
      } catch (e) {
        if (!stopped) setError(errorText(e));
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_FALLBACK_MS);
    };
    const listen = () => {
      if (typeof EventSource === 'undefined') {
        setLiveness('polling');
        timer = setTimeout(() => void poll(), POLL_FALLBACK_MS);
        return;
      }
      source = new EventSource(api.executionEventsUrl(id), { withCredentials: true });
      source.addEventListener('open', () => setLiveness('live'));
      source.addEventListener('execution', (event) => {
        const summary = JSON.parse((event as MessageEvent).data) as ExecutionSummary;
        set(mergeExecution(current.current, summary));
      });
      // the server's last event (after the final status and the last step rows): closing keeps EventSource from
      // reconnecting
      source.addEventListener('end', () => {
        source?.close();
        setLiveness('ended');
      });
      source.addEventListener('step', (event) => {
        const step = JSON.parse((event as MessageEvent).data) as StepAttempt;
        const base = current.current;
        if (base) set({ ...base, steps: upsertStep(base.steps, step) });
      });
      source.addEventListener('error', () => {
        // EventSource reconnects by itself while CONNECTING; CLOSED means it gave up (an old server, a proxy): poll
        if (source?.readyState === 2 && !stopped) {
          setLiveness('polling');
          timer = setTimeout(() => void poll(), POLL_FALLBACK_MS);
        }
      });
    };
    setLiveness('connecting');
    api.execution(id)
      .then((detail) => {
        if (stopped) return;
        set(detail);
        setError(null);
        if (settled(detail)) setLiveness('ended');
        else listen();
      })
      .catch((e) => { if (!stopped) setError(errorText(e)); });
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(timer);
    };
  }, [id, reloads]);

  /** Loads and listens again (after an action such as resume changed the execution). */
  const reload = () => setReloads((n) => n + 1);
  return { execution, error, liveness, reload };
}
