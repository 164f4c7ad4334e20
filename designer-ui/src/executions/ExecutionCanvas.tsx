/**
 * The execution on the workflow's graph: the editor's canvas, read-only, each step showing the status of its latest
 * attempt (running, waiting until T, completed, skipped, failed, interrupted). Clicking a step selects it.
 */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/api';
import type { StepResult, Workflow } from '../api/types';
import { errorText } from '../components/format';
import { Canvas } from '../editor/Canvas';
import { fromDefinition } from '../editor/model';
import { flatten } from '../editor/stepTree';
import { useCatalogue } from '../editor/useCatalogue';
import { latestRow, stepLabel } from './executionState';

export interface ExecutionCanvasProps {
  workflowId: string;
  version: number;
  steps: StepResult[];
  selectedKey: string | null;
  onSelect: (key: string | null) => void;
}

export default function ExecutionCanvas({ workflowId, version, steps, selectedKey, onSelect }: ExecutionCanvasProps) {
  const { catalogue, blocksOf, loaded } = useCatalogue();
  const [workflow, setWorkflow] = useState<Workflow | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.getWorkflow(workflowId)
      .then((wf) => { if (!cancelled) setWorkflow(wf); })
      .catch((e) => { if (!cancelled) setError(errorText(e)); });
    return () => { cancelled = true; };
  }, [workflowId]);

  const doc = useMemo(() => (workflow && loaded ? fromDefinition(workflow, blocksOf) : null), [workflow, loaded, blocksOf]);
  const infos = useMemo(() => (doc ? flatten(doc.steps) : []), [doc]);
  const uidOf = useMemo(() => new Map(infos.map((i) => [i.key, i.step.uid])), [infos]);
  const keyOf = useMemo(() => new Map(infos.map((i) => [i.step.uid, i.key])), [infos]);

  if (error) return <div className="form-error" role="alert">Could not load the workflow's graph: {error}</div>;
  if (!doc) return <div className="muted canvas-loading">Loading the graph…</div>;

  const selectedUid = selectedKey ? uidOf.get(selectedKey) : undefined;
  const nothing = () => {};
  return (
    <div className="execution-canvas" data-testid="execution-canvas">
      {workflow && workflow.version !== version && (
        <div className="muted small canvas-note">
          The graph is the workflow's version {workflow.version}; this run used version {version}.
        </div>
      )}
      <Canvas readOnly steps={doc.steps} triggerType={doc.trigger.type}
        selection={selectedUid ? { kind: 'step', uid: selectedUid } : null}
        action={(type) => catalogue.byType.get(type)} errorCount={() => 0} triggerErrorCount={0}
        testResult={(key) => latestRow(steps, key)} resultLabel={stepLabel}
        selectStep={(uid) => onSelect(keyOf.get(uid) ?? null)} selectTrigger={() => onSelect(null)}
        selectBranch={nothing} moveStep={nothing} removeStep={nothing}
        onDropAction={nothing} onRelocate={nothing} />
    </div>
  );
}
