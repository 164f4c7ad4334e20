/**
 * The {{...}} paths a step may use: trigger data fields (from the sample test data, which is the trigger data as the
 * execution context holds it, or the last test run's context), what every execution has (execution, date, trigger),
 * and step_N of earlier steps (with fields from pinned outputs or the last test run's outputs).
 */
import type { JsonObject, TestResult } from '../api/types';
import type { EditorStep } from './model';
import { findInfo } from './stepTree';

/** Where each trigger type puts its data in the execution context. */
export const TRIGGER_DATA_KEY: Record<string, string> = {
  webhook: 'webhook_data',
  event: 'event_data',
  schedule: 'trigger_data',
  manual: 'trigger_data',
};

export function triggerDataKey(triggerType: string): string {
  return TRIGGER_DATA_KEY[triggerType] ?? 'trigger_data';
}

/** Where every trigger type puts its data too (docs/api.md, Paths in the context): offered first. */
const PORTABLE_KEY = 'trigger_data';

/**
 * The trigger's paths, with the same fields at trigger_data first: under the trigger's own key (webhook_data,
 * event_data), or, for a manual or scheduled run whose fields sit at the top level, each of those.
 */
export function withTriggerData(paths: string[], triggerType: string): string[] {
  const key = triggerDataKey(triggerType);
  const portable = key === PORTABLE_KEY
    ? [PORTABLE_KEY, ...paths.filter((p) => p !== PORTABLE_KEY && !p.startsWith(`${PORTABLE_KEY}.`))
      .map((p) => `${PORTABLE_KEY}.${p}`)]
    : paths.filter((p) => p === key || p.startsWith(`${key}.`) || p.startsWith(`${key}[`))
      .map((p) => PORTABLE_KEY + p.slice(key.length));
  return [...new Set([...portable, ...paths])];
}

const MAX_DEPTH = 4;
const MAX_PATHS = 40;

/** Dotted paths of a JSON value: {a:{b:1}, c:[{d:2}]} -> a, a.b, c, c[0], c[0].d */
export function pathsOf(value: unknown, prefix: string, depth = 0, out: string[] = []): string[] {
  if (out.length >= MAX_PATHS) return out;
  if (prefix) out.push(prefix);
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    if (value.length > 0) pathsOf(value[0], `${prefix}[0]`, depth + 1, out);
    return out;
  }
  for (const [key, child] of Object.entries(value as JsonObject)) {
    pathsOf(child, prefix ? `${prefix}.${key}` : key, depth + 1, out);
  }
  return out;
}

export interface HintGroup {
  label: string;
  paths: string[];
}

/** Paths every execution's context has (ExecutionContexts.java), whatever its trigger. */
export const EXECUTION_PATHS = ['trigger.type', 'execution.id', 'execution.workflow_id', 'execution.started_at',
  'date.iso', 'date.today', 'date.year', 'date.month', 'date.day', 'date.week'];

export function templateHints(
  steps: EditorStep[], selectedUid: string | null, triggerType: string, sampleData: unknown,
  lastTest: TestResult | null, pinned: Map<string, unknown> = new Map(),
): HintGroup[] {
  const groups: HintGroup[] = [];
  const context = lastTest?.context ?? null;
  const contextKeys = context ? Object.keys(context)
    .filter((k) => !/^step_\d+$/.test(k) && !['execution', 'date', 'trigger'].includes(k)) : [];
  const sampleKeys = isObject(sampleData) ? Object.keys(sampleData).filter((k) => k !== 'trigger') : [];
  if (contextKeys.length > 0) {
    const paths = contextKeys.flatMap((key) => pathsOf(context![key], key));
    groups.push({ label: 'Trigger data (last test run)', paths: withTriggerData(paths, triggerType) });
  } else if (sampleKeys.length > 0) {
    const paths = sampleKeys.flatMap((key) => pathsOf((sampleData as JsonObject)[key], key));
    groups.push({ label: 'Trigger data (sample)', paths: withTriggerData(paths, triggerType) });
  } else {
    const own = triggerType === 'schedule' ? ['trigger.scheduled_time']
      : triggerType === 'manual' ? [] : [triggerDataKey(triggerType)];
    groups.push({ label: 'Trigger data', paths: [PORTABLE_KEY, ...own] });
  }
  groups.push({ label: 'Every execution', paths: EXECUTION_PATHS });
  if (!selectedUid) return groups;
  const info = findInfo(steps, selectedUid);
  if (!info) return groups;
  const outputs = new Map<string, unknown>((lastTest?.steps ?? []).map((r) => [r.step_key, r.output]));
  const available: number[] = [];
  for (let n = 1; n < info.number; n++) available.push(n);
  if (info.depth > 0) available.push(info.number);
  const stepPaths = available.flatMap((n) => {
    const key = String(n);
    const output = pinned.has(key) ? pinned.get(key) : outputs.get(key);
    return output !== undefined && output !== null ? pathsOf(output, `step_${n}`) : [`step_${n}`];
  });
  if (stepPaths.length > 0) groups.push({ label: 'Earlier steps', paths: stepPaths });
  if (isInLoop(steps, selectedUid)) {
    groups.push({ label: 'Loop', paths: ['loop.item', 'loop.index', 'loop.total'] });
  }
  return groups;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The context a preview resolves against: the last test run's, or else the sample trigger data with the pinned
 * outputs as step_N.
 */
export function previewContext(sampleData: unknown, lastTest: TestResult | null, pinned: Map<string, unknown>): JsonObject {
  if (lastTest?.context && Object.keys(lastTest.context).length > 0) return lastTest.context;
  const context: JsonObject = isObject(sampleData) ? { ...sampleData } : {};
  for (const [key, output] of pinned) {
    if (/^\d+$/.test(key)) context[`step_${key}`] = output;
  }
  return context;
}

function isInLoop(steps: EditorStep[], uid: string): boolean {
  let info = findInfo(steps, uid);
  while (info && info.container.parentUid) {
    if (info.container.block === 'loop_actions') return true;
    info = findInfo(steps, info.container.parentUid);
  }
  return false;
}
