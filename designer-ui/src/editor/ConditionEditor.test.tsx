import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ConditionDef } from '../api/types';
import { operatorsFixture } from '../test/fixtures';
import { ConditionEditor } from './ConditionEditor';

/** The editor with its conditions held in state, as a form holds them; `seen` gets every change. */
function Harness({ initial, seen, errors = {} }: {
  initial: ConditionDef[]; seen: (c: ConditionDef[]) => void; errors?: Record<string, string[]>;
}) {
  const [conditions, setConditions] = useState(initial);
  return (
    <ConditionEditor conditions={conditions} operators={operatorsFixture} path="config.conditions"
      errorsAt={(path) => errors[path] ?? []} testPrefix="cond"
      onChange={(next) => { setConditions(next); seen(next); }} />
  );
}

const last = (fn: ReturnType<typeof vi.fn>) => fn.mock.calls[fn.mock.calls.length - 1][0];

describe('condition editor', () => {
  it('offers the server\'s operators by name and types a comparison\'s value as a number', () => {
    const seen = vi.fn();
    render(<Harness initial={[]} seen={seen} />);
    fireEvent.click(screen.getByTestId('cond-add'));
    fireEvent.change(screen.getByTestId('cond-field-0'), { target: { value: 'step_1.budget_utilization' } });
    const operator = screen.getByTestId('cond-operator-0') as HTMLSelectElement;
    expect([...operator.options].map((o) => o.value)).toEqual(operatorsFixture.map((o) => o.id));
    expect(screen.getByRole('option', { name: 'is greater than' })).toBeInTheDocument();
    fireEvent.change(operator, { target: { value: 'greater_than' } });
    expect(screen.getByTestId('cond-type-0')).toHaveValue('number');
    fireEvent.change(screen.getByTestId('cond-value-0'), { target: { value: '90' } });
    expect(last(seen)).toEqual([{ field: 'step_1.budget_utilization', operator: 'greater_than', value: 90 }]);
  });

  it('keeps what is typed while a number is half written', () => {
    const seen = vi.fn();
    render(<Harness initial={[{ field: 'a', operator: 'less_than', value: 1 }]} seen={seen} />);
    fireEvent.change(screen.getByTestId('cond-value-0'), { target: { value: '1.' } });
    expect(screen.getByTestId('cond-value-0')).toHaveValue('1.');
    fireEvent.change(screen.getByTestId('cond-value-0'), { target: { value: '1.5' } });
    expect(last(seen)[0].value).toBe(1.5);
  });

  it('asks no value for exists and a list for in, and keeps templates as text', () => {
    const seen = vi.fn();
    render(<Harness initial={[{ field: 'a', operator: 'equals', value: 'x' }]} seen={seen} />);
    fireEvent.change(screen.getByTestId('cond-operator-0'), { target: { value: 'exists' } });
    expect(screen.queryByTestId('cond-value-0')).not.toBeInTheDocument();
    expect(last(seen)).toEqual([{ field: 'a', operator: 'exists' }]);
    fireEvent.change(screen.getByTestId('cond-operator-0'), { target: { value: 'in' } });
    fireEvent.change(screen.getByTestId('cond-value-0'), { target: { value: 'Active, 3, true' } });
    expect(last(seen)[0].value).toEqual(['Active', 3, true]);
    fireEvent.change(screen.getByTestId('cond-value-0'), { target: { value: '{{step_1.stages}}' } });
    expect(last(seen)[0].value).toBe('{{step_1.stages}}');
  });

  it('switches a value between text, number and yes/no', () => {
    const seen = vi.fn();
    render(<Harness initial={[{ field: 'a', operator: 'equals', value: '7' }]} seen={seen} />);
    fireEvent.change(screen.getByTestId('cond-type-0'), { target: { value: 'number' } });
    expect(last(seen)[0].value).toBe(7);
    fireEvent.change(screen.getByTestId('cond-type-0'), { target: { value: 'boolean' } });
    fireEvent.change(screen.getByTestId('cond-value-0'), { target: { value: 'true' } });
    expect(last(seen)[0].value).toBe(true);
    fireEvent.change(screen.getByTestId('cond-type-0'), { target: { value: 'text' } });
    expect(last(seen)[0].value).toBe('true');
  });

  it('adds and removes conditions with buttons that say so, and shows each error under its field', () => {
    const seen = vi.fn();
    render(<Harness initial={[{ field: 'a', operator: 'equals', value: 1 }, { field: 'b', operator: 'equals', value: 2 }]}
      seen={seen} errors={{ 'config.conditions[1].value': ['value is required for the operator equals'] }} />);
    expect(screen.getByTestId('cond-add')).toHaveTextContent('Add condition');
    expect(screen.getByTestId('cond-remove-0')).toHaveTextContent('Remove');
    expect(screen.getByTestId('field-error-config.conditions[1].value')).toHaveTextContent('value is required');
    fireEvent.click(screen.getByTestId('cond-remove-0'));
    expect(last(seen)).toEqual([{ field: 'b', operator: 'equals', value: 2 }]);
  });
});
