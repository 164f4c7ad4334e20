/** Loads the action catalogue, the trigger schemas and the condition operators once per editor. */
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/api';
import type { ActionCatalogue, OperatorInfo, TriggerInfo } from '../api/types';
import { buildCatalogue } from './catalogue';
import type { BlocksOf } from './model';

export function useCatalogue() {
  const [actions, setActions] = useState<ActionCatalogue | null>(null);
  const [triggers, setTriggers] = useState<TriggerInfo[]>([]);
  const [operators, setOperators] = useState<OperatorInfo[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    // without the operator list the condition editor still offers the operator a condition has
    Promise.all([api.actions(), api.triggers(), api.operators().catch(() => [] as OperatorInfo[])])
      .then(([a, t, o]) => {
        if (cancelled) return;
        setActions(a);
        setTriggers(t);
        setOperators(o);
      })
      .catch((e) => { if (!cancelled) setError(e instanceof Error ? e.message : String(e)); });
    return () => { cancelled = true; };
  }, []);

  const catalogue = useMemo(() => buildCatalogue(actions), [actions]);
  const blocksOf = useMemo<BlocksOf>(() => (type) => catalogue.byType.get(type)?.nested_blocks ?? [], [catalogue]);
  return { catalogue, triggers, operators, blocksOf, loaded: actions !== null, error };
}
