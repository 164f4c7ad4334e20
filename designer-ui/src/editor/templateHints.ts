/**
 * The {{...}} paths a step may use: trigger data fields (from the sample test data, or the last test run's
 * context) and step_N of earlier steps (with fields from the last test run's outputs).
 */
import type { JsonObject, StepResult, TestResult } from '../api/types';
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

export function templateHints(
  steps: EditorStep[], selectedUid: string | null, triggerType: string, sampleData: unknown,
  lastTest: TestResult | null,
): HintGroup[] {
  const groups: HintGroup[] = [];
  const contextKeys = lastTest?.context ? Object.keys(lastTest.context).filter((k) => !/^step_\d+$/.test(k)) : [];
  if (contextKeys.length > 0) {
    const paths = contextKeys.flatMap((key) => pathsOf(lastTest!.context[key], key));
    groups.push({ label: 'Trigger data (last test run)', paths });
  } else {
    groups.push({ label: 'Trigger data (sample)', paths: pathsOf(sampleData ?? {}, triggerDataKey(triggerType)) });
  }
  if (!selectedUid) return groups;
  const info = findInfo(steps, selectedUid);
  if (!info) return groups;
  const outputs = new Map<string, StepResult>((lastTest?.steps ?? []).map((r) => [r.step_key, r]));
  const available: number[] = [];
  for (let n = 1; n < info.number; n++) available.push(n);
  if (info.depth > 0) available.push(info.number);
  const stepPaths = available.flatMap((n) => {
    const result = outputs.get(String(n));
    return result?.output !== undefined ? pathsOf(result.output, `step_${n}`) : [`step_${n}`];
  });
  if (stepPaths.length > 0) groups.push({ label: 'Earlier steps', paths: stepPaths });
  if (isInLoop(steps, selectedUid)) {
    groups.push({ label: 'Loop', paths: ['loop.item', 'loop.index', 'loop.total'] });
  }
  return groups;
}

function isInLoop(steps: EditorStep[], uid: string): boolean {
  let info = findInfo(steps, uid);
  while (info && info.container.parentUid) {
    if (info.container.block === 'loop_actions') return true;
    info = findInfo(steps, info.container.parentUid);
  }
  return false;
}
