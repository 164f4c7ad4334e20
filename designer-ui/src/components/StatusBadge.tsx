export function StatusBadge({ status, testId }: { status: string | null | undefined; testId?: string }) {
  const value = status ?? 'never';
  return <span className={`badge badge-${value}`} data-testid={testId}>{value}</span>;
}
