/**
 * Pinned step outputs: a pinned step does not run in tests, its pinned output feeds the later steps (never in
 * production runs). Pins belong to the workflow and are kept in this browser (localStorage, by workflow id and step
 * key); while editing they follow their step by uid, so moving a step keeps its pin.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EditorStep } from './model';
import { flatten } from './stepTree';

export const pinsKey = (workflowId: string | null | undefined) => `placemat.pins.${workflowId ?? 'new'}`;

function read(workflowId: string | null | undefined): Record<string, unknown> {
  try {
    const value = JSON.parse(localStorage.getItem(pinsKey(workflowId)) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

export function usePins(workflowId: string | null | undefined, steps: EditorStep[]) {
  const [byUid, setByUid] = useState<Map<string, unknown>>(new Map());
  const loaded = useRef(false);
  const keys = useMemo(() => new Map(flatten(steps).map((info) => [info.step.uid, info.key])), [steps]);

  /** Takes the pins stored for a workflow onto the steps of its freshly loaded document. */
  const load = useCallback((id: string | null | undefined, loadedSteps: EditorStep[]) => {
    const stored = read(id);
    const uids = new Map(flatten(loadedSteps).map((info) => [info.key, info.step.uid]));
    setByUid(new Map(Object.entries(stored).filter(([key]) => uids.has(key)).map(([key, v]) => [uids.get(key)!, v])));
    loaded.current = true;
  }, []);

  const byKey = useMemo(() => {
    const out = new Map<string, unknown>();
    for (const [uid, output] of byUid) {
      const key = keys.get(uid);
      if (key) out.set(key, output);
    }
    return out;
  }, [byUid, keys]);

  const previousId = useRef(workflowId);
  useEffect(() => {
    // a new workflow's pins move to its id on its first save
    if (!previousId.current && workflowId) localStorage.removeItem(pinsKey(previousId.current));
    previousId.current = workflowId;
    if (!loaded.current && byUid.size === 0) return;
    if (byKey.size === 0) localStorage.removeItem(pinsKey(workflowId));
    else localStorage.setItem(pinsKey(workflowId), JSON.stringify(Object.fromEntries(byKey)));
  }, [byKey, byUid, workflowId]);

  const pin = useCallback((uid: string, output: unknown) => {
    setByUid((current) => new Map(current).set(uid, output));
  }, []);
  const unpin = useCallback((uid: string) => {
    setByUid((current) => {
      const next = new Map(current);
      next.delete(uid);
      return next;
    });
  }, []);

  return { byKey, byUid, load, pin, unpin };
}

export type Pins = ReturnType<typeof usePins>;
