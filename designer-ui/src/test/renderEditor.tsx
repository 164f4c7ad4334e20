/** The editor on a memory router with the API stubbed, as the editor tests use it. */
import { Link, Route, Routes } from 'react-router-dom';
import { EditorPage } from '../editor/EditorPage';
import { budgetWorkflow, catalogueFixture, operatorsFixture, stubApi, triggersFixture, type ApiRoutes } from './fixtures';
import { renderRouted, Where } from './renderRouted';


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
export function stubEditorApi(extra: ApiRoutes = {}) {
  return stubApi(editorApi(extra));
}

function editorApi(extra: ApiRoutes): ApiRoutes {
  return {
    'GET /api/actions': () => ({ body: catalogueFixture }),
    'GET /api/triggers': () => ({ body: triggersFixture }),
    'GET /api/operators': () => ({ body: operatorsFixture }),
    'GET /api/workflows/wf-1': () => ({ body: budgetWorkflow }),
    ...extra,
  };
}

export function renderEditor(path: string, extra: ApiRoutes = {}) {
  return renderRouted(path, editorApi(extra), (
    <>
      <Nav />
      <Routes>
        <Route path="/workflows/new" element={<><EditorPage /><Where /></>} />
        <Route path="/workflows/:id" element={<><EditorPage /><Where /></>} />
        <Route path="/executions" element={<Where />} />
        <Route path="/executions/:id" element={<Where />} />
      </Routes>
    </>
  ));
}
