import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { buildCatalogue } from './catalogue';
import { Canvas, type CanvasProps } from './Canvas';
import { buildGraph } from './canvasLayout';
import { fromDefinition } from './model';
import { budgetWorkflow, catalogueFixture, stepResult } from '../test/fixtures';

const catalogue = buildCatalogue(catalogueFixture);
const blocksOf = (type: string) => catalogue.byType.get(type)?.nested_blocks ?? [];

function renderCanvas(overrides: Partial<CanvasProps> = {}) {
  const doc = fromDefinition(budgetWorkflow, blocksOf);
  const props: CanvasProps = {
    steps: doc.steps, triggerType: 'manual', selection: null,
    action: (t) => catalogue.byType.get(t), errorCount: () => 0, triggerErrorCount: 0, testResult: () => undefined,
    selectStep: vi.fn(), selectTrigger: vi.fn(), selectBranch: vi.fn(), moveStep: vi.fn(), removeStep: vi.fn(),
    onDropAction: vi.fn(), onRelocate: vi.fn(), ...overrides,
  };
  render(<div style={{ width: 800, height: 600 }}><Canvas {...props} /></div>);
  return { doc, props };
}

// d3-zoom reads event.view on mousedown, which user-event leaves empty under jsdom: clicks use fireEvent here.
describe('workflow canvas', () => {
  it('draws the trigger, each step, and the actions of a condition in its then branch', () => {
    renderCanvas();
    expect(screen.getByTestId('trigger-node')).toHaveTextContent('manual');
    expect(screen.getByTestId('step-node-1')).toHaveTextContent('HTTP Request');
    expect(screen.getByTestId('step-node-2')).toHaveTextContent('If / Then');
    expect(screen.getByTestId('step-node-2.then.1')).toHaveTextContent('Send Template Email');
    expect(screen.getByTestId('step-node-2.then.2')).toHaveTextContent('Send Email');
  });

  it('shows an empty else branch as a place to add actions', () => {
    const { props, doc } = renderCanvas();
    const placeholder = screen.getByTestId('branch-2-else');
    expect(placeholder).toHaveTextContent('add to else');
    fireEvent.click(placeholder);
    expect(props.selectBranch).toHaveBeenCalledWith({ parentUid: doc.steps[1].uid, block: 'else_actions' });
  });

  it('connects a condition to its branches with labelled edges', () => {
    const doc = fromDefinition(budgetWorkflow, blocksOf);
    const { edges } = buildGraph(doc.steps, 'manual');
    const control = doc.steps[1];
    expect(edges.filter((e) => e.source === control.uid).map((e) => e.label)).toEqual(['then', 'else']);
    expect(edges.find((e) => e.target === control.blocks.then_actions[1].uid)?.source).toBe(control.blocks.then_actions[0].uid);
  });

  it('draws the step after an If / Then below the whole block, joined from the end of each branch', () => {
    const doc = fromDefinition({ ...budgetWorkflow, steps: [...budgetWorkflow.steps,
      { step_number: 3, action_type: 'http.request', config: {} }] }, blocksOf);
    const { edges, nodes } = buildGraph(doc.steps, 'manual');
    const [, control, after] = doc.steps;
    const lastThen = control.blocks.then_actions[1].uid;
    const elsePlaceholder = `${control.uid}::else_actions`;
    expect(edges.filter((e) => e.target === after.uid).map((e) => e.source).sort()).toEqual([lastThen, elsePlaceholder].sort());
    expect(edges.some((e) => e.source === control.uid && e.target === after.uid)).toBe(false);
    const y = (id: string) => nodes.find((n) => n.id === id)!.position.y;
    expect(y(after.uid)).toBeGreaterThan(y(lastThen));
    expect(y(after.uid)).toBeGreaterThan(y(elsePlaceholder));
  });

  it('shows a step\'s name and notes on its node, and whether its output is pinned', () => {
    const doc = fromDefinition({ ...budgetWorkflow, steps: [{ step_number: 1, action_type: 'http.request',
      name: 'Fetch budget', notes: 'Reads the finance API', config: {} }] }, blocksOf);
    renderCanvas({ steps: doc.steps, isPinned: (uid) => uid === doc.steps[0].uid });
    const node = screen.getByTestId('step-node-1');
    expect(node).toHaveTextContent('Fetch budget');
    expect(node).toHaveTextContent('HTTP Request');
    expect(screen.getByTestId('step-notes-1')).toHaveTextContent('Reads the finance API');
    expect(screen.getByTestId('step-pinned-1')).toBeInTheDocument();
  });

  it('draws a loop body below the loop step', () => {
    const loop = fromDefinition({ ...budgetWorkflow, steps: [{ step_number: 1, action_type: 'control.loop',
      config: { items_field: 'webhook_data.items', loop_actions: [{ action_type: 'http.request', config: {} }] } }] }, blocksOf);
    render(<div><Canvas steps={loop.steps} triggerType="webhook" selection={null} action={(t) => catalogue.byType.get(t)}
      errorCount={() => 0} triggerErrorCount={0} testResult={() => undefined} selectStep={vi.fn()} selectTrigger={vi.fn()}
      selectBranch={vi.fn()} moveStep={vi.fn()} removeStep={vi.fn()} onDropAction={vi.fn()} onRelocate={vi.fn()} /></div>);
    expect(screen.getByTestId('step-node-1.loop.1')).toHaveTextContent('HTTP Request');
    const { edges, nodes } = buildGraph(loop.steps, 'webhook');
    expect(edges.find((e) => e.target === loop.steps[0].blocks.loop_actions[0].uid)?.label).toBe('loop');
    const y = (id: string) => nodes.find((n) => n.id === id)!.position.y;
    expect(y(loop.steps[0].blocks.loop_actions[0].uid)).toBeGreaterThan(y(loop.steps[0].uid));
  });

  it('marks steps with validation errors and test results', () => {
    const doc = fromDefinition(budgetWorkflow, blocksOf);
    const nested = doc.steps[1].blocks.then_actions[0].uid;
    renderCanvas({
      steps: doc.steps,
      errorCount: (uid) => (uid === nested ? 2 : 0),
      testResult: (key) => (key === '1' ? stepResult({ step_key: '1', step_number: 1, action_type: 'http.request', status: 'failed', attempt: 3 })
        : undefined),
    });
    expect(screen.getByTestId('step-error-badge-2.then.1')).toHaveTextContent('2');
    expect(screen.queryByTestId('step-error-badge-1')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('step-node-1')).getByText('failed')).toBeInTheDocument();
  });

  it('moves and deletes steps from their node buttons', () => {
    const { props, doc } = renderCanvas();
    fireEvent.click(screen.getByTestId('step-down-1'));
    expect(props.moveStep).toHaveBeenCalledWith(doc.steps[0].uid, 1);
    fireEvent.click(screen.getByTestId('step-delete-2.then.2'));
    expect(props.removeStep).toHaveBeenCalledWith(doc.steps[1].blocks.then_actions[1].uid);
    expect(props.selectStep).not.toHaveBeenCalled();
  });

  it('invites the user to add a first step on an empty canvas', () => {
    renderCanvas({ steps: [] });
    expect(screen.getByTestId('canvas-empty')).toHaveTextContent(/Drag an action/);
  });
});
