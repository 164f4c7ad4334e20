/** Users and roles (admins): create, change a role, delete. The last admin can be neither demoted nor deleted. */
import { useState, type FormEvent } from 'react';
import { Trash2, UserPlus } from 'lucide-react';
import { api } from '../api/api';
import type { UserRow } from '../api/types';
import { useUser } from '../auth/AuthContext';
import { errorText, formatDateTime } from '../components/format';
import { useToast } from '../components/Toasts';
import { useConfirmedChange } from '../components/useConfirmedChange';
import { useLoaded } from '../components/useLoaded';

export const ROLES = ['viewer', 'editor', 'admin'];
const ROLE_HELP: Record<string, string> = {
  viewer: 'reads workflows and executions', editor: 'also builds, tests, deploys and runs workflows',
  admin: 'also users, connections, the audit trail and the console',
};

export function UsersPage() {
  const { value: users, error, reload: load } = useLoaded(() => api.users());
  const [draft, setDraft] = useState({ username: '', password: '', role: 'editor' });
  const [formError, setFormError] = useState<string | null>(null);
  const me = useUser();
  const { notify } = useToast();
  const confirmed = useConfirmedChange(load);


  const create = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    try {
      const created = await api.createUser(draft.username.trim(), draft.password, draft.role);
      notify('success', `Created ${created.username} (${created.role})`);
      setDraft({ username: '', password: '', role: 'editor' });
      load();
    } catch (e) {
      setFormError(errorText(e));
    }
  };
  const changeRole = async (u: UserRow, role: string) => {
    try {
      await api.changeRole(u.id, role);
      notify('success', `${u.username} is now ${role}`);
    } catch (e) {
      notify('error', `Could not change the role: ${errorText(e)}`);
    }
    load();
  };
  const remove = async (u: UserRow) => {
    await confirmed({ question: `Delete the user “${u.username}”? Their API tokens stop working.`,
      change: () => api.deleteUser(u.id), done: `Deleted ${u.username}`, failed: 'Could not delete' });
  };

  return (
    <div className="page" data-testid="users-page">
      <div className="page-header"><h1>Users and roles</h1></div>
      <form className="form-card" onSubmit={create} aria-label="New user">
        <h3>New user</h3>
        <div className="form-grid">
          <label>Username
            <input value={draft.username} required data-testid="user-username" autoComplete="off"
              onChange={(e) => setDraft({ ...draft, username: e.target.value })} />
          </label>
          <label>Password (12 characters or more)
            <input type="password" value={draft.password} required minLength={12} data-testid="user-password"
              autoComplete="new-password" onChange={(e) => setDraft({ ...draft, password: e.target.value })} />
          </label>
          <label>Role
            <select value={draft.role} data-testid="user-role" onChange={(e) => setDraft({ ...draft, role: e.target.value })}>
              {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
            <span className="muted small">{ROLE_HELP[draft.role]}</span>
          </label>
        </div>
        {formError && <div className="form-error" role="alert" data-testid="user-error">{formError}</div>}
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="user-create"><UserPlus size={14} aria-hidden="true" /> Create user</button>
        </div>
      </form>
      {error && <div className="form-error" role="alert">Could not load users: {error}</div>}
      {users && (
        <table className="table" data-testid="users-table">
          <thead><tr><th>User</th><th>Role</th><th>Created</th><th /></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid={`user-row-${u.username}`}>
                <td><strong>{u.username}</strong>{u.username === me?.username && <span className="muted small"> (you)</span>}</td>
                <td>
                  <select value={u.role} aria-label={`Role of ${u.username}`} data-testid={`user-role-${u.username}`}
                    onChange={(e) => void changeRole(u, e.target.value)}>
                    {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
                  </select>
                </td>
                <td>{formatDateTime(u.created_at)}</td>
                <td className="actions">
                  <button type="button" className="small-button danger" data-testid={`user-delete-${u.username}`}
                    aria-label={`Delete ${u.username}`} onClick={() => void remove(u)}><Trash2 size={13} aria-hidden="true" /></button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
