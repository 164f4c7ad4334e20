import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy and waitFor wait up to 10 s (a test up to 30 s): the build runs these tests on two busy cores, where a
// re-render after a navigation has taken more than 3 s
configure({ asyncUtilTimeout: 10_000 });

// React Flow measures nodes with ResizeObserver and reads transforms with DOMMatrixReadOnly: jsdom has neither.
class ResizeObserverStub {
  callback: ResizeObserverCallback;
  constructor(callback: ResizeObserverCallback) { this.callback = callback; }
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([\d.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}
(globalThis as Record<string, unknown>).DOMMatrixReadOnly ??= DOMMatrixReadOnlyStub;

// jsdom gives every element a zero size; React Flow needs a size to render its viewport.
Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: { get() { return 600; }, configurable: true },
  offsetWidth: { get() { return 800; }, configurable: true },
});
(SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
  ({ x: 0, y: 0, width: 10, height: 10 }) as DOMRect;

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.cookie.split(';').forEach((c) => {
    const name = c.split('=')[0].trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT`;
  });
});
