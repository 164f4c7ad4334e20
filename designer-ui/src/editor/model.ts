/**
 * The editor's working copy of a definition. Steps carry a stable uid (for selection, undo and React keys)
 * and their nested actions (then_actions, else_actions, loop_actions) as child lists in `blocks`,
 * taken out of `config` while editing and put back by toDefinition.
 */
import type { ConditionDef, JsonObject, RetryConfig, StepDef, TriggerDef, WorkflowDefinition } from '../api/types';

export interface EditorStep {
  uid: string;
  action_type: string;
  /** a name for people, shown on the canvas instead of the action's */
  name?: string;
  notes?: string;
  config: JsonObject;
  blocks: Record<string, EditorStep[]>;
  condition?: ConditionDef | ConditionDef[] | null;
  retry_config?: RetryConfig | null;
  timeout_seconds?: number | null;
}

export interface EditorDoc {
  name: string;
  description: string;
  tags: string[];
  trigger: TriggerDef;
  steps: EditorStep[];
}

/** Which config keys of an action type hold nested actions (from the catalogue's nested_blocks). */
export type BlocksOf = (actionType: string) => string[];

let counter = 0;
export function newUid(): string {
  counter += 1;
  return `s${Date.now().toString(36)}${counter.toString(36)}`;
}

export function emptyDoc(): EditorDoc {
  return { name: '', description: '', tags: [], trigger: { type: 'manual', config: {} }, steps: [] };
}

export function newStep(actionType: string, blocksOf: BlocksOf): EditorStep {
  const blocks: Record<string, EditorStep[]> = {};
  for (const block of blocksOf(actionType)) blocks[block] = [];
  return { uid: newUid(), action_type: actionType, config: {}, blocks };
}

function isStepLike(value: unknown): value is StepDef {
  return typeof value === 'object' && value !== null && typeof (value as StepDef).action_type === 'string';
}

function blockNames(step: StepDef, blocksOf: BlocksOf): string[] {
  const names = new Set(blocksOf(step.action_type));
  for (const [key, value] of Object.entries(step.config ?? {})) {
    if (key.endsWith('_actions') && Array.isArray(value) && value.every(isStepLike)) names.add(key);
  }
  return [...names];
}

export function stepFromDef(def: StepDef, blocksOf: BlocksOf): EditorStep {
  const names = blockNames(def, blocksOf);
  const config: JsonObject = { ...(def.config ?? {}) };
  const blocks: Record<string, EditorStep[]> = {};
  for (const name of names) {
    const list = Array.isArray(config[name]) ? (config[name] as StepDef[]) : [];
    blocks[name] = list.filter(isStepLike).map((child) => stepFromDef(child, blocksOf));
    delete config[name];
  }
  const step: EditorStep = { uid: newUid(), action_type: def.action_type, config, blocks };
  if (def.name) step.name = def.name;
  if (def.notes) step.notes = def.notes;
  if (def.condition != null) step.condition = def.condition;
  if (def.retry_config != null) step.retry_config = def.retry_config;
  if (def.timeout_seconds != null) step.timeout_seconds = def.timeout_seconds;
  return step;
}

export function fromDefinition(def: WorkflowDefinition, blocksOf: BlocksOf): EditorDoc {
  const steps = [...(def.steps ?? [])].sort((a, b) => (a.step_number ?? 0) - (b.step_number ?? 0));
  return {
    name: def.name ?? '',
    description: def.description ?? '',
    tags: Array.isArray(def.tags) ? def.tags.filter((t) => typeof t === 'string') : [],
    trigger: { type: def.trigger?.type ?? 'manual', config: { ...(def.trigger?.config ?? {}) } },
    steps: steps.map((s) => stepFromDef(s, blocksOf)),
  };
}

export function stepToDef(step: EditorStep, stepNumber?: number): StepDef {
  const config: JsonObject = { ...step.config };
  for (const [name, children] of Object.entries(step.blocks)) {
    config[name] = children.map((child) => stepToDef(child));
  }
  const def: StepDef = stepNumber !== undefined
    ? { step_number: stepNumber, action_type: step.action_type, config }
    : { action_type: step.action_type, config };
  if (step.name?.trim()) def.name = step.name.trim();
  if (step.notes?.trim()) def.notes = step.notes;
  if (step.condition != null) def.condition = step.condition;
  if (step.retry_config != null) def.retry_config = step.retry_config;
  if (step.timeout_seconds != null) def.timeout_seconds = step.timeout_seconds;
  return def;
}

/** Top-level steps are numbered 1..n in their order; nested actions carry no number (the API keys them). */
export function toDefinition(doc: EditorDoc): WorkflowDefinition {
  return {
    name: doc.name,
    description: doc.description,
    ...(doc.tags.length > 0 ? { tags: [...doc.tags] } : {}),
    trigger: { type: doc.trigger.type, config: { ...doc.trigger.config } },
    steps: doc.steps.map((step, index) => stepToDef(step, index + 1)),
  };
}

/** Short block label as used in step keys: then_actions -> then. */
export function blockLabel(block: string): string {
  return block.replace(/_actions$/, '');
}
