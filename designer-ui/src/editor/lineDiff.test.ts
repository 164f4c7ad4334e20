import { describe, expect, it } from 'vitest';
import { lineDiff } from './lineDiff';

describe('line diff', () => {
  it('pairs changed lines side by side and keeps unchanged ones aligned', () => {
    const rows = lineDiff('a\nb\nc\nd', 'a\nB\nc\nd\ne');
    expect(rows.map((r) => [r.kind, r.left, r.right])).toEqual([
      ['same', 'a', 'a'], ['changed', 'b', 'B'], ['same', 'c', 'c'], ['same', 'd', 'd'], ['added', null, 'e'],
    ]);
    expect(rows[4].rightNumber).toBe(5);
  });

  it('shows removed lines on the left only', () => {
    expect(lineDiff('x\ny\nz', 'x\nz').map((r) => r.kind)).toEqual(['same', 'removed', 'same']);
  });

  it('finds nothing to show between equal texts', () => {
    expect(lineDiff('{\n  "a": 1\n}', '{\n  "a": 1\n}').every((r) => r.kind === 'same')).toBe(true);
  });
});
