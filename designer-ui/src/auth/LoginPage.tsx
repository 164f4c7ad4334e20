import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useAuth } from './AuthContext';

type Method = 'password' | 'token';

function message(e: unknown, method: Method): string {
  if (e instanceof ApiError && e.status === 401) {
    return method === 'token' ? 'This API token is not valid or was revoked.' : 'Wrong username or password.';
  }
  if (e instanceof ApiError && e.status === 429) return e.detail ?? 'Too many failed sign-ins; wait a few minutes.';
  if (e instanceof ApiError) return e.detail ?? e.title;
  return 'Sign-in failed. Try again.';
}

/** Sign in with a username and password, or with an API token (e.g. WORKFLOWS_ADMIN_TOKEN, when no password is set). */
export function LoginPage() {
  const { login, loginWithToken } = useAuth();
  const [method, setMethod] = useState<Method>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      if (method === 'token') await loginWithToken(token.trim());
      else await login(username, password);
    } catch (e) {
      setError(message(e, method));
    } finally {
      setBusy(false);
    }
  }

  const choose = (next: Method) => { setMethod(next); setError(null); };
  return (
    <div className="login-page">
      <form className="login-card" onSubmit={submit} aria-label="Sign in">
        <div className="brand brand-large">Placemat<span> Workflows</span></div>
        <div className="tabs login-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={method === 'password'} className={method === 'password' ? 'active' : ''}
            data-testid="login-method-password" onClick={() => choose('password')}>Password</button>
          <button type="button" role="tab" aria-selected={method === 'token'} className={method === 'token' ? 'active' : ''}
            data-testid="login-method-token" onClick={() => choose('token')}>API token</button>
        </div>
        {method === 'password' ? (
          <>
            <label>
              Username
              <input data-testid="login-username" autoComplete="username" autoFocus value={username}
                onChange={(e) => setUsername(e.target.value)} required />
            </label>
            <label>
              Password
              <input data-testid="login-password" type="password" autoComplete="current-password" value={password}
                onChange={(e) => setPassword(e.target.value)} required />
            </label>
          </>
        ) : (
          <label>
            API token
            <input data-testid="login-token" type="password" autoComplete="off" autoFocus value={token}
              placeholder="pmw_… or the WORKFLOWS_ADMIN_TOKEN" onChange={(e) => setToken(e.target.value)} required />
            <span className="muted small">Signs you in as the token's user, with its role.</span>
          </label>
        )}
        {error && <div className="form-error" role="alert" data-testid="login-error">{error}</div>}
        <button className="primary" type="submit" data-testid="login-submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
