import { createContext, useContext } from 'react';
import type { ActionInfo, StepResult } from '../api/types';
import type { Container } from './stepTree';

/** What the canvas nodes need from the editor, passed by context so that node components stay stable. */
export interface CanvasApi {
  action: (type: string) => ActionInfo | undefined;
  errorCount: (uid: string) => number;
  triggerErrorCount: number;
  testResult: (stepKey: string) => StepResult | undefined;
  /** whether the step's output is pinned for tests */
  isPinned?: (uid: string) => boolean;
  selectedId: string | null;
  selectStep: (uid: string) => void;
  selectTrigger: () => void;
  selectBranch: (container: Container) => void;
  moveStep: (uid: string, delta: number) => void;
  removeStep: (uid: string) => void;
  /** The execution view shows the graph without editing tools (no move, delete, drag or drop). */
  readOnly?: boolean;
  /** The badge text of a step's result (the execution view says "waiting until 10:32", "condition not met"). */
  resultLabel?: (result: StepResult) => string;
}

export const CanvasContext = createContext<CanvasApi | null>(null);

export function useCanvas(): CanvasApi {
  const api = useContext(CanvasContext);
  if (!api) throw new Error('canvas node outside CanvasContext');
  return api;
}
