/** The condition operators the server supports (GET /api/operators), loaded once per editor. */
import { createContext, useContext } from 'react';
import type { OperatorInfo } from '../api/types';

export const OperatorsContext = createContext<OperatorInfo[]>([]);

export function useOperators(): OperatorInfo[] {
  return useContext(OperatorsContext);
}
