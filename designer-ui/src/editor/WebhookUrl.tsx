/** The webhook URL of a saved workflow, with a copy button. */
import { useState } from 'react';

/** The server gives a path (/webhooks/workflow/abc); resolve it next to the UI so a context path is kept. */
export function absoluteWebhookUrl(path: string, pageUrl: string = window.location.href): string {
  if (/^https?:\/\//.test(path)) return path;
  const base = pageUrl.split('#')[0];
  return new URL(path.replace(/^\//, ''), base).toString();
}

export function WebhookUrl({ url }: { url: string | null | undefined }) {
  const [copied, setCopied] = useState(false);
  if (!url) {
    return <div className="muted small" data-testid="webhook-url-missing">Save the workflow to get its webhook URL.</div>;
  }
  const full = absoluteWebhookUrl(url);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(full);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="webhook-url">
      <div className="hint-label">Webhook URL</div>
      <div className="copy-row">
        <code data-testid="webhook-url">{full}</code>
        <button type="button" onClick={() => void copy()} data-testid="copy-webhook-url">{copied ? 'Copied ✓' : 'Copy'}</button>
      </div>
      <div className="muted small">POST JSON to this URL to start the workflow (once deployed).</div>
    </div>
  );
}
