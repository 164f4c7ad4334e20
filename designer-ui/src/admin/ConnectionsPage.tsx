/** Connections (admins): named credentials that steps use; create, edit, test, see which workflows use each. */
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Pencil, PlugZap, Plus, Trash2 } from 'lucide-react';
import { api } from '../api/api';
import type { Connection, WorkflowRef } from '../api/types';
import { errorText } from '../components/format';
import { useToast } from '../components/Toasts';
import { useConfirmedChange } from '../components/useConfirmedChange';
import { ConnectionForm } from './ConnectionForm';
import { CONNECTION_TYPES } from './connectionTypes';

function sharingText(c: Connection): string {
  const roles = c.shared_with?.roles ?? [];
  const users = c.shared_with?.users ?? [];
  const parts = [...roles.map((r) => `${r}s`), ...users];
  return parts.length ? parts.join(', ') : 'only its owner and admins';
}

export function ConnectionsPage() {
  const [params, setParams] = useSearchParams();
  const [connections, setConnections] = useState<Connection[] | null>(null);
  const [usage, setUsage] = useState<Record<string, WorkflowRef[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Connection | null>(null);
  const [results, setResults] = useState<Record<string, { ok: boolean; text: string }>>({});
  const { notify } = useToast();
  const creating = params.has('new');
  const supports = {
    sharing: !!connections?.some((c) => 'shared_with' in c),
  };

  const load = useCallback(() => {
    api.connections()
      .then((list) => {
        setConnections(list);
        setError(null);
        for (const c of list) {
          api.connectionUsage(c.name).then((refs) => setUsage((u) => ({ ...u, [c.name]: refs }))).catch(() => {});
        }
      })
      .catch((e) => setError(errorText(e)));
  }, []);
  useEffect(load, [load]);
  const confirmed = useConfirmedChange(load);

  const closeForm = () => {
    setEditing(null);
    if (creating) setParams({});
  };
  const saved = (c: Connection) => {
    notify('success', `Saved the connection “${c.name}”`);
    closeForm();
    load();
  };
  const test = async (c: Connection) => {
    setResults((r) => ({ ...r, [c.name]: { ok: true, text: 'Testing…' } }));
    try {
      const answer = await api.testConnection(c.name);
      const ok = answer.ok !== false && answer.success !== false && answer.status !== 'failed';
      const text = String(answer.message ?? answer.detail ?? (ok ? 'The connection works.' : 'The test failed.'));
      setResults((r) => ({ ...r, [c.name]: { ok, text } }));
    } catch (e) {
      setResults((r) => ({ ...r, [c.name]: { ok: false, text: errorText(e) } }));
    }
  };
  const remove = async (c: Connection) => {
    const users = usage[c.name] ?? [];
    const warning = users.length ? ` ${users.length} workflow(s) use it: ${users.map((w) => w.name).join(', ')}.` : '';
    await confirmed({ question: `Delete the connection “${c.name}”?${warning}`, change: () => api.deleteConnection(c.name),
      done: `Deleted “${c.name}”`, failed: 'Delete failed' });
  };

  return (
    <div className="page" data-testid="connections-page">
      <div className="page-header">
        <h1>Connections</h1>
        <button type="button" className="primary" data-testid="connection-new"
          onClick={() => { setEditing(null); setParams({ new: '' }); }}>
          <Plus size={14} aria-hidden="true" /> New connection
        </button>
      </div>
      <p className="muted small">Credentials are sealed at rest; secret fields are never shown again once saved. Steps name a
        connection in their <code>connection</code> setting.</p>
      {(creating || editing) && (
        <ConnectionForm key={editing?.name ?? `new-${params.get('new')}`} existing={editing}
          initialName={params.get('new') ?? ''} initialType={params.get('type') ?? 'database'} supports={supports}
          onSaved={saved} onCancel={closeForm} />
      )}
      {error && <div className="form-error" role="alert">Could not load connections: {error}</div>}
      {connections && connections.length === 0 && !creating && (
        <div className="empty" data-testid="connections-empty">No connections yet.</div>
      )}
      {connections && connections.length > 0 && (
        <table className="table" data-testid="connections-table">
          <thead><tr><th>Name</th><th>Type</th><th>Fields</th><th>Shared with</th><th>Used by</th><th /></tr></thead>
          <tbody>
            {connections.map((c) => (
              <tr key={c.name} data-testid={`connection-row-${c.name}`}>
                <td>
                  <strong>{c.name}</strong>
                  {c.owner && <div className="muted small">owner {c.owner}</div>}
                  {results[c.name] && (
                    <div className={`small ${results[c.name].ok ? 'alive' : 'dead'}`} data-testid={`connection-test-result-${c.name}`}>
                      {results[c.name].text}
                    </div>
                  )}
                </td>
                <td><span className="chip">{CONNECTION_TYPES[c.type]?.label ?? c.type}</span></td>
                <td className="small">
                  {Object.entries(c.fields).map(([k, v]) => <div key={k}><span className="muted">{k}:</span> {v}</div>)}
                </td>
                <td className="small">{c.shared_with !== undefined ? sharingText(c) : '—'}</td>
                <td className="small" data-testid={`connection-usage-${c.name}`}>
                  {usage[c.name] === undefined ? '…' : usage[c.name].length === 0 ? <span className="muted">no workflow</span>
                    : usage[c.name].map((w) => <div key={w.id}><Link to={`/workflows/${w.id}`}>{w.name}</Link></div>)}
                </td>
                <td className="actions">
                  <button type="button" className="small-button" data-testid={`connection-test-${c.name}`} onClick={() => void test(c)}>
                    <PlugZap size={13} aria-hidden="true" /> Test
                  </button>{' '}
                  <button type="button" className="small-button" data-testid={`connection-edit-${c.name}`}
                    onClick={() => { setParams({}); setEditing(c); }}>
                    <Pencil size={13} aria-hidden="true" /> Edit
                  </button>{' '}
                  <button type="button" className="small-button danger" aria-label={`Delete ${c.name}`}
                    data-testid={`connection-delete-${c.name}`} onClick={() => void remove(c)}>
                    <Trash2 size={13} aria-hidden="true" />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
