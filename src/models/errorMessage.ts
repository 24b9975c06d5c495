import { ModelMonitorApiError } from '../api/errors';

/**
 * What to tell the user about a caught value: an Error's message (a ModelMonitorApiError's is
 * already the server's `message`), anything else as text.
 */
export function messageOf(error: unknown): string {
  return String((error as Error)?.message ?? error);
}

/** The field the server names when it refuses a request (400, 409); undefined otherwise. */
export function refusedFieldOf(error: unknown): string | undefined {
  if (error instanceof ModelMonitorApiError && (error.status === 400 || error.status === 409)) {
    return (error.body as { field?: string | null } | undefined)?.field ?? undefined;
  }
  return undefined;
}

/**
 * A failed request's error for a dialog form: next to the field the server names (`fieldOf`
 * maps its name to the form's), else at the top of the form.
 */
export function formErrorsOf<F extends string>(
  error: unknown,
  fieldOf: (serverField: string | undefined) => F | 'form'
): Partial<Record<F | 'form', string>> {
  return { [fieldOf(refusedFieldOf(error))]: messageOf(error) } as Partial<
    Record<F | 'form', string>
  >;
}
