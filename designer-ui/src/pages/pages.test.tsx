import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { budgetWorkflow, type ApiRoutes } from '../test/fixtures';
import { renderRouted, Where } from '../test/renderRouted';
import { TemplatesPage } from './TemplatesPage';
import { WorkflowsPage } from './WorkflowsPage';

afterEach(() => vi.unstubAllGlobals());

function renderAt(path: string, routes: ApiRoutes) {
  return renderRouted(path, routes, (
    <Routes>
      <Route path="/workflows" element={<WorkflowsPage />} />
      <Route path="/templates" element={<TemplatesPage />} />
      <Route path="*" element={<Where />} />
    </Routes>
  ));
}

const summary = {
  id: 'wf-1', name: 'Budget Overspend Alert', description: 'Alert', trigger_type: 'event', is_active: true,
  deployed: true, version: 3, updated_at: '2025-01-02T00:00:00Z',
  last_execution: { id: 'ex-1', status: 'failed', started_at: '2025-01-03T00:00:00Z' },
};

describe('workflows list', () => {
  it('lists name, trigger, state and last execution', async () => {
    renderAt('/workflows', { 'GET /api/workflows': () => ({ body: [summary, { ...summary, id: 'wf-2', name: 'Other',
      deployed: false, trigger_type: 'webhook', last_execution: null }] }) });
    const row = await screen.findByTestId('workflow-row-wf-1');
    expect(row).toHaveTextContent('Budget Overspend Alert');
    expect(row).toHaveTextContent('event');
    expect(within(row).getByTestId('workflow-state')).toHaveTextContent('deployed');
    expect(row).toHaveTextContent('failed');
    const other = screen.getByTestId('workflow-row-wf-2');
    expect(within(other).getByTestId('workflow-state')).toHaveTextContent('not deployed');
    expect(other).toHaveTextContent('never run');
  });

  it('duplicates a workflow as a new one named "(copy)"', async () => {
    const calls = renderAt('/workflows', {
      'GET /api/workflows': () => ({ body: [summary] }),
      'GET /api/workflows/wf-1': () => ({ body: budgetWorkflow }),
      'POST /api/workflows': (body) => ({ status: 201, body: { ...budgetWorkflow, ...(body as object), id: 'wf-3' } }),
    });
    fireEvent.click(await screen.findByTestId('workflow-duplicate'));
    expect(await screen.findByText('Created “Budget Overspend Alert (copy)”')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ name: 'Budget Overspend Alert (copy)', description: budgetWorkflow.description,
      trigger: budgetWorkflow.trigger, steps: budgetWorkflow.steps });
  });

  it('deletes a workflow after confirmation', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const calls = renderAt('/workflows', {
      'GET /api/workflows': () => ({ body: [summary] }),
      'DELETE /api/workflows/wf-1': () => ({ status: 204 }),
    });
    fireEvent.click(await screen.findByTestId('workflow-delete'));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(await screen.findByText('Deleted “Budget Overspend Alert”')).toBeInTheDocument();
  });
});

describe('organising workflows', () => {
  const list = [
    { ...summary, tags: ['finance', 'daily'] },
    { ...summary, id: 'wf-2', name: 'Lead intake', description: 'From the web form', trigger_type: 'webhook',
      deployed: false, tags: ['sales'], last_execution: null },
    { ...summary, id: 'wf-3', name: 'Weekly report', description: '', trigger_type: 'schedule', tags: ['finance'],
      last_execution: { id: 'ex-3', status: 'completed', started_at: '2025-01-03T00:00:00Z' } },
  ];
  const rows = () => screen.queryAllByTestId(/^workflow-row-/).map((r) => r.getAttribute('data-testid'));

  it('finds workflows by name, trigger type, status and tag', async () => {
    renderAt('/workflows', { 'GET /api/workflows': () => ({ body: list }) });
    await screen.findByTestId('workflow-row-wf-1');
    fireEvent.change(screen.getByTestId('workflow-search'), { target: { value: 'report' } });
    expect(rows()).toEqual(['workflow-row-wf-3']);
    fireEvent.change(screen.getByTestId('workflow-search'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('filter-trigger'), { target: { value: 'webhook' } });
    expect(rows()).toEqual(['workflow-row-wf-2']);
    fireEvent.change(screen.getByTestId('filter-trigger'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('filter-status'), { target: { value: 'failing' } });
    expect(rows()).toEqual(['workflow-row-wf-1']);
    fireEvent.change(screen.getByTestId('filter-status'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('filter-tag'), { target: { value: 'finance' } });
    expect(rows()).toEqual(['workflow-row-wf-1', 'workflow-row-wf-3']);
    expect(screen.getByTestId('workflow-count')).toHaveTextContent('2 of 3');
  });

  it('filters by a tag clicked in the list', async () => {
    renderAt('/workflows', { 'GET /api/workflows': () => ({ body: list }) });
    fireEvent.click(within(await screen.findByTestId('workflow-row-wf-2')).getByRole('button', { name: 'sales' }));
    expect(rows()).toEqual(['workflow-row-wf-2']);
    expect(screen.getByTestId('filter-tag')).toHaveValue('sales');
  });

  it('duplicates a webhook workflow without its webhook id, so the copy gets its own URL', async () => {
    const webhook = { ...budgetWorkflow, tags: ['finance'], trigger: { type: 'webhook', config: { webhook_id: 'abc', response_mode: 'sync' } } };
    const calls = renderAt('/workflows', {
      'GET /api/workflows': () => ({ body: [summary] }),
      'GET /api/workflows/wf-1': () => ({ body: webhook }),
      'POST /api/workflows': (body) => ({ status: 201, body: { ...webhook, ...(body as object), id: 'wf-3' } }),
    });
    fireEvent.click(await screen.findByTestId('workflow-duplicate'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      tags: ['finance'], trigger: { type: 'webhook', config: { response_mode: 'sync' } } });
    expect(JSON.stringify(calls.find((c) => c.method === 'POST')?.body)).not.toContain('webhook_id');
  });

  it('offers each workflow and all of them as export files', async () => {
    renderAt('/workflows', { 'GET /api/workflows': () => ({ body: list }) });
    const row = await screen.findByTestId('workflow-row-wf-2');
    expect(within(row).getByTestId('workflow-export')).toHaveAttribute('href', './api/workflows/wf-2/export');
    expect(screen.getByTestId('export-all')).toHaveAttribute('href', './api/workflows/export');
  });

  it('imports a file and names what was created and the connections that are missing', async () => {
    const calls = renderAt('/workflows', {
      'GET /api/workflows': () => ({ body: list }),
      'POST /api/workflows/import': () => ({ status: 201, body: {
        created: [{ id: 'wf-9', name: 'Budget Overspend Alert', version: 1 }],
        missing_connections: [{ workflow_index: 0, workflow: 'Budget Overspend Alert', step: 'steps[0]', connection: 'finance' }],
      } }),
    });
    await screen.findByTestId('workflow-row-wf-1');
    const file = new File([JSON.stringify({ format: 'placemat-workflows', workflows: [budgetWorkflow] })], 'budget.json',
      { type: 'application/json' });
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    const report = await screen.findByTestId('import-report');
    expect(report).toHaveTextContent('Imported 1 workflow');
    expect(within(report).getByRole('link', { name: 'Budget Overspend Alert' })).toHaveAttribute('href', '/workflows/wf-9');
    expect(screen.getByTestId('import-missing')).toHaveTextContent('finance, used by Budget Overspend Alert (steps[0])');
    expect(calls.find((c) => c.path === '/api/workflows/import')?.body).toMatchObject({ format: 'placemat-workflows' });
  });
});

describe('templates gallery', () => {
  const template = { id: 't-1', name: 'Budget Overspend Alert', category: 'finance',
    description: 'Alert when project exceeds budget threshold', template_config: budgetWorkflow, usage_count: 4 };

  it('previews a template with its steps and branches', async () => {
    renderAt('/templates', { 'GET /api/templates': () => ({ body: [template] }) });
    const card = await screen.findByTestId('template-t-1');
    expect(card).toHaveTextContent('2 steps');
    fireEvent.click(within(card).getByTestId('template-preview'));
    const preview = screen.getByTestId('template-preview-body');
    expect(preview).toHaveTextContent('control.condition');
    expect(preview).toHaveTextContent('then:');
    expect(preview).toHaveTextContent('email.send_template');
  });

  it('uses a template and opens the new workflow in the editor', async () => {
    renderAt('/templates', {
      'GET /api/templates': () => ({ body: [template] }),
      'POST /api/templates/t-1/instantiate': () => ({ status: 201, body: { ...budgetWorkflow, id: 'wf-77' } }),
    });
    fireEvent.click(await screen.findByTestId('template-use'));
    expect(await screen.findByTestId('location')).toHaveTextContent('/workflows/wf-77');
  });
});
