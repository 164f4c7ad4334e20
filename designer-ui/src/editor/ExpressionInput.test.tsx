import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ExpressionContext, type ExpressionEnv } from './expressionContext';
import { ExpressionInput } from './ExpressionInput';
import { activeQuery, applySuggestion, rankSuggestions, resolveTemplate } from './expressions';

const env: ExpressionEnv = {
  paths: ['webhook_data', 'webhook_data.name', 'webhook_data.email', 'step_1', 'step_1.total', 'execution.id'],
  context: { webhook_data: { name: 'Ada', email: 'ada@example.org' }, step_1: { total: 42 } },
  source: 'last test run',
};

function Field({ initial = '', mode }: { initial?: string; mode?: 'template' | 'path' }) {
  const [value, setValue] = useState(initial);
  return (
    <ExpressionContext.Provider value={env}>
      <ExpressionInput value={value} onChange={setValue} mode={mode} testId="field" />
      <output data-testid="value">{value}</output>
    </ExpressionContext.Provider>
  );
}

const type = (text: string) => {
  const input = screen.getByTestId('field') as HTMLInputElement;
  fireEvent.change(input, { target: { value: text, selectionStart: text.length, selectionEnd: text.length } });
};

describe('expression autocomplete', () => {
  it('lists the trigger sample\'s and earlier steps\' paths after {{ and completes the chosen one', () => {
    render(<Field />);
    type('Hello {{web');
    const list = screen.getByTestId('suggestions');
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '{{webhook_data}}', '{{webhook_data.name}}', '{{webhook_data.email}}']);
    fireEvent.keyDown(screen.getByTestId('field'), { key: 'ArrowDown' });
    fireEvent.keyDown(screen.getByTestId('field'), { key: 'Enter' });
    expect(screen.getByTestId('value')).toHaveTextContent('Hello {{webhook_data.name}}');
    expect(screen.queryByTestId('suggestions')).not.toBeInTheDocument();
  });

  it('completes with a click, and closes on Escape', () => {
    render(<Field />);
    type('{{step');
    fireEvent.mouseDown(screen.getByTestId('suggestion-step_1.total'));
    expect(screen.getByTestId('value')).toHaveTextContent('{{step_1.total}}');
    type('{{step_1.total}} and {{exe');
    expect(screen.getByTestId('suggestion-execution.id')).toBeInTheDocument();
    fireEvent.keyDown(screen.getByTestId('field'), { key: 'Escape' });
    expect(screen.queryByTestId('suggestions')).not.toBeInTheDocument();
  });

  it('shows no list outside {{ }}', () => {
    render(<Field />);
    type('plain text');
    expect(screen.queryByTestId('suggestions')).not.toBeInTheDocument();
  });

  it('previews the resolved value with the last test run\'s data, and names paths that lead nowhere', () => {
    render(<Field initial="Total {{step_1.total}} for {{webhook_data.name}}" />);
    expect(screen.getByTestId('expression-preview')).toHaveTextContent('Total 42 for Ada');
    type('{{step_1.missing}}');
    expect(screen.getByTestId('expression-preview')).toHaveTextContent('No value at step_1.missing');
  });

  it('filters paths as a whole value in path mode (a condition\'s field)', () => {
    render(<Field mode="path" />);
    type('name');
    fireEvent.keyDown(screen.getByTestId('field'), { key: 'Tab' });
    expect(screen.getByTestId('value')).toHaveTextContent(/^webhook_data\.name$/);
  });
});

describe('expressions', () => {
  it('finds the path being typed only inside open braces', () => {
    expect(activeQuery('a {{b.c', 7, 'template')).toEqual({ query: 'b.c', from: 4, to: 7 });
    expect(activeQuery('a {{b}} c', 9, 'template')).toBeNull();
    expect(activeQuery('{{step_1.x}}', 5, 'template')).toEqual({ query: 'ste', from: 2, to: 10 });
  });

  it('closes the braces only when they are not there yet', () => {
    expect(applySuggestion('{{we', { query: 'we', from: 2, to: 4 }, 'webhook_data', 'template'))
      .toEqual({ text: '{{webhook_data}}', caret: 16 });
    expect(applySuggestion('{{we}} x', { query: 'we', from: 2, to: 4 }, 'webhook_data', 'template'))
      .toEqual({ text: '{{webhook_data}} x', caret: 16 });
  });

  it('ranks paths that start with the query before those that contain it', () => {
    expect(rankSuggestions(['step_1.name', 'name', 'webhook_data.name'], 'name'))
      .toEqual(['step_1.name', 'webhook_data.name']);
    expect(rankSuggestions(['a.name', 'name.first'], 'name')).toEqual(['name.first', 'a.name']);
  });

  it('resolves like the server: a whole template keeps its type, missing paths are null or empty', () => {
    const context = { a: { n: 3, list: [1, 2] } };
    expect(resolveTemplate('{{a.n}}', context).value).toBe(3);
    expect(resolveTemplate('{{ a.list }}', context).value).toEqual([1, 2]);
    expect(resolveTemplate('n={{a.n}} l={{a.list}}', context).value).toBe('n=3 l=[1,2]');
    expect(resolveTemplate('{{a.list[1]}}', context).value).toBe(2);
    expect(resolveTemplate('{{a.x}}', context)).toEqual({ value: null, missing: ['a.x'] });
    expect(resolveTemplate('x{{a.x}}y', context).value).toBe('xy');
  });
});
