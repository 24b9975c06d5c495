import { splitCsvLine } from '../io/csvParser';
import { headerNames } from '../io/headerNames';
import { InputPart } from '../pipeline/parts';
import { fileChunks } from './fileChunks';

const NEWLINE = 10;
const QUOTE = 34;
/** This pass only looks for bytes, so its chunks are large and share one buffer. */
const SCAN_CHUNK_BYTES = 4 << 20;

export interface SplitRequest {
  file: string;
  size: number;
  pieceBytes: number;
  csv: boolean;
  header: boolean;
}

/**
 * Cuts a line-based file into byte ranges that start at line boundaries, with their first line
 * numbers, in one pass. CSV with any `"` is not cut (a quoted field may hold a newline);
 * the ranges after the first of a CSV with header get the header's names.
 */
export async function splitFile(request: SplitRequest): Promise<InputPart[]> {
  const whole: InputPart[] = [{ file: request.file, bytes: request.size }];
  const cuts: { offset: number; line: number }[] = [];
  let headerBytes: Buffer[] = [];
  let headerDone = !request.csv;
  let offset = 0;
  let newlines = 0;
  let nextTarget = request.pieceBytes;
  for await (const chunk of fileChunks(request.file, {
    chunkBytes: SCAN_CHUNK_BYTES,
    reuse: true
  })) {
    const buffer = chunk as Buffer;
    if (request.csv && buffer.indexOf(QUOTE) >= 0) {
      return whole;
    }
    if (!headerDone) {
      const end = buffer.indexOf(NEWLINE);
      // A copy: the chunk's buffer is read into again.
      headerBytes.push(Buffer.from(end < 0 ? buffer : buffer.subarray(0, end)));
      headerDone = end >= 0;
    }
    for (let i = buffer.indexOf(NEWLINE); i >= 0; i = buffer.indexOf(NEWLINE, i + 1)) {
      newlines++;
      const cut = offset + i + 1;
      if (cut >= nextTarget && cut < request.size) {
        cuts.push({ offset: cut, line: newlines + 1 });
        nextTarget = cut + request.pieceBytes;
      }
    }
    offset += buffer.length;
  }
  if (cuts.length === 0) {
    return whole;
  }
  const header = request.header
    ? namesOfHeader(Buffer.concat(headerBytes).toString('utf8'))
    : undefined;
  headerBytes = [];
  const starts = [{ offset: 0, line: 1 }, ...cuts];
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].offset : request.size;
    return {
      file: request.file,
      start: start.offset,
      end,
      bytes: end - start.offset,
      firstLine: start.line,
      columnNames: i > 0 ? header : undefined
    };
  });
}

function namesOfHeader(line: string): string[] {
  const text = line.replace(/^\uFEFF/, '').replace(/\r$/, '');
  return headerNames(splitCsvLine(text));
}
