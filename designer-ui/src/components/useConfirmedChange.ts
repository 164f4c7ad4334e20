/**
 * A change that the user confirms first (a delete, a revoke): it asks `question`, makes the change, says `done` and
 * reloads the list, or says what `failed` and why.
 */
import { useCallback } from 'react';
import { errorText } from './format';
import { useToast } from './Toasts';

export interface ConfirmedChange {
  question: string;
  change: () => Promise<unknown>;
  done: string;
  failed: string;
}

export function useConfirmedChange(reload: () => void) {
  const { notify } = useToast();
  return useCallback(async ({ question, change, done, failed }: ConfirmedChange) => {
    if (!window.confirm(question)) return;
    try {
      await change();
      notify('info', done);
      reload();
    } catch (e) {
      notify('error', `${failed}: ${errorText(e)}`);
    }
  }, [notify, reload]);
}
