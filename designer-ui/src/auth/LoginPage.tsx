import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useAuth } from './AuthContext';

export function LoginPage() {
  const { login } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await login(username, password);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError('Wrong username or password.');
      else if (e instanceof ApiError) setError(e.detail ?? e.title);
      else setError('Sign-in failed. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <form className="login-card" onSubmit={submit} aria-label="Sign in">
        <div className="brand brand-large">Placemat<span> Workflows</span></div>
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
        {error && <div className="form-error" role="alert" data-testid="login-error">{error}</div>}
        <button className="primary" type="submit" data-testid="login-submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
