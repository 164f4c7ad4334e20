/** Loads the action catalogue and the trigger schemas once per editor. */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/api';
import type { ActionCatalogue, TriggerInfo } from '../api/types';
import { buildCatalogue } from './catalogue';
import type { BlocksOf } from './model';

export function useCatalogue() {
  const [actions, setActions] = useState<ActionCatalogue | null>(null);
  const [triggers, setTriggers] = useState<TriggerInfo[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.actions(), api.triggers()])
      .then(([a, t]) => {
        if (cancelled) return;
        setActions(a);
        setTriggers(t);
      })
      .catch((e) => { if (!cancelled) setError(e instanceof Error ? e.message : String(e)); });
    return () => { cancelled = true; };
  }, []);

  const catalogue = useMemo(() => buildCatalogue(actions), [actions]);
  const blocksOf = useMemo<BlocksOf>(() => (type) => catalogue.byType.get(type)?.nested_blocks ?? [], [catalogue]);
  return { catalogue, triggers, blocksOf, loaded: actions !== null, error };
}
