/** Workflows: name, trigger, state and last execution; create, open, duplicate and delete. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/api';
import type { WorkflowSummary } from '../api/types';
import { StatusBadge } from '../components/StatusBadge';
import { errorText, formatDateTime } from '../components/format';
import { useToast } from '../components/Toasts';

export function WorkflowsPage() {
  const [workflows, setWorkflows] = useState<WorkflowSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { notify } = useToast();
  const navigate = useNavigate();

  const load = useCallback(() => {
    api.listWorkflows().then((list) => { setWorkflows(list); setError(null); }).catch((e) => setError(errorText(e)));
  }, []);
  useEffect(load, [load]);

  const duplicate = async (summary: WorkflowSummary) => {
    try {
      const original = await api.getWorkflow(summary.id);
      const copy = await api.createWorkflow({
        name: `${original.name} (copy)`, description: original.description, trigger: original.trigger,
        steps: original.steps,
      });
      notify('success', `Created “${copy.name}”`);
      load();
    } catch (e) {
      notify('error', `Duplicate failed: ${errorText(e)}`);
    }
  };

  const remove = async (summary: WorkflowSummary) => {
    if (!window.confirm(`Delete the workflow “${summary.name}”? Its executions stay in the history.`)) return;
    try {
      await api.deleteWorkflow(summary.id);
      notify('info', `Deleted “${summary.name}”`);
      load();
    } catch (e) {
      notify('error', `Delete failed: ${errorText(e)}`);
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1>Workflows</h1>
        <div className="page-actions">
          <Link className="button" to="/templates">From a template</Link>
          <button type="button" className="primary" data-testid="new-workflow" onClick={() => navigate('/workflows/new')}>
            New workflow
          </button>
        </div>
      </div>
      {error && <div className="form-error" role="alert">Could not load workflows: {error}</div>}
      {workflows === null && !error && <div className="muted">Loading…</div>}
      {workflows && workflows.length === 0 && (
        <div className="empty" data-testid="workflows-empty">
          No workflows yet. Create one, or start from a <Link to="/templates">template</Link>.
        </div>
      )}
      {workflows && workflows.length > 0 && (
        <table className="table" data-testid="workflows-table">
          <thead>
            <tr><th>Name</th><th>Trigger</th><th>State</th><th>Last execution</th><th>Updated</th><th /></tr>
          </thead>
          <tbody>
            {workflows.map((w) => (
              <tr key={w.id} data-testid={`workflow-row-${w.id}`}>
                <td>
                  <Link to={`/workflows/${w.id}`} className="strong" data-testid="workflow-open">{w.name}</Link>
                  {w.description && <div className="muted small">{w.description}</div>}
                </td>
                <td><span className="chip">{w.trigger_type}</span></td>
                <td>
                  <span className={`badge ${w.deployed ? 'badge-deployed' : 'badge-draft'}`} data-testid="workflow-state">
                    {w.deployed ? 'deployed' : 'not deployed'}
                  </span>
                  {!w.is_active && <span className="badge badge-inactive">inactive</span>}
                  <span className="muted small"> v{w.version}</span>
                </td>
                <td>
                  {w.last_execution ? (
                    <Link to={`/executions/${w.last_execution.id}`}>
                      <StatusBadge status={w.last_execution.status} /> {formatDateTime(w.last_execution.started_at)}
                    </Link>
                  ) : <span className="muted">never run</span>}
                </td>
                <td className="muted small">{formatDateTime(w.updated_at)}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => navigate(`/workflows/${w.id}`)}>Open</button>
                  <button type="button" data-testid="workflow-duplicate" onClick={() => void duplicate(w)}>Duplicate</button>
                  <button type="button" className="danger" data-testid="workflow-delete" onClick={() => void remove(w)}>Delete</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
