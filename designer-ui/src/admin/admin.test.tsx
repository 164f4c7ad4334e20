import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiRoutes } from '../test/fixtures';
import { renderRouted } from '../test/renderRouted';
import { AuditPage } from './AuditPage';
import { ClusterPage } from './ClusterPage';
import { ConnectionsPage } from './ConnectionsPage';
import { connectionsNeeded } from './connectionTypes';
import { TokensPage } from './TokensPage';
import { UsersPage } from './UsersPage';

afterEach(() => vi.unstubAllGlobals());

function renderAt(path: string, element: React.ReactNode, routes: ApiRoutes) {
  return renderRouted(path, routes, <Routes><Route path="*" element={element} /></Routes>);
}

const finance = { name: 'finance', type: 'database', fields: { url: 'jdbc:postgresql://db/finance', username: 'app', password: '********' } };

describe('connections', () => {
  it('lists connections with masked secrets and the workflows that use each', async () => {
    renderAt('/connections', <ConnectionsPage />, {
      'GET /api/connections': () => ({ body: [finance] }),
      'GET /api/connections/finance/workflows': () => ({ body: [{ id: 'wf-1', name: 'Budget Overspend Alert', deployed: true }] }),
    });
    const row = await screen.findByTestId('connection-row-finance');
    expect(row).toHaveTextContent('password: ********');
    expect(await screen.findByTestId('connection-usage-finance')).toHaveTextContent('Budget Overspend Alert');
  });

  it('creates a connection prefilled from a template link, and shows field errors from the server', async () => {
    let attempts = 0;
    const calls = renderAt('/connections?new=finance&type=database', <ConnectionsPage />, {
      'GET /api/connections': () => ({ body: [] }),
      'POST /api/connections': () => {
        attempts += 1;
        return attempts === 1
          ? { status: 422, body: { title: 'Invalid', detail: '1 error', errors: [{ path: 'fields.url', code: 'invalid_url', message: 'url must be a jdbc:postgresql:// URL' }] } }
          : { status: 201, body: finance };
      },
    });
    expect(await screen.findByTestId('connection-name')).toHaveValue('finance');
    expect(screen.getByTestId('connection-type')).toHaveValue('database');
    fireEvent.change(screen.getByTestId('connection-field-url'), { target: { value: 'mysql://nope' } });
    fireEvent.change(screen.getByTestId('connection-field-password'), { target: { value: 's3cret' } });
    fireEvent.click(screen.getByTestId('connection-save'));
    expect(await screen.findByTestId('connection-error-url')).toHaveTextContent('jdbc:postgresql://');
    fireEvent.change(screen.getByTestId('connection-field-url'), { target: { value: 'jdbc:postgresql://db/finance' } });
    fireEvent.click(screen.getByTestId('connection-save'));
    await waitFor(() => expect(attempts).toBe(2));
    expect(calls.filter((c) => c.method === 'POST')[1].body).toEqual({ name: 'finance', type: 'database',
      fields: { url: 'jdbc:postgresql://db/finance', password: 's3cret' } });
  });

  it('edits without revealing or resending secrets, keeps sharing, and tests the connection', async () => {
    const shared = { ...finance, owner: 'ann', shared_with: { roles: ['editor'], users: [] } };
    const calls = renderAt('/connections', <ConnectionsPage />, {
      'GET /api/connections': () => ({ body: [shared] }),
      'GET /api/connections/finance/workflows': () => ({ body: [] }),
      'PUT /api/connections/finance': () => ({ body: shared }),
      'POST /api/connections/finance/test': () => ({ body: { ok: true, message: 'Connected to PostgreSQL 16' } }),
    });
    fireEvent.click(await screen.findByTestId('connection-test-finance'));
    expect(await screen.findByTestId('connection-test-result-finance')).toHaveTextContent('Connected to PostgreSQL 16');
    fireEvent.click(screen.getByTestId('connection-edit-finance'));
    const password = screen.getByTestId('connection-field-password');
    expect(password).toHaveValue('');
    expect(password).toHaveAttribute('placeholder', 'saved: leave empty to keep');
    expect(screen.getByTestId('connection-share-editor')).toBeChecked();
    fireEvent.click(screen.getByTestId('connection-share-viewer'));
    fireEvent.click(screen.getByTestId('connection-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const body = calls.find((c) => c.method === 'PUT')!.body as Record<string, unknown>;
    expect(body.fields).toEqual({ url: 'jdbc:postgresql://db/finance', username: 'app' });
    expect(body.shared_with).toEqual({ roles: ['editor', 'viewer'], users: [] });
  });

  it('finds the connections a template needs, nested steps included', () => {
    expect(connectionsNeeded([
      { action_type: 'data.query', config: { connection: 'finance' } },
      { action_type: 'control.condition', config: { then_actions: [{ action_type: 'slack.send_message', config: { connection: 'team' } }] } },
    ])).toEqual([{ name: 'finance', type: 'database' }, { name: 'team', type: 'slack' }]);
  });
});

describe('users, tokens, audit and cluster', () => {
  it('creates a user and changes a role', async () => {
    const calls = renderAt('/users', <UsersPage />, {
      'GET /api/users': () => ({ body: [{ id: 'u1', username: 'admin', role: 'admin', created_at: '2025-01-01T00:00:00Z' }] }),
      'POST /api/users': () => ({ status: 201, body: { id: 'u2', username: 'ed', role: 'editor' } }),
      'PUT /api/users/u1/role': () => ({ status: 409, body: { title: 'Conflict', detail: 'The last admin cannot be demoted.' } }),
    });
    await screen.findByTestId('user-row-admin');
    fireEvent.change(screen.getByTestId('user-username'), { target: { value: 'ed' } });
    fireEvent.change(screen.getByTestId('user-password'), { target: { value: 'a-long-password' } });
    fireEvent.click(screen.getByTestId('user-create'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body)
      .toEqual({ username: 'ed', password: 'a-long-password', role: 'editor' }));
    fireEvent.change(screen.getByTestId('user-role-admin'), { target: { value: 'viewer' } });
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ role: 'viewer' }));
  });

  it('shows a new token once, and revokes tokens', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const token = { id: 't1', name: 'CI', user_id: 'u1', username: 'admin', created_at: '2025-01-01T00:00:00Z',
      last_used_at: null, revoked_at: null };
    const calls = renderAt('/tokens', <TokensPage />, {
      'GET /api/tokens': () => ({ body: [token] }),
      'POST /api/tokens': () => ({ status: 201, body: { ...token, id: 't2', name: 'deploys', token: 'pmw_secret123' } }),
      'DELETE /api/tokens/t1': () => ({ status: 204 }),
    });
    await screen.findByTestId('token-row-CI');
    fireEvent.change(screen.getByTestId('token-name'), { target: { value: 'deploys' } });
    fireEvent.click(screen.getByTestId('token-create'));
    expect(await screen.findByTestId('token-secret')).toHaveTextContent('pmw_secret123');
    expect(screen.getByTestId('token-created')).toHaveTextContent('not shown again');
    fireEvent.click(within(screen.getByTestId('token-created')).getByText('Done'));
    expect(screen.queryByTestId('token-secret')).toBeNull();
    fireEvent.click(screen.getByTestId('token-revoke-CI'));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/tokens/t1')).toBe(true));
  });

  it('filters the audit trail by user, action and time', async () => {
    const calls = renderAt('/audit', <AuditPage />, {
      'GET /api/audit': () => ({ body: { items: [{ id: 7, at: '2025-03-05T10:00:00Z', actor: 'admin', action: 'login.success',
        target_type: 'user', target_id: 'u1', detail: { method: 'token' } }], total: 1, limit: 50, offset: 0 } }),
    });
    expect(await screen.findByTestId('audit-row-7')).toHaveTextContent('"method":"token"');
    fireEvent.change(screen.getByTestId('audit-actor'), { target: { value: 'admin' } });
    fireEvent.change(screen.getByTestId('audit-action'), { target: { value: 'login.failure' } });
    fireEvent.change(screen.getByTestId('audit-from'), { target: { value: '2025-03-01T00:00' } });
    await waitFor(() => expect(calls.some((c) => c.path.includes('actor=admin') && c.path.includes('action=login.failure')
      && c.path.includes('from=2025-03-0'))).toBe(true));
  });

  it('lists the cluster\'s nodes, and says so when there is no cluster API', async () => {
    renderAt('/cluster', <ClusterPage />, {
      'GET /api/cluster': () => ({ body: { nodes: [
        { id: 'n1', name: 'node-a', address: '10.0.0.1:8080', version: '0.1.0', started_at: '2025-03-05T09:00:00Z',
          heartbeat_at: '2025-03-05T10:00:00Z', status: 'alive', running: 3, self: true },
        { id: 'n2', name: 'node-b', address: '10.0.0.2:8080', version: '0.1.0', started_at: '2025-03-05T09:00:00Z',
          heartbeat_at: '2025-03-05T09:10:00Z', status: 'dead', running: 0, self: false },
      ] } }),
    });
    expect(await screen.findByTestId('cluster-node-node-a')).toHaveTextContent('alive (this node)');
    expect(screen.getByTestId('cluster-node-node-b')).toHaveTextContent('gone');
  });

  it('says a single node has no cluster API', async () => {
    renderAt('/cluster', <ClusterPage />, {});
    expect(await screen.findByTestId('cluster-unsupported')).toBeInTheDocument();
  });
});
