/** The custom parts of config forms: text buttons, the {{path}} widget, and the condition list field. */
import type { ConditionDef } from '../api/types';
import type { ErrorSchema, FieldProps, IconButtonProps, WidgetProps } from '@rjsf/utils';
import { ConditionEditor } from './ConditionEditor';
import { joinPath } from './errorPaths';
import { ExpressionInput } from './ExpressionInput';

/** RJSF's own buttons show icon-font glyphs this app does not load; these say what they do. */
function textButton(label: string, className = '') {
  return function TextButton({ onClick, disabled, id, className: extra, title }: IconButtonProps) {
    return (
      <button type="button" id={id} className={`small-button ${className} ${extra ?? ''}`.trim()} onClick={onClick}
        disabled={disabled} title={title ?? label}>
        {label}
      </button>
    );
  };
}

export const buttonTemplates = {
  AddButton: textButton('Add item', 'form-add'),
  RemoveButton: textButton('Remove', 'danger-text'),
  MoveUpButton: textButton('Up'),
  MoveDownButton: textButton('Down'),
  CopyButton: textButton('Copy'),
  ClearButton: textButton('Clear'),
};

/** Text fields: an input (or a text area) with {{path}} autocomplete and a preview of the resolved value. */
export function ExpressionWidget({ id, value, onChange, disabled, readonly, placeholder, options, label }: WidgetProps) {
  return (
    <ExpressionInput id={id} value={value ?? ''} label={label} placeholder={placeholder}
      multiline={Boolean(options.multiline)} disabled={disabled || readonly}
      onChange={(text) => onChange(text === '' ? undefined : text)} />
  );
}

function messagesAt(errorSchema: ErrorSchema | undefined, parts: (string | number)[]): string[] {
  let node: unknown = errorSchema;
  for (const part of parts) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(part)] : undefined;
  const errors = node && typeof node === 'object' ? (node as { __errors?: string[] }).__errors : undefined;
  return errors ?? [];
}

/** A field's label: the form's human label, else the schema's title, else its name. */
export function fieldTitle(uiSchema: FieldProps['uiSchema'], schema: FieldProps['schema'], name: string): string {
  const fromUi = uiSchema?.['ui:title'];
  if (typeof fromUi === 'string') return fromUi;
  return typeof schema.title === 'string' ? schema.title : name;
}

/** A list of conditions in a config (If / Then, filters, event triggers): the condition editor. */
export function ConditionsField({ formData, onChange, fieldPathId, errorSchema, schema, name, required, uiSchema }:
  FieldProps) {
  const conditions = (Array.isArray(formData) ? formData : []) as ConditionDef[];
  const path = joinPath(['config', ...fieldPathId.path]);
  const title = fieldTitle(uiSchema, schema, name);
  return (
    <div className="conditions-field">
      <div className="field-label">{title}{required ? '*' : ''}</div>
      {typeof schema.description === 'string' && <div className="field-description">{schema.description}</div>}
      <ConditionEditor conditions={conditions} path={path} testPrefix={fieldPathId.path.join('-')}
        emptyText="No conditions yet."
        errorsAt={(errorPath) => {
          if (!errorPath.startsWith(path)) return [];
          const rest = errorPath.slice(path.length).match(/[^.[\]]+/g) ?? [];
          return messagesAt(errorSchema, rest);
        }}
        onChange={(list) => onChange(list, fieldPathId.path)} />
    </div>
  );
}
