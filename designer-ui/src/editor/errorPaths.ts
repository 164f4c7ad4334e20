/**
 * Puts the API's validation errors (path like "steps[1].config.url") where they belong: on a step (by uid,
 * with the path relative to that step), on the trigger, or on the workflow itself.
 */
import type { FieldError } from '../api/client';
import { stepToDef, toDefinition, type EditorDoc, type EditorStep } from './model';
import { findInfo, flatten } from './stepTree';

export interface LocatedError extends FieldError {
  /** the path relative to the step or trigger: "config.url", "timeout_seconds", "" for the step itself */
  field: string;
}

export interface ErrorMap {
  byStep: Map<string, LocatedError[]>;
  trigger: LocatedError[];
  workflow: LocatedError[];
}

export const NO_ERRORS: ErrorMap = { byStep: new Map(), trigger: [], workflow: [] };

function relative(path: string, prefix: string): string | null {
  if (path === prefix) return '';
  if (path.startsWith(`${prefix}.`)) return path.substring(prefix.length + 1);
  if (path.startsWith(`${prefix}[`)) return path.substring(prefix.length);
  return null;
}

export function mapErrors(errors: FieldError[], steps: EditorStep[]): ErrorMap {
  // deepest steps first, so that a nested action's error is not claimed by its control step
  const infos = flatten(steps).sort((a, b) => b.path.length - a.path.length);
  const result: ErrorMap = { byStep: new Map(), trigger: [], workflow: [] };
  for (const error of errors) {
    const path = error.path.replace(/^\$\.?/, '');
    const owner = infos.find((info) => relative(path, info.path) !== null);
    if (owner) {
      const list = result.byStep.get(owner.step.uid) ?? [];
      list.push({ ...error, field: relative(path, owner.path)! });
      result.byStep.set(owner.step.uid, list);
      continue;
    }
    const triggerField = relative(path, 'trigger');
    if (triggerField !== null) {
      result.trigger.push({ ...error, field: triggerField });
    } else {
      result.workflow.push({ ...error, field: path });
    }
  }
  return result;
}

/** Splits "a.b[0].c" into ["a", "b", 0, "c"]. */
export function splitPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    out.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return out;
}

/** Joins ["a", "b", 0] back to "a.b[0]". */
export function joinPath(parts: readonly (string | number)[]): string {
  return parts.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc ? `${acc}.${part}` : part;
  }, '');
}

export interface ErrorSchemaNode {
  __errors?: string[];
  [key: string]: ErrorSchemaNode | string[] | undefined;
}

/** An RJSF errorSchema from errors whose field starts with `prefix` ("config"): the form shows them inline. */
export function toErrorSchema(errors: LocatedError[], prefix: string): ErrorSchemaNode {
  const root: ErrorSchemaNode = {};
  for (const error of errors) {
    const parts = splitPath(error.field);
    if (parts[0] !== prefix) continue;
    let node = root;
    for (const part of parts.slice(1)) {
      const key = String(part);
      node[key] = (node[key] as ErrorSchemaNode | undefined) ?? {};
      node = node[key] as ErrorSchemaNode;
    }
    node.__errors = [...(node.__errors ?? []), error.message];
  }
  return root;
}

function valueAt(value: unknown, path: string): unknown {
  let node: unknown = value;
  for (const part of splitPath(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

const sameAt = (a: unknown, b: unknown, path: string) =>
  JSON.stringify(valueAt(a, path)) === JSON.stringify(valueAt(b, path));

/**
 * The errors whose field still holds what it held when the server reported them: an error goes away as soon as
 * its field is changed (steps are found by uid, so moving a step keeps its errors).
 */
export function pruneFixed(errors: ErrorMap, before: EditorDoc, now: EditorDoc): ErrorMap {
  if (before === now) return errors;
  const byStep = new Map<string, LocatedError[]>();
  for (const [uid, list] of errors.byStep) {
    const old = findInfo(before.steps, uid);
    const current = findInfo(now.steps, uid);
    if (!old || !current) continue;
    const a = stepToDef(old.step);
    const b = stepToDef(current.step);
    const kept = list.filter((e) => sameAt(a, b, e.field));
    if (kept.length > 0) byStep.set(uid, kept);
  }
  const trigger = errors.trigger.filter((e) => sameAt(before.trigger, now.trigger, e.field));
  const oldDef = toDefinition(before);
  const newDef = toDefinition(now);
  const workflow = errors.workflow.filter((e) => sameAt(oldDef, newDef, e.field));
  return { byStep, trigger, workflow };
}
