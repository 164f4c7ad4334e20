/**
 * A JSON text box for config fields RJSF cannot draw: values of any type (an HTTP body) and free-form maps
 * (headers, query). Valid JSON is stored parsed; other text is stored as it is typed (a text body), and the
 * server's validation errors show under the field as for any other.
 */
import { useState } from 'react';
import type { FieldProps } from '@rjsf/utils';
import { fieldTitle } from './formParts';

const show = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2));

function parse(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function JsonField({ formData, onChange, fieldPathId, name, schema, required, disabled, readonly, uiSchema }:
  FieldProps) {
  const [text, setText] = useState(() => show(formData));
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  return (
    <div className="json-field">
      <label htmlFor={fieldPathId.$id}>{fieldTitle(uiSchema, schema, name)}{required ? '*' : ''}</label>
      {description && <div className="field-description">{description}</div>}
      <textarea id={fieldPathId.$id} rows={4} spellCheck={false} value={text} disabled={disabled || readonly}
        placeholder={schema.type === 'object' ? '{"name": "value"}' : 'JSON, or plain text'}
        onChange={(e) => { setText(e.target.value); onChange(parse(e.target.value), fieldPathId.path); }} />
    </div>
  );
}
