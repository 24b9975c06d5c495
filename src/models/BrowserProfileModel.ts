import { ISignal, Signal } from '@lumino/signaling';

import { Diagnostic, DiagnosticKind } from '../engine/diagnostics';
import { StatisticsDocument } from '../engine/documents/statistics';
import { DoneMessage, EngineContext, ProgressMessage } from '../worker/protocol';

/** The `diagnostics.json` a run writes (src/engine/pipeline/runSummary.ts). */
export interface RunDiagnostics {
  records: number;
  rejected: number;
  rows: number;
  errorRate: number;
  counts: Partial<Record<DiagnosticKind, number>>;
  examples: Diagnostic[];
}

export type BrowserProfileState =
  | { status: 'running'; progress: ProgressMessage | null }
  | {
      status: 'done';
      outputs: DoneMessage;
      statistics: StatisticsDocument;
      diagnostics: RunDiagnostics;
      context: EngineContext;
    }
  | { status: 'failed'; message: string; diagnostics: RunDiagnostics | null }
  | { status: 'cancelled' };

/** A profile of one file run in the browser: its state as it runs, and its outputs when done. */
export class BrowserProfileModel {
  constructor(readonly path: string) {}

  get state(): BrowserProfileState {
    return this._state;
  }

  get stateChanged(): ISignal<this, BrowserProfileState> {
    return this._stateChanged;
  }

  setProgress(progress: ProgressMessage): void {
    if (this._state.status === 'running') {
      this._set({ status: 'running', progress });
    }
  }

  setDone(outputs: DoneMessage): void {
    this._set({
      status: 'done',
      outputs,
      statistics: JSON.parse(outputs.statistics) as StatisticsDocument,
      diagnostics: JSON.parse(outputs.diagnostics) as RunDiagnostics,
      context: outputs.context
    });
  }

  setFailed(message: string, diagnosticsText?: string): void {
    const diagnostics = diagnosticsText ? (JSON.parse(diagnosticsText) as RunDiagnostics) : null;
    this._set({ status: 'failed', message, diagnostics });
  }

  setCancelled(): void {
    this._set({ status: 'cancelled' });
  }

  private _set(state: BrowserProfileState): void {
    this._state = state;
    this._stateChanged.emit(state);
  }

  private _state: BrowserProfileState = { status: 'running', progress: null };
  private _stateChanged = new Signal<this, BrowserProfileState>(this);
}
