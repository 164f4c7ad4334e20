/** A from/to filter of local wall times (datetime-local inputs), and their conversion to the API's ISO instants. */

/** datetime-local values are local wall times; the API takes ISO instants. */
export function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function TimeRange({ from, to, testIdPrefix, onChange }: {
  from: string; to: string; testIdPrefix: string; onChange: (range: { from?: string; to?: string }) => void;
}) {
  return (
    <>
      <label>From
        <input type="datetime-local" value={from} data-testid={`${testIdPrefix}-from`}
          onChange={(e) => onChange({ from: e.target.value })} />
      </label>
      <label>To
        <input type="datetime-local" value={to} data-testid={`${testIdPrefix}-to`}
          onChange={(e) => onChange({ to: e.target.value })} />
      </label>
    </>
  );
}
