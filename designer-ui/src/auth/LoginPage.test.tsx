import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { fetchStub } from '../test/fixtures';

afterEach(() => vi.unstubAllGlobals());

function renderApp(routes: Parameters<typeof fetchStub>[0]) {
  const { stub, calls } = fetchStub(routes);
  vi.stubGlobal('fetch', vi.fn(stub));
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
});
