/** The trigger: its type, its config form (from GET /api/triggers), the webhook URL and the schedule preview. */
import type { JsonObject, TriggerDef, TriggerInfo } from '../api/types';
import type { LocatedError } from './errorPaths';
import { SchemaForm } from './SchemaForm';
import { SchedulePreview } from './SchedulePreview';
import { WebhookUrl } from './WebhookUrl';

export interface TriggerPanelProps {
  trigger: TriggerDef;
  triggers: TriggerInfo[];
  errors: LocatedError[];
  webhookUrl: string | null | undefined;
  onChange: (trigger: TriggerDef, coalesce?: string) => void;
}

const TRIGGER_LABELS: Record<string, string> = {
  manual: 'Manual (run from here or the API)', webhook: 'Webhook (HTTP request)', schedule: 'Schedule (cron)',
  event: 'Event (from the platform or other workflows)',
};

export function TriggerPanel({ trigger, triggers, errors, webhookUrl, onChange }: TriggerPanelProps) {
  const info = triggers.find((t) => t.type === trigger.type);
  const types = triggers.length > 0 ? triggers.map((t) => t.type) : ['manual', 'webhook', 'schedule', 'event'];
  const general = errors.filter((e) => !e.field.startsWith('config.'));
  return (
    <div className="trigger-panel" data-testid="trigger-panel">
      <h3>Trigger</h3>
      <label>Type
        <select value={trigger.type} data-testid="trigger-type"
          onChange={(e) => onChange({ type: e.target.value, config: {} })}>
          {types.map((type) => <option key={type} value={type}>{TRIGGER_LABELS[type] ?? type}</option>)}
        </select>
      </label>
      {general.length > 0 && (
        <ul className="field-errors" data-testid="field-error-trigger">
          {general.map((e, i) => <li key={i}>{e.message}</li>)}
        </ul>
      )}
      {info && (
        <SchemaForm key={trigger.type} schema={info.schema} value={trigger.config} errors={errors} prefix="config"
          idPrefix="trigger" onChange={(config: JsonObject) => onChange({ ...trigger, config }, `trigger:${trigger.type}`)} />
      )}
      {trigger.type === 'webhook' && <WebhookUrl url={webhookUrl} />}
      {trigger.type === 'schedule' && (
        <SchedulePreview expression={String(trigger.config.cron_expression ?? '')}
          timeZone={typeof trigger.config.timezone === 'string' ? trigger.config.timezone : undefined} />
      )}
    </div>
  );
}
