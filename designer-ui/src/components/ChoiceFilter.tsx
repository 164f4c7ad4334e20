/** A list filter that picks one of `choices` (a value, or a value with its label), or any with the first option. */
export function ChoiceFilter({ label, value, any, choices, testId, onChange }: {
  label: string; value: string; any: string; choices: readonly (string | { value: string; label: string })[];
  testId: string; onChange: (value: string) => void;
}) {
  return (
    <label>{label}
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        <option value="">{any}</option>
        {choices.map((c) => typeof c === 'string'
          ? <option key={c} value={c}>{c}</option>
          : <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </label>
  );
}
