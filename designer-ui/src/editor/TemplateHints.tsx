/** Lists the {{...}} paths a step can use; clicking one copies it. */
import type { HintGroup } from './templateHints';

export function TemplateHints({ groups }: { groups: HintGroup[] }) {
  const copy = (path: string) => void navigator.clipboard?.writeText(`{{${path}}}`).catch(() => {});
  return (
    <details className="hints" open data-testid="template-hints">
      <summary>Template values</summary>
      <p className="muted small">Use these in any text field as <code>{'{{path}}'}</code>. Click to copy.</p>
      {groups.map((group) => (
        <div key={group.label} className="hint-group">
          <div className="hint-label">{group.label}</div>
          {group.paths.length === 0 && <div className="muted small">none yet — run a test to see fields</div>}
          <div className="hint-paths">
            {group.paths.map((path) => (
              <button key={path} type="button" className="hint" onClick={() => copy(path)} title="Copy">
                {`{{${path}}}`}
              </button>
            ))}
          </div>
        </div>
      ))}
    </details>
  );
}
