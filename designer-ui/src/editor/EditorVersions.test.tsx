import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WorkflowDefinition } from '../api/types';
import { budgetWorkflow } from '../test/fixtures';
import { renderEditor } from '../test/renderEditor';

afterEach(() => vi.unstubAllGlobals());

const versions = [
  { version: 3, name: 'Budget Overspend Alert', created_at: '2026-01-03T10:00:00Z', created_by: 'ann', deployed: false, current: true },
  { version: 2, name: 'Budget Overspend Alert', created_at: '2026-01-02T10:00:00Z', created_by: 'bo', deployed: true, current: false },
  { version: 1, name: 'Budget alert', created_at: '2026-01-01T10:00:00Z', created_by: null, deployed: false, current: false },
];
const { id: _id, version: _v, is_active: _a, deployed: _d, deployed_version: _dv, webhook_url: _w, created_at: _c,
  updated_at: _u, ...current } = budgetWorkflow;
const first: WorkflowDefinition = { ...current, name: 'Budget alert', steps: [current.steps[0]] };

describe('versions in the editor', () => {
  it('lists versions with who saved them, compares one with the current, and restores it as a new version', async () => {
    const calls = renderEditor('/workflows/wf-1', {
      'GET /api/workflows/wf-1/versions': () => ({ body: versions }),
      'GET /api/workflows/wf-1/versions/1': () => ({ body: first }),
      'GET /api/workflows/wf-1/versions/3': () => ({ body: current }),
      'POST /api/workflows/wf-1/versions/1/restore': () => ({ body: { ...budgetWorkflow, ...first, version: 4 } }),
    });
    await screen.findByTestId('step-node-1');
    fireEvent.click(screen.getByTestId('tab-versions'));
    const two = await screen.findByTestId('version-2');
    expect(two).toHaveTextContent('bo');
    expect(two).toHaveTextContent('deployed');
    expect(screen.getByTestId('version-3')).toHaveTextContent('current');

    fireEvent.click(screen.getByTestId('version-compare-1'));
    const diff = await screen.findByTestId('diff-view');
    await waitFor(() => expect(within(diff).getByTestId('diff-summary')).toHaveTextContent(/changed line/));
    expect(within(diff).getAllByTestId('diff-row-changed')[0]).toHaveTextContent('"name": "Budget alert"');
    expect(within(diff).getAllByTestId('diff-row-changed')[0]).toHaveTextContent('"name": "Budget Overspend Alert"');

    fireEvent.click(within(diff).getByTestId('diff-restore'));
    await waitFor(() => expect(screen.getByTestId('workflow-name')).toHaveValue('Budget alert'));
    expect(screen.getByTestId('status-line')).toHaveTextContent('Version 4');
    // the canvas draws the restored steps from the store a render after the form shows them
    await waitFor(() => expect(screen.queryByTestId('step-node-2')).not.toBeInTheDocument());
    expect(calls.some((c) => c.method === 'POST' && c.path === '/api/workflows/wf-1/versions/1/restore')).toBe(true);
  });

  it('deploys a chosen version', async () => {
    const calls = renderEditor('/workflows/wf-1', {
      'GET /api/workflows/wf-1/versions': () => ({ body: versions }),
      'POST /api/workflows/wf-1/deploy': () => ({ body: { ...budgetWorkflow, deployed: true, deployed_version: 1 } }),
    });
    await screen.findByTestId('step-node-1');
    fireEvent.click(screen.getByTestId('tab-versions'));
    fireEvent.click(await screen.findByTestId('version-deploy-1'));
    await waitFor(() => expect(screen.getByTestId('status-line')).toHaveTextContent('Deployed version 1'));
    expect(calls.find((c) => c.path === '/api/workflows/wf-1/deploy')?.body).toEqual({ version: 1 });
  });
});
