/** One function per endpoint of docs/api.md. */
import { http } from './client';
import type {
  ActionCatalogue, ApiToken, AuditPage, ClusterNode, Connection, ExecutionDetail, Login, NewToken, NewUser, RoleChange,
  UserRow, WorkflowRef, ExecutionPage, PerformanceAnalytics, Template, TestResult, TriggerInfo, User,
  Workflow, WorkflowAnalytics, WorkflowDefinition, WorkflowSummary, TestRequest, OperatorInfo,
  SchedulePreview, VersionInfo, ImportResult, ExecutionStarted,
} from './types';

export interface ExecutionQuery {
  workflow_id?: string;
  status?: string;
  /** test runs are listed apart (the API's default is false) */
  test?: boolean;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

const id = (value: string) => encodeURIComponent(value);

export const api = {
  login: (username: string, password: string) =>
    http.post<User>('/api/auth/login', { username, password } satisfies Login, { skipAuthRedirect: true }),
  logout: () => http.post<void>('/api/auth/logout', undefined, { skipAuthRedirect: true }),
  loginWithToken: (token: string) =>
    http.post<User>('/api/auth/login', { token } satisfies Login, { skipAuthRedirect: true }),
  me: () => http.get<User>('/api/auth/me', { skipAuthRedirect: true }),

  actions: () => http.get<ActionCatalogue>('/api/actions'),
  triggers: () => http.get<TriggerInfo[]>('/api/triggers'),
  operators: () => http.get<OperatorInfo[]>('/api/operators'),
  schedulePreview: (cronExpression: string, timezone?: string, signal?: AbortSignal) =>
    http.post<SchedulePreview>('/api/schedules/preview',
      timezone ? { cron_expression: cronExpression, timezone } : { cron_expression: cronExpression }, { signal }),

  listWorkflows: () => http.get<WorkflowSummary[]>('/api/workflows'),
  getWorkflow: (workflowId: string) => http.get<Workflow>(`/api/workflows/${id(workflowId)}`),
  createWorkflow: (definition: WorkflowDefinition) => http.post<Workflow>('/api/workflows', definition),
  updateWorkflow: (workflowId: string, definition: WorkflowDefinition) =>
    http.put<Workflow>(`/api/workflows/${id(workflowId)}`, definition),
  deleteWorkflow: (workflowId: string) => http.delete<void>(`/api/workflows/${id(workflowId)}`),
  deploy: (workflowId: string, version?: number) =>
    http.post<Workflow>(`/api/workflows/${id(workflowId)}/deploy`, version === undefined ? undefined : { version }),
  undeploy: (workflowId: string) => http.post<Workflow>(`/api/workflows/${id(workflowId)}/undeploy`),
  execute: (workflowId: string, triggerData?: unknown) =>
    http.post<ExecutionStarted>(`/api/workflows/${id(workflowId)}/execute`, triggerData ?? {}),
  test: (request: TestRequest) => http.post<TestResult>('/api/workflows/test', request),

  versions: (workflowId: string) => http.get<VersionInfo[]>(`/api/workflows/${id(workflowId)}/versions`),
  version: (workflowId: string, version: number) =>
    http.get<WorkflowDefinition>(`/api/workflows/${id(workflowId)}/versions/${version}`),
  restoreVersion: (workflowId: string, version: number) =>
    http.post<Workflow>(`/api/workflows/${id(workflowId)}/versions/${version}/restore`),
  /** Relative URLs of the export files, for download links (the session cookie goes along). */
  exportUrl: (workflowId?: string) => (workflowId ? `./api/workflows/${id(workflowId)}/export` : './api/workflows/export'),
  importWorkflows: (document: unknown) => http.post<ImportResult>('/api/workflows/import', document),

  executions: (q: ExecutionQuery, signal?: AbortSignal) =>
    http.get<ExecutionPage>(`/api/executions${query({ ...q })}`, { signal }),
  execution: (executionId: string) => http.get<ExecutionDetail>(`/api/executions/${id(executionId)}`),
  /** The URL of an execution's live stream (server-sent events), for EventSource. */
  executionEventsUrl: (executionId: string) => `./api/executions/${id(executionId)}/events`,
  cancelExecution: (executionId: string) =>
    http.post<{ execution_id: string; status: string }>(`/api/executions/${id(executionId)}/cancel`),
  resumeExecution: (executionId: string, step: string, mode: 'retry' | 'skip') =>
    http.post<{ execution_id: string; status: string }>(`/api/executions/${id(executionId)}/resume`, { step, mode }),
  rerunExecution: (executionId: string, fromStep: string | null, version: 'original' | 'current' = 'original') =>
    http.post<{ execution_id: string; status: string; rerun_of: string }>(`/api/executions/${id(executionId)}/rerun`,
      { from_step: fromStep, version }),

  connections: () => http.get<Connection[]>('/api/connections'),
  createConnection: (connection: Partial<Connection>) => http.post<Connection>('/api/connections', connection),
  updateConnection: (name: string, connection: Partial<Connection>) =>
    http.put<Connection>(`/api/connections/${id(name)}`, connection),
  deleteConnection: (name: string) => http.delete<void>(`/api/connections/${id(name)}`),
  testConnection: (name: string) => http.post<Record<string, unknown>>(`/api/connections/${id(name)}/test`),
  connectionUsage: (name: string) => http.get<WorkflowRef[]>(`/api/connections/${id(name)}/workflows`),

  users: () => http.get<UserRow[]>('/api/users'),
  createUser: (username: string, password: string, role: string) =>
    http.post<UserRow>('/api/users', { username, password, role } satisfies NewUser),
  changeRole: (userId: string, role: string) =>
    http.put<UserRow>(`/api/users/${id(userId)}/role`, { role } satisfies RoleChange),
  deleteUser: (userId: string) => http.delete<void>(`/api/users/${id(userId)}`),

  tokens: () => http.get<ApiToken[]>('/api/tokens'),
  createToken: (name: string) => http.post<ApiToken>('/api/tokens', { name } satisfies NewToken),
  revokeToken: (tokenId: string) => http.delete<void>(`/api/tokens/${id(tokenId)}`),

  audit: (q: AuditQuery) => http.get<AuditPage>(`/api/audit${query({ ...q })}`),
  cluster: () => http.get<{ nodes: ClusterNode[] }>('/api/cluster'),

  templates: () => http.get<Template[]>('/api/templates'),
  instantiate: (templateId: string) => http.post<Workflow>(`/api/templates/${id(templateId)}/instantiate`),

  workflowAnalytics: (range = '7d') => http.get<WorkflowAnalytics[]>(`/api/analytics/workflows${query({ range })}`),
  performance: (range = '7d', tz?: string) =>
    http.get<PerformanceAnalytics>(`/api/analytics/performance${query({ range, tz })}`),
};
