import { ModelMonitorApiError } from '../api/errors';
import { HealthResponse } from '../api/types';
import { messageOf } from './errorMessage';

export type HealthOutcome =
  | { kind: 'ok'; version: string }
  | { kind: 'server-missing'; detail: string }
  | { kind: 'version-mismatch'; serverVersion: string; frontendVersion: string }
  | { kind: 'error'; detail: string };

/**
 * Asks the server once whether its part of the extension is present and of the same version.
 * The first call starts the request; later calls share its answer.
 */
export class HealthCheck {
  constructor(
    private readonly _fetchHealth: () => Promise<HealthResponse>,
    readonly frontendVersion: string
  ) {}

  check(): Promise<HealthOutcome> {
    if (!this._outcome) {
      this._outcome = this._fetchHealth().then(
        answer => this._judge(answer),
        error => describeFailure(error)
      );
    }
    return this._outcome;
  }

  private _judge(answer: HealthResponse): HealthOutcome {
    const serverVersion = String(answer?.version ?? '');
    if (serverVersion !== this.frontendVersion) {
      return { kind: 'version-mismatch', serverVersion, frontendVersion: this.frontendVersion };
    }
    return { kind: 'ok', version: serverVersion };
  }

  private _outcome: Promise<HealthOutcome> | null = null;
}

function describeFailure(error: unknown): HealthOutcome {
  if (error instanceof ModelMonitorApiError && error.isServerMissing) {
    return { kind: 'server-missing', detail: error.message };
  }
  return { kind: 'error', detail: messageOf(error) };
}
