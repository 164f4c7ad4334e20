/**
 * The condition editor, for a step's "run only if" and If / Then's conditions: a path, an operator from the server's
 * list, and a value typed by the operator (none for exists, a list for in, else text, a number or true/false).
 */
import { useState } from 'react';
import type { ConditionDef, OperatorInfo } from '../api/types';
import { listValue, operatorLabel, showValue, typedValue, typeFor, typeOf, valueKind, withOperator,
  type ValueType } from './conditionValues';
import { ExpressionInput } from './ExpressionInput';
import { useOperators } from './operatorsContext';

export interface ConditionEditorProps {
  conditions: ConditionDef[];
  onChange: (conditions: ConditionDef[]) => void;
  /** the list's path in validation errors: "condition", "config.conditions" */
  path: string;
  /** the messages of the errors at exactly this path */
  errorsAt: (path: string) => string[];
  testPrefix?: string;
  emptyText?: string;
  /** the server's operators; the editor's by default */
  operators?: OperatorInfo[];
}

function Errors({ messages, path }: { messages: string[]; path: string }) {
  if (messages.length === 0) return null;
  return (
    <ul className="field-errors" data-testid={`field-error-${path}`}>
      {messages.map((m, i) => <li key={i}>{m}</li>)}
    </ul>
  );
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A value's text box: keeps what is typed ("1.") while its value (1) is what the condition holds. */
function ValueText({ value, parse, onValue, testId, placeholder }: {
  value: unknown; parse: (text: string) => unknown; onValue: (value: unknown) => void; testId: string;
  placeholder: string;
}) {
  const [draft, setDraft] = useState(() => showValue(value));
  const text = same(parse(draft), value) ? draft : showValue(value);
  return (
    <ExpressionInput value={text} label="Value" placeholder={placeholder} testId={testId} preview={false}
      onChange={(next) => { setDraft(next); onValue(parse(next)); }} />
  );
}

function ConditionRow({ condition, index, operators, onChange, onRemove, errorsAt, path, testPrefix }: {
  condition: ConditionDef; index: number; operators: OperatorInfo[]; onChange: (c: ConditionDef) => void;
  onRemove: () => void; errorsAt: (path: string) => string[]; path: string; testPrefix: string;
}) {
  const operator = condition.operator || 'equals';
  const kind = valueKind(operator, operators);
  const [chosen, setType] = useState<ValueType>(() => typeFor(operator, condition.value));
  const type = typeof condition.value === 'string' || condition.value === undefined ? chosen : typeOf(condition.value);
  const ids = operators.some((o) => o.id === operator) ? operators.map((o) => o.id) : [operator, ...operators.map((o) => o.id)];
  const rowPath = `${path}[${index}]`;
  const messages = (sub: string) => [...errorsAt(`${rowPath}${sub}`), ...(index === 0 ? errorsAt(`${path}${sub}`) : [])];

  const changeType = (next: ValueType) => {
    setType(next);
    onChange({ ...condition, value: next === 'boolean' ? showValue(condition.value) === 'true'
      : typedValue(showValue(condition.value), next) });
  };

  return (
    <div className="condition-row" data-testid={`${testPrefix}-row-${index}`}>
      <div className="condition-line">
        <ExpressionInput mode="path" value={condition.field ?? ''} label="Field" placeholder="step_1.status"
          testId={`${testPrefix}-field-${index}`} onChange={(field) => onChange({ ...condition, field })} />
        <button type="button" className="small-button danger-text" aria-label={`Remove condition ${index + 1}`}
          data-testid={`${testPrefix}-remove-${index}`} onClick={onRemove}>Remove</button>
      </div>
      <Errors messages={messages('.field')} path={`${rowPath}.field`} />
      <div className="condition-line">
        <select aria-label="Operator" value={operator} data-testid={`${testPrefix}-operator-${index}`}
          onChange={(e) => {
            const next = withOperator({ ...condition, operator }, e.target.value, operators);
            if (valueKind(e.target.value, operators) === 'one') setType(typeFor(e.target.value, next.value));
            onChange(next);
          }}>
          {ids.map((id) => <option key={id} value={id}>{operatorLabel(id)}</option>)}
        </select>
        {kind === 'one' && (
          <select aria-label="Value type" value={type} data-testid={`${testPrefix}-type-${index}`}
            onChange={(e) => changeType(e.target.value as ValueType)}>
            <option value="text">Text</option>
            <option value="number">Number</option>
            <option value="boolean">Yes / no</option>
          </select>
        )}
      </div>
      <Errors messages={messages('.operator')} path={`${rowPath}.operator`} />
      {kind === 'one' && type === 'boolean' && (
        <select aria-label="Value" value={String(condition.value === true)} data-testid={`${testPrefix}-value-${index}`}
          onChange={(e) => onChange({ ...condition, value: e.target.value === 'true' })}>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      )}
      {kind === 'one' && type !== 'boolean' && (
        <ValueText value={condition.value} parse={(text) => typedValue(text, type)}
          placeholder={type === 'number' ? '90' : 'value, or {{path}}'} testId={`${testPrefix}-value-${index}`}
          onValue={(value) => onChange({ ...condition, value })} />
      )}
      {kind === 'list' && (
        <ValueText value={condition.value} parse={listValue} placeholder="a, b, c" testId={`${testPrefix}-value-${index}`}
          onValue={(value) => onChange({ ...condition, value })} />
      )}
      <Errors messages={[...messages('.value'), ...errorsAt(rowPath)]} path={`${rowPath}.value`} />
    </div>
  );
}

export function ConditionEditor({ conditions, onChange, path, errorsAt, testPrefix = 'condition', emptyText,
  operators: given }: ConditionEditorProps) {
  const fromContext = useOperators();
  const operators = given ?? fromContext;
  return (
    <div className="condition-editor" data-testid={`${testPrefix}-editor`}>
      {conditions.length === 0 && emptyText && <div className="muted small">{emptyText}</div>}
      {conditions.map((condition, i) => (
        <ConditionRow key={i} condition={condition} index={i} operators={operators} path={path} errorsAt={errorsAt}
          testPrefix={testPrefix}
          onChange={(next) => onChange(conditions.map((c, j) => (j === i ? next : c)))}
          onRemove={() => onChange(conditions.filter((_, j) => j !== i))} />
      ))}
      <Errors messages={errorsAt(path)} path={path} />
      <button type="button" className="small-button" data-testid={`${testPrefix}-add`}
        onClick={() => onChange([...conditions, { field: '', operator: 'equals', value: '' }])}>
        Add condition
      </button>
    </div>
  );
}
