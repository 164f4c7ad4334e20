/** Pure operations on the step tree: find, insert, remove, move, clone, and the keys and paths of each step. */
import { blockLabel, newUid, type EditorStep } from './model';

/** Where a list of steps lives: the top level (parentUid null) or a block of a control step. */
export interface Container {
  parentUid: string | null;
  block: string | null;
}

export const TOP: Container = { parentUid: null, block: null };

export interface StepInfo {
  step: EditorStep;
  /** step_key as the API reports it: "2", "2.then.1" */
  key: string;
  /** the definition path as in validation errors: "steps[1]", "steps[1].config.then_actions[0]" */
  path: string;
  /** the top-level step number this step belongs to */
  number: number;
  container: Container;
  index: number;
  depth: number;
}

/** Every step in document order (parents before children), with key and path. */
export function flatten(steps: EditorStep[]): StepInfo[] {
  const out: StepInfo[] = [];
  const walk = (list: EditorStep[], container: Container, keyPrefix: string, pathPrefix: string,
    number: number, depth: number) => {
    list.forEach((step, index) => {
      const top = container.parentUid === null;
      const key = top ? String(index + 1) : `${keyPrefix}.${index + 1}`;
      const path = top ? `steps[${index}]` : `${pathPrefix}[${index}]`;
      const stepNumber = top ? index + 1 : number;
      out.push({ step, key, path, number: stepNumber, container, index, depth });
      for (const [block, children] of Object.entries(step.blocks)) {
        walk(children, { parentUid: step.uid, block }, `${key}.${blockLabel(block)}`, `${path}.config.${block}`,
          stepNumber, depth + 1);
      }
    });
  };
  walk(steps, TOP, '', '', 0, 0);
  return out;
}

export function findInfo(steps: EditorStep[], uid: string): StepInfo | undefined {
  return flatten(steps).find((info) => info.step.uid === uid);
}

function mapList(steps: EditorStep[], container: Container, fn: (list: EditorStep[]) => EditorStep[]): EditorStep[] {
  if (container.parentUid === null) return fn(steps);
  return steps.map((step) => {
    if (step.uid === container.parentUid && container.block) {
      return { ...step, blocks: { ...step.blocks, [container.block]: fn(step.blocks[container.block] ?? []) } };
    }
    const blocks = Object.fromEntries(
      Object.entries(step.blocks).map(([name, list]) => [name, mapList(list, container, fn)]),
    );
    return { ...step, blocks };
  });
}

export function insertStep(steps: EditorStep[], container: Container, index: number, step: EditorStep): EditorStep[] {
  return mapList(steps, container, (list) => {
    const at = Math.max(0, Math.min(index, list.length));
    return [...list.slice(0, at), step, ...list.slice(at)];
  });
}

export function removeStep(steps: EditorStep[], uid: string): EditorStep[] {
  return steps
    .filter((step) => step.uid !== uid)
    .map((step) => ({
      ...step,
      blocks: Object.fromEntries(Object.entries(step.blocks).map(([name, list]) => [name, removeStep(list, uid)])),
    }));
}

export function updateStep(steps: EditorStep[], uid: string, fn: (step: EditorStep) => EditorStep): EditorStep[] {
  return steps.map((step) => {
    if (step.uid === uid) return fn(step);
    const blocks = Object.fromEntries(
      Object.entries(step.blocks).map(([name, list]) => [name, updateStep(list, uid, fn)]),
    );
    return { ...step, blocks };
  });
}

/** Moves a step up (delta -1) or down (+1) among its siblings. */
export function moveStep(steps: EditorStep[], uid: string, delta: number): EditorStep[] {
  const info = findInfo(steps, uid);
  if (!info) return steps;
  return mapList(steps, info.container, (list) => {
    const from = list.findIndex((s) => s.uid === uid);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= list.length) return list;
    const copy = [...list];
    const [moved] = copy.splice(from, 1);
    copy.splice(to, 0, moved);
    return copy;
  });
}

/** Moves a step to another container and position (drag and drop); refuses to move a step into itself. */
export function relocateStep(steps: EditorStep[], uid: string, container: Container, index: number): EditorStep[] {
  const info = findInfo(steps, uid);
  if (!info) return steps;
  if (container.parentUid && isWithin(info.step, container.parentUid)) return steps;
  let target = index;
  const sameList = info.container.parentUid === container.parentUid && info.container.block === container.block;
  if (sameList && info.index < index) target -= 1;
  return insertStep(removeStep(steps, uid), container, target, info.step);
}

function isWithin(step: EditorStep, uid: string): boolean {
  if (step.uid === uid) return true;
  return Object.values(step.blocks).some((list) => list.some((child) => isWithin(child, uid)));
}

/** A deep copy with fresh uids (paste, duplicate). */
export function cloneStep(step: EditorStep): EditorStep {
  return {
    ...structuredClone({ ...step, blocks: {} }),
    uid: newUid(),
    blocks: Object.fromEntries(Object.entries(step.blocks).map(([name, list]) => [name, list.map(cloneStep)])),
  };
}
