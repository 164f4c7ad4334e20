/** The editor's header: name, description, undo/redo, and Test / Save / Deploy with a status line. */
import type { Workflow } from '../api/types';

export interface ToolbarProps {
  name: string;
  description: string;
  onMeta: (patch: { name?: string; description?: string }) => void;
  workflow: Workflow | null;
  dirty: boolean;
  busy: string | null;
  status: string;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onTest: () => void;
  onSave: () => void;
  onDeploy: () => void;
  onUndeploy: () => void;
}

export function EditorToolbar(props: ToolbarProps) {
  const { workflow, dirty, busy } = props;
  return (
    <div className="editor-toolbar">
      <div className={`meta${dirty ? ' dirty' : ''}`}>
        <input className="name-input" placeholder="Workflow name" value={props.name} data-testid="workflow-name"
          aria-label="Workflow name" onChange={(e) => props.onMeta({ name: e.target.value })} />
        <input className="description-input" placeholder="Description" value={props.description}
          data-testid="workflow-description" aria-label="Description"
          onChange={(e) => props.onMeta({ description: e.target.value })} />
      </div>
      <div className="toolbar-actions">
        <button type="button" onClick={props.onUndo} disabled={!props.canUndo} title="Undo (Ctrl+Z)" data-testid="undo-button">↶</button>
        <button type="button" onClick={props.onRedo} disabled={!props.canRedo} title="Redo (Ctrl+Shift+Z)" data-testid="redo-button">↷</button>
        <button type="button" onClick={props.onTest} disabled={!!busy} data-testid="test-button">
          {busy === 'test' ? 'Testing…' : 'Test'}
        </button>
        <button type="button" className="primary" onClick={props.onSave} disabled={!!busy} data-testid="save-button">
          {busy === 'save' ? 'Saving…' : 'Save'}
        </button>
        {workflow?.deployed ? (
          <button type="button" onClick={props.onUndeploy} disabled={!!busy} data-testid="undeploy-button">
            {busy === 'undeploy' ? 'Undeploying…' : 'Undeploy'}
          </button>
        ) : null}
        <button type="button" className="accent" onClick={props.onDeploy} disabled={!!busy} data-testid="deploy-button">
          {busy === 'deploy' ? 'Deploying…' : workflow?.deployed ? 'Redeploy' : 'Deploy'}
        </button>
      </div>
      <div className="status-line" data-testid="status-line" role="status">{props.status}</div>
    </div>
  );
}
