/** A page under test on a memory router with the API stubbed, as the page tests render it. */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { ToastProvider } from '../components/Toasts';
import { stubApi, type ApiRoutes } from './fixtures';

/** Shows the path the router is at, for routes that lead away from the page under test. */
export function Where() {
  return <div data-testid="location">{useLocation().pathname}</div>;
}

/**
 * Stubs the API with `routes` and renders `content` (routes, navigation) on a memory router at `path`, inside the
 * app's toast provider; returns the API calls, in order.
 */
export function renderRouted(path: string, routes: ApiRoutes, content: ReactNode) {
  const calls = stubApi(routes);
  render(<ToastProvider><MemoryRouter initialEntries={[path]}>{content}</MemoryRouter></ToastProvider>);
  return calls;
}
