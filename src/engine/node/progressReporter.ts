import { ProgressEvent, ProgressListener } from '../pipeline/progress';
import { protocolLine } from './protocolLine';

export type ProgressMode = 'bar' | 'json' | 'none';

const JSON_INTERVAL_MS = 250;
const BAR_INTERVAL_MS = 100;
const BAR_WIDTH = 30;

/**
 * Progress on stderr: `json` writes one JSON object a line (the Jupyter server reads them),
 * `bar` redraws one line on a terminal, `none` is silent. Byte updates are throttled; other
 * events are written at once.
 */
export function progressReporter(
  mode: ProgressMode,
  write: (text: string) => void = t => process.stderr.write(t)
): ProgressListener & {
  finish(): void;
} {
  let last = 0;
  let drawn = false;
  const listener = (event: ProgressEvent): void => {
    if (mode === 'none') {
      return;
    }
    const now = Date.now();
    if (event.type === 'progress') {
      const interval = mode === 'json' ? JSON_INTERVAL_MS : BAR_INTERVAL_MS;
      if (now - last < interval && event.bytesRead < event.bytesTotal) {
        return;
      }
      last = now;
    }
    if (mode === 'json') {
      write(protocolLine(event));
    } else if (event.type === 'progress') {
      write(
        `\r${bar(event.bytesRead, event.bytesTotal)} ${formatBytes(event.bytesRead)}/${formatBytes(event.bytesTotal)} ${event.rows} rows`
      );
      drawn = true;
    }
  };
  return Object.assign(listener, {
    finish: () => {
      if (drawn) {
        write('\n');
        drawn = false;
      }
    }
  });
}

function bar(done: number, total: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${(share * 100).toFixed(0).padStart(3)}%`;
}

function formatBytes(n: number): string {
  if (n < 1024 * 1024) {
    return `${(n / 1024).toFixed(0)} KiB`;
  }
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
