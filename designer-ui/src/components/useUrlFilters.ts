/**
 * A list's filters and page offset, kept in the URL's query so that a filtered view can be linked and survives a
 * reload. Empty filters are left out of the URL; `key` changes whenever the query does.
 */
import { useSearchParams } from 'react-router-dom';

export function useUrlFilters<F extends { [K in keyof F]: string }>(names: readonly (keyof F & string)[]) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(names.map((name) => [name, params.get(name) ?? ''])) as F;
  const offset = Number(params.get('offset') ?? 0) || 0;
  const show = (next: F, nextOffset = 0) => {
    const search = new URLSearchParams();
    Object.entries<string>(next).forEach(([k, v]) => { if (v) search.set(k, v); });
    if (nextOffset) search.set('offset', String(nextOffset));
    setParams(search);
  };
  return { filters, offset, key: params.toString(), show, clear: () => setParams(new URLSearchParams()) };
}
