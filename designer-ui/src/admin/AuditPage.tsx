/** The audit trail (admins): who did what and when, filtered by user, action and time, newest first. */
import { useEffect, useState } from 'react';
import { api } from '../api/api';
import type { AuditPage as Page } from '../api/types';
import { ChoiceFilter } from '../components/ChoiceFilter';
import { Pager } from '../components/Pager';
import { TimeRange, toIso } from '../components/TimeRange';
import { errorText, formatDateTime } from '../components/format';
import { useUrlFilters } from '../components/useUrlFilters';

export const PAGE_SIZE = 50;
export const ACTIONS = ['login.success', 'login.failure', 'workflow.create', 'workflow.update', 'workflow.delete',
  'workflow.deploy', 'workflow.undeploy', 'workflow.execute', 'execution.cancel', 'token.create', 'token.revoke',
  'user.create', 'user.change_role', 'user.delete', 'connection.save', 'connection.delete'];

type AuditFilters = { actor: string; action: string; from: string; to: string };

export function AuditPage() {
  const { filters, offset, key, show, clear } = useUrlFilters<AuditFilters>(['actor', 'action', 'from', 'to']);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.audit({ actor: filters.actor || undefined, action: filters.action || undefined, from: toIso(filters.from),
      to: toIso(filters.to), limit: PAGE_SIZE, offset })
      .then((p) => { setPage(p); setError(null); })
      .catch((e) => setError(errorText(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const update = (patch: Partial<AuditFilters>) => show({ ...filters, ...patch });
  const total = page?.total ?? 0;
  return (
    <div className="page" data-testid="audit-page">
      <div className="page-header"><h1>Audit trail</h1></div>
      <div className="filters">
        <label>User
          <input value={filters.actor} placeholder="admin" data-testid="audit-actor"
            onChange={(e) => update({ actor: e.target.value })} />
        </label>
        <ChoiceFilter label="Action" value={filters.action} any="Any action" choices={ACTIONS} testId="audit-action"
          onChange={(action) => update({ action })} />
        <TimeRange from={filters.from} to={filters.to} testIdPrefix="audit" onChange={update} />
        <button type="button" className="link" onClick={clear}>Clear</button>
      </div>
      {error && <div className="form-error" role="alert">Could not load the audit trail: {error}</div>}
      {page && page.items.length === 0 && <div className="empty" data-testid="audit-empty">Nothing matches.</div>}
      {page && page.items.length > 0 && (
        <table className="table" data-testid="audit-table">
          <thead><tr><th>When</th><th>User</th><th>Action</th><th>Target</th><th>Detail</th></tr></thead>
          <tbody>
            {page.items.map((e) => (
              <tr key={e.id} data-testid={`audit-row-${e.id}`}>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td><code>{e.action}</code></td>
                <td className="small">{e.target_type}{e.target_id ? ` ${e.target_id}` : ''}</td>
                <td className="small"><code>{e.detail ? JSON.stringify(e.detail) : ''}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && total > PAGE_SIZE && (
        <Pager offset={offset} total={total} pageSize={PAGE_SIZE} onPage={(next) => show(filters, next)} />
      )}
    </div>
  );
}
