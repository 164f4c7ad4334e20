import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Palette } from '../editor/Palette';
import { buildCatalogue } from '../editor/catalogue';
import { catalogueFixture } from '../test/fixtures';
import { actionIcon } from './icons';

const EMOJI = /\p{Extended_Pictographic}/u;

describe('icons', () => {
  it('draws palette icons as SVG, never the server\'s emoji', () => {
    render(<Palette catalogue={buildCatalogue(catalogueFixture)} onAdd={() => {}} />);
    const item = screen.getByTestId('palette-http.request');
    expect(item.querySelector('svg')).not.toBeNull();
    expect(item.textContent).not.toMatch(EMOJI);
    expect(screen.getByTestId('palette-control.condition').textContent).not.toMatch(EMOJI);
  });

  it('maps types first, then categories, then a default', () => {
    expect(actionIcon('control.condition')).not.toBe(actionIcon('control.loop'));
    expect(actionIcon('email.send_template')).toBe(actionIcon('email.send'));
    expect(actionIcon('unknown.thing')).toBe(actionIcon('other.thing'));
  });
});
