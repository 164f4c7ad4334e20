/** The templates gallery: preview a template, and turn it into a new workflow. */
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/api';
import type { StepDef, Template } from '../api/types';
import { errorText } from '../components/format';
import { JsonView } from '../components/JsonView';
import { useToast } from '../components/Toasts';

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

  useEffect(() => {
    api.templates().then(setTemplates).catch((e) => setError(errorText(e)));
  }, []);

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
