import { Suspense, useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import {
  ChevronDown, ExternalLink, KeyRound, LayoutDashboard, LayoutTemplate, ListChecks, LogOut, Monitor, Moon, Plug,
  ScrollText, Server, Shield, Sun, Users, Workflow, type LucideIcon,
} from 'lucide-react';
import { useAuth } from '../auth/AuthContext';
import { useTheme, type ThemeChoice } from './theme';

const links: { to: string; label: string; icon: LucideIcon }[] = [
  { to: '/workflows', label: 'Workflows', icon: Workflow },
  { to: '/executions', label: 'Executions', icon: ListChecks },
  { to: '/dashboard', label: 'Dashboard', icon: LayoutDashboard },
  { to: '/templates', label: 'Templates', icon: LayoutTemplate },
];

const adminLinks: { to: string; label: string; icon: LucideIcon; testId: string }[] = [
  { to: '/users', label: 'Users and roles', icon: Users, testId: 'nav-users' },
  { to: '/audit', label: 'Audit trail', icon: ScrollText, testId: 'nav-audit' },
  { to: '/cluster', label: 'Cluster nodes', icon: Server, testId: 'nav-cluster' },
];

const THEMES: { choice: ThemeChoice; label: string; icon: LucideIcon }[] = [
  { choice: 'system', label: 'Theme: as the system', icon: Monitor },
  { choice: 'light', label: 'Theme: light', icon: Sun },
  { choice: 'dark', label: 'Theme: dark', icon: Moon },
];

function AdminMenu() {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return undefined;
    const close = (event: MouseEvent) => { if (!ref.current?.contains(event.target as Node)) setOpen(false); };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const active = adminLinks.some((l) => location.pathname.startsWith(l.to));
  return (
    <div className="menu" ref={ref}>
      <button type="button" className={`nav-button${active ? ' active' : ''}`} aria-expanded={open} aria-haspopup="menu"
        data-testid="nav-admin" onClick={() => setOpen(!open)}>
        <Shield size={16} aria-hidden="true" /> Admin <ChevronDown size={14} aria-hidden="true" />
      </button>
      {open && (
        <div className="menu-list" role="menu">
          {adminLinks.map((link) => (
            <NavLink key={link.to} to={link.to} role="menuitem" data-testid={link.testId}>
              <link.icon size={16} aria-hidden="true" /> {link.label}
            </NavLink>
          ))}
          <a href="swagger-ui/index.html" target="_blank" rel="noreferrer" role="menuitem" data-testid="nav-api-docs">
            <ExternalLink size={16} aria-hidden="true" /> API (Swagger UI)
          </a>
        </div>
      )}
    </div>
  );
}

export function Layout() {
  const { user, logout } = useAuth();
  const { choice, choose } = useTheme();
  const isAdmin = user?.role?.toLowerCase() === 'admin';
  const theme = THEMES.find((t) => t.choice === choice) ?? THEMES[0];
  const next = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length];
  return (
    <div className="app">
      <header className="topnav">
        <div className="brand">Placemat<span> Workflows</span></div>
        <nav>
          {links.map((link) => (
            <NavLink key={link.to} to={link.to} data-testid={`nav-${link.label.toLowerCase()}`}
              className={({ isActive }) => (isActive ? 'active' : '')}>
              <link.icon size={16} aria-hidden="true" /> {link.label}
            </NavLink>
          ))}
          {isAdmin && (
            <NavLink to="/connections" data-testid="nav-connections" className={({ isActive }) => (isActive ? 'active' : '')}>
              <Plug size={16} aria-hidden="true" /> Connections
            </NavLink>
          )}
          {isAdmin && <AdminMenu />}
          {isAdmin && (
            // Hawtio 4 on Spring Boot is an actuator endpoint; the app lets admins only reach it
            <a href="actuator/hawtio/" target="_blank" rel="noreferrer" data-testid="nav-hawtio">
              Hawtio <ExternalLink size={14} aria-hidden="true" />
            </a>
          )}
        </nav>
        <div className="user">
          <button type="button" className="icon-button" title={`${theme.label} (click for ${next.label.toLowerCase()})`}
            aria-label={theme.label} data-testid="theme-toggle" onClick={() => choose(next.choice)}>
            <theme.icon size={16} aria-hidden="true" />
          </button>
          <NavLink to="/tokens" className="icon-link" title="Your API tokens" data-testid="nav-tokens">
            <KeyRound size={16} aria-hidden="true" /> Tokens
          </NavLink>
          {user && <span className="muted" data-testid="current-user">{user.username} · {user.role}</span>}
          <button type="button" data-testid="logout" onClick={() => void logout()}>
            <LogOut size={14} aria-hidden="true" /> Sign out
          </button>
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
