import { useState, type FormEvent } from 'react';
import type { CallFailure, OperationInput, OperationName, Output } from '../../api/client';
import { useSession } from '../../session/session';
import type { SchemaForm } from './useSchemaForm';

/**
 * A schema form sent to one operation: nothing while it does not check; `sending` while the call runs; its
 * problems under their fields and any other refusal as `failure`; `onSent` with the answer once it is done.
 */
export function useFormSubmit<F extends string, K extends OperationName>(
  form: SchemaForm<F, OperationInput<K>>,
  operation: K,
  onSent: (output: Output<K>) => void,
): { submit(event: FormEvent): Promise<void>; sending: boolean; failure: CallFailure | null } {
  const { call } = useSession();
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.check();
    if (!input) return;
    setSending(true);
    const result = await call(operation, input);
    setSending(false);
    setFailure(form.answer(result));
    if (result.ok) onSent(result.output);
  }

  return { submit, sending, failure };
}
