/**
 * A JSON text box for config fields RJSF cannot draw: values of any type (an HTTP body) and free-form maps
 * (headers, query). Valid JSON is stored parsed; other text is stored as it is typed (a text body), and the
 * server's validation errors show under the field as for any other.
 */
import { useState } from 'react';
import type { FieldProps, UiSchema } from '@rjsf/utils';
import type { JsonObject, JSONSchema } from '../api/types';

const STRUCTURED = ['enum', 'const', 'oneOf', 'anyOf', 'allOf', '$ref'];

/** Whether a property's schema is free-form: no type at all, or an object without declared properties. */
export function isFreeForm(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  const s = schema as JsonObject;
  if (STRUCTURED.some((key) => key in s)) return false;
  if (s.type === undefined) return true;
  return s.type === 'object' && (typeof s.properties !== 'object' || s.properties === null);
}

/** The uiSchema that draws every free-form property of an object schema with {@link JsonField}. */
export function freeFormUiSchema(schema: JSONSchema): UiSchema {
  const properties = (typeof schema.properties === 'object' && schema.properties !== null
    ? schema.properties : {}) as JsonObject;
  return Object.fromEntries(Object.entries(properties)
    .filter(([, property]) => isFreeForm(property))
    .map(([name]) => [name, { 'ui:field': 'json' }]));
}

const show = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value, null, 2));

function parse(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function JsonField({ formData, onChange, fieldPathId, name, schema, required, disabled, readonly }: FieldProps) {
  const [text, setText] = useState(() => show(formData));
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  return (
    <div className="json-field">
      <label htmlFor={fieldPathId.$id}>{(schema.title as string | undefined) ?? name}{required ? '*' : ''}</label>
      {description && <div className="field-description">{description}</div>}
      <textarea id={fieldPathId.$id} rows={4} spellCheck={false} value={text} disabled={disabled || readonly}
        placeholder={schema.type === 'object' ? '{"name": "value"}' : 'JSON, or plain text'}
        onChange={(e) => { setText(e.target.value); onChange(parse(e.target.value), fieldPathId.path); }} />
    </div>
  );
}
