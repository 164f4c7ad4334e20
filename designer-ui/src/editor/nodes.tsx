/** The canvas's node types: the trigger, a step, and the placeholder of an empty branch. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { ArrowDown, ArrowUp, X } from 'lucide-react';
import { ActionIcon, TriggerIcon } from '../components/icons';
import { useCanvas } from './canvasContext';
import type { PlaceholderNodeData, StepNodeData, TriggerNodeData } from './canvasLayout';
import { placeholderId } from './canvasLayout';

export function TriggerNode({ data }: NodeProps) {
  const canvas = useCanvas();
  const { triggerType } = data as TriggerNodeData;
  const selected = canvas.selectedId === 'trigger';
  return (
    <div className={`node node-trigger${selected ? ' selected' : ''}`} data-testid="trigger-node"
      onClick={canvas.selectTrigger}>
      <span className="node-icon"><TriggerIcon type={triggerType} size={20} /></span>
      <div className="node-text">
        <div className="node-title">Trigger</div>
        <div className="node-sub">{triggerType}</div>
      </div>
      {canvas.triggerErrorCount > 0 && (
        <span className="node-error-badge" data-testid="trigger-error-badge">{canvas.triggerErrorCount}</span>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

export function StepNode({ data }: NodeProps) {
  const canvas = useCanvas();
  const { uid, stepKey, step } = data as StepNodeData;
  const action = canvas.action(step.action_type);
  const errors = canvas.errorCount(uid);
  const result = canvas.testResult(stepKey);
  const selected = canvas.selectedId === uid;
  const pinned = canvas.isPinned?.(uid) ?? false;
  const title = step.name?.trim() || action?.display_name || step.action_type;
  const stop = (fn: () => void) => (event: React.MouseEvent) => {
    event.stopPropagation();
    fn();
  };
  return (
    <div className={`node node-step${selected ? ' selected' : ''}${errors ? ' has-errors' : ''}`
      + `${result ? ` node-run-${result.status}` : ''}`}
      data-testid={`step-node-${stepKey}`} onClick={() => canvas.selectStep(uid)}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <span className="node-icon"><ActionIcon type={step.action_type} category={action?.category} size={20} /></span>
      <div className="node-text">
        <div className="node-title" title={title}>
          <span className="node-key">{stepKey}</span> {title}
        </div>
        <div className="node-sub">
          {step.name?.trim() ? (action?.display_name ?? step.action_type) : step.action_type}
          {step.condition ? ' · if …' : ''}
        </div>
        {step.notes?.trim() && (
          <div className="node-notes" title={step.notes} data-testid={`step-notes-${stepKey}`}>{step.notes}</div>
        )}
      </div>
      <div className="node-badges">
        {pinned && <span className="badge badge-pinned" data-testid={`step-pinned-${stepKey}`} title="Output pinned for tests">pinned</span>}
        {errors > 0 && (
          <span className="node-error-badge" title={`${errors} problem(s)`} data-testid={`step-error-badge-${stepKey}`}>
            {errors}
          </span>
        )}
        {result && (
          <span className={`badge badge-${result.status}`} data-testid={`step-test-status-${stepKey}`}>
            {canvas.resultLabel ? canvas.resultLabel(result) : result.status}
          </span>
        )}
      </div>
      {!canvas.readOnly && <div className="node-tools nodrag">
        <button type="button" title="Move up" aria-label={`Move step ${stepKey} up`} data-testid={`step-up-${stepKey}`}
          onClick={stop(() => canvas.moveStep(uid, -1))}><ArrowUp size={12} aria-hidden="true" /></button>
        <button type="button" title="Move down" aria-label={`Move step ${stepKey} down`}
          data-testid={`step-down-${stepKey}`} onClick={stop(() => canvas.moveStep(uid, 1))}><ArrowDown size={12} aria-hidden="true" /></button>
        <button type="button" title="Delete" aria-label={`Delete step ${stepKey}`} data-testid={`step-delete-${stepKey}`}
          onClick={stop(() => canvas.removeStep(uid))}><X size={12} aria-hidden="true" /></button>
      </div>}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

export function PlaceholderNode({ data }: NodeProps) {
  const canvas = useCanvas();
  const { container, label, parentKey } = data as PlaceholderNodeData;
  const id = placeholderId(container.parentUid!, container.block!);
  return (
    <div className={`node node-placeholder${canvas.selectedId === id ? ' selected' : ''}`}
      data-testid={`branch-${parentKey}-${label}`} onClick={() => { if (!canvas.readOnly) canvas.selectBranch(container); }}
      title={`Select, then pick an action to add it to the ${label} branch (or drop one here)`}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      {canvas.readOnly ? <><strong>{label}</strong>: nothing</> : <>+ add to <strong>{label}</strong></>}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

export const nodeTypes = { trigger: TriggerNode, step: StepNode, placeholder: PlaceholderNode };
