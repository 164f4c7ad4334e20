/** The editor's header: name, description, tags, undo/redo, and Test / Run / Save / Deploy with a status line. */
import { useState } from 'react';
import type { Workflow } from '../api/types';

export interface ToolbarProps {
  name: string;
  description: string;
  tags: string[];
  onMeta: (patch: { name?: string; description?: string; tags?: string[] }) => void;
  workflow: Workflow | null;
  dirty: boolean;
  busy: string | null;
  status: string;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onTest: () => void;
  onRun: () => void;
  onSave: () => void;
  onDeploy: () => void;
  onUndeploy: () => void;
}

/** Tags as removable chips and a box that adds one on Enter or a comma. */
export function TagsInput({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const [text, setText] = useState('');
  const add = (raw: string) => {
    const tag = raw.trim();
    if (tag && !tags.includes(tag)) onChange([...tags, tag.slice(0, 50)]);
    setText('');
  };
  return (
    <div className="tags-input" data-testid="workflow-tags">
      {tags.map((tag) => (
        <span key={tag} className="chip tag-chip">
          {tag}
          <button type="button" className="link" aria-label={`Remove tag ${tag}`} data-testid={`tag-remove-${tag}`}
            onClick={() => onChange(tags.filter((t) => t !== tag))}>×</button>
        </span>
      ))}
      <input value={text} placeholder={tags.length ? 'Add tag' : 'Add tags…'} aria-label="Add a tag"
        data-testid="tag-input" onChange={(e) => {
          if (e.target.value.endsWith(',')) add(e.target.value.slice(0, -1));
          else setText(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(text);
          } else if (e.key === 'Backspace' && !text && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={() => { if (text.trim()) add(text); }} />
    </div>
  );
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
        <TagsInput tags={props.tags} onChange={(tags) => props.onMeta({ tags })} />
      </div>
      <div className="toolbar-actions">
        <button type="button" onClick={props.onUndo} disabled={!props.canUndo} title="Undo (Ctrl+Z)" data-testid="undo-button">Undo</button>
        <button type="button" onClick={props.onRedo} disabled={!props.canRedo} title="Redo (Ctrl+Shift+Z)" data-testid="redo-button">Redo</button>
        <button type="button" onClick={props.onTest} disabled={!!busy} data-testid="test-button"
          title="Runs the workflow as edited here with the sample data, without saving it">
          {busy === 'test' ? 'Testing…' : 'Test'}
        </button>
        <button type="button" onClick={props.onRun} disabled={!!busy} data-testid="run-button"
          title="Starts the deployed workflow with the sample data and follows the execution">
          {busy === 'run' ? 'Starting…' : 'Run workflow'}
        </button>
        <button type="button" className="primary" onClick={props.onSave} disabled={!!busy} data-testid="save-button"
          title="Save (Ctrl+S)">
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
