/** The workflow editor: palette, canvas and a side panel (step, trigger or test), with a toolbar. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../api/api';
import { errorText } from '../components/format';
import { useToast } from '../components/Toasts';
import { Canvas } from './Canvas';
import { EditorToolbar } from './EditorToolbar';
import { fromDefinition, toDefinition } from './model';
import { Palette } from './Palette';
import { StepPanel } from './StepPanel';
import { findInfo, flatten, type Container } from './stepTree';
import { templateHints } from './templateHints';
import { parseSampleData, TestPanel } from './TestPanel';
import { TriggerPanel } from './TriggerPanel';
import { useCatalogue } from './useCatalogue';
import { useEditor } from './useEditor';
import { useEditorKeyboard } from './useEditorKeyboard';
import { useWorkflowCommands } from './useWorkflowCommands';

type Tab = 'step' | 'trigger' | 'test';

const sampleKey = (id: string | undefined) => `placemat.sample.${id ?? 'new'}`;

export function EditorPage() {
  const { id } = useParams();
  const { notify } = useToast();
  const { catalogue, triggers, blocksOf, loaded, error: catalogueError } = useCatalogue();
  const editor = useEditor(blocksOf);
  const commands = useWorkflowCommands(editor.doc);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('trigger');
  const [sampleText, setSampleText] = useState(() => localStorage.getItem(sampleKey(id)) ?? '{\n}');
  const { reset } = editor;
  const { loaded: onLoaded, workflow } = commands;

  useEffect(() => {
    if (!loaded || !id || workflow?.id === id) return;
    let cancelled = false;
    api.getWorkflow(id)
      .then((wf) => {
        if (cancelled) return;
        const doc = fromDefinition(wf, blocksOf);
        reset(doc);
        onLoaded(wf, doc);
        setSampleText(localStorage.getItem(sampleKey(id)) ?? '{\n}');
      })
      .catch((e) => { if (!cancelled) setLoadError(errorText(e)); });
    return () => { cancelled = true; };
  }, [id, loaded, blocksOf, reset, onLoaded, workflow?.id]);

  const changeSample = (text: string) => {
    setSampleText(text);
    localStorage.setItem(sampleKey(workflow?.id ?? id), text);
  };

  const toast = useCallback((message: string) => notify('info', message), [notify]);
  useEditorKeyboard(editor, toast);

  const keys = useMemo(() => new Map(flatten(editor.doc.steps).map((i) => [i.step.uid, i.key])), [editor.doc.steps]);
  const results = useMemo(() => new Map((commands.testResult?.steps ?? []).map((s) => [s.step_key, s])),
    [commands.testResult]);
  const selectedInfo = editor.selectedUid ? findInfo(editor.doc.steps, editor.selectedUid) : undefined;
  const sample = parseSampleData(sampleText).value;
  const hints = useMemo(() => templateHints(editor.doc.steps, editor.selectedUid, editor.doc.trigger.type, sample,
    commands.testResult), [editor.doc.steps, editor.selectedUid, editor.doc.trigger.type, sample, commands.testResult]);

  const runTest = () => {
    setTab('test');
    const data = parseSampleData(sampleText);
    if (data.value) void commands.test(data.value);
    else notify('error', data.error ?? 'Sample data is not valid');
  };

  const { setSelection, remove, edit } = editor;
  const canvasApi = {
    action: (type: string) => catalogue.byType.get(type),
    errorCount: (uid: string) => commands.errors.byStep.get(uid)?.length ?? 0,
    triggerErrorCount: commands.errors.trigger.length,
    testResult: (key: string) => results.get(key),
    selectStep: (uid: string) => { setSelection({ kind: 'step', uid }); setTab('step'); },
    selectTrigger: () => { setSelection({ kind: 'trigger' }); setTab('trigger'); },
    selectBranch: (container: Container) => setSelection({ kind: 'branch', container }),
    moveStep: (uid: string, delta: number) => edit({ type: 'move_step', uid, delta }),
    removeStep: (uid: string) => remove(uid),
  };

  if (loadError) return <div className="page"><div className="form-error" role="alert">Could not open the workflow: {loadError}</div></div>;
  if (catalogueError) return <div className="page"><div className="form-error" role="alert">Could not load the action catalogue: {catalogueError}</div></div>;

  return (
    <div className="editor" data-testid="editor">
      <EditorToolbar name={editor.doc.name} description={editor.doc.description}
        onMeta={(patch) => edit({ type: 'set_meta', ...patch }, `meta:${Object.keys(patch)[0]}`)}
        workflow={commands.workflow} dirty={commands.dirty} busy={commands.busy} status={commands.status}
        canUndo={editor.canUndo} canRedo={editor.canRedo} onUndo={editor.undo} onRedo={editor.redo}
        onTest={runTest} onSave={() => void commands.save()} onDeploy={() => void commands.deploy()}
        onUndeploy={() => void commands.undeploy()} />
      {commands.errors.workflow.length > 0 && (
        <div className="error-summary" role="alert" data-testid="workflow-errors">
          <ul>{commands.errors.workflow.map((e, i) => (
            <li key={i} data-testid={`field-error-${e.field}`}><code>{e.field}</code> {e.message}</li>
          ))}</ul>
        </div>
      )}
      <div className="editor-body">
        <Palette catalogue={catalogue} onAdd={(type) => { editor.addAction(type); setTab('step'); }} />
        <Canvas steps={editor.doc.steps} triggerType={editor.doc.trigger.type} selection={editor.selection}
          {...canvasApi}
          onDropAction={(type, at) => { editor.addAction(type, at); setTab('step'); }}
          onRelocate={(uid, at) => edit({ type: 'relocate_step', uid, container: at.container, index: at.index })} />
        <aside className="side-panel">
          <div className="tabs" role="tablist">
            {(['step', 'trigger', 'test'] as Tab[]).map((t) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''}
                data-testid={`tab-${t}`} onClick={() => setTab(t)}>
                {t === 'step' ? 'Step' : t === 'trigger' ? 'Trigger' : 'Test'}
              </button>
            ))}
          </div>
          <div className="panel-body">
            {tab === 'step' && (selectedInfo ? (
              <StepPanel step={selectedInfo.step} stepKey={keys.get(selectedInfo.step.uid)!}
                action={catalogue.byType.get(selectedInfo.step.action_type)}
                errors={commands.errors.byStep.get(selectedInfo.step.uid) ?? []} hints={hints}
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
              <TestPanel sampleText={sampleText} onSampleChange={changeSample} result={commands.testResult}
                running={commands.busy === 'test'} onRun={runTest} />
            )}
          </div>
        </aside>
      </div>
      <span hidden data-testid="definition-json">{JSON.stringify(toDefinition(editor.doc))}</span>
    </div>
  );
}
