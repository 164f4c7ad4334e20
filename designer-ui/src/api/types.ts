/**
 * Types of the REST API (docs/api.md). All JSON is snake_case. Where the OpenAPI document types an answer or a
 * request (records in the controllers), the type comes from the generated schema.ts. User-defined JSON inside them
 * (a JSON Schema, a workflow definition, an audit entry's detail) is a JsonNode on the server, `unknown` in the
 * document: `Typed` gives those parts the designer's own types. What the server still answers as maps (workflows,
 * their versions, test runs, imports, analytics) and the workflow definition itself stay hand-kept here.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

/** A generated type with some of its parts (user-defined JSON on the server) typed by the designer. */
type Typed<T, Parts> = Omit<T, keyof Parts> & Parts;

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

/** An action type of the catalogue (GET /api/actions); nested_blocks only on control actions. */
export type ActionInfo = Typed<Schemas['ActionInfo'], { schema: JSONSchema }>;

export type ActionCatalogue = Typed<Schemas['ActionCatalogue'], {
  categories: Typed<Schemas['ActionCategory'], { actions: ActionInfo[] }>[];
}>;

export type TriggerInfo = Typed<Schemas['TriggerInfo'], { type: TriggerType; schema: JSONSchema }>;

/** One attempt of a step in an execution: iteration is null outside loops, "2" for the third item of a loop. */
export type StepAttempt = Schemas['StepAttempt'];

/**
 * A step's result as the designer shows it, of an execution (a StepAttempt) or of a test run (POST /api/workflows/test
 * still answers a map: hand-kept, with what a test run's steps carry).
 */
export interface StepResult {
  step_key: string;
  step_number: number;
  action_type: string;
  status: 'completed' | 'failed' | 'skipped' | 'running' | 'waiting' | 'interrupted' | string;
  attempt: number;
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

/** A condition operator from GET /api/operators and what it compares against: one, list or none. */
export type OperatorInfo = Schemas['OperatorInfo'];

export type SchedulePreview = Schemas['SchedulePreview'];

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

export type ExecutionItem = Schemas['ExecutionItem'];

export type ExecutionPage = Schemas['ExecutionPage'];

export type ExecutionDetail = Schemas['ExecutionDetail'];

/** An execution's fields without its steps (the `execution` event of the live stream). */
export type ExecutionSummary = Omit<ExecutionDetail, 'steps'>;

export type Template = Typed<Schemas['Template'], { template_config: WorkflowDefinition }>;

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

/** A named credential as the API shows it: secret fields masked as ********. */
export type Connection = Schemas['ConnectionView'];

export type ConnectionTestResult = Schemas['ConnectionTestResult'];

/** A workflow that uses a connection (GET /api/connections/{name}/workflows). */
export type WorkflowRef = Schemas['UsingWorkflow'];

/** A user as admins see it (created_at in the list only). */
export type UserRow = Schemas['UserAccount'];

/** An API token; `token`, the secret, only in the answer that created it. */
export type ApiToken = Schemas['ApiToken'];

export type AuditEntry = Typed<Schemas['AuditEntry'], { detail: JsonObject | null }>;

export type AuditPage = Typed<Schemas['AuditPage'], { items: AuditEntry[] }>;

/** A cluster node: status alive, dead (declared dead by the others) or stopped; running, the executions it owns. */
export type ClusterNode = Schemas['Node'];
