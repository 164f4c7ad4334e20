/**
 * {{path}} expressions in the editor: which path is being typed (for autocomplete), how a chosen path is put in,
 * and how a template resolves against a context (for the live preview), with the server's rules (Templates.java):
 * a whole template keeps the value's type, templates in longer text render as text, a path that leads nowhere is
 * null (whole) or empty text (inside text).
 */

/** 'template': {{path}} inside text; 'path': the whole value is a path (a condition's field). */
export type ExpressionMode = 'template' | 'path';

export interface ActiveQuery {
  /** the path typed so far */
  query: string;
  /** where the typed path starts and ends in the text */
  from: number;
  to: number;
}

/** The path being typed at the caret, or null when the caret is not inside an open {{ (template mode). */
export function activeQuery(text: string, caret: number, mode: ExpressionMode): ActiveQuery | null {
  if (mode === 'path') return { query: text.trim(), from: 0, to: text.length };
  const before = text.slice(0, caret);
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.indexOf('}}', open) >= 0) return null;
  const from = open + 2;
  const typed = text.slice(from, caret);
  if (/[{}\s]/.test(typed.trim()) || /[{}]/.test(typed)) return null;
  const rest = text.slice(caret).match(/^[A-Za-z0-9_$.[\]-]*/)?.[0] ?? '';
  return { query: typed.trim(), from, to: caret + rest.length };
}

/** Paths that start with the query first, then paths that contain it; at most `limit`. */
export function rankSuggestions(paths: string[], query: string, limit = 8): string[] {
  const q = query.toLowerCase();
  const unique = [...new Set(paths)];
  const starts = unique.filter((p) => p.toLowerCase().startsWith(q) && p !== query);
  const contains = unique.filter((p) => !p.toLowerCase().startsWith(q) && p.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, limit);
}

/** The text with the typed path replaced by `path` (closing the braces when needed), and the caret after it. */
export function applySuggestion(text: string, active: ActiveQuery, path: string, mode: ExpressionMode):
  { text: string; caret: number } {
  if (mode === 'path') return { text: path, caret: path.length };
  const before = text.slice(0, active.from) + path;
  const after = text.slice(active.to);
  const close = after.match(/^\s*}}/)?.[0];
  if (close) return { text: before + after, caret: before.length + close.length };
  return { text: `${before}}}${after}`, caret: before.length + 2 };
}

const SEGMENT = /^([A-Za-z_$][A-Za-z0-9_\-$]*|\d{1,9})$/;

/** The segments of a path such as step_1.rows[0].amount, or null when it is not one. */
export function parsePath(path: string): string[] | null {
  const trimmed = path.trim();
  if (!trimmed) return null;
  const segments: string[] = [];
  for (const part of trimmed.split('.')) {
    const match = part.match(/^([^[\]]*)((?:\[\d+\])*)$/);
    if (!match) return null;
    if (match[1]) segments.push(match[1]);
    else if (!match[2]) return null;
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) segments.push(index[1]);
  }
  return segments.every((s) => SEGMENT.test(s)) ? segments : null;
}

/** The value at a path, or undefined when the path leads nowhere. */
export function lookup(context: unknown, path: string): unknown {
  const segments = parsePath(path);
  if (!segments) return undefined;
  let node: unknown = context;
  for (const segment of segments) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (node !== null && typeof node === 'object' && !Array.isArray(node)) node = (node as Record<string, unknown>)[segment];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

const TEMPLATE = /\{\{\s*([^{}]*?)\s*}}/g;
const WHOLE = /^\{\{\s*([^{}]*?)\s*}}$/;

export function hasTemplate(text: string): boolean {
  return /\{\{\s*[^{}]*?\s*}}/.test(text);
}

/** What the server would make of `text` with this context; `missing` lists the paths that lead nowhere. */
export function resolveTemplate(text: string, context: unknown): { value: unknown; missing: string[] } {
  const missing: string[] = [];
  const whole = text.match(WHOLE);
  if (whole) {
    const value = lookup(context, whole[1]);
    if (value === undefined) missing.push(whole[1]);
    return { value: value === undefined ? null : value, missing };
  }
  const value = text.replace(TEMPLATE, (_, path: string) => {
    const found = lookup(context, path);
    if (found === undefined) {
      missing.push(path);
      return '';
    }
    if (found === null) return '';
    return typeof found === 'object' ? JSON.stringify(found) : String(found);
  });
  return { value, missing };
}
