/** A form generated from a JSON Schema (RJSF), with API validation errors shown on their fields. */
import { useMemo } from 'react';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';
import type { ErrorSchema, FieldErrorProps, RJSFSchema } from '@rjsf/utils';
import type { JsonObject, JSONSchema } from '../api/types';
import { joinPath, toErrorSchema, type LocatedError } from './errorPaths';
import { buttonTemplates, ConditionsField, ExpressionWidget } from './formParts';
import { formUiSchema, withoutFilledDefaults } from './formUi';
import { JsonField } from './JsonField';

/** Errors shown under a field, with a test id naming the field: field-error-config.url */
function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const shown = errors.filter(Boolean);
  if (shown.length === 0) return null;
  const path = joinPath(fieldPathId.path);
  return (
    <ul className="field-errors" data-testid={`field-error-${joinPath(['config', ...fieldPathId.path])}`}
      data-field={path}>
      {shown.map((error, index) => <li key={index}>{error}</li>)}
    </ul>
  );
}

const templates = { FieldErrorTemplate, ButtonTemplates: buttonTemplates };
const fields = { json: JsonField, conditions: ConditionsField };
const widgets = { expression: ExpressionWidget };

/** Drops the given properties (nested action lists, edited on the canvas) from an object schema. */
export function withoutProperties(schema: JSONSchema, names: string[]): JSONSchema {
  if (names.length === 0 || typeof schema.properties !== 'object' || schema.properties === null) return schema;
  const properties = { ...(schema.properties as JsonObject) };
  names.forEach((name) => delete properties[name]);
  const required = Array.isArray(schema.required) ? (schema.required as string[]).filter((r) => !names.includes(r)) : undefined;
  return { ...schema, properties, ...(required ? { required } : {}) };
}

export interface SchemaFormProps {
  schema: JSONSchema;
  value: JsonObject;
  errors: LocatedError[];
  /** the error path prefix of this form's value: "config" */
  prefix: string;
  idPrefix: string;
  onChange: (value: JsonObject) => void;
}

export function SchemaForm({ schema, value, errors, prefix, idPrefix, onChange }: SchemaFormProps) {
  const extraErrors = useMemo(() => toErrorSchema(errors, prefix) as ErrorSchema, [errors, prefix]);
  const uiSchema = useMemo(() => formUiSchema(schema), [schema]);
  return (
    <Form schema={schema as RJSFSchema} formData={value} validator={validator} uiSchema={uiSchema}
      templates={templates} fields={fields} widgets={widgets} extraErrors={extraErrors} noHtml5Validate
      showErrorList={false} idPrefix={idPrefix}
      onChange={(event) => {
        const next = withoutFilledDefaults((event.formData ?? {}) as JsonObject, value, schema);
        if (JSON.stringify(next) !== JSON.stringify(value)) onChange(next);
      }}
      onSubmit={() => {}} />
  );
}
