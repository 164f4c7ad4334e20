/**
 * The mark of an action or trigger on the canvas, the palette and the panels: a short text in a badge coloured by
 * category. Text, not emoji: systems without an emoji font draw emoji as empty boxes.
 */
const CATEGORY_MARKS: Record<string, string> = {
  http: 'HTTP', control: 'IF', data: 'DATA', email: 'MAIL', notion: 'N', slack: 'S', database: 'SQL', files: 'FILE',
  file: 'FILE', report: 'PDF', analytics: 'AN',
};
const ACTION_MARKS: Record<string, string> = { 'control.loop': 'EACH', 'control.wait': 'WAIT' };
const TRIGGER_MARKS: Record<string, string> = { webhook: 'HOOK', schedule: 'CRON', event: 'EVT', manual: 'RUN' };

export function ActionIcon({ type, category }: { type: string; category?: string }) {
  const group = category ?? type.split('.')[0];
  const mark = ACTION_MARKS[type] ?? CATEGORY_MARKS[group] ?? group.slice(0, 3).toUpperCase();
  return <span className={`action-icon icon-${group}`} aria-hidden="true">{mark}</span>;
}

export function TriggerIcon({ type }: { type: string }) {
  return <span className="action-icon icon-trigger" aria-hidden="true">{TRIGGER_MARKS[type] ?? 'GO'}</span>;
}
