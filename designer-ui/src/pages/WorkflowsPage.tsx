/**
 * Workflows: name, tags, trigger, state and last execution; search and filter them; create, open, duplicate,
 * export (one or all) and import, and delete.
 */
import { useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/api';
import type { ImportResult, WorkflowSummary } from '../api/types';
import { StatusBadge } from '../components/StatusBadge';
import { errorText, formatDateTime } from '../components/format';
import { useToast } from '../components/Toasts';
import { useConfirmedChange } from '../components/useConfirmedChange';
import { useLoaded } from '../components/useLoaded';

export interface WorkflowFilter {
  query: string;
  trigger: string;
  status: '' | 'deployed' | 'not_deployed' | 'failing';
  tag: string;
}

const NO_FILTER: WorkflowFilter = { query: '', trigger: '', status: '', tag: '' };

/** The workflows that match every part of the filter; the query looks at name, description and tags. */
export function filterWorkflows(list: WorkflowSummary[], filter: WorkflowFilter): WorkflowSummary[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return list.filter((w) => {
    const text = [w.name, w.description ?? '', ...(w.tags ?? [])].join(' ').toLowerCase();
    if (!words.every((word) => text.includes(word))) return false;
    if (filter.trigger && w.trigger_type !== filter.trigger) return false;
    if (filter.tag && !(w.tags ?? []).includes(filter.tag)) return false;
    if (filter.status === 'deployed' && !w.deployed) return false;
    if (filter.status === 'not_deployed' && w.deployed) return false;
    return !(filter.status === 'failing' && w.last_execution?.status !== 'failed');
  });
}

/** A definition copied as a new workflow: its webhook gets a new id (the server chooses one). */
function copyOf(original: Awaited<ReturnType<typeof api.getWorkflow>>) {
  const config = { ...original.trigger.config };
  delete config.webhook_id;
  return {
    name: `${original.name} (copy)`, description: original.description, tags: original.tags,
    trigger: { ...original.trigger, config }, steps: original.steps,
  };
}

function ImportReport({ result, onClose }: { result: ImportResult; onClose: () => void }) {
  return (
    <div className="import-report" role="status" data-testid="import-report">
      <div className="import-report-head">
        <strong>Imported {result.created.length} workflow{result.created.length === 1 ? '' : 's'}</strong>
        <button type="button" className="small-button" onClick={onClose}>Close</button>
      </div>
      <ul>
        {result.created.map((w) => <li key={w.id}><Link to={`/workflows/${w.id}`}>{w.name}</Link> (not deployed)</li>)}
      </ul>
      {result.missing_connections.length > 0 && (
        <div data-testid="import-missing">
          These connections do not exist here; an admin creates them before the workflows run:
          <ul>
            {result.missing_connections.map((m, i) => (
              <li key={i}><code>{m.connection}</code>, used by {m.workflow} ({m.step})</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export function WorkflowsPage() {
  const { value: workflows, error, reload: load } = useLoaded(() => api.listWorkflows());
  const [filter, setFilter] = useState<WorkflowFilter>(NO_FILTER);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const { notify } = useToast();
  const confirmed = useConfirmedChange(load);
  const navigate = useNavigate();


  const tags = useMemo(() => [...new Set((workflows ?? []).flatMap((w) => w.tags ?? []))].sort(), [workflows]);
  const triggers = useMemo(() => [...new Set((workflows ?? []).map((w) => w.trigger_type))].sort(), [workflows]);
  const shown = useMemo(() => filterWorkflows(workflows ?? [], filter), [workflows, filter]);
  const set = (patch: Partial<WorkflowFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const duplicate = async (summary: WorkflowSummary) => {
    try {
      const copy = await api.createWorkflow(copyOf(await api.getWorkflow(summary.id)));
      notify('success', `Created “${copy.name}”`);
      load();
    } catch (e) {
      notify('error', `Duplicate failed: ${errorText(e)}`);
    }
  };

  const remove = async (summary: WorkflowSummary) => {
    await confirmed({ question: `Delete the workflow “${summary.name}”? Its executions stay in the history.`,
      change: () => api.deleteWorkflow(summary.id), done: `Deleted “${summary.name}”`, failed: 'Delete failed' });
  };

  const importFile = async (file: File) => {
    try {
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch {
        notify('error', `${file.name} is not a JSON file`);
        return;
      }
      const result = await api.importWorkflows(document);
      setImported(result);
      notify('success', `Imported ${result.created.length} workflow${result.created.length === 1 ? '' : 's'}`);
      load();
    } catch (e) {
      notify('error', `Import failed: ${errorText(e)}`);
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1>Workflows</h1>
        <div className="page-actions">
          <a className="button" href={api.exportUrl()} download="workflows.json" data-testid="export-all">Export all</a>
          <button type="button" data-testid="import-button" onClick={() => fileInput.current?.click()}>Import</button>
          <input ref={fileInput} type="file" accept="application/json,.json" hidden data-testid="import-file"
            onChange={(e) => { const file = e.target.files?.[0]; if (file) void importFile(file); }} />
          <Link className="button" to="/templates">From a template</Link>
          <button type="button" className="primary" data-testid="new-workflow" onClick={() => navigate('/workflows/new')}>
            New workflow
          </button>
        </div>
      </div>
      {imported && <ImportReport result={imported} onClose={() => setImported(null)} />}
      {error && <div className="form-error" role="alert">Could not load workflows: {error}</div>}
      {workflows === null && !error && <div className="muted">Loading…</div>}
      {workflows && workflows.length === 0 && (
        <div className="empty" data-testid="workflows-empty">
          No workflows yet. Create one, import a file, or start from a <Link to="/templates">template</Link>.
        </div>
      )}
      {workflows && workflows.length > 0 && (
        <>
          <div className="filters" data-testid="workflow-filters">
            <input type="search" placeholder="Search name, description or tag" value={filter.query}
              aria-label="Search workflows" data-testid="workflow-search" onChange={(e) => set({ query: e.target.value })} />
            <select aria-label="Trigger" value={filter.trigger} data-testid="filter-trigger"
              onChange={(e) => set({ trigger: e.target.value })}>
              <option value="">Any trigger</option>
              {triggers.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
            <select aria-label="Status" value={filter.status} data-testid="filter-status"
              onChange={(e) => set({ status: e.target.value as WorkflowFilter['status'] })}>
              <option value="">Any status</option>
              <option value="deployed">Deployed</option>
              <option value="not_deployed">Not deployed</option>
              <option value="failing">Last run failed</option>
            </select>
            <select aria-label="Tag" value={filter.tag} data-testid="filter-tag" onChange={(e) => set({ tag: e.target.value })}>
              <option value="">Any tag</option>
              {tags.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
            <span className="muted small filter-count" data-testid="workflow-count">{shown.length} of {workflows.length}</span>
          </div>
          {shown.length === 0 && <div className="empty">No workflow matches these filters.</div>}
          {shown.length > 0 && (
            <table className="table" data-testid="workflows-table">
              <thead>
                <tr><th>Name</th><th>Trigger</th><th>State</th><th>Last execution</th><th>Updated</th><th /></tr>
              </thead>
              <tbody>
                {shown.map((w) => (
                  <tr key={w.id} data-testid={`workflow-row-${w.id}`}>
                    <td>
                      <Link to={`/workflows/${w.id}`} className="strong" data-testid="workflow-open">{w.name}</Link>
                      {w.description && <div className="muted small">{w.description}</div>}
                      {(w.tags ?? []).length > 0 && (
                        <div className="row-tags">
                          {(w.tags ?? []).map((t) => (
                            <button key={t} type="button" className="chip tag-chip" title={`Show workflows tagged ${t}`}
                              onClick={() => set({ tag: t })}>{t}</button>
                          ))}
                        </div>
                      )}
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
                    <td>
                      <div className="row-actions">
                        <button type="button" onClick={() => navigate(`/workflows/${w.id}`)}>Open</button>
                        <button type="button" data-testid="workflow-duplicate" onClick={() => void duplicate(w)}>Duplicate</button>
                        <a className="button" href={api.exportUrl(w.id)} download data-testid="workflow-export">Export</a>
                        <button type="button" className="danger" data-testid="workflow-delete" onClick={() => void remove(w)}>Delete</button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
