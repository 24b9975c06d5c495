import { CancelledError } from '../errors';
import { EXIT } from './exitCodes';
import { removePendingSync } from './writeFilesAtomic';

/**
 * SIGINT or SIGTERM cancels the run: the first aborts `signal` (the run stops and writes nothing),
 * a second exits at once after removing half-written outputs.
 */
export function cancelOnInterrupt(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) {
      removePendingSync();
      process.exit(EXIT.cancelled);
    }
    controller.abort(new CancelledError());
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  };
}
