/**
 * Newer/older paging through a list of `total` items, newest first, `pageSize` at a time from `offset`; when the
 * total is not `exact`, at least `total` items match.
 */
export function Pager({ offset, total, exact = true, pageSize, onPage }: {
  offset: number; total: number; exact?: boolean; pageSize: number; onPage: (offset: number) => void;
}) {
  return (
    <div className="pager" data-testid="pager">
      <button type="button" disabled={offset === 0} data-testid="page-prev"
        onClick={() => onPage(Math.max(0, offset - pageSize))}>← Newer</button>
      <span>{offset + 1}–{Math.min(offset + pageSize, total)} of {total}{exact ? '' : '+'}</span>
      <button type="button" disabled={offset + pageSize >= total} data-testid="page-next"
        onClick={() => onPage(offset + pageSize)}>Older →</button>
    </div>
  );
}
