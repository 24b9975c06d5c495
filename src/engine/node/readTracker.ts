import { throwIfCancelled } from '../pipeline/profileInput';
import { ProgressListener } from '../pipeline/progress';
import { fileChunks } from './fileChunks';

export interface TrackedRun {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

/**
 * Reads whole files for a one-thread run, reporting `start`, `reading` and byte progress as the
 * data-quality commands do, and stopping at the next chunk once `signal` is aborted.
 */
export class ReadTracker {
  private bytesRead = 0;
  private readonly bytesTotal: number;
  /** Rows (or records) read so far, shown beside the bytes. */
  rows = 0;

  constructor(
    command: string,
    files: { size: number }[],
    private readonly run: TrackedRun
  ) {
    this.bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
    throwIfCancelled(run.signal);
    run.onProgress?.({
      type: 'start',
      command,
      files: files.length,
      bytesTotal: this.bytesTotal,
      workers: 1
    });
    run.onProgress?.({ type: 'phase', phase: 'reading' });
  }

  chunks(file: string): AsyncGenerator<Uint8Array> {
    return fileChunks(file, {
      onBytes: bytes => {
        throwIfCancelled(this.run.signal);
        this.bytesRead += bytes;
        this.run.onProgress?.({
          type: 'progress',
          bytesRead: this.bytesRead,
          bytesTotal: this.bytesTotal,
          rows: this.rows
        });
      }
    });
  }

  phase(phase: 'statistics' | 'checking' | 'writing'): void {
    throwIfCancelled(this.run.signal);
    this.run.onProgress?.({ type: 'phase', phase });
  }
}
