/** The workflow canvas: React Flow showing the trigger and the step tree, with drop and drag to place steps. */
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import {
  Background, Controls, ReactFlow, ReactFlowProvider, applyNodeChanges, useReactFlow, type Node, type NodeChange,
} from '@xyflow/react';
import type { EditorStep } from './model';
import { buildGraph, placeholderId, TRIGGER_ID, type PlaceholderNodeData } from './canvasLayout';
import { CanvasContext, type CanvasApi } from './canvasContext';
import { nodeTypes } from './nodes';
import { findInfo, TOP, type Container } from './stepTree';
import type { Selection } from './useEditor';

export const ACTION_MIME = 'application/x-placemat-action';

export interface CanvasProps extends Omit<CanvasApi, 'selectedId'> {
  steps: EditorStep[];
  triggerType: string;
  selection: Selection;
  onDropAction: (actionType: string, at: { container: Container; index: number }) => void;
  onRelocate: (uid: string, at: { container: Container; index: number }) => void;
}

function selectedId(selection: Selection): string | null {
  if (!selection) return null;
  if (selection.kind === 'trigger') return TRIGGER_ID;
  if (selection.kind === 'step') return selection.uid;
  return placeholderId(selection.container.parentUid!, selection.container.block!);
}

/** Where something dropped on a node goes: into an empty branch, or after the step it was dropped on. */
function targetOf(node: Node | undefined, steps: EditorStep[]): { container: Container; index: number } {
  if (node?.type === 'placeholder') return { container: (node.data as PlaceholderNodeData).container, index: 0 };
  if (node?.type === 'step') {
    const info = findInfo(steps, node.id);
    if (info) return { container: info.container, index: info.index + 1 };
  }
  if (node?.type === 'trigger') return { container: TOP, index: 0 };
  return { container: TOP, index: steps.length };
}

function FlowCanvas(props: CanvasProps) {
  const { steps, triggerType, selection, onDropAction, onRelocate, readOnly } = props;
  const flow = useReactFlow();
  const graph = useMemo(() => buildGraph(steps, triggerType), [steps, triggerType]);
  const [nodes, setNodes] = useState<Node[]>(graph.nodes);
  useEffect(() => setNodes(graph.nodes), [graph]);
  // keep every step in view when steps are loaded, added or removed
  const count = graph.nodes.length;
  useEffect(() => {
    const timer = setTimeout(() => void flow.fitView({ maxZoom: 1, padding: 0.2, duration: 150 }), 50);
    return () => clearTimeout(timer);
  }, [count, flow]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    setNodes((current) => applyNodeChanges(changes.filter((c) => c.type === 'position' || c.type === 'dimensions'),
      current));
  }, []);

  const onDrop = useCallback((event: DragEvent) => {
    event.preventDefault();
    const actionType = event.dataTransfer.getData(ACTION_MIME) || event.dataTransfer.getData('text/plain');
    if (!actionType) return;
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const hit = flow.getIntersectingNodes({ x: point.x, y: point.y, width: 1, height: 1 })[0];
    onDropAction(actionType, targetOf(hit, steps));
  }, [flow, onDropAction, steps]);

  const onNodeDragStop = useCallback((_: unknown, dragged: Node) => {
    const hit = flow.getIntersectingNodes(dragged).find((n) => n.id !== dragged.id);
    if (hit && dragged.type === 'step') onRelocate(dragged.id, targetOf(hit, steps));
    else setNodes(graph.nodes);
  }, [flow, graph.nodes, onRelocate, steps]);

  const api = useMemo<CanvasApi>(() => ({ ...props, selectedId: selectedId(selection) }), [props, selection]);

  return (
    <CanvasContext.Provider value={api}>
      <div className={`canvas${readOnly ? ' canvas-read-only' : ''}`} data-testid="canvas"
        onDragOver={readOnly ? undefined : (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; }}
        onDrop={readOnly ? undefined : onDrop}>
        <ReactFlow nodes={nodes} edges={graph.edges} nodeTypes={nodeTypes} onNodesChange={onNodesChange}
          onNodeDragStop={onNodeDragStop} deleteKeyCode={null} nodesConnectable={false} nodesDraggable={!readOnly} fitView
          fitViewOptions={{ maxZoom: 1, padding: 0.2 }} minZoom={0.2} proOptions={{ hideAttribution: true }}>
          <Background gap={20} size={1} />
          <Controls showInteractive={false} />
        </ReactFlow>
        {steps.length === 0 && !readOnly && (
          <div className="canvas-empty" data-testid="canvas-empty">
            Drag an action from the palette here, or click one to add it as the first step.
          </div>
        )}
      </div>
    </CanvasContext.Provider>
  );
}

export function Canvas(props: CanvasProps) {
  return (
    <ReactFlowProvider>
      <FlowCanvas {...props} />
    </ReactFlowProvider>
  );
}
