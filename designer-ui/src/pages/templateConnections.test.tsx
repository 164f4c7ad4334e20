import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App';
import { stubApi } from '../test/fixtures';

afterEach(() => vi.unstubAllGlobals());

const template = {
  id: 't1', name: 'Budget Overspend Alert', category: 'finance', description: 'Alert when over budget', usage_count: 0,
  template_config: { name: 'Budget Overspend Alert', description: '', trigger: { type: 'event', config: {} }, steps: [
    { action_type: 'data.query', config: { connection: 'finance', query: 'SELECT 1' } },
    { action_type: 'slack.send_message', config: { connection: 'team-slack' } },
  ] },
};

describe('templates gallery', () => {
  it('says which connections a template needs and links to create the missing ones', async () => {
    stubApi({
      'GET /api/auth/me': () => ({ body: { username: 'admin', role: 'admin' } }),
      'GET /api/templates': () => ({ body: [template] }),
      'GET /api/connections': () => ({ body: [{ name: 'team-slack', type: 'slack', fields: { webhook_url: '********' } }] }),
    });
    window.location.hash = '#/templates';
    render(<App />);
    expect(await screen.findByTestId('template-connection-finance')).toHaveTextContent('finance (database) missing: create it');
    expect(screen.getByTestId('template-create-connection-finance')).toHaveAttribute('href', '#/connections?new=finance&type=database');
    expect(await screen.findByText('ready')).toBeInTheDocument();
    window.location.hash = '';
  });
});
