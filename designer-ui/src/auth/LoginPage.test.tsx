import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { stubApi, type ApiRoutes } from '../test/fixtures';

afterEach(() => vi.unstubAllGlobals());

function renderApp(routes: ApiRoutes) {
  const calls = stubApi(routes);
  render(<App />);
  return calls;
}

describe('sign in', () => {
  it('shows the login page when not signed in, and an error for wrong credentials', async () => {
    const calls = renderApp({
      'GET /api/auth/me': () => ({ status: 401, body: { title: 'Unauthorized', status: 401 } }),
      'POST /api/auth/login': () => ({ status: 401, body: { title: 'Unauthorized', status: 401, detail: 'Bad credentials' } }),
    });
    fireEvent.change(await screen.findByTestId('login-username'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Wrong username or password.');
    expect(calls.find((c) => c.path === '/api/auth/login')?.body).toEqual({ username: 'admin', password: 'nope' });
  });

  it('opens the workflows list with the navigation after signing in', async () => {
    renderApp({
      'GET /api/auth/me': () => ({ status: 401, body: { title: 'Unauthorized', status: 401 } }),
      'POST /api/auth/login': () => ({ body: { username: 'admin', role: 'ADMIN' } }),
      'GET /api/workflows': () => ({ body: [] }),
    });
    fireEvent.change(await screen.findByTestId('login-username'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('workflows-empty')).toHaveTextContent('No workflows yet');
    expect(screen.getByTestId('current-user')).toHaveTextContent('admin · ADMIN');
    for (const name of ['Workflows', 'Executions', 'Dashboard', 'Templates']) {
      expect(screen.getByRole('link', { name })).toBeInTheDocument();
    }
    expect(screen.getByTestId('nav-hawtio')).toHaveAttribute('href', 'actuator/hawtio/');
  });

  it('offers the Hawtio console to admins only', async () => {
    renderApp({
      'GET /api/auth/me': () => ({ body: { username: 'vera', role: 'viewer' } }),
      'GET /api/workflows': () => ({ body: [] }),
    });
    expect(await screen.findByTestId('workflows-empty')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Dashboard' })).toBeInTheDocument();
    expect(screen.queryByTestId('nav-hawtio')).toBeNull();
  });

  it('goes back to the login page when the session expires (401)', async () => {
    renderApp({
      'GET /api/auth/me': () => ({ body: { username: 'admin', role: 'ADMIN' } }),
      'GET /api/workflows': () => ({ status: 401, body: { title: 'Unauthorized', status: 401 } }),
    });
    expect(await screen.findByTestId('login-username')).toBeInTheDocument();
  });

  it('signs out', async () => {
    const calls = renderApp({
      'GET /api/auth/me': () => ({ body: { username: 'admin', role: 'ADMIN' } }),
      'GET /api/workflows': () => ({ body: [] }),
      'POST /api/auth/logout': () => ({ status: 204 }),
    });
    fireEvent.click(await screen.findByTestId('logout'));
    expect(await screen.findByTestId('login-username')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/auth/logout')).toBe(true);
  });

  it('signs in with an API token (WORKFLOWS_ADMIN_TOKEN, no password)', async () => {
    const calls = renderApp({
      'GET /api/auth/me': () => ({ status: 401, body: { title: 'Unauthorized', status: 401 } }),
      'POST /api/auth/login': (body) => ((body as { token?: string }).token === 'pmw_good'
        ? { body: { username: 'admin', role: 'admin' } }
        : { status: 401, body: { title: 'Unauthorized', detail: 'The API token is not valid or was revoked.' } }),
      'GET /api/workflows': () => ({ body: [] }),
    });
    fireEvent.click(await screen.findByTestId('login-method-token'));
    fireEvent.change(screen.getByTestId('login-token'), { target: { value: 'pmw_bad' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('not valid or was revoked');
    fireEvent.change(screen.getByTestId('login-token'), { target: { value: ' pmw_good ' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('current-user')).toHaveTextContent('admin · admin');
    expect(calls.filter((c) => c.path === '/api/auth/login').map((c) => c.body)).toEqual([{ token: 'pmw_bad' }, { token: 'pmw_good' }]);
  });

  it('says when sign-ins are throttled', async () => {
    renderApp({
      'GET /api/auth/me': () => ({ status: 401, body: { title: 'Unauthorized', status: 401 } }),
      'POST /api/auth/login': () => ({ status: 429, body: { title: 'Too Many Requests', detail: 'Too many failed sign-ins; try again in 240 s.' } }),
    });
    fireEvent.change(await screen.findByTestId('login-username'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'x' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByTestId('login-error')).toHaveTextContent('try again in 240 s');
  });

  it('follows the system theme until the user picks one, and remembers the pick', async () => {
    renderApp({
      'GET /api/auth/me': () => ({ body: { username: 'admin', role: 'admin' } }),
      'GET /api/workflows': () => ({ body: [] }),
    });
    const toggle = await screen.findByTestId('theme-toggle');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    fireEvent.click(toggle);
    expect(document.documentElement.dataset.theme).toBe('light');
    fireEvent.click(toggle);
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('placemat.theme')).toBe('dark');
    fireEvent.click(toggle);
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(screen.getByTestId('nav-connections')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('nav-admin'));
    expect(screen.getByTestId('nav-users')).toBeInTheDocument();
    expect(screen.getByTestId('nav-audit')).toBeInTheDocument();
  });
});
