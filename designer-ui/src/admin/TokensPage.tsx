/** API tokens: each user's own (admins see everyone's). A new token's secret is shown once, right after creating it. */
import { useState, type FormEvent } from 'react';
import { Copy, KeyRound } from 'lucide-react';
import { api } from '../api/api';
import type { ApiToken } from '../api/types';
import { errorText, formatDateTime } from '../components/format';
import { useToast } from '../components/Toasts';
import { useConfirmedChange } from '../components/useConfirmedChange';
import { useLoaded } from '../components/useLoaded';

export function TokensPage() {
  const { value: tokens, error, reload: load } = useLoaded(() => api.tokens());
  const [name, setName] = useState('');
  const [created, setCreated] = useState<ApiToken | null>(null);
  const { notify } = useToast();
  const confirmed = useConfirmedChange(load);


  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setCreated(await api.createToken(name.trim()));
      setName('');
      load();
    } catch (e) {
      notify('error', `Could not create the token: ${errorText(e)}`);
    }
  };
  const revoke = async (t: ApiToken) => {
    await confirmed({ question: `Revoke the token “${t.name}”? Whatever uses it stops working at once.`,
      change: () => api.revokeToken(t.id), done: `Revoked “${t.name}”`, failed: 'Could not revoke' });
  };
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      notify('success', 'Copied');
    } catch {
      notify('info', 'Select the token and copy it');
    }
  };

  return (
    <div className="page" data-testid="tokens-page">
      <div className="page-header"><h1>API tokens</h1></div>
      <p className="muted small">A token acts with its owner's role: send it as <code>Authorization: Bearer …</code>, or sign
        in to the designer with it.</p>
      {created?.token && (
        <div className="secret-once" role="status" data-testid="token-created">
          <div><strong>Copy the token “{created.name}” now:</strong> it is not shown again.</div>
          <div className="copy-row">
            <code data-testid="token-secret">{created.token}</code>
            <button type="button" onClick={() => void copy(created.token!)}><Copy size={14} aria-hidden="true" /> Copy</button>
            <button type="button" className="link" onClick={() => setCreated(null)}>Done</button>
          </div>
        </div>
      )}
      <form className="form-card" onSubmit={create} aria-label="New token">
        <label>What is the token for?
          <input value={name} required maxLength={100} placeholder="CI deploys" data-testid="token-name"
            onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="token-create"><KeyRound size={14} aria-hidden="true" /> Create token</button>
        </div>
      </form>
      {error && <div className="form-error" role="alert">Could not load tokens: {error}</div>}
      {tokens && tokens.length === 0 && <div className="empty">No tokens yet.</div>}
      {tokens && tokens.length > 0 && (
        <table className="table" data-testid="tokens-table">
          <thead><tr><th>Name</th><th>User</th><th>Created</th><th>Last used</th><th>State</th><th /></tr></thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} data-testid={`token-row-${t.name}`}>
                <td><strong>{t.name}</strong></td>
                <td>{t.username}</td>
                <td>{formatDateTime(t.created_at)}</td>
                <td>{formatDateTime(t.last_used_at)}</td>
                <td>{t.revoked_at ? <span className="badge badge-cancelled">revoked</span> : <span className="badge badge-completed">active</span>}</td>
                <td className="actions">
                  {!t.revoked_at && (
                    <button type="button" className="small-button danger" data-testid={`token-revoke-${t.name}`}
                      onClick={() => void revoke(t)}>Revoke</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
