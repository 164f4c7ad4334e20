/** The editor on a memory router with the API stubbed, as the editor tests use it. */
import { render } from '@testing-library/react';
import { Link, MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { vi } from 'vitest';
import { ToastProvider } from '../components/Toasts';
import { EditorPage } from '../editor/EditorPage';
import { budgetWorkflow, catalogueFixture, fetchStub, operatorsFixture, triggersFixture } from './fixtures';

type Routes = Parameters<typeof fetchStub>[0];

function Where() {
  return <div data-testid="location">{useLocation().pathname}</div>;
}

/** Links outside the editor, as the app's navigation has them. */
function Nav() {
  return (
    <nav>
      <Link to="/workflows/new" data-testid="link-new">New</Link>
      <Link to="/executions" data-testid="link-executions">Executions</Link>
    </nav>
  );
}

/** Stubs fetch with the API the editor reads (catalogue, triggers, operators, workflow wf-1) and `extra`. */
export function stubEditorApi(extra: Routes = {}) {
  const { stub, calls } = fetchStub({
    'GET /api/actions': () => ({ body: catalogueFixture }),
    'GET /api/triggers': () => ({ body: triggersFixture }),
    'GET /api/operators': () => ({ body: operatorsFixture }),
    'GET /api/workflows/wf-1': () => ({ body: budgetWorkflow }),
    ...extra,
  });
  vi.stubGlobal('fetch', vi.fn(stub));
  return calls;
}

export function renderEditor(path: string, extra: Routes = {}) {
  const calls = stubEditorApi(extra);
  render(
    <ToastProvider>
      <MemoryRouter initialEntries={[path]}>
        <Nav />
        <Routes>
          <Route path="/workflows/new" element={<><EditorPage /><Where /></>} />
          <Route path="/workflows/:id" element={<><EditorPage /><Where /></>} />
          <Route path="/executions" element={<Where />} />
          <Route path="/executions/:id" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </ToastProvider>,
  );
  return calls;
}
