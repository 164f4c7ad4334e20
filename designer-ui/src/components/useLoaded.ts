/**
 * What `load` answers, fetched when the component mounts: `value` is null until it comes, `error` the text of a
 * failed load (cleared by the next good one), and `reload` fetches it again, after a change.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './format';

export function useLoaded<T>(load: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const first = useRef(load); // callers pass a new arrow on every render; the first one is the one to call
  const reload = useCallback(() => {
    first.current().then((v) => { setValue(v); setError(null); }).catch((e) => setError(errorText(e)));
  }, []);
  useEffect(reload, [reload]);
  return { value, error, reload };
}
