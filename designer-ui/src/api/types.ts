/**
 * Types of the REST API (docs/api.md). All JSON is snake_case. Where the OpenAPI document types an answer or a
 * request (records in the controllers), the type comes from the generated schema.ts. User-defined JSON inside them
 * (a JSON Schema, a workflow definition, an audit entry's detail) is a JsonNode on the server, `unknown` in the
 * document: `Typed` gives those parts the designer's own types. The workflow definition (saved as its author wrote
 * it, and merged into a workflow's answer) and the test request (read by the server itself) stay hand-kept here.
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

/**
 * A workflow (GET /api/workflows/{id} and the answers of create, update, deploy, undeploy, restore, instantiate): its
 * own fields from the schema, and the keys of its definition as its author saved them (user JSON on the server).
 */
export type Workflow = Schemas['WorkflowView'] & WorkflowDefinition;

export type ExecutionStatus = 'pending' | 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled' | 'interrupted'
  | string;

/**
 * A workflow in the list; its times are written with millisecond precision and an offset. last_execution is null for
 * a workflow that never ran: the document does not say so yet (a `@Nullable` record inside an answer is not marked).
 */
export type WorkflowSummary = Typed<Schemas['WorkflowSummary'], { last_execution: Schemas['LastExecution'] | null }>;

/** An action type of the catalogue (GET /api/actions); nested_blocks only on control actions. */
export type ActionInfo = Typed<Schemas['ActionInfo'], { schema: JSONSchema }>;

export type ActionCatalogue = Typed<Schemas['ActionCatalogue'], {
  categories: Typed<Schemas['ActionCategory'], { actions: ActionInfo[] }>[];
}>;

export type TriggerInfo = Typed<Schemas['TriggerInfo'], { type: TriggerType; schema: JSONSchema }>;

/** One attempt of a step in an execution: iteration is null outside loops, "2" for the third item of a loop. */
export type StepAttempt = Schemas['StepAttempt'];

/** A step attempt of a test run: the fields of an execution's step attempt (StepAttempt) but the node. */
export type TestStep = Schemas['TestStep'];

/** A step's result as the designer shows it: of an execution (a StepAttempt) or of a test run (a TestStep). */
export type StepResult = Omit<StepAttempt, 'node'> & Partial<Pick<StepAttempt, 'node'>>;

/** POST /api/workflows/test: its context is the run's final context (user JSON), null when it did not end in time. */
export type TestResult = Typed<Schemas['TestResult'], { context: JsonObject | null }>;

/**
 * POST /api/workflows/test: pinned steps do not run (their output is used); stop_after ends the run. The server reads
 * the body itself (to answer 422 with paths into the definition), so the document does not type it.
 */
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

export type VersionInfo = Schemas['VersionInfo'];

/** A manual run accepted (POST /api/workflows/{id}/execute). */
export type ExecutionStarted = Schemas['ExecutionStarted'];

export type ImportResult = Schemas['ImportResult'];

export type ExecutionItem = Schemas['ExecutionItem'];

export type ExecutionPage = Schemas['ExecutionPage'];

export type ExecutionDetail = Schemas['ExecutionDetail'];

/** An execution's fields without its steps (the `execution` event of the live stream). */
export type ExecutionSummary = Omit<ExecutionDetail, 'steps'>;

export type Template = Typed<Schemas['Template'], { template_config: WorkflowDefinition }>;

export type WorkflowAnalytics = Schemas['WorkflowMetrics'];

export type PerformanceAnalytics = Schemas['PerformanceMetrics'];

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
