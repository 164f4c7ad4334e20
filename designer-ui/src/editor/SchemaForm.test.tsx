import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { catalogueFixture, operatorsFixture } from '../test/fixtures';
import { humanLabel } from './formUi';
import { OperatorsContext } from './operatorsContext';
import { SchemaForm } from './SchemaForm';

const action = (type: string) => catalogueFixture.categories.flatMap((c) => c.actions).find((a) => a.type === type)!;

function renderForm(type: string, value: Record<string, unknown>, onChange = vi.fn()) {
  const schema = action(type).schema;
  render(
    <OperatorsContext.Provider value={operatorsFixture}>
      <div data-testid="form"><SchemaForm schema={schema} value={value} errors={[]} prefix="config" idPrefix="step-1"
        onChange={onChange} /></div>
    </OperatorsContext.Provider>,
  );
  return onChange;
}

describe('config forms', () => {
  it('puts required fields first, then the others in the order the action declares them, with human labels', () => {
    renderForm('http.request', {});
    const labels = [...screen.getByTestId('form').querySelectorAll('label')].map((l) => l.textContent?.replace('*', '').trim())
      .filter(Boolean);
    expect(labels).toEqual(['URL', 'Method', 'Headers', 'Timeout (seconds)', 'Fail on error']);
  });

  it('shows defaults as set without writing them into the config', () => {
    const onChange = renderForm('http.request', { url: 'https://example.org' });
    expect(screen.getByLabelText(/Fail on error/)).toBeChecked();
    expect(screen.getByLabelText(/Method/)).toHaveDisplayValue('GET');
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.click(screen.getByLabelText(/Fail on error/));
    expect(onChange).toHaveBeenLastCalledWith({ url: 'https://example.org', fail_on_error: false });
  });

  it('gives array fields buttons that say what they do', () => {
    renderForm('email.send', { attachments: ['a'] });
    const form = screen.getByTestId('form');
    expect(within(form).getAllByRole('button', { name: 'Add item' })).toHaveLength(2);
    expect(within(form).getByRole('button', { name: 'Remove' })).toBeInTheDocument();
    expect([...form.querySelectorAll('button')].every((b) => (b.textContent ?? '').trim().length > 0)).toBe(true);
  });

  it('completes an If / Then from the form alone: field, operator and a typed value', () => {
    const onChange = renderForm('control.condition', { conditions: [] });
    fireEvent.click(screen.getByTestId('conditions-add'));
    fireEvent.change(screen.getByTestId('conditions-field-0'), { target: { value: 'step_1.budget_utilization' } });
    fireEvent.change(screen.getByTestId('conditions-operator-0'), { target: { value: 'greater_than' } });
    fireEvent.change(screen.getByTestId('conditions-value-0'), { target: { value: '90' } });
    expect(onChange).toHaveBeenLastCalledWith({
      conditions: [{ field: 'step_1.budget_utilization', operator: 'greater_than', value: 90 }],
    });
  });

  it('shows a template\'s threshold and a server error of a condition under its value', () => {
    render(
      <OperatorsContext.Provider value={operatorsFixture}>
        <SchemaForm schema={action('control.condition').schema} prefix="config" idPrefix="step-2" onChange={() => {}}
          value={{ conditions: [{ field: 'step_1.budget_utilization', operator: 'greater_than', value: 90 }, {
            field: 'a', operator: 'equals' }] }}
          errors={[{ field: 'config.conditions[1].value', path: 'steps[1].config.conditions[1].value', code: 'required',
            message: 'value is required for the operator equals' }]} />
      </OperatorsContext.Provider>,
    );
    expect(screen.getByTestId('conditions-value-0')).toHaveValue('90');
    expect(screen.getByTestId('field-error-config.conditions[1].value')).toHaveTextContent('value is required');
  });

  it('labels snake_case names for people', () => {
    expect(humanLabel('fail_on_error')).toBe('Fail on error');
    expect(humanLabel('webhook_id')).toBe('Webhook ID');
    expect(humanLabel('max_size_mb')).toBe('Max size (MB)');
    expect(humanLabel('html_body')).toBe('HTML body');
  });
});
