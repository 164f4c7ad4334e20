/** An execution followed while it runs: its detail every second until it ends. */
import { useEffect, useState } from 'react';
import { api } from '../api/api';
import type { ExecutionDetail } from '../api/types';

const ENDED = ['completed', 'failed', 'cancelled', 'interrupted'];
export const POLL_MS = 1000;

export function isEnded(status: string | undefined): boolean {
  return status !== undefined && ENDED.includes(status);
}

export function useLiveExecution(executionId: string | null) {
  const [detail, setDetail] = useState<ExecutionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDetail(null);
    setError(null);
    if (!executionId) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const next = await api.execution(executionId);
        if (stopped) return;
        setDetail(next);
        if (isEnded(next.status)) return;
      } catch (e) {
        if (stopped) return;
        setError(e instanceof Error ? e.message : String(e));
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [executionId]);
  return { detail, error };
}
