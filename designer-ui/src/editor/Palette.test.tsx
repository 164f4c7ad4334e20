import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { catalogueFixture } from '../test/fixtures';
import { buildCatalogue, searchCatalogue } from './catalogue';
import { Palette } from './Palette';

const catalogue = buildCatalogue(catalogueFixture);

describe('action palette', () => {
  it('groups actions by category with readable headings', () => {
    render(<Palette catalogue={catalogue} onAdd={() => {}} />);
    expect(screen.getByRole('heading', { name: 'HTTP' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Control flow' })).toBeInTheDocument();
    const email = screen.getByTestId('palette-group-email');
    expect(within(email).getByText('Send Email')).toBeInTheDocument();
    expect(within(email).getByText('Send Template Email')).toBeInTheDocument();
  });

  it('filters by name, type or description as the user types', async () => {
    const user = userEvent.setup();
    render(<Palette catalogue={catalogue} onAdd={() => {}} />);
    await user.type(screen.getByTestId('palette-search'), 'template');
    expect(screen.getByTestId('palette-email.send_template')).toBeInTheDocument();
    expect(screen.queryByTestId('palette-email.send')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'HTTP' })).not.toBeInTheDocument();
    await user.clear(screen.getByTestId('palette-search'));
    await user.type(screen.getByTestId('palette-search'), 'nothing like this');
    expect(screen.getByText(/No action matches/)).toBeInTheDocument();
  });

  it('adds the clicked action', async () => {
    const onAdd = vi.fn();
    render(<Palette catalogue={catalogue} onAdd={onAdd} />);
    await userEvent.click(screen.getByTestId('palette-control.loop'));
    expect(onAdd).toHaveBeenCalledWith('control.loop');
  });

  it('matches every word of the query and finds actions by alias', () => {
    const withAlias = buildCatalogue({ categories: [{ category: 'http', actions: [{
      ...catalogueFixture.categories[0].actions[0], aliases: ['webhook.call'] }] }] });
    expect(searchCatalogue(withAlias, 'webhook')).toHaveLength(1);
    expect(withAlias.byType.get('webhook.call')?.type).toBe('http.request');
    expect(searchCatalogue(catalogue, 'send email').flatMap((g) => g.actions.map((a) => a.type)))
      .toEqual(['email.send', 'email.send_template']);
  });
});
