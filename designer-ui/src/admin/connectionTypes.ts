/** The kinds of connection and their fields (docs/api.md, Connections); secret fields are never shown again. */
export interface ConnectionField {
  name: string;
  label: string;
  secret?: boolean;
  flag?: boolean;
  placeholder?: string;
}

const f = (name: string, label: string, extra: Partial<ConnectionField> = {}): ConnectionField => ({ name, label, ...extra });

export const CONNECTION_TYPES: Record<string, { label: string; fields: ConnectionField[] }> = {
  database: { label: 'PostgreSQL database', fields: [
    f('url', 'JDBC URL', { placeholder: 'jdbc:postgresql://db.example.org:5432/finance' }), f('username', 'Username'),
    f('password', 'Password', { secret: true }), f('writable', 'Allow writes', { flag: true })] },
  http: { label: 'HTTP API', fields: [
    f('allowed_hosts', 'Allowed hosts (comma-separated)', { placeholder: 'api.example.org' }),
    f('base_url', 'Base URL', { placeholder: 'https://api.example.org' }),
    f('bearer_token', 'Bearer token', { secret: true }), f('username', 'Username (basic auth)'),
    f('password', 'Password (basic auth)', { secret: true })] },
  notion: { label: 'Notion', fields: [
    f('token', 'Integration token', { secret: true }), f('projects_database_id', 'Projects database id'),
    f('opportunities_database_id', 'Opportunities database id'), f('base_url', 'API base URL', { placeholder: 'https://api.notion.com' })] },
  slack: { label: 'Slack', fields: [f('webhook_url', 'Incoming webhook URL', { secret: true })] },
  smtp: { label: 'SMTP mail server', fields: [
    f('host', 'Host'), f('port', 'Port', { placeholder: '587' }), f('username', 'Username'),
    f('password', 'Password', { secret: true }), f('from', 'From address'), f('ssl', 'SSL', { flag: true }),
    f('starttls', 'STARTTLS', { flag: true })] },
};

/** The kind of connection an action type needs, from its family (data.query -> database, email.* -> smtp...). */
export function connectionTypeFor(actionType: string): string | undefined {
  const family = actionType.split('.')[0];
  if (actionType === 'data.query' || family === 'database') return 'database';
  if (family === 'email') return 'smtp';
  return CONNECTION_TYPES[family] ? family : undefined;
}

interface StepLike { action_type?: string; config?: Record<string, unknown> }

/** The connections a definition's steps name (nested steps included), with the type each step needs. */
export function connectionsNeeded(steps: StepLike[] | undefined): { name: string; type?: string }[] {
  const found = new Map<string, string | undefined>();
  const walk = (list: StepLike[] | undefined) => {
    for (const step of list ?? []) {
      const config = step.config ?? {};
      if (typeof config.connection === 'string' && !found.has(config.connection)) {
        found.set(config.connection, connectionTypeFor(step.action_type ?? ''));
      }
      for (const [key, value] of Object.entries(config)) {
        if (key.endsWith('_actions') && Array.isArray(value)) walk(value as StepLike[]);
      }
    }
  };
  walk(steps);
  return [...found].map(([name, type]) => ({ name, type }));
}
