/** Save, deploy, undeploy, test and run, with their feedback: status line, toasts and validation errors. */
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/api';
import { ApiError } from '../api/client';
import type { JsonObject, TestResult, Workflow } from '../api/types';
import { useToast } from '../components/Toasts';
import { mapErrors, NO_ERRORS, pruneFixed, type ErrorMap } from './errorPaths';
import { toDefinition, type EditorDoc } from './model';

export type Busy = 'save' | 'deploy' | 'undeploy' | 'test' | 'run' | null;

export function definitionJson(doc: EditorDoc): string {
  return JSON.stringify(toDefinition(doc));
}

/** A test run's options: pinned outputs by step key, and the step to stop after ("run up to here"). */
export interface TestOptions {
  testData: JsonObject;
  pinned?: Map<string, unknown>;
  stopAfter?: string | null;
}

/** Errors the server reported, with the document they were reported on (to tell when a field is fixed). */
interface ReportedErrors {
  map: ErrorMap;
  doc: EditorDoc;
  /** which command was refused: the test panel lists the errors of a refused test */
  source: 'save' | 'deploy' | 'test' | 'run';
}

export function useWorkflowCommands(doc: EditorDoc) {
  const navigate = useNavigate();
  const { notify } = useToast();
  const [workflow, setWorkflow] = useState<Workflow | null>(null);
  const [savedJson, setSavedJson] = useState<string | null>(null);
  const [reported, setReported] = useState<ReportedErrors | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState('');
  const [testResult, setTestResult] = useState<TestResult | null>(null);

  const dirty = savedJson === null || savedJson !== definitionJson(doc);
  const errors = useMemo(() => (reported ? pruneFixed(reported.map, reported.doc, doc) : NO_ERRORS), [reported, doc]);

  const loaded = useCallback((wf: Workflow, editorDoc: EditorDoc) => {
    setWorkflow(wf);
    setSavedJson(definitionJson(editorDoc));
    setReported(null);
    setMessage('');
  }, []);

  const fail = useCallback((action: ReportedErrors['source'], label: string, e: unknown) => {
    if (e instanceof ApiError && e.errors.length > 0) {
      setReported({ map: mapErrors(e.errors, doc.steps), doc, source: action });
      const text = `${label} failed: ${e.errors.length === 1 ? '1 problem' : `${e.errors.length} problems`} — see the highlighted fields.`;
      setMessage(text);
      notify('error', text);
    } else {
      const text = `${label} failed: ${e instanceof Error ? e.message : String(e)}`;
      setMessage(text);
      notify('error', text);
    }
  }, [doc, notify]);

  /** Runs `work` as command `name`, busy meanwhile; a failure is reported as `label` failed, and answers null. */
  const command = useCallback(async <T>(name: Exclude<Busy, null>, source: ReportedErrors['source'], label: string,
    work: () => Promise<T>): Promise<T | null> => {
    setBusy(name);
    try {
      return await work();
    } catch (e) {
      fail(source, label, e);
      return null;
    } finally {
      setBusy(null);
    }
  }, [fail]);

  const save = useCallback(() => command('save', 'save', 'Save', async () => {
    const definition = toDefinition(doc);
    const saved = workflow ? await api.updateWorkflow(workflow.id, definition) : await api.createWorkflow(definition);
    setWorkflow(saved);
    setSavedJson(JSON.stringify(definition));
    setReported(null);
    setMessage(`Saved version ${saved.version}.`);
    notify('success', `Saved “${saved.name}” (version ${saved.version})`);
    // the same editor goes on with the saved workflow: keepEditor tells the route not to start a new one
    if (!workflow) navigate(`/workflows/${saved.id}`, { replace: true, state: { keepEditor: true } });
    return saved;
  }), [doc, workflow, notify, navigate, command]);

  /** Deploys the current version (saving first when there are changes), or a chosen saved version. */
  const deploy = useCallback(async (version?: number): Promise<Workflow | null> => {
    let target = workflow;
    if (version === undefined && (!target || dirty)) {
      target = await save();
      if (!target) return null;
    }
    if (!target) return null;
    const id = target.id;
    return command('deploy', 'deploy', 'Deploy', async () => {
      const deployed = await api.deploy(id, version);
      setWorkflow(deployed);
      setMessage(`Deployed version ${deployed.deployed_version ?? deployed.version}.`);
      notify('success', `Deployed “${deployed.name}” (version ${deployed.deployed_version ?? deployed.version})`);
      return deployed;
    });
  }, [workflow, dirty, save, notify, command]);

  const undeploy = useCallback(async () => {
    if (!workflow) return;
    await command('undeploy', 'deploy', 'Undeploy', async () => {
      const result = await api.undeploy(workflow.id);
      setWorkflow(result);
      setMessage('Undeployed: triggers no longer start this workflow.');
      notify('info', `Undeployed “${result.name}”`);
    });
  }, [workflow, notify, command]);

  const test = useCallback(async ({ testData, pinned, stopAfter }: TestOptions): Promise<TestResult | null> => {
    const done = await command('test', 'test', 'Test', async () => {
      const result = await api.test({
        workflow: toDefinition(doc), test_data: testData, workflow_id: workflow?.id ?? null,
        pinned: Object.fromEntries(pinned ?? []), stop_after: stopAfter ?? null,
      });
      setTestResult(result);
      setReported(null);
      const scope = stopAfter ? ` up to step ${stopAfter}` : '';
      const text = result.status === 'completed' ? `Test run${scope} completed.`
        : `Test run${scope} ${result.status}${result.error ? `: ${result.error}` : '.'}`;
      setMessage(text);
      notify(result.status === 'completed' ? 'success' : 'error', text);
      return result;
    });
    if (!done) setTestResult(null);
    return done;
  }, [doc, workflow, notify, command]);

  /**
   * Runs the workflow as deployed, with the sample data as trigger data: the editor's version is saved and deployed
   * first when it is not (after asking, unless the trigger is manual: deploying makes other triggers live).
   */
  const run = useCallback(async (triggerData: JsonObject): Promise<string | null> => {
    let target = workflow;
    const current = !dirty && target?.deployed && target.deployed_version === target.version;
    if (!current) {
      const manual = doc.trigger.type === 'manual';
      if (!manual && !window.confirm('Run starts the deployed version. Save and deploy this version now? '
        + `Its ${doc.trigger.type} trigger goes live.`)) return null;
      target = await deploy();
      if (!target) return null;
    }
    const id = target!.id;
    return command('run', 'run', 'Run', async () => {
      const started = await api.execute(id, triggerData);
      setMessage(`Started execution ${started.execution_id}.`);
      return started.execution_id;
    });
  }, [workflow, dirty, doc.trigger.type, deploy, command]);

  let status: string;
  if (!workflow) status = 'New workflow, not saved yet';
  else {
    const deployedText = workflow.deployed
      ? `deployed (version ${workflow.deployed_version ?? workflow.version})` : 'not deployed';
    status = `Version ${workflow.version} · ${dirty ? 'unsaved changes' : 'saved'} · ${deployedText}`;
  }
  if (message) status = `${message} — ${status}`;

  return {
    workflow, loaded, dirty, errors, errorSource: reported?.source ?? null, busy, status, testResult, save, deploy,
    undeploy, test, run,
  };
}

export type WorkflowCommands = ReturnType<typeof useWorkflowCommands>;
