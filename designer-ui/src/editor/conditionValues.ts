/**
 * Condition values as the condition editor types them: one value as text, a number or true/false; a list typed
 * item by item; none for exists. Templates ({{path}}) stay text: their type is known only at run time.
 */
import type { ConditionDef, OperatorInfo } from '../api/types';

export type ValueType = 'text' | 'number' | 'boolean';

const LABELS: Record<string, string> = {
  equals: 'equals', not_equals: 'does not equal', greater_than: 'is greater than',
  greater_than_or_equals: 'is at least', less_than: 'is less than', less_than_or_equals: 'is at most',
  contains: 'contains', not_contains: 'does not contain', in: 'is one of', not_in: 'is not one of',
  exists: 'exists', not_exists: 'does not exist',
};

const COMPARISONS = ['greater_than', 'greater_than_or_equals', 'less_than', 'less_than_or_equals'];

export function operatorLabel(id: string): string {
  return LABELS[id] ?? id.replace(/_/g, ' ');
}

/** What an operator compares against: the server's word for it, or a guess for operators it did not list. */
export function valueKind(operator: string, operators: OperatorInfo[]): 'one' | 'list' | 'none' {
  const known = operators.find((o) => o.id === operator)?.value;
  if (known === 'one' || known === 'list' || known === 'none') return known;
  if (operator === 'exists' || operator === 'not_exists') return 'none';
  return operator === 'in' || operator === 'not_in' ? 'list' : 'one';
}

export function typeOf(value: unknown): ValueType {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'text';
}

const isTemplate = (text: string) => /^\s*\{\{[^{}]*}}\s*$/.test(text);

/** The value of typed text: a number or true/false when that is the type (templates stay text). */
export function typedValue(text: string, type: ValueType): unknown {
  if (isTemplate(text)) return text.trim();
  if (type === 'number') {
    const number = Number(text);
    return text.trim() !== '' && Number.isFinite(number) ? number : text;
  }
  if (type === 'boolean') return text === 'true';
  return text;
}

/** One list item: numbers and true/false as such, anything else as text. */
function listItem(text: string): unknown {
  if (text === 'true' || text === 'false') return text === 'true';
  const number = Number(text);
  return text !== '' && Number.isFinite(number) ? number : text;
}

/** "a, 2, true" as ["a", 2, true]; a single {{template}} stays text (it may hold a list). */
export function listValue(text: string): unknown {
  if (isTemplate(text)) return text.trim();
  return text.split(',').map((item) => item.trim()).filter((item) => item !== '').map(listItem);
}

export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A condition after its operator changed: the value kept where it still fits, else a fresh one of the right kind. */
export function withOperator(condition: ConditionDef, operator: string, operators: OperatorInfo[]): ConditionDef {
  const kind = valueKind(operator, operators);
  const { value, ...rest } = condition;
  if (kind === 'none') return { ...rest, operator };
  if (kind === 'list') {
    return { ...rest, operator, value: Array.isArray(value) ? value : listValue(showValue(value)) };
  }
  const single = Array.isArray(value) ? value[0] : value;
  if (COMPARISONS.includes(operator) && typeof single === 'string') {
    return { ...rest, operator, value: typedValue(single, 'number') };
  }
  return { ...rest, operator, value: single ?? '' };
}

/** The type a value is edited as: its own, or for empty and numeric text the operator's usual one. */
export function typeFor(operator: string, value: unknown): ValueType {
  if (typeof value !== 'string' && value !== undefined) return typeOf(value);
  const text = value ?? '';
  const numeric = text.trim() === '' || Number.isFinite(Number(text));
  return numeric && COMPARISONS.includes(operator) ? 'number' : 'text';
}
