import { ChunkSource, decodeText } from './chunks';
import { MAX_RECORD_CHARS, RecordTooLongError } from './readLimits';

/** A run of complete lines: `lines[i]` is line number `firstLine + i` (1-based) of its file. */
export interface LineRun {
  lines: string[];
  firstLine: number;
}

export interface LineLimit {
  /** Characters a line may have (default MAX_RECORD_CHARS). */
  maxChars?: number;
  /** Called for a line past `maxChars`, which is skipped; without it such a line throws. */
  onTooLong?: (line: number, chars: number) => void;
}

/**
 * Splits text chunks into lines (`\n` or `\r\n`), a run per chunk so callers avoid per-line awaits.
 * A last line without `\n` is kept; an empty last line after a final `\n` is not a line. A line
 * past the limit is never held whole: its characters are dropped until its end.
 */
export async function* splitLines(
  source: ChunkSource,
  firstLine = 1,
  limit: LineLimit = {},
  stripBom = true
): AsyncGenerator<LineRun> {
  const maxChars = limit.maxChars ?? MAX_RECORD_CHARS;
  let carry = '';
  let lineNumber = firstLine;
  let skipped = -1; // characters of a too-long line dropped so far; -1 when not skipping one
  for await (const text of decodeText(source, stripBom)) {
    let start = 0;
    if (skipped >= 0) {
      const end = text.indexOf('\n');
      if (end < 0) {
        skipped += text.length;
        continue;
      }
      limit.onTooLong!(lineNumber++, skipped + end);
      skipped = -1;
      start = end + 1;
    }
    let lines: string[] = [];
    let data = carry + text.slice(start);
    start = 0;
    let end = data.indexOf('\n', start);
    while (end >= 0) {
      if (end - start > maxChars) {
        // A whole line past the limit within the chunk: the lines before it go first.
        if (lines.length > 0) {
          yield { lines, firstLine: lineNumber };
          lineNumber += lines.length;
          lines = [];
        }
        tooLong(limit, lineNumber++, end - start, maxChars);
      } else {
        lines.push(stripCr(data.slice(start, end)));
      }
      start = end + 1;
      end = data.indexOf('\n', start);
    }
    carry = data.slice(start);
    data = '';
    if (carry.length > maxChars) {
      if (!limit.onTooLong) {
        throw new RecordTooLongError(lineNumber + lines.length, maxChars);
      }
      skipped = carry.length;
      carry = '';
    }
    if (lines.length > 0) {
      yield { lines, firstLine: lineNumber };
      lineNumber += lines.length;
    }
  }
  if (skipped >= 0) {
    limit.onTooLong!(lineNumber, skipped);
  } else if (carry.length > 0) {
    yield { lines: [stripCr(carry)], firstLine: lineNumber };
  }
}

function tooLong(limit: LineLimit, line: number, chars: number, maxChars: number): void {
  if (!limit.onTooLong) {
    throw new RecordTooLongError(line, maxChars);
  }
  limit.onTooLong(line, chars);
}

export function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
