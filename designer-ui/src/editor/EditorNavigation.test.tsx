import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { HashRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import { budgetWorkflow } from '../test/fixtures';
import { renderEditor, stubEditorApi } from '../test/renderEditor';
import { EditorPage } from './EditorPage';

afterEach(() => vi.unstubAllGlobals());

describe('editor navigation and saving', () => {
  it('starts an empty workflow at #/workflows/new while another is open, and saves it as a new one', async () => {
    const calls = renderEditor('/workflows/wf-1', {
      'POST /api/workflows': () => ({ status: 201, body: { ...budgetWorkflow, id: 'wf-2', version: 1, name: 'Fresh' } }),
    });
    await screen.findByTestId('step-node-1');
    fireEvent.click(screen.getByTestId('link-new'));
    await waitFor(() => expect(screen.getByTestId('workflow-name')).toHaveValue(''));
    expect(screen.queryByTestId('step-node-1')).not.toBeInTheDocument();
    expect(screen.getByTestId('status-line')).toHaveTextContent('New workflow, not saved yet');
    fireEvent.change(screen.getByTestId('workflow-name'), { target: { value: 'Fresh' } });
    fireEvent.click(screen.getByTestId('save-button'));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/workflows/wf-2'));
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    expect(calls.find((c) => c.method === 'POST' && c.path === '/api/workflows')?.body).toMatchObject({ name: 'Fresh' });
    expect(screen.getByTestId('workflow-name')).toHaveValue('Fresh');
  });

  it('leaves without asking when nothing changed', async () => {
    renderEditor('/workflows/wf-1');
    await screen.findByTestId('step-node-1');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    fireEvent.click(screen.getByTestId('link-executions'));
    expect(confirm).not.toHaveBeenCalled();
    expect(screen.getByTestId('location')).toHaveTextContent('/executions');
    confirm.mockRestore();
  });

  it('keeps the user in the editor with unsaved changes unless they choose to leave', async () => {
    renderEditor('/workflows/wf-1');
    await screen.findByTestId('step-node-1');
    fireEvent.change(screen.getByTestId('workflow-name'), { target: { value: 'Renamed' } });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    fireEvent.click(screen.getByTestId('link-executions'));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('location')).toHaveTextContent('/workflows/wf-1');
    expect(screen.getByTestId('workflow-name')).toHaveValue('Renamed');
    fireEvent.click(screen.getByTestId('link-executions'));
    expect(screen.getByTestId('location')).toHaveTextContent('/executions');
    confirm.mockRestore();
  });

  it('saves with Ctrl+S and Cmd+S, even while typing in a field', async () => {
    const calls = renderEditor('/workflows/wf-1', {
      'PUT /api/workflows/wf-1': (body) => ({ body: { ...budgetWorkflow, ...(body as object), version: 4 } }),
    });
    await screen.findByTestId('step-node-1');
    const name = screen.getByTestId('workflow-name');
    fireEvent.change(name, { target: { value: 'Budget v4' } });
    fireEvent.keyDown(name, { key: 's', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('status-line')).toHaveTextContent('Saved version 4'));
    fireEvent.keyDown(window, { key: 's', metaKey: true });
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2));
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ name: 'Budget v4' });
  });

  it('starts an empty workflow when #/workflows/new is typed after saving a new one', async () => {
    stubEditorApi({
      'POST /api/workflows': (body) => ({ status: 201, body: { ...budgetWorkflow, ...(body as object), id: 'wf-5', version: 1 } }),
    });
    window.location.hash = '#/workflows/new';
    render(
      <ToastProvider>
        <HashRouter>
          <Routes>
            <Route path="/workflows/new" element={<EditorPage />} />
            <Route path="/workflows/:id" element={<EditorPage />} />
          </Routes>
        </HashRouter>
      </ToastProvider>,
    );
    fireEvent.change(await screen.findByTestId('workflow-name'), { target: { value: 'First' } });
    fireEvent.click(screen.getByTestId('save-button'));
    await waitFor(() => expect(window.location.hash).toBe('#/workflows/wf-5'));
    await waitFor(() => expect(screen.getByTestId('status-line')).toHaveTextContent('Saved version 1'));
    await act(async () => {
      window.location.hash = '#/workflows/new';
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await waitFor(() => expect(screen.getByTestId('workflow-name')).toHaveValue(''));
    expect(screen.getByTestId('status-line')).toHaveTextContent('New workflow, not saved yet');
  });
});
