/**
 * Types of the REST API (docs/api.md). All JSON is snake_case. Where the OpenAPI document types an answer or a
 * request (records in the controllers), the type comes from the generated schema.ts; the rest is kept here by hand
 * until those controllers answer records too.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type JsonObject = Record<string, unknown>;
export type JSONSchema = JsonObject;

/** Who is signed in (GET /api/auth/me, POST /api/auth/login). */
export type User = Schemas['SignedIn'];
/** A sign-in: username and password, or token. */
export type Login = Schemas['Login'];
export type NewUser = Schemas['NewUser'];
export type NewToken = Schemas['NewToken'];
export type RoleChange = Schemas['RoleChange'];

export interface ConditionDef {
  field: string;
  operator: string;
  value?: unknown;
}

export interface RetryConfig {
  max_retries?: number;
  retry_delay?: number;
  backoff_multiplier?: number;
}

export interface StepDef {
  step_number?: number;
  action_type: string;
  name?: string;
  notes?: string;
  config: JsonObject;
  condition?: ConditionDef | ConditionDef[] | null;
  retry_config?: RetryConfig | null;
  timeout_seconds?: number | null;
}

export type TriggerType = 'webhook' | 'schedule' | 'event' | 'manual' | string;

export interface TriggerDef {
  type: TriggerType;
  config: JsonObject;
}

export interface WorkflowDefinition {
  name: string;
  description: string;
  tags?: string[];
  trigger: TriggerDef;
  steps: StepDef[];
}

export interface Workflow extends WorkflowDefinition {
  id: string;
  version: number;
  is_active: boolean;
  deployed: boolean;
  deployed_version?: number | null;
  webhook_url?: string | null;
  created_at?: string;
  updated_at?: string;
}

export type ExecutionStatus = 'pending' | 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'interrupted'
  | string;

export interface WorkflowSummary {
  id: string;
  name: string;
  description?: string;
  trigger_type: TriggerType;
  is_active: boolean;
  deployed: boolean;
  version: number;
  deployed_version?: number | null;
  updated_at?: string;
  tags?: string[];
  last_execution: { id: string; status: ExecutionStatus; started_at: string } | null;
}

export interface ActionInfo {
  type: string;
  aliases?: string[];
  category: string;
  display_name: string;
  icon?: string;
  description?: string;
  schema: JSONSchema;
  nested_blocks?: string[];
}

export interface ActionCatalogue {
  categories: { category: string; actions: ActionInfo[] }[];
}

export interface TriggerInfo {
  type: TriggerType;
  schema: JSONSchema;
}

export interface StepResult {
  step_key: string;
  step_number: number;
  action_type: string;
  status: 'completed' | 'failed' | 'skipped' | 'running' | 'waiting' | 'interrupted' | string;
  attempt: number;
  /** null outside loops; "2" for the third item of a loop, "2.0" in nested loops */
  iteration?: string | null;
  /** the cluster node that ran the attempt */
  node?: string | null;
  input?: unknown;
  output?: unknown;
  error?: string | null;
  started_at?: string | null;
  completed_at?: string | null;
  duration_ms?: number | null;
}

export interface TestResult {
  status: 'completed' | 'failed' | string;
  error: string | null;
  steps: StepResult[];
  context: JsonObject;
  /** set when the run was recorded as a test execution (the request named its workflow_id) */
  execution_id?: string;
}

/** POST /api/workflows/test: pinned steps do not run (their output is used); stop_after ends the run. */
export interface TestRequest {
  workflow: WorkflowDefinition;
  test_data: JsonObject;
  workflow_id?: string | null;
  pinned?: Record<string, unknown>;
  stop_after?: string | null;
}

/** A condition operator from GET /api/operators and what it compares against. */
export interface OperatorInfo {
  id: string;
  value: 'one' | 'list' | 'none' | string;
}

export interface SchedulePreview {
  timezone: string;
  next: string[];
}

export interface VersionInfo {
  version: number;
  name?: string;
  created_at: string;
  created_by: string | null;
  deployed: boolean;
  current?: boolean;
}

export interface ImportResult {
  created: { id: string; name: string; version: number }[];
  missing_connections: { workflow_index: number; workflow: string; step: string; connection: string }[];
}

export interface ExecutionItem {
  id: string;
  workflow_id: string;
  workflow_name: string;
  workflow_version: number;
  status: ExecutionStatus;
  started_at: string;
  completed_at: string | null;
  duration_ms: number | null;
  error_message: string | null;
  /** a waiting execution resumes then */
  resume_at?: string | null;
}

export interface ExecutionPage {
  items: ExecutionItem[];
  total: number;
  limit: number;
  offset: number;
}

/** An execution's fields without its steps (the `execution` event of the live stream). */
export interface ExecutionSummary extends ExecutionItem {
  trigger_data: unknown;
  execution_data: unknown;
  interrupted_step?: string | null;
  rerun_of?: string | null;
  resume_count?: number;
  test?: boolean;
  runs?: { node: string; started_at: string; reason: string }[];
}

export interface ExecutionDetail extends ExecutionSummary {
  steps: StepResult[];
}

export interface Template {
  id: string;
  name: string;
  category: string;
  description: string;
  template_config: WorkflowDefinition;
  usage_count: number;
}

export interface WorkflowAnalytics {
  id: string;
  name: string;
  total_executions: number;
  successful_executions: number;
  failed_executions: number;
  avg_duration_seconds: number | null;
  last_execution: string | null;
}

export interface PerformanceAnalytics {
  execution_rate: {
    interval: 'hour' | 'day';
    time_zone: string;
    buckets: { start: string; completed: number; failed: number }[];
  };
  success_rate: number | null;
  average_duration_ms: number | null;
  duration_percentiles: { p50: number | null; p95: number | null; p99: number | null };
  error_patterns: { message: string; count: number }[];
  bottlenecks: {
    workflow_id: string;
    workflow_name: string;
    step_number: number;
    action_type: string;
    p95_ms: number;
    count: number;
  }[];
}

export interface ConnectionSharing {
  roles?: string[];
  users?: string[];
}

/** A named credential as the API shows it: secret fields masked as ********. */
export interface Connection {
  name: string;
  type: string;
  fields: Record<string, string>;
  owner?: string | null;
  shared_with?: ConnectionSharing | null;
  allowed_hosts?: string[] | null;
  base_url?: string | null;
}

/** A workflow that uses a connection (GET /api/connections/{name}/workflows). */
export type WorkflowRef = Schemas['UsingWorkflow'];

export interface UserRow {
  id: string;
  username: string;
  role: string;
  created_at?: string;
}

export interface ApiToken {
  id: string;
  name: string;
  user_id: string;
  username: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  /** only in the answer that created it */
  token?: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  detail: JsonObject | null;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  limit: number;
  offset: number;
}

export interface ClusterNode {
  id: string;
  name: string;
  address: string;
  version: string;
  started_at: string;
  heartbeat_at: string;
  /** alive, dead (declared dead by the others) or stopped */
  status: string;
  /** executions it owns that are pending or running */
  running: number;
  /** the node that answered */
  self: boolean;
}
