import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { formUiSchema, isFreeForm } from './formUi';
import { SchemaForm } from './SchemaForm';

const httpSchema = {
  type: 'object',
  properties: {
    url: { type: 'string', description: 'Address to call' },
    body: { description: 'Request body: an object or array is sent as JSON, text as it is' },
    headers: { type: 'object', additionalProperties: { type: 'string' }, description: 'Request headers' },
    method: { type: 'string', enum: ['GET', 'POST'] },
  },
};

describe('free-form config fields', () => {
  it('finds the fields RJSF cannot draw: untyped values and maps without properties', () => {
    expect(isFreeForm(httpSchema.properties.body)).toBe(true);
    expect(isFreeForm(httpSchema.properties.headers)).toBe(true);
    expect(isFreeForm(httpSchema.properties.url)).toBe(false);
    expect(isFreeForm(httpSchema.properties.method)).toBe(false);
    expect(isFreeForm({ type: 'object', properties: { a: { type: 'string' } } })).toBe(false);
    const ui = formUiSchema(httpSchema);
    expect(ui.body).toMatchObject({ 'ui:field': 'json' });
    expect(ui.headers).toMatchObject({ 'ui:field': 'json' });
    expect(ui.url).toMatchObject({ 'ui:widget': 'expression' });
  });

  it('edits them as JSON, keeping text that is not JSON as text', () => {
    const onChange = vi.fn();
    render(<SchemaForm schema={httpSchema} value={{ url: 'https://example.org' }} errors={[]} prefix="config"
      idPrefix="step-2" onChange={onChange} />);
    expect(screen.queryByText(/Unsupported field schema/)).toBeNull();
    fireEvent.change(screen.getByLabelText('Headers'), { target: { value: '{"X-Team": "ops"}' } });
    expect(onChange).toHaveBeenLastCalledWith({ url: 'https://example.org', headers: { 'X-Team': 'ops' } });
    fireEvent.change(screen.getByLabelText('Body'), { target: { value: 'plain words' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ body: 'plain words' }));
  });

  it('shows the server error under the field', () => {
    render(<SchemaForm schema={httpSchema} value={{}} errors={[{ field: 'config.headers', path: 'steps[1].config.headers',
      code: 'type', message: 'headers must be an object' }]} prefix="config" idPrefix="step-2" onChange={() => {}} />);
    expect(screen.getByTestId('field-error-config.headers')).toHaveTextContent('headers must be an object');
  });
});
