/** Create or edit a connection: secrets are write-only (left empty, the saved value stays), sharing when supported. */
import { useState, type FormEvent } from 'react';
import { api } from '../api/api';
import { ApiError, type FieldError } from '../api/client';
import type { Connection } from '../api/types';
import { errorText } from '../components/format';
import { CONNECTION_TYPES } from './connectionTypes';

const ROLES = ['viewer', 'editor', 'admin'];
const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/**
 * @param supports which of the newer settings the server shows on its connections (sharing): only
 *                 those are offered, so that nothing is sent that a server would silently drop
 */
export function ConnectionForm({ existing, initialName = '', initialType = 'database', supports, onSaved, onCancel }: {
  existing: Connection | null; initialName?: string; initialType?: string;
  supports: { sharing: boolean };
  onSaved: (connection: Connection) => void; onCancel: () => void;
}) {
  const [name, setName] = useState(existing?.name ?? initialName);
  const [type, setType] = useState(existing?.type ?? (CONNECTION_TYPES[initialType] ? initialType : 'database'));
  const [fields, setFields] = useState<Record<string, string>>(() => Object.fromEntries(
    Object.entries(existing?.fields ?? {}).filter(([, v]) => v !== '********')));
  const [roles, setRoles] = useState<string[]>(existing?.shared_with?.roles ?? []);
  const [users, setUsers] = useState((existing?.shared_with?.users ?? []).join(', '));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const spec = CONNECTION_TYPES[type];
  const errorAt = (path: string) => errors.filter((e) => e.path === path || e.path === `fields.${path}`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    setFailure(null);
    const body: Partial<Connection> = {
      name, type,
      fields: Object.fromEntries(spec.fields
        .filter((field) => fields[field.name] !== undefined && (fields[field.name] !== '' || (!!existing && !field.secret)))
        .map((field) => [field.name, fields[field.name]])),
    };
    if (supports.sharing) body.shared_with = { roles, users: list(users) };
    try {
      onSaved(existing ? await api.updateConnection(existing.name, body) : await api.createConnection(body));
    } catch (e) {
      if (e instanceof ApiError && e.errors.length) setErrors(e.errors);
      setFailure(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = (path: string) => errorAt(path).map((e, i) => (
    <span key={i} className="field-errors" data-testid={`connection-error-${path}`}>{e.message}</span>
  ));
  return (
    <form className="form-card" onSubmit={submit} data-testid="connection-form" aria-label="Connection">
      <h3>{existing ? `Edit “${existing.name}”` : 'New connection'}</h3>
      <div className="form-grid">
        <label>Name
          <input value={name} disabled={!!existing} data-testid="connection-name" required
            placeholder="finance" onChange={(e) => setName(e.target.value)} />
          {fieldErrors('name')}
        </label>
        <label>Type
          <select value={type} data-testid="connection-type" onChange={(e) => setType(e.target.value)}>
            {Object.entries(CONNECTION_TYPES).map(([id, t]) => <option key={id} value={id}>{t.label}</option>)}
          </select>
          {fieldErrors('type')}
        </label>
        {spec.fields.map((field) => (
          <label key={field.name}>{field.label}
            {field.flag ? (
              <select value={fields[field.name] ?? ''} data-testid={`connection-field-${field.name}`}
                onChange={(e) => setFields({ ...fields, [field.name]: e.target.value })}>
                <option value="">default</option><option value="true">yes</option><option value="false">no</option>
              </select>
            ) : (
              <input type={field.secret ? 'password' : 'text'} autoComplete="off" value={fields[field.name] ?? ''}
                data-testid={`connection-field-${field.name}`}
                placeholder={field.secret && existing?.fields[field.name] ? 'saved: leave empty to keep' : field.placeholder}
                onChange={(e) => setFields({ ...fields, [field.name]: e.target.value })} />
            )}
            {fieldErrors(field.name)}
          </label>
        ))}
      </div>
      {supports.sharing && <fieldset className="sharing">
        <legend>Shared with</legend>
        <div className="button-row">
          {ROLES.map((role) => (
            <label key={role} className="inline checkbox-label">
              <input type="checkbox" checked={roles.includes(role)} data-testid={`connection-share-${role}`}
                onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))} />
              {role}s
            </label>
          ))}
        </div>
        <label>Users (comma-separated)
          <input value={users} data-testid="connection-share-users" onChange={(e) => setUsers(e.target.value)} />
        </label>
        {existing?.owner && <div className="muted small">Owner: {existing.owner}</div>}
      </fieldset>}
      {failure && <div className="form-error" role="alert" data-testid="connection-failure">{failure}</div>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="connection-save">
          {busy ? 'Saving…' : existing ? 'Save changes' : 'Create connection'}
        </button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
