/** The templates gallery: preview a template, and turn it into a new workflow. */
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/api';
import type { StepDef, Template } from '../api/types';
import { connectionsNeeded } from '../admin/connectionTypes';
import { useUser } from '../auth/AuthContext';
import { errorText } from '../components/format';
import { JsonView } from '../components/JsonView';
import { useToast } from '../components/Toasts';

/** The connections a template's steps name: which exist, and a link to create the missing ones (admins). */
function NeededConnections({ template, existing, isAdmin }: { template: Template; existing: Set<string> | null; isAdmin: boolean }) {
  const needed = connectionsNeeded(template.template_config.steps as never);
  if (needed.length === 0) return null;
  return (
    <div className="small" data-testid="template-connections">
      Needs {needed.length === 1 ? 'the connection' : 'the connections'}:
      <ul className="needs">
        {needed.map((c) => {
          const present = existing?.has(c.name);
          return (
            <li key={c.name} data-testid={`template-connection-${c.name}`}>
              <code>{c.name}</code>{c.type ? ` (${c.type})` : ''}{' '}
              {present ? <span className="ok">ready</span>
                : isAdmin ? (
                  <Link className="missing" data-testid={`template-create-connection-${c.name}`}
                    to={`/connections?new=${encodeURIComponent(c.name)}${c.type ? `&type=${c.type}` : ''}`}>
                    missing: create it
                  </Link>
                ) : <span className="missing">{existing ? 'missing: ask an admin to create it' : 'an admin creates it'}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function StepOutline({ steps, depth = 0 }: { steps: StepDef[]; depth?: number }) {
  return (
    <ol className="outline">
      {steps.map((step, i) => (
        <li key={i}>
          <code>{step.action_type}</code>
          {Object.entries(step.config ?? {})
            .filter(([key, value]) => key.endsWith('_actions') && Array.isArray(value))
            .map(([key, value]) => (
              <div key={key} className="outline-block">
                <span className="muted small">{key.replace(/_actions$/, '')}:</span>
                {depth < 3 && <StepOutline steps={value as StepDef[]} depth={depth + 1} />}
              </div>
            ))}
        </li>
      ))}
    </ol>
  );
}

export function TemplatesPage() {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Template | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const navigate = useNavigate();
  const { notify } = useToast();
  const user = useUser();
  const isAdmin = user?.role?.toLowerCase() === 'admin';
  const [connections, setConnections] = useState<Set<string> | null>(null);

  useEffect(() => {
    api.templates().then(setTemplates).catch((e) => setError(errorText(e)));
  }, []);
  useEffect(() => {
    // only admins may list connections; others see which names a template needs
    if (isAdmin) api.connections().then((list) => setConnections(new Set(list.map((c) => c.name)))).catch(() => {});
  }, [isAdmin]);

  const use = async (template: Template) => {
    setBusy(template.id);
    try {
      const workflow = await api.instantiate(template.id);
      notify('success', `Created “${workflow.name}” from the template`);
      navigate(`/workflows/${workflow.id}`);
    } catch (e) {
      notify('error', `Could not use the template: ${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="page">
      <div className="page-header"><h1>Templates</h1></div>
      {error && <div className="form-error" role="alert">Could not load templates: {error}</div>}
      {templates === null && !error && <div className="muted">Loading…</div>}
      {templates && templates.length === 0 && <div className="empty">No templates available.</div>}
      <div className="cards">
        {templates?.map((t) => (
          <div key={t.id} className="card" data-testid={`template-${t.id}`}>
            <div className="card-header">
              <h3>{t.name}</h3>
              <span className="chip">{t.category}</span>
            </div>
            <p className="muted">{t.description}</p>
            <div className="small muted">
              Trigger: <strong>{t.template_config.trigger?.type}</strong> · {t.template_config.steps?.length ?? 0} steps
              · used {t.usage_count} times
            </div>
            <NeededConnections template={t} existing={connections} isAdmin={isAdmin} />
            <div className="card-actions">
              <button type="button" data-testid="template-preview" onClick={() => setPreview(preview?.id === t.id ? null : t)}>
                {preview?.id === t.id ? 'Hide preview' : 'Preview'}
              </button>
              <button type="button" className="primary" data-testid="template-use" disabled={busy === t.id}
                onClick={() => void use(t)}>
                {busy === t.id ? 'Creating…' : 'Use template'}
              </button>
            </div>
            {preview?.id === t.id && (
              <div className="template-preview" data-testid="template-preview-body">
                <StepOutline steps={t.template_config.steps ?? []} />
                <details>
                  <summary>Definition JSON</summary>
                  <JsonView value={t.template_config} />
                </details>
              </div>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
