/** One function per endpoint of docs/api.md. */
import { http } from './client';
import type {
  ActionCatalogue, ExecutionDetail, ExecutionPage, PerformanceAnalytics, Template, TestResult, TriggerInfo, User,
  Workflow, WorkflowAnalytics, WorkflowDefinition, WorkflowSummary, TestRequest, OperatorInfo, SchedulePreview,
  VersionInfo, ImportResult,
} from './types';

export interface ExecutionQuery {
  workflow_id?: string;
  status?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

function query(params: Record<string, string | number | undefined>): string {
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
    http.post<User>('/api/auth/login', { username, password }, { skipAuthRedirect: true }),
  logout: () => http.post<void>('/api/auth/logout', undefined, { skipAuthRedirect: true }),
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
    http.post<{ execution_id: string; status: string }>(`/api/workflows/${id(workflowId)}/execute`, triggerData ?? {}),
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

  templates: () => http.get<Template[]>('/api/templates'),
  instantiate: (templateId: string) => http.post<Workflow>(`/api/templates/${id(templateId)}/instantiate`),

  workflowAnalytics: (range = '7d') => http.get<WorkflowAnalytics[]>(`/api/analytics/workflows${query({ range })}`),
  performance: (range = '7d') => http.get<PerformanceAnalytics>(`/api/analytics/performance${query({ range })}`),
};
