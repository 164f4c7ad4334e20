/** Pure functions over an execution's state: merging live events, and what a step's status says to a person. */
import type { ExecutionDetail, ExecutionSummary, StepResult } from '../api/types';
import { formatTime } from '../components/format';

/** After these nothing changes any more (an interrupted execution waits for a person). */
export const FINAL_STATUSES = ['completed', 'failed', 'cancelled'];
export const isFinal = (status: string | undefined) => !!status && FINAL_STATUSES.includes(status);

/** One row per attempt (and loop iteration) of a step. */
export const rowKey = (step: StepResult) => `${step.step_key}#${step.iteration ?? ''}#${step.attempt}`;

const startOf = (step: StepResult) => (step.started_at ? Date.parse(step.started_at) : Number.MAX_SAFE_INTEGER);

/** The steps with one row replaced or added, in the order they started. */
export function upsertStep<S extends StepResult>(steps: S[], step: S): S[] {
  const key = rowKey(step);
  const next = steps.some((s) => rowKey(s) === key) ? steps.map((s) => (rowKey(s) === key ? step : s)) : [...steps, step];
  return next.map((s, i) => ({ s, i }))
    .sort((a, b) => startOf(a.s) - startOf(b.s) || a.i - b.i)
    .map(({ s }) => s);
}

export function mergeExecution(current: ExecutionDetail | null, summary: ExecutionSummary): ExecutionDetail {
  return { ...summary, steps: current?.steps ?? [] };
}

/** The rows of one step key, and the one that stands for the step on the canvas: the latest. */
export function rowsOf(steps: StepResult[], key: string): StepResult[] {
  return steps.filter((s) => s.step_key === key);
}

export function latestRow(steps: StepResult[], key: string): StepResult | undefined {
  const rows = rowsOf(steps, key);
  return rows[rows.length - 1];
}

/** Until when a waiting step waits (its output's waiting_until). */
export function waitingUntil(step: StepResult): string | null {
  const output = step.output as Record<string, unknown> | null | undefined;
  return output && typeof output.waiting_until === 'string' ? output.waiting_until : null;
}

/** The words on a step's badge: "waiting until 10:32:05", "condition not met", "running"... */
export function stepLabel(step: StepResult): string {
  if (step.status === 'waiting') {
    const until = waitingUntil(step);
    return until ? `waiting until ${formatTime(until)}` : 'waiting';
  }
  if (step.status === 'skipped') return 'skipped: condition not met';
  if (step.attempt > 1 && step.status !== 'running') return `${step.status} (attempt ${step.attempt})`;
  return step.status;
}
