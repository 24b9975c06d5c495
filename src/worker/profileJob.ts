import { BrowserDataset } from '../engine/browser/browserDataset';
import { browserRuntime } from '../engine/browser/browserRuntime';
import { CancelledError, DataError } from '../engine/errors';
import { DIAGNOSTICS_FILE } from '../engine/pipeline/outputs';
import { ProgressEvent } from '../engine/pipeline/progress';
import { CONSTRAINTS_FILE, runBaseline, STATISTICS_FILE } from '../engine/pipeline/runBaseline';
import { diagnosticsFileText } from '../engine/pipeline/runSummary';
import { EngineContext, ProfileOptions, ProfilePhase, WorkerMessage } from './protocol';

const PROGRESS_INTERVAL_MS = 100;

export interface ProfileJobOptions {
  context: EngineContext;
  signal: AbortSignal;
  /** Main thread: hand the event loop back this often (ms). */
  sliceMs?: number;
}

/**
 * Profiles a file or folder as `model-monitor baseline` does (one worker, rows in file order, so the
 * outputs are byte-identical) and reports through `post`: progress, then done or error. The same
 * code runs in the Web Worker and, when no worker can start, on the page's main thread.
 */
export async function runProfileJob(
  dataset: BrowserDataset,
  options: ProfileOptions,
  job: ProfileJobOptions,
  post: (message: WorkerMessage) => void
): Promise<void> {
  const runtime = browserRuntime(dataset, { sliceMs: job.sliceMs });
  try {
    const summary = await runBaseline(
      {
        dataset: dataset.path,
        header: options.header,
        outputDir: '.',
        workers: 1,
        signal: job.signal,
        onProgress: progressPoster(post)
      },
      runtime
    );
    post({
      type: 'done',
      statistics: runtime.outputs.get(STATISTICS_FILE)!,
      constraints: runtime.outputs.get(CONSTRAINTS_FILE)!,
      diagnostics: runtime.outputs.get(DIAGNOSTICS_FILE)!,
      summary,
      context: job.context
    });
  } catch (error) {
    post(errorMessage(error, job.signal));
  }
}

/** Posts phase changes at once and reading progress at most every PROGRESS_INTERVAL_MS. */
function progressPoster(post: (message: WorkerMessage) => void): (event: ProgressEvent) => void {
  const state = { bytesRead: 0, bytesTotal: 0, rows: 0, phase: 'reading' as ProfilePhase };
  let lastPost = 0;
  return event => {
    if (event.type === 'start') {
      state.bytesTotal = event.bytesTotal;
      return;
    }
    if (event.type === 'phase') {
      state.phase = event.phase;
    } else if (event.type === 'progress') {
      state.bytesRead = event.bytesRead;
      state.rows = event.rows;
      if (Date.now() - lastPost < PROGRESS_INTERVAL_MS) {
        return;
      }
    } else {
      return;
    }
    lastPost = Date.now();
    post({ type: 'progress', ...state });
  };
}

function errorMessage(error: unknown, signal: AbortSignal): WorkerMessage {
  const cancelled = signal.aborted || error instanceof CancelledError;
  const report = error instanceof DataError ? error.report : undefined;
  return {
    type: 'error',
    message: cancelled ? 'cancelled' : ((error as Error)?.message ?? String(error)),
    cancelled,
    diagnostics: report ? diagnosticsFileText(report.counts, report.diagnostics) : undefined
  };
}
