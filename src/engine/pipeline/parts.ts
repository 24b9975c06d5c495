/**
 * Units of input work. A part is a whole file or a byte range of one (ranges start at line
 * boundaries); a task is a run of consecutive parts profiled together by one worker.
 */
export interface InputPart {
  file: string;
  /** Byte range [start, end); absent means the whole file. */
  start?: number;
  end?: number;
  /** Size in bytes of what this part reads. */
  bytes: number;
  /** Line number of the range's first line, for diagnostics. */
  firstLine?: number;
  /** CSV ranges after the first: the file's header, read apart. */
  columnNames?: string[];
  /** Why a file listed in a dataset folder cannot be read (a dangling link): reported, not read. */
  unreadable?: string;
}

export interface ProfileTask {
  index: number;
  parts: InputPart[];
}

/**
 * How many tasks each worker's share of the remaining bytes is cut into. Each task takes this
 * fraction of what is left, so tasks shrink towards the end (guided scheduling): the last ones are
 * single parts, and no thread idles long waiting for another's last task.
 */
const TASKS_PER_SHARE = 2;

/**
 * Groups parts into tasks in input order. One worker gets one task holding everything, which keeps
 * rows in file order (byte-exact sketches); more workers get tasks cut by bytes, large first and
 * shrinking to one part, so a slow task does not hold the others up. Merged in task order, results
 * are deterministic per worker count.
 */
export function planTasks(parts: InputPart[], workers: number): ProfileTask[] {
  if (workers <= 1 || parts.length <= 1) {
    return [{ index: 0, parts }];
  }
  let remaining = totalBytes(parts);
  const tasks: ProfileTask[] = [];
  let current: InputPart[] = [];
  let bytes = 0;
  for (const part of parts) {
    current.push(part);
    bytes += part.bytes;
    if (bytes >= remaining / (workers * TASKS_PER_SHARE)) {
      tasks.push({ index: tasks.length, parts: current });
      remaining -= bytes;
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) {
    tasks.push({ index: tasks.length, parts: current });
  }
  return tasks;
}

export function totalBytes(parts: InputPart[]): number {
  return parts.reduce((sum, part) => sum + part.bytes, 0);
}
