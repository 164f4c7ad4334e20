import { act, render, screen } from '@testing-library/react';
import { HashRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LEAVE_QUESTION, useUnsavedChangesGuard } from './useUnsavedChangesGuard';

function Editor() {
  useUnsavedChangesGuard(true);
  return <div>editor with changes</div>;
}

function renderAt(hash: string) {
  window.history.replaceState(null, '', hash);
  return render(
    <HashRouter>
      <Routes>
        <Route path="/workflows/wf-1" element={<Editor />} />
        <Route path="/workflows/new" element={<div>new workflow</div>} />
      </Routes>
    </HashRouter>,
  );
}

/** What the browser does when an address is typed or the back button is pressed: the address first, then popstate. */
function addressChangesTo(hash: string) {
  act(() => {
    window.history.pushState(null, '', hash);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  });
}

afterEach(() => vi.restoreAllMocks());

describe('the unsaved-changes guard', () => {
  it('keeps the editor and its address when a typed address would leave it and the user stays', () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    renderAt('#/workflows/wf-1');
    addressChangesTo('#/workflows/new');
    expect(confirm).toHaveBeenCalledWith(LEAVE_QUESTION);
    expect(screen.getByText('editor with changes')).toBeInTheDocument();
    expect(screen.queryByText('new workflow')).not.toBeInTheDocument();
    expect(window.location.hash).toBe('#/workflows/wf-1');
  });

  it('lets the address change when the user chooses to leave', () => {
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderAt('#/workflows/wf-1');
    addressChangesTo('#/workflows/new');
    expect(screen.getByText('new workflow')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/workflows/new');
  });
});
