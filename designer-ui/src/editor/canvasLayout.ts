/**
 * Turns the step tree into React Flow nodes and edges, laid out top to bottom with dagre.
 * Control steps branch: an edge per block (then / else / loop) to its first action, or to a placeholder
 * where the block is empty. The step after a control step joins the ends of all its branches, so it is drawn below
 * the whole block, never beside a branch.
 */
import dagre from '@dagrejs/dagre';
import type { Edge, Node } from '@xyflow/react';
import { blockLabel, type EditorStep } from './model';
import { flatten, type Container } from './stepTree';

export const STEP_SIZE = { width: 240, height: 72 };
/** A step with notes is taller: the notes show under its title. */
export const STEP_WITH_NOTES_HEIGHT = 96;
export const PLACEHOLDER_SIZE = { width: 150, height: 40 };
export const TRIGGER_SIZE = { width: 240, height: 56 };

export interface StepNodeData extends Record<string, unknown> {
  uid: string;
  stepKey: string;
  step: EditorStep;
}

export interface PlaceholderNodeData extends Record<string, unknown> {
  container: Container;
  label: string;
  parentKey: string;
}

export interface TriggerNodeData extends Record<string, unknown> {
  triggerType: string;
}

export const TRIGGER_ID = 'trigger';
export const placeholderId = (uid: string, block: string) => `${uid}::${block}`;

export function buildGraph(steps: EditorStep[], triggerType: string): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = [{
    id: TRIGGER_ID, type: 'trigger', position: { x: 0, y: 0 }, data: { triggerType } satisfies TriggerNodeData,
    ...TRIGGER_SIZE, deletable: false, draggable: false,
  }];
  const edges: Edge[] = [];
  const keys = new Map(flatten(steps).map((info) => [info.step.uid, info.key]));
  const edge = (source: string, target: string, label?: string, kind = 'seq') => {
    edges.push({
      id: `${source}->${target}`, source, target, label, type: 'smoothstep', className: `edge-${kind}`,
      deletable: false, data: { kind },
    });
  };

  /** Adds the steps of a list after `from` (the nodes it continues from); returns the nodes the list ends in. */
  const walk = (list: EditorStep[], from: string[], label?: string): string[] => {
    let previous = from;
    list.forEach((step, index) => {
      nodes.push({
        id: step.uid, type: 'step', position: { x: 0, y: 0 }, width: STEP_SIZE.width,
        height: step.notes?.trim() ? STEP_WITH_NOTES_HEIGHT : STEP_SIZE.height,
        data: { uid: step.uid, stepKey: keys.get(step.uid)!, step } satisfies StepNodeData,
      });
      const branchEdge = index === 0 && label;
      previous.forEach((source) => edge(source, step.uid, branchEdge ? label : undefined, branchEdge ? 'branch' : 'seq'));
      const ends: string[] = [];
      for (const [block, children] of Object.entries(step.blocks)) {
        const name = blockLabel(block);
        if (children.length === 0) {
          const id = placeholderId(step.uid, block);
          nodes.push({
            id, type: 'placeholder', position: { x: 0, y: 0 }, ...PLACEHOLDER_SIZE, draggable: false,
            data: { container: { parentUid: step.uid, block }, label: name, parentKey: keys.get(step.uid)! } satisfies PlaceholderNodeData,
          });
          edge(step.uid, id, name, 'branch');
          ends.push(id);
        } else {
          ends.push(...walk(children, [step.uid], name));
        }
      }
      previous = ends.length > 0 ? ends : [step.uid];
    });
    return previous;
  };
  walk(steps, [TRIGGER_ID]);
  return { nodes: layout(nodes, edges), edges };
}

function layout(nodes: Node[], edges: Edge[]): Node[] {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 36, ranksep: 48, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  for (const e of edges) graph.setEdge(e.source, e.target);
  dagre.layout(graph);
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    return { ...node, position: { x: placed.x - (node.width ?? 0) / 2, y: placed.y - (node.height ?? 0) / 2 } };
  });
}
