/** Progress of a run, as the CLI prints it with `--progress json` (one JSON object a line). */
export type ProgressEvent =
  | { type: 'start'; command: string; files: number; bytesTotal: number; workers: number }
  | { type: 'progress'; bytesRead: number; bytesTotal: number; rows: number }
  | { type: 'phase'; phase: 'reading' | 'merging' | 'statistics' | 'checking' | 'writing' }
  | { type: 'done'; summary: unknown };

export type ProgressListener = (event: ProgressEvent) => void;

/** Sums the bytes and rows reported by parallel tasks into one running total. */
export class ProgressTally {
  private readonly bytes: number[];
  private readonly rows: number[];

  constructor(
    tasks: number,
    private readonly bytesTotal: number,
    private readonly listener?: ProgressListener
  ) {
    this.bytes = new Array<number>(tasks).fill(0);
    this.rows = new Array<number>(tasks).fill(0);
  }

  update(task: number, bytesRead: number, rows: number): void {
    this.bytes[task] = bytesRead;
    this.rows[task] = rows;
    this.listener?.({
      type: 'progress',
      bytesRead: sum(this.bytes),
      bytesTotal: this.bytesTotal,
      rows: sum(this.rows)
    });
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
