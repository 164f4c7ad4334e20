import { formatTime } from './format';

/** What a status means to a person: skipped is "condition not met", waiting says until when. */
export function statusText(status: string | null | undefined, until?: string | null): string {
  const value = status ?? 'never';
  if (value === 'waiting' && until) return `waiting until ${formatTime(until)}`;
  return value;
}

export function StatusBadge({ status, testId, until, title }: {
  status: string | null | undefined; testId?: string; until?: string | null; title?: string;
}) {
  const value = status ?? 'never';
  return <span className={`badge badge-${value}`} data-testid={testId} title={title}>{statusText(value, until)}</span>;
}
