import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';

const links = [
  { to: '/workflows', label: 'Workflows' },
  { to: '/executions', label: 'Executions' },
  { to: '/dashboard', label: 'Dashboard' },
  { to: '/templates', label: 'Templates' },
];

export function Layout() {
  const { user, logout } = useAuth();
  const isAdmin = user?.role?.toLowerCase() === 'admin';
  return (
    <div className="app">
      <header className="topnav">
        <div className="brand">Placemat<span> Workflows</span></div>
        <nav>
          {links.map((link) => (
            <NavLink key={link.to} to={link.to} data-testid={`nav-${link.label.toLowerCase()}`}
              className={({ isActive }) => (isActive ? 'active' : '')}>
              {link.label}
            </NavLink>
          ))}
          {isAdmin && (
            // Hawtio 4 on Spring Boot is an actuator endpoint; the app lets admins only reach it
            <a href="actuator/hawtio/" target="_blank" rel="noreferrer" data-testid="nav-hawtio">Hawtio ↗</a>
          )}
        </nav>
        <div className="user">
          {user && <span className="muted" data-testid="current-user">{user.username} · {user.role}</span>}
          <button type="button" data-testid="logout" onClick={() => void logout()}>Sign out</button>
        </div>
      </header>
      <main className="content">
        <Suspense fallback={<div className="page muted">Loading…</div>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
