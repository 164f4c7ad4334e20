import { lazy } from 'react';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { LoginPage } from './auth/LoginPage';
import { Layout } from './components/Layout';
import { ToastProvider } from './components/Toasts';
import { WorkflowsPage } from './pages/WorkflowsPage';
import { TemplatesPage } from './pages/TemplatesPage';
import { ExecutionsPage } from './executions/ExecutionsPage';
import { ExecutionDetailPage } from './executions/ExecutionDetailPage';
import { DashboardPage } from './dashboard/DashboardPage';
import { ConnectionsPage } from './admin/ConnectionsPage';
import { UsersPage } from './admin/UsersPage';
import { TokensPage } from './admin/TokensPage';
import { AuditPage } from './admin/AuditPage';
import { ClusterPage } from './admin/ClusterPage';

// The editor brings React Flow, RJSF and ajv: load it only when a workflow is opened.
const EditorPage = lazy(() => import('./editor/EditorPage').then((m) => ({ default: m.EditorPage })));

function Gate() {
  const { user, checking } = useAuth();
  if (checking) return <div className="center muted">Loading…</div>;
  if (!user) return <LoginPage />;
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/" element={<Navigate to="/workflows" replace />} />
        <Route path="/workflows" element={<WorkflowsPage />} />
        <Route path="/workflows/new" element={<EditorPage />} />
        <Route path="/workflows/:id" element={<EditorPage />} />
        <Route path="/executions" element={<ExecutionsPage />} />
        <Route path="/executions/:id" element={<ExecutionDetailPage />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/templates" element={<TemplatesPage />} />
        <Route path="/connections" element={<ConnectionsPage />} />
        <Route path="/users" element={<UsersPage />} />
        <Route path="/tokens" element={<TokensPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="/cluster" element={<ClusterPage />} />
        <Route path="*" element={<Navigate to="/workflows" replace />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <ToastProvider>
      <AuthProvider>
        <HashRouter>
          <Gate />
        </HashRouter>
      </AuthProvider>
    </ToastProvider>
  );
}
