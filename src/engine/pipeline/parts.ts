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
}

export interface ProfileTask {
  index: number;
  parts: InputPart[];
}

/**
 * Groups parts into tasks in input order. One worker gets one task holding everything, which keeps
 * rows in file order (byte-exact sketches); more workers get about four tasks each, cut by bytes,
 * so a slow task does not hold the others up. Merged in task order, results are deterministic per
 * worker count.
 */
export function planTasks(parts: InputPart[], workers: number): ProfileTask[] {
  if (workers <= 1 || parts.length <= 1) {
    return [{ index: 0, parts }];
  }
  const total = parts.reduce((sum, part) => sum + part.bytes, 0);
  const target = Math.max(1, Math.ceil(total / (workers * 4)));
  const tasks: ProfileTask[] = [];
  let current: InputPart[] = [];
  let bytes = 0;
  for (const part of parts) {
    current.push(part);
    bytes += part.bytes;
    if (bytes >= target) {
      tasks.push({ index: tasks.length, parts: current });
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
