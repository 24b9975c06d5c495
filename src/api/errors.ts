/** An error answer from the Model Monitor REST API, or a failure to reach it at all. */
export class ModelMonitorApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** The decoded JSON body of the error answer, when it had one. */
  readonly body: unknown;

  constructor(message: string, status: number, body?: unknown) {
    super(message);
    this.name = 'ModelMonitorApiError';
    this.status = status;
    this.body = body;
  }

  /** True when the server extension is absent (404) or the server did not answer. */
  get isServerMissing(): boolean {
    return this.status === 0 || this.status === 404;
  }
}

/** The message of a JSON error body (`{"message": ...}` or `{"error": ...}`), else a fallback. */
export function errorMessageOf(body: unknown, fallback: string): string {
  if (body && typeof body === 'object') {
    const { message, error } = body as { message?: unknown; error?: unknown };
    if (typeof message === 'string' && message) {
      return message;
    }
    if (typeof error === 'string' && error) {
      return error;
    }
  }
  return fallback;
}
