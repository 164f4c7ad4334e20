/**
 * How a config form is drawn from an action's JSON Schema: required fields first, then the others in the order the
 * action declares them; labels made for people from snake_case names; {{path}} fields with autocomplete; condition
 * lists with the condition editor; fields of any type (and free-form maps) as JSON boxes, at any depth.
 */
import type { UiSchema } from '@rjsf/utils';
import type { JsonObject, JSONSchema } from '../api/types';

const STRUCTURED = ['enum', 'const', 'oneOf', 'anyOf', 'allOf'];
const ACRONYMS: Record<string, string> = { url: 'URL', id: 'ID', http: 'HTTP', html: 'HTML', sql: 'SQL', json: 'JSON',
  mb: 'MB', cc: 'CC', bcc: 'BCC', pdf: 'PDF' };
const UNITS: Record<string, string> = { seconds: 'seconds', ms: 'ms', mb: 'MB' };
/** Text fields that usually hold more than a line. */
const LONG_TEXT = ['expression', 'transformation', 'query', 'body', 'html_body', 'message'];

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** "fail_on_error" -> "Fail on error", "timeout_seconds" -> "Timeout (seconds)", "webhook_id" -> "Webhook ID". */
export function humanLabel(name: string): string {
  const words = name.split('_').filter(Boolean);
  const last = words[words.length - 1];
  const unit = words.length > 1 && UNITS[last] ? UNITS[last] : null;
  const shown = (unit ? words.slice(0, -1) : words).map((w) => ACRONYMS[w] ?? w);
  const text = shown.join(' ');
  const label = text.charAt(0).toUpperCase() + text.slice(1);
  return unit ? `${label} (${unit})` : label;
}

/** A schema with a local $ref ("#/$defs/X") replaced by what it points at. */
export function resolveRef(schema: unknown, root: JSONSchema): JsonObject {
  if (!isObject(schema)) return {};
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = isObject(node) ? node[part] : undefined;
  const { $ref: _ignored, ...rest } = schema;
  return { ...(isObject(node) ? node : {}), ...rest };
}

/** No type at all, or an object without declared properties: drawn as a JSON box. */
export function isFreeForm(schema: JsonObject): boolean {
  if (STRUCTURED.some((key) => key in schema)) return false;
  if (schema.type === undefined) return true;
  return schema.type === 'object' && !isObject(schema.properties);
}

/** A list of {field, operator, value} objects: drawn with the condition editor. */
export function isConditionList(schema: JsonObject, root: JSONSchema): boolean {
  if (schema.type !== 'array') return false;
  const properties = resolveRef(schema.items, root).properties;
  return isObject(properties) && 'field' in properties && 'operator' in properties && 'value' in properties;
}

function propertyUi(name: string, schema: JsonObject, root: JSONSchema): UiSchema {
  const ui: UiSchema = {};
  if (typeof schema.title !== 'string') ui['ui:title'] = humanLabel(name);
  if (isConditionList(schema, root)) return { ...ui, 'ui:field': 'conditions' };
  if (isFreeForm(schema)) return { ...ui, 'ui:field': 'json' };
  if (schema.type === 'string' && !STRUCTURED.some((key) => key in schema) && !schema.format) {
    return { ...ui, 'ui:widget': 'expression', ...(LONG_TEXT.includes(name) ? { 'ui:options': { multiline: true } } : {}) };
  }
  if (schema.type === 'object') return { ...ui, ...objectUi(schema, root) };
  if (schema.type === 'array') {
    const items = resolveRef(schema.items, root);
    if (isFreeForm(items)) return { ...ui, items: { 'ui:field': 'json' } };
    if (items.type === 'object') return { ...ui, items: objectUi(items, root) };
    if (items.type === 'string' && !('enum' in items)) return { ...ui, items: { 'ui:widget': 'expression' } };
  }
  return ui;
}

function objectUi(schema: JsonObject, root: JSONSchema): UiSchema {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const names = Object.keys(properties);
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const ui: UiSchema = { 'ui:order': [...names.filter((n) => required.includes(n)), ...names.filter((n) => !required.includes(n))] };
  for (const name of names) ui[name] = propertyUi(name, resolveRef(properties[name], root), root);
  return ui;
}

/** The uiSchema of a config form. */
export function formUiSchema(schema: JSONSchema): UiSchema {
  return { ...objectUi(schema, schema), 'ui:submitButtonOptions': { norender: true } };
}

/**
 * The form's value without the defaults the form filled in: a field the config did not have that now holds its
 * schema default stays out, so that opening a step changes nothing (the form still shows the default as set).
 */
export function withoutFilledDefaults(next: JsonObject, before: JsonObject, schema: JSONSchema): JsonObject {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(next)) {
    const property = resolveRef(properties[key], schema);
    const filled = !(key in before) && 'default' in property && JSON.stringify(property.default) === JSON.stringify(value);
    if (value !== undefined && !filled) out[key] = value;
  }
  return out;
}
