/** What expression fields need from the editor: the paths to suggest and the context to preview against. */
import { createContext, useContext } from 'react';
import type { JsonObject } from '../api/types';

export interface ExpressionEnv {
  /** {{...}} paths the field may use, for autocomplete */
  paths: string[];
  /** the context a preview resolves against (the last test run's, or the sample data with pinned outputs) */
  context: JsonObject | null;
  /** where the preview's values come from, for people: "last test run", "sample data" */
  source: string;
}

export const NO_EXPRESSIONS: ExpressionEnv = { paths: [], context: null, source: '' };

export const ExpressionContext = createContext<ExpressionEnv>(NO_EXPRESSIONS);

export function useExpressions(): ExpressionEnv {
  return useContext(ExpressionContext);
}
