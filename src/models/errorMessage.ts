/**
 * What to tell the user about a caught value: an Error's message (a ModelMonitorApiError's is
 * already the server's `message`), anything else as text.
 */
export function messageOf(error: unknown): string {
  return String((error as Error)?.message ?? error);
}
