import { ChunkSource, decodeText } from './chunks';
import { MAX_RECORD_CHARS, RecordTooLongError } from './readLimits';

/** A run of complete lines: `lines[i]` is line number `firstLine + i` (1-based) of its file. */
export interface LineRun {
  lines: string[];
  firstLine: number;
}

/**
 * Splits text chunks into lines (`\n` or `\r\n`), a run per chunk so callers avoid per-line awaits.
 * A last line without `\n` is kept; an empty last line after a final `\n` is not a line.
 */
export async function* splitLines(source: ChunkSource, firstLine = 1): AsyncGenerator<LineRun> {
  let carry = '';
  let lineNumber = firstLine;
  for await (const text of decodeText(source)) {
    const lines: string[] = [];
    let start = 0;
    let data = carry + text;
    let end = data.indexOf('\n', start);
    while (end >= 0) {
      lines.push(stripCr(data.slice(start, end)));
      start = end + 1;
      end = data.indexOf('\n', start);
    }
    carry = data.slice(start);
    data = '';
    if (carry.length > MAX_RECORD_CHARS) {
      throw new RecordTooLongError(lineNumber + lines.length);
    }
    if (lines.length > 0) {
      yield { lines, firstLine: lineNumber };
      lineNumber += lines.length;
    }
  }
  if (carry.length > 0) {
    yield { lines: [stripCr(carry)], firstLine: lineNumber };
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
