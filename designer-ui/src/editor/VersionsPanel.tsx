/**
 * A workflow's history: every saved version (who, when, deployed or not), a side-by-side diff of two versions,
 * restoring one as a new version and deploying a chosen one.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/api';
import type { VersionInfo, Workflow } from '../api/types';
import { errorText, formatDateTime } from '../components/format';
import { useToast } from '../components/Toasts';
import { diffText, lineDiff, type DiffRow } from './lineDiff';

export interface VersionsPanelProps {
  workflow: Workflow | null;
  dirty: boolean;
  /** deploys the saved version n */
  onDeploy: (version: number) => Promise<unknown>;
  /** the workflow after a restore saved a new version */
  onRestored: (workflow: Workflow) => void;
}

const CONTEXT_LINES = 2;

/** Rows worth showing: changes, with a few unchanged lines around each. */
function aroundChanges(rows: DiffRow[]): (DiffRow | 'gap')[] {
  const keep = rows.map(() => false);
  rows.forEach((row, i) => {
    if (row.kind === 'same') return;
    for (let k = Math.max(0, i - CONTEXT_LINES); k <= Math.min(rows.length - 1, i + CONTEXT_LINES); k++) keep[k] = true;
  });
  const out: (DiffRow | 'gap')[] = [];
  rows.forEach((row, i) => {
    if (keep[i]) out.push(row);
    else if (out[out.length - 1] !== 'gap') out.push('gap');
  });
  return out;
}

function DiffView({ workflowId, versions, left, right, onLeft, onRight, onClose, onRestore, onDeploy }: {
  workflowId: string; versions: VersionInfo[]; left: number; right: number; onLeft: (v: number) => void;
  onRight: (v: number) => void; onClose: () => void; onRestore: (v: number) => void; onDeploy: (v: number) => void;
}) {
  const [texts, setTexts] = useState<{ left: string; right: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyChanges, setOnlyChanges] = useState(true);
  useEffect(() => {
    let cancelled = false;
    setTexts(null);
    Promise.all([api.version(workflowId, left), api.version(workflowId, right)])
      .then(([a, b]) => { if (!cancelled) setTexts({ left: diffText(a), right: diffText(b) }); })
      .catch((e) => { if (!cancelled) setError(errorText(e)); });
    return () => { cancelled = true; };
  }, [workflowId, left, right]);
  const diff = useMemo(() => {
    if (!texts) return { rows: null, error: null };
    try {
      return { rows: lineDiff(texts.left, texts.right), error: null };
    } catch (e) {
      return { rows: null, error: errorText(e) };
    }
  }, [texts]);
  const rows = diff.rows;
  const changes = rows?.filter((r) => r.kind !== 'same').length ?? 0;
  const shown = rows ? (onlyChanges ? aroundChanges(rows) : rows) : [];
  const picker = (value: number, onChange: (v: number) => void, testId: string) => (
    <select value={value} data-testid={testId} onChange={(e) => onChange(Number(e.target.value))}>
      {versions.map((v) => <option key={v.version} value={v.version}>Version {v.version}</option>)}
    </select>
  );
  return (
    <div className="modal-backdrop" role="dialog" aria-modal="true" aria-label="Compare versions">
      <div className="modal diff-modal" data-testid="diff-view">
        <div className="modal-header">
          <h3>Compare {picker(left, onLeft, 'diff-left')} with {picker(right, onRight, 'diff-right')}</h3>
          <button type="button" onClick={onClose} data-testid="diff-close">Close</button>
        </div>
        <div className="diff-toolbar">
          <span className="muted small" data-testid="diff-summary">
            {rows ? (changes === 0 ? 'The two versions are the same.' : `${changes} changed line${changes === 1 ? '' : 's'}`) : 'Loading…'}
          </span>
          <label className="inline"><input type="checkbox" checked={onlyChanges}
            onChange={(e) => setOnlyChanges(e.target.checked)} /> Only changes</label>
          <button type="button" onClick={() => onRestore(left)} data-testid="diff-restore">Restore version {left}</button>
          <button type="button" onClick={() => onDeploy(left)} data-testid="diff-deploy">Deploy version {left}</button>
        </div>
        {(error ?? diff.error) && <div className="form-error">{error ?? diff.error}</div>}
        <div className="diff-body">
          <table className="diff-table">
            <tbody>
              {shown.map((row, i) => (row === 'gap' ? (
                <tr key={i} className="diff-gap"><td colSpan={4}>…</td></tr>
              ) : (
                <tr key={i} className={`diff-${row.kind}`} data-testid={`diff-row-${row.kind}`}>
                  <td className="diff-number">{row.leftNumber ?? ''}</td>
                  <td className="diff-line diff-left"><pre>{row.left ?? ''}</pre></td>
                  <td className="diff-number">{row.rightNumber ?? ''}</td>
                  <td className="diff-line diff-right"><pre>{row.right ?? ''}</pre></td>
                </tr>
              )))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}

export function VersionsPanel({ workflow, dirty, onDeploy, onRestored }: VersionsPanelProps) {
  const { notify } = useToast();
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [compare, setCompare] = useState<{ left: number; right: number } | null>(null);
  const workflowId = workflow?.id;
  const stamp = `${workflow?.version}-${workflow?.deployed_version}`;

  const load = useCallback(() => {
    if (!workflowId) return;
    api.versions(workflowId).then((list) => { setVersions(list); setError(null); }).catch((e) => setError(errorText(e)));
  }, [workflowId]);
  useEffect(load, [load, stamp]);

  if (!workflow) return <div className="muted empty-panel">Save the workflow to keep its versions.</div>;

  const restore = async (version: number) => {
    if (dirty && !window.confirm(`Restoring version ${version} discards your unsaved changes. Restore it?`)) return;
    try {
      const restored = await api.restoreVersion(workflow.id, version);
      notify('success', `Restored version ${version} as version ${restored.version}`);
      setCompare(null);
      onRestored(restored);
    } catch (e) {
      notify('error', `Restore failed: ${errorText(e)}`);
    }
  };
  const deploy = async (version: number) => {
    await onDeploy(version);
    setCompare(null);
  };

  return (
    <div className="versions-panel" data-testid="versions-panel">
      <h3>Versions</h3>
      {dirty && <div className="muted small">You have unsaved changes: they are not a version until you save.</div>}
      {error && <div className="form-error" role="alert">{error}</div>}
      {!versions && !error && <div className="muted">Loading…</div>}
      <ol className="version-list">
        {versions?.map((v) => (
          <li key={v.version} className="version-row" data-testid={`version-${v.version}`}>
            <div className="version-head">
              <strong>Version {v.version}</strong>
              {v.current && <span className="badge badge-draft">current</span>}
              {v.deployed && <span className="badge badge-deployed">deployed</span>}
            </div>
            <div className="muted small">{formatDateTime(v.created_at)}{v.created_by ? ` · ${v.created_by}` : ''}</div>
            <div className="button-row">
              {!v.current && (
                <button type="button" className="small-button" data-testid={`version-compare-${v.version}`}
                  onClick={() => setCompare({ left: v.version, right: workflow.version })}>
                  Compare with current
                </button>
              )}
              {!v.current && (
                <button type="button" className="small-button" data-testid={`version-restore-${v.version}`}
                  onClick={() => void restore(v.version)}>Restore</button>
              )}
              {!v.deployed && (
                <button type="button" className="small-button" data-testid={`version-deploy-${v.version}`}
                  onClick={() => void deploy(v.version)}>Deploy</button>
              )}
            </div>
          </li>
        ))}
      </ol>
      {compare && versions && (
        <DiffView workflowId={workflow.id} versions={versions} left={compare.left} right={compare.right}
          onLeft={(left) => setCompare({ ...compare, left })} onRight={(right) => setCompare({ ...compare, right })}
          onClose={() => setCompare(null)} onRestore={(v) => void restore(v)} onDeploy={(v) => void deploy(v)} />
      )}
    </div>
  );
}
