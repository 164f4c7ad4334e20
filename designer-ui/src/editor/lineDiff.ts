/**
 * A line diff of two texts (longest common subsequence), for comparing two versions of a definition side by side.
 * Definitions are small (a few thousand lines at most), so the quadratic table is fine.
 */

export interface DiffRow {
  /** the line on the left (older) side, or null where the right side added one */
  left: string | null;
  right: string | null;
  kind: 'same' | 'removed' | 'added' | 'changed';
  leftNumber: number | null;
  rightNumber: number | null;
}

export const MAX_DIFF_LINES = 4000;

/** Rows of a side-by-side diff: unchanged lines beside each other, removed ones left, added ones right. */
export function lineDiff(before: string, after: string): DiffRow[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length > MAX_DIFF_LINES || b.length > MAX_DIFF_LINES) {
    throw new Error(`too long to compare line by line (more than ${MAX_DIFF_LINES} lines)`);
  }
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1
        : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const rows: DiffRow[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    const pairs = Math.max(removed.length, added.length);
    for (let k = 0; k < pairs; k++) {
      const l = removed[k];
      const r = added[k];
      rows.push({
        left: l === undefined ? null : a[l], right: r === undefined ? null : b[r],
        kind: l === undefined ? 'added' : r === undefined ? 'removed' : 'changed',
        leftNumber: l === undefined ? null : l + 1, rightNumber: r === undefined ? null : r + 1,
      });
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      rows.push({ left: a[i], right: b[j], kind: 'same', leftNumber: i + 1, rightNumber: j + 1 });
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || table[i * width + j + 1] >= table[(i + 1) * width + j])) {
      added.push(j++);
    } else {
      removed.push(i++);
    }
  }
  flush();
  return rows;
}

/** A definition as the diff compares it: pretty JSON with keys as saved. */
export function diffText(definition: unknown): string {
  return JSON.stringify(definition, null, 2);
}
