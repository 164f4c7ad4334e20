/**
 * A text field for values with {{path}} templates: typing {{ opens a list of the paths the step may use (arrow keys,
 * Enter or Tab to take one, Escape to close), and a preview shows what the value resolves to with the last test
 * run's data. In 'path' mode (a condition's field) the whole value is a path and the list filters as you type.
 */
import { useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { formatJson } from '../components/format';
import { activeQuery, applySuggestion, hasTemplate, rankSuggestions, resolveTemplate, type ActiveQuery,
  type ExpressionMode } from './expressions';
import { useExpressions } from './expressionContext';

export interface ExpressionInputProps {
  id?: string;
  value: string;
  onChange: (text: string) => void;
  mode?: ExpressionMode;
  multiline?: boolean;
  placeholder?: string;
  label?: string;
  disabled?: boolean;
  testId?: string;
  /** show the resolved value under the field (template mode) */
  preview?: boolean;
}

type Field = HTMLInputElement | HTMLTextAreaElement;

export function ExpressionInput({ id, value, onChange, mode = 'template', multiline, placeholder, label, disabled,
  testId, preview = mode === 'template' }: ExpressionInputProps) {
  const { paths } = useExpressions();
  const ref = useRef<Field>(null);
  const listId = useId();
  const [active, setActive] = useState<ActiveQuery | null>(null);
  const [index, setIndex] = useState(0);
  const suggestions = active ? rankSuggestions(paths, active.query) : [];
  const open = active !== null && suggestions.length > 0;

  const refresh = (text: string, caret: number) => {
    setActive(activeQuery(text, caret, mode));
    setIndex(0);
  };

  const choose = (path: string) => {
    if (!active) return;
    const next = applySuggestion(value, active, path, mode);
    onChange(next.text);
    setActive(null);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent<Field>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setIndex((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(suggestions[Math.min(index, suggestions.length - 1)]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setActive(null);
    }
  };

  const common = {
    id, value, placeholder, disabled, 'aria-label': label, 'data-testid': testId, spellCheck: false,
    autoComplete: 'off', role: 'combobox', 'aria-expanded': open, 'aria-controls': listId,
    'aria-autocomplete': 'list' as const,
    onChange: (e: { target: Field }) => {
      onChange(e.target.value);
      refresh(e.target.value, e.target.selectionStart ?? e.target.value.length);
    },
    onKeyDown,
    onFocus: (e: { target: Field }) => { if (mode === 'path') refresh(e.target.value, e.target.value.length); },
    onBlur: () => setActive(null),
  };

  return (
    <div className="expression-input">
      {multiline
        ? <textarea ref={ref as RefObject<HTMLTextAreaElement>} rows={3} {...common} />
        : <input ref={ref as RefObject<HTMLInputElement>} type="text" {...common} />}
      {open && (
        <ul className="suggestions" role="listbox" id={listId} data-testid="suggestions">
          {suggestions.map((path, i) => (
            <li key={path} role="option" aria-selected={i === index} className={i === index ? 'active' : ''}
              data-testid={`suggestion-${path}`}
              onMouseDown={(e) => { e.preventDefault(); choose(path); }}>
              {mode === 'template' ? `{{${path}}}` : path}
            </li>
          ))}
        </ul>
      )}
      {preview && <ExpressionPreview text={value} />}
    </div>
  );
}

/** What a value with templates resolves to, with the preview context of the editor. */
export function ExpressionPreview({ text }: { text: string }) {
  const { context, source } = useExpressions();
  if (!text || !hasTemplate(text)) return null;
  if (!context) {
    return <div className="expression-preview muted small" data-testid="expression-preview">
      Run a test to preview this value.
    </div>;
  }
  const { value, missing } = resolveTemplate(text, context);
  const shown = typeof value === 'string' ? value : formatJson(value);
  return (
    <div className="expression-preview small" data-testid="expression-preview">
      <span className="muted">Preview ({source}): </span>
      <code className="preview-value">{shown.length > 300 ? `${shown.slice(0, 300)}…` : shown || '(empty)'}</code>
      {missing.length > 0 && (
        <div className="preview-missing">No value at <code>{missing.join(', ')}</code></div>
      )}
    </div>
  );
}
