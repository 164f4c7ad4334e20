/** Save, deploy, undeploy and test, with their feedback: status line, toasts and validation errors. */
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/api';
import { ApiError } from '../api/client';
import type { TestResult, Workflow } from '../api/types';
import { useToast } from '../components/Toasts';
import { mapErrors, NO_ERRORS, type ErrorMap } from './errorPaths';
import { toDefinition, type EditorDoc } from './model';

export type Busy = 'save' | 'deploy' | 'undeploy' | 'test' | null;

export function definitionJson(doc: EditorDoc): string {
  return JSON.stringify(toDefinition(doc));
}

export function useWorkflowCommands(doc: EditorDoc) {
  const navigate = useNavigate();
  const { notify } = useToast();
  const [workflow, setWorkflow] = useState<Workflow | null>(null);
  const [savedJson, setSavedJson] = useState<string | null>(null);
  const [errors, setErrors] = useState<ErrorMap>(NO_ERRORS);
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState('');
  const [testResult, setTestResult] = useState<TestResult | null>(null);

  const dirty = savedJson === null || savedJson !== definitionJson(doc);

  const loaded = useCallback((wf: Workflow, editorDoc: EditorDoc) => {
    setWorkflow(wf);
    setSavedJson(definitionJson(editorDoc));
    setErrors(NO_ERRORS);
    setMessage('');
  }, []);

  const fail = useCallback((action: string, e: unknown) => {
    if (e instanceof ApiError && e.errors.length > 0) {
      setErrors(mapErrors(e.errors, doc.steps));
      const text = `${action} failed: ${e.errors.length === 1 ? '1 problem' : `${e.errors.length} problems`} — see the highlighted fields.`;
      setMessage(text);
      notify('error', text);
    } else {
      const text = `${action} failed: ${e instanceof Error ? e.message : String(e)}`;
      setMessage(text);
      notify('error', text);
    }
  }, [doc.steps, notify]);

  const save = useCallback(async (): Promise<Workflow | null> => {
    setBusy('save');
    try {
      const definition = toDefinition(doc);
      const saved = workflow ? await api.updateWorkflow(workflow.id, definition) : await api.createWorkflow(definition);
      setWorkflow(saved);
      setSavedJson(JSON.stringify(definition));
      setErrors(NO_ERRORS);
      setMessage(`Saved version ${saved.version}.`);
      notify('success', `Saved “${saved.name}” (version ${saved.version})`);
      if (!workflow) navigate(`/workflows/${saved.id}`, { replace: true });
      return saved;
    } catch (e) {
      fail('Save', e);
      return null;
    } finally {
      setBusy(null);
    }
  }, [doc, workflow, notify, navigate, fail]);

  const deploy = useCallback(async () => {
    let target = workflow;
    if (!target || dirty) {
      target = await save();
      if (!target) return;
    }
    setBusy('deploy');
    try {
      const deployed = await api.deploy(target.id);
      setWorkflow(deployed);
      setMessage(`Deployed version ${deployed.deployed_version ?? deployed.version}.`);
      notify('success', `Deployed “${deployed.name}”`);
    } catch (e) {
      fail('Deploy', e);
    } finally {
      setBusy(null);
    }
  }, [workflow, dirty, save, notify, fail]);

  const undeploy = useCallback(async () => {
    if (!workflow) return;
    setBusy('undeploy');
    try {
      const result = await api.undeploy(workflow.id);
      setWorkflow(result);
      setMessage('Undeployed: triggers no longer start this workflow.');
      notify('info', `Undeployed “${result.name}”`);
    } catch (e) {
      fail('Undeploy', e);
    } finally {
      setBusy(null);
    }
  }, [workflow, notify, fail]);

  const test = useCallback(async (testData: Record<string, unknown>) => {
    setBusy('test');
    try {
      const result = await api.test(toDefinition(doc), testData);
      setTestResult(result);
      setErrors(NO_ERRORS);
      const text = result.status === 'completed' ? 'Test run completed.' : `Test run failed${result.error ? `: ${result.error}` : '.'}`;
      setMessage(text);
      notify(result.status === 'completed' ? 'success' : 'error', text);
    } catch (e) {
      fail('Test', e);
    } finally {
      setBusy(null);
    }
  }, [doc, notify, fail]);

  let status: string;
  if (!workflow) status = 'New workflow, not saved yet';
  else {
    const deployedText = workflow.deployed
      ? `deployed (version ${workflow.deployed_version ?? workflow.version})` : 'not deployed';
    status = `Version ${workflow.version} · ${dirty ? 'unsaved changes' : 'saved'} · ${deployedText}`;
  }
  if (message) status = `${message} — ${status}`;

  return { workflow, loaded, dirty, errors, busy, status, testResult, save, deploy, undeploy, test };
}
