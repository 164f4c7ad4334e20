/** The workflow editor: palette, canvas and a side panel (step, trigger, test or versions), with a toolbar. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api/api';
import type { StepResult, Workflow } from '../api/types';
import { errorText } from '../components/format';
import { useToast } from '../components/Toasts';
import { Canvas } from './Canvas';
import { EditorToolbar } from './EditorToolbar';
import { ExpressionContext, type ExpressionEnv } from './expressionContext';
import { blockLabel, fromDefinition } from './model';
import { OperatorsContext } from './operatorsContext';
import { Palette } from './Palette';
import { StepPanel } from './StepPanel';
import { findInfo, flatten, type Container } from './stepTree';
import { previewContext, templateHints } from './templateHints';
import { lastAttempts, parseSampleData, TestPanel, type ShownRun, type TestProblem } from './TestPanel';
import { TriggerPanel } from './TriggerPanel';
import { useCatalogue } from './useCatalogue';
import { useEditor } from './useEditor';
import { useEditorKeyboard } from './useEditorKeyboard';
import { useLiveExecution } from './useLiveExecution';
import { usePins } from './usePins';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard';
import { useWorkflowCommands } from './useWorkflowCommands';
import { VersionsPanel } from './VersionsPanel';

type Tab = 'step' | 'trigger' | 'test' | 'versions';
const TAB_LABELS: Record<Tab, string> = { step: 'Step', trigger: 'Trigger', test: 'Test', versions: 'Versions' };

const sampleKey = (id: string | undefined) => `placemat.sample.${id ?? 'new'}`;

/** What the test panel shows: the last test run, or an execution (followed while it runs). */
type View = { kind: 'test' } | { kind: 'execution'; id: string };

/**
 * One editor per workflow: opening another workflow, or a new one, starts a fresh editor; the first save of a new
 * workflow keeps its editor (the route says so with `keepEditor`).
 */
export function EditorPage() {
  const { id } = useParams();
  const location = useLocation();
  const key = useRef('');
  const seen = useRef(location);
  const visits = useRef(0);
  const keep = (location.state as { keepEditor?: boolean } | null)?.keepEditor === true;
  // every arrival at #/workflows/new is a new workflow, even when the location's key repeats (typed URLs)
  if (seen.current !== location) {
    seen.current = location;
    if (!keep) visits.current += 1;
  }
  if (!keep || !key.current) key.current = id ?? `new:${visits.current}`;
  return <WorkflowEditor key={key.current} />;
}

/** Ancestors of a step (the control steps it is nested in): a test of the step must let them run. */
function ancestorsOf(steps: ReturnType<typeof flatten>, uid: string): Set<string> {
  const byUid = new Map(steps.map((info) => [info.step.uid, info]));
  const out = new Set<string>();
  let parent = byUid.get(uid)?.container.parentUid;
  while (parent) {
    out.add(parent);
    parent = byUid.get(parent)?.container.parentUid;
  }
  return out;
}

function WorkflowEditor() {
  const { id } = useParams();
  // #/workflows/<id>?execution=<execution id> (the monitor's "Load data into the editor") shows that execution and
  // takes its trigger data as sample data
  const fromExecution = useSearchParams()[0].get('execution');
  const loadFrom = useRef(fromExecution);
  const { notify } = useToast();
  const { catalogue, triggers, operators, blocksOf, loaded, error: catalogueError } = useCatalogue();
  const editor = useEditor(blocksOf);
  const commands = useWorkflowCommands(editor.doc);
  const workflowId = commands.workflow?.id ?? id ?? null;
  const pins = usePins(workflowId, editor.doc.steps);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>(fromExecution ? 'test' : 'trigger');
  const [sampleText, setSampleText] = useState(() => localStorage.getItem(sampleKey(id)) ?? '{\n}');
  const [view, setView] = useState<View>(fromExecution ? { kind: 'execution', id: fromExecution } : { kind: 'test' });
  const live = useLiveExecution(view.kind === 'execution' ? view.id : null);
  const { reset } = editor;
  const { loaded: onLoaded, workflow } = commands;
  const { load: loadPins } = pins;

  const open = useCallback((wf: Workflow) => {
    const doc = fromDefinition(wf, blocksOf);
    reset(doc);
    onLoaded(wf, doc);
    loadPins(wf.id, doc.steps);
  }, [blocksOf, reset, onLoaded, loadPins]);

  useEffect(() => {
    if (!loaded || !id || workflow?.id === id) return;
    let cancelled = false;
    api.getWorkflow(id)
      .then((wf) => {
        if (cancelled) return;
        open(wf);
        setSampleText(localStorage.getItem(sampleKey(id)) ?? '{\n}');
      })
      .catch((e) => { if (!cancelled) setLoadError(errorText(e)); });
    return () => { cancelled = true; };
  }, [id, loaded, open, workflow?.id]);

  const changeSample = useCallback((text: string) => {
    setSampleText(text);
    localStorage.setItem(sampleKey(workflowId ?? undefined), text);
  }, [workflowId]);

  useEffect(() => {
    // after the workflow (and the sample this browser kept for it) is loaded
    if (!loadFrom.current || live.detail?.id !== loadFrom.current || workflow?.id !== id) return;
    loadFrom.current = null;
    changeSample(JSON.stringify(live.detail.trigger_data ?? {}, null, 2));
  }, [live.detail, workflow?.id, id, changeSample]);

  const toast = useCallback((message: string) => notify('info', message), [notify]);
  const { save } = commands;
  const saveNow = useCallback(() => { void save(); }, [save]);
  useEditorKeyboard(editor, toast, saveNow);
  useUnsavedChangesGuard(commands.dirty && (workflow !== null || editor.canUndo));

  const infos = useMemo(() => flatten(editor.doc.steps), [editor.doc.steps]);
  const keys = useMemo(() => new Map(infos.map((i) => [i.step.uid, i.key])), [infos]);

  const shown: ShownRun | null = useMemo(() => {
    if (view.kind === 'test') {
      const result = commands.testResult;
      return result ? { kind: 'test', title: 'Test run', status: result.status, error: result.error,
        steps: result.steps, executionId: result.execution_id ?? undefined } : null;
    }
    const detail = live.detail;
    return { kind: 'execution', title: `Execution ${view.id.slice(0, 8)}`, status: detail?.status ?? 'pending',
      error: detail?.error_message ?? live.error, steps: detail?.steps ?? [], executionId: view.id,
      triggerData: detail?.trigger_data };
  }, [view, commands.testResult, live.detail, live.error]);
  const results = useMemo(() => new Map(lastAttempts(shown?.steps ?? []).map((s) => [s.step_key, s])), [shown]);

  const selectedInfo = editor.selectedUid ? findInfo(editor.doc.steps, editor.selectedUid) : undefined;
  const sample = useMemo(() => parseSampleData(sampleText).value, [sampleText]);
  const hints = useMemo(() => templateHints(editor.doc.steps, editor.selectedUid, editor.doc.trigger.type, sample,
    commands.testResult, pins.byKey), [editor.doc.steps, editor.selectedUid, editor.doc.trigger.type, sample,
    commands.testResult, pins.byKey]);
  const expressions = useMemo<ExpressionEnv>(() => {
    const context = previewContext(sample, commands.testResult, pins.byKey);
    return {
      paths: hints.flatMap((group) => group.paths),
      context: Object.keys(context).length > 0 ? context : null,
      source: commands.testResult ? 'last test run' : 'sample data and pinned outputs',
    };
  }, [hints, sample, commands.testResult, pins.byKey]);

  const testData = () => {
    const data = parseSampleData(sampleText);
    if (!data.value) notify('error', data.error ?? 'Sample data is not valid');
    return data.value;
  };

  /** A test run; one started from a step's panel keeps that panel open (it shows the step's result). */
  const runTest = (stopAfter?: string, pinned = pins.byKey) => {
    if (!stopAfter) setTab('test');
    setView({ kind: 'test' });
    const data = testData();
    if (data) void commands.test({ testData: data, pinned, stopAfter });
  };

  /** Runs one step: every step before it gives its pinned output, or its output in the run on show. */
  const testStep = (uid: string) => {
    const ancestors = ancestorsOf(infos, uid);
    const target = infos.findIndex((i) => i.step.uid === uid);
    const pinned = new Map(pins.byKey);
    for (const info of infos.slice(0, target)) {
      const output = results.get(info.key);
      if (ancestors.has(info.step.uid) || pinned.has(info.key)) continue;
      if (output?.status === 'completed' && output.output !== undefined) pinned.set(info.key, output.output);
    }
    runTest(keys.get(uid), pinned);
  };

  const runWorkflow = async () => {
    const data = testData();
    if (!data) return;
    const executionId = await commands.run(data);
    if (executionId) {
      setView({ kind: 'execution', id: executionId });
      setTab('test');
    }
  };

  const problems: TestProblem[] = commands.errorSource !== 'test' ? [] : [
    ...[...commands.errors.byStep].flatMap(([uid, list]) => list.map((e) => ({
      where: `Step ${keys.get(uid) ?? '?'}`, field: e.field, message: e.message, uid }))),
    ...commands.errors.trigger.map((e) => ({ where: 'Trigger', field: e.field, message: e.message })),
    ...commands.errors.workflow.map((e) => ({ where: 'Workflow', field: e.field, message: e.message })),
  ];

  const { setSelection, remove, edit } = editor;
  const selectStep = (uid: string) => { setSelection({ kind: 'step', uid }); setTab('step'); };
  const canvasApi = {
    action: (type: string) => catalogue.byType.get(type),
    errorCount: (uid: string) => commands.errors.byStep.get(uid)?.length ?? 0,
    triggerErrorCount: commands.errors.trigger.length,
    testResult: (key: string): StepResult | undefined => results.get(key),
    isPinned: (uid: string) => pins.byUid.has(uid),
    selectStep,
    selectTrigger: () => { setSelection({ kind: 'trigger' }); setTab('trigger'); },
    selectBranch: (container: Container) => setSelection({ kind: 'branch', container }),
    moveStep: (uid: string, delta: number) => edit({ type: 'move_step', uid, delta }),
    removeStep: (uid: string) => remove(uid),
  };

  const point = editor.insertionPoint();
  const target = point.container.parentUid === null
    ? (point.index >= editor.doc.steps.length ? 'at the end of the workflow' : `after step ${point.index}`)
    : `to the ${blockLabel(point.container.block ?? '')} branch of step ${keys.get(point.container.parentUid)}`;

  if (loadError) return <div className="page"><div className="form-error" role="alert">Could not open the workflow: {loadError}</div></div>;
  if (catalogueError) return <div className="page"><div className="form-error" role="alert">Could not load the action catalogue: {catalogueError}</div></div>;

  const selectedKey = selectedInfo ? keys.get(selectedInfo.step.uid)! : '';
  return (
    <div className="editor" data-testid="editor">
      <EditorToolbar name={editor.doc.name} description={editor.doc.description} tags={editor.doc.tags}
        onMeta={(patch) => edit({ type: 'set_meta', ...patch }, `meta:${Object.keys(patch)[0]}`)}
        workflow={commands.workflow} dirty={commands.dirty} busy={commands.busy} status={commands.status}
        canUndo={editor.canUndo} canRedo={editor.canRedo} onUndo={editor.undo} onRedo={editor.redo}
        onTest={() => runTest()} onRun={() => void runWorkflow()} onSave={saveNow}
        onDeploy={() => void commands.deploy()} onUndeploy={() => void commands.undeploy()} />
      {commands.errors.workflow.length > 0 && (
        <div className="error-summary" role="alert" data-testid="workflow-errors">
          <ul>{commands.errors.workflow.map((e, i) => (
            <li key={i} data-testid={`field-error-${e.field}`}><code>{e.field}</code> {e.message}</li>
          ))}</ul>
        </div>
      )}
      <div className="editor-body">
        <Palette catalogue={catalogue} target={target} onAdd={(type) => { editor.addAction(type); setTab('step'); }} />
        <Canvas steps={editor.doc.steps} triggerType={editor.doc.trigger.type} selection={editor.selection}
          {...canvasApi}
          onDropAction={(type, at) => { editor.addAction(type, at); setTab('step'); }}
          onRelocate={(uid, at) => edit({ type: 'relocate_step', uid, container: at.container, index: at.index })} />
        <aside className="side-panel">
          <div className="tabs" role="tablist">
            {(Object.keys(TAB_LABELS) as Tab[]).map((t) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''}
                data-testid={`tab-${t}`} onClick={() => setTab(t)}>
                {TAB_LABELS[t]}
              </button>
            ))}
          </div>
          <div className="panel-body">
            <OperatorsContext.Provider value={operators}>
              <ExpressionContext.Provider value={expressions}>
                {tab === 'step' && (selectedInfo ? (
                  <StepPanel step={selectedInfo.step} stepKey={selectedKey}
                    action={catalogue.byType.get(selectedInfo.step.action_type)}
                    errors={commands.errors.byStep.get(selectedInfo.step.uid) ?? []} hints={hints}
                    testing={{
                      result: results.get(selectedKey), pinned: pins.byUid.has(selectedInfo.step.uid),
                      pinnedOutput: pins.byUid.get(selectedInfo.step.uid), busy: !!commands.busy,
                      onTestStep: () => testStep(selectedInfo.step.uid), onRunUpTo: () => runTest(selectedKey),
                      onPin: (output) => pins.pin(selectedInfo.step.uid, output),
                      onUnpin: () => pins.unpin(selectedInfo.step.uid),
                    }}
                    onChange={(patch, coalesce) => edit({ type: 'update_step', uid: selectedInfo.step.uid, patch }, coalesce)}
                    onDuplicate={() => editor.duplicate(selectedInfo.step.uid)}
                    onDelete={() => remove(selectedInfo.step.uid)} />
                ) : (
                  <div className="muted empty-panel">Select a step on the canvas to configure it, or pick an action from the palette.</div>
                ))}
                {tab === 'trigger' && (
                  <TriggerPanel trigger={editor.doc.trigger} triggers={triggers} errors={commands.errors.trigger}
                    webhookUrl={commands.workflow?.webhook_url}
                    onChange={(trigger, coalesce) => edit({ type: 'set_trigger', trigger }, coalesce)} />
                )}
                {tab === 'test' && (
                  <TestPanel sampleText={sampleText} onSampleChange={changeSample} running={commands.busy === 'test'}
                    onRun={() => runTest()} shown={shown} problems={problems} onSelectStep={selectStep}
                    pinned={(key) => { const info = infos.find((i) => i.key === key); return !!info && pins.byUid.has(info.step.uid); }}
                    onPin={(key, output) => { const info = infos.find((i) => i.key === key); if (info) pins.pin(info.step.uid, output); }}
                    onUnpin={(key) => { const info = infos.find((i) => i.key === key); if (info) pins.unpin(info.step.uid); }}
                    workflowId={commands.workflow?.id ?? null}
                    onShowExecution={(executionId) => setView({ kind: 'execution', id: executionId })} />
                )}
                {tab === 'versions' && (
                  <VersionsPanel workflow={commands.workflow} dirty={commands.dirty}
                    onDeploy={(version) => commands.deploy(version)} onRestored={open} />
                )}
              </ExpressionContext.Provider>
            </OperatorsContext.Provider>
          </div>
        </aside>
      </div>
    </div>
  );
}
