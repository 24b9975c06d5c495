/**
 * Capture lines into CSV rows, over bytes: a line in the exact shape SageMaker writes
 * (`io/captureEnvelope.ts`'s template, every string ASCII and free of escapes), with both sides CSV
 * in the same spelling, one-line payloads of the batch's widths and no template time, becomes the
 * CSV row `output,input` that `io/captureRecord.ts` would give, written in place over the lines
 * already read. The rows are then scanned by `scan` like any CSV.
 *
 * The scan stops, for the JavaScript reader, at the first line it does not take (any other shape,
 * a blank line, non-ASCII bytes, a line over `maxChars`, a wider or narrower payload): that line is
 * read the text way, so every problem is reported as the text way reports it.
 */
import { BATCH_FULL, INPUT_END, NEED_MORE, SPECIAL_LINE } from './scanStops';

const NEWLINE: u8 = 10;
const CR: u8 = 13;
const QUOTE: u8 = 34;
const COMMA: u8 = 44;
const BACKSLASH: u8 = 92;

/** Bytes consumed, lines consumed, stop reason, bytes of rows written. */
const status = memory.data(16, 8);

/** Where an output payload goes while the input payload moves, when the two would overlap. */
const SCRATCH_BYTES = 16384;
const scratch = memory.data(SCRATCH_BYTES, 8);

const INPUT_SIDE = '{"captureData":{"endpointInput":{"observedContentType":';
const OUTPUT_SIDE = '},"endpointOutput":{"observedContentType":';
const MODE = ',"mode":';
const DATA = ',"data":';
const ENCODING = ',"encoding":';
const EVENT_ID = '}},"eventMetadata":{"eventId":';
const INFERENCE_ID = ',"inferenceId":';
const INFERENCE_TIME = ',"inferenceTime":';
const EVENT_VERSION = '},"eventVersion":';
const END = '}';
const NULL = 'null';

export function captureStatusStart(): usize {
  return status;
}

/**
 * The strings a matched line's row needs, as byte bounds into the input (globals, not objects: the
 * host owns all memory from `heapStart` on). `text` notes each string it reads in the `last` ones.
 */
let lastStart: i32 = 0;
let lastEnd: i32 = 0;
let lastCommas: i32 = 0;
let inputStart: i32 = 0;
let inputEnd: i32 = 0;
let inputCommas: i32 = 0;
let inputEncodingStart: i32 = 0;
let outputStart: i32 = 0;
let outputEnd: i32 = 0;
let outputCommas: i32 = 0;
let outputEncodingStart: i32 = 0;
let timeStart: i32 = 0;
let timeEnd: i32 = 0;

/**
 * Rewrites the capture lines of `input[0, length)` as CSV rows from `input[0]` on, until `maxRows`
 * rows, a line it does not take, or the end of the complete lines (`eof`: a last line without
 * `\n` is a line too). Returns the rows written; the status says how far it read, why it stopped
 * and how many bytes of rows it wrote.
 */
export function captureRows(
  input: usize,
  length: i32,
  eof: bool,
  maxRows: i32,
  outputWidth: i32,
  inputWidth: i32,
  maxChars: i32
): i32 {
  let pos = 0;
  let written = 0;
  let rows = 0;
  let reason = INPUT_END;
  while (pos < length) {
    if (rows === maxRows) {
      reason = BATCH_FULL;
      break;
    }
    const lineEnd = newlineAt(input, pos, length);
    if (lineEnd === length && !eof) {
      reason = NEED_MORE;
      break;
    }
    if (lineEnd - pos > maxChars) {
      reason = SPECIAL_LINE;
      break;
    }
    const stop = lineEnd > pos && load<u8>(input + lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
    if (!matchEnvelope(input, pos, stop) || !takesSides(input, outputWidth, inputWidth)) {
      reason = SPECIAL_LINE;
      break;
    }
    if (!writeRow(input, written)) {
      reason = SPECIAL_LINE;
      break;
    }
    written += outputEnd - outputStart + inputEnd - inputStart + 2;
    rows++;
    pos = lineEnd + 1;
  }
  store<i32>(status, min(pos, length));
  store<i32>(status, rows, 4);
  store<i32>(status, reason, 8);
  store<i32>(status, written, 12);
  return rows;
}

const ONES: u64 = 0x0101010101010101;
const HIGHS: u64 = 0x8080808080808080;

/** The first `\n` at or after `pos`, or `length`; eight bytes at a time. */
function newlineAt(input: usize, pos: i32, length: i32): i32 {
  let i = pos;
  for (; i + 8 <= length; i += 8) {
    const x = load<u64>(input + i) ^ (ONES * NEWLINE);
    if (((x - ONES) & ~x & HIGHS) !== 0) {
      break;
    }
  }
  while (i < length && load<u8>(input + i) !== NEWLINE) {
    i++;
  }
  return i;
}

/** Whether the line's sides are what the rows need: CSV alike, non-empty, of the batch's widths. */
function takesSides(input: usize, outputWidth: i32, inputWidth: i32): bool {
  return (
    outputEnd > outputStart &&
    inputEnd > inputStart &&
    outputCommas + 1 === outputWidth &&
    inputCommas + 1 === inputWidth &&
    isCsv(input + outputEncodingStart) &&
    memory.compare(input + outputEncodingStart, input + inputEncodingStart, 3) === 0 &&
    !hasTemplateTime(input)
  );
}

/**
 * Writes `output,input\n` at `to`, which is never after the line's start (a row is shorter than its
 * line). The input payload lies before the output payload in the line; moving it may cover the
 * output payload, which then waits in the scratch area. False when it would not fit there.
 */
function writeRow(input: usize, to: i32): bool {
  const outputLength = outputEnd - outputStart;
  const inputLength = inputEnd - inputStart;
  const inputTo = to + outputLength + 1;
  const overlaps = inputTo + inputLength > outputStart;
  if (overlaps && outputLength > SCRATCH_BYTES) {
    return false;
  }
  let outputFrom = input + outputStart;
  if (overlaps) {
    memory.copy(scratch, outputFrom, outputLength);
    outputFrom = scratch;
  }
  memory.copy(input + inputTo, input + inputStart, inputLength);
  memory.copy(input + to, outputFrom, outputLength);
  store<u8>(input + inputTo - 1, COMMA);
  store<u8>(input + inputTo + inputLength, NEWLINE);
  return true;
}

/** Matches `input[pos, end)` against the envelope template, noting the strings the rows need. */
function matchEnvelope(input: usize, pos: i32, end: i32): bool {
  let p = literal(input, pos, end, INPUT_SIDE);
  p = payload(input, p, end);
  inputStart = lastStart;
  inputEnd = lastEnd;
  inputCommas = lastCommas;
  inputEncodingStart = encodingStart;
  p = literal(input, p, end, OUTPUT_SIDE);
  p = payload(input, p, end);
  outputStart = lastStart;
  outputEnd = lastEnd;
  outputCommas = lastCommas;
  outputEncodingStart = encodingStart;
  p = literal(input, p, end, EVENT_ID);
  p = text(input, p, end);
  const withId = literal(input, p, end, INFERENCE_ID);
  if (withId >= 0) {
    p = text(input, withId, end);
  }
  p = literal(input, p, end, INFERENCE_TIME);
  p = text(input, p, end);
  timeStart = lastStart;
  timeEnd = lastEnd;
  p = literal(input, p, end, EVENT_VERSION);
  p = text(input, p, end);
  p = literal(input, p, end, END);
  return p === end;
}

/** Where the payload's encoding starts; only a 3-byte encoding (`CSV`) is noted. */
let encodingStart: i32 = 0;

/**
 * `"observedContentType":…,"mode":…,"data":…,"encoding":…` after the content type's key; leaves
 * the data's bounds in the `last` globals and the encoding's start in `encodingStart`.
 */
function payload(input: usize, pos: i32, end: i32): i32 {
  let p = literal(input, pos, end, NULL);
  if (p < 0) {
    p = text(input, pos, end);
  }
  p = literal(input, p, end, MODE);
  p = text(input, p, end);
  p = literal(input, p, end, DATA);
  p = text(input, p, end);
  const dataStart = lastStart;
  const dataEnd = lastEnd;
  const dataCommas = lastCommas;
  p = literal(input, p, end, ENCODING);
  p = text(input, p, end);
  encodingStart = lastEnd - lastStart === 3 ? lastStart : -1;
  lastStart = dataStart;
  lastEnd = dataEnd;
  lastCommas = dataCommas;
  return encodingStart < 0 ? -1 : p;
}

/** The position after `expected` if the bytes at `pos` spell it, else -1 (also for `pos` -1). */
function literal(input: usize, pos: i32, end: i32, expected: string): i32 {
  const length = expected.length;
  if (pos < 0 || pos + length > end) {
    return -1;
  }
  for (let i = 0; i < length; i++) {
    if (<u32>load<u8>(input + pos + i) !== <u32>expected.charCodeAt(i)) {
      return -1;
    }
  }
  return pos + length;
}

/**
 * A JSON string at `pos` whose characters are its bytes: ASCII with no quote inside, no backslash
 * and no control character. Notes its bounds and commas in the `last` globals; returns the
 * position after it, or -1. Sixteen bytes at a time, as bit masks of the bytes that end or refuse
 * the string and of the commas.
 */
function text(input: usize, pos: i32, end: i32): i32 {
  if (pos < 0 || pos >= end || load<u8>(input + pos) !== QUOTE) {
    return -1;
  }
  let commas = 0;
  let i = pos + 1;
  for (; i + 16 <= end; i += 16) {
    const bytes = v128.load(input + i);
    const stops = i8x16.bitmask(
      v128.or(
        v128.or(i8x16.eq(bytes, i8x16.splat(QUOTE)), i8x16.eq(bytes, i8x16.splat(BACKSLASH))),
        v128.or(i8x16.lt_u(bytes, i8x16.splat(0x20)), i8x16.ge_u(bytes, i8x16.splat(<i8>0x80)))
      )
    );
    const commaBits = i8x16.bitmask(i8x16.eq(bytes, i8x16.splat(COMMA)));
    if (stops !== 0) {
      const at = ctz(stops);
      if (load<u8>(input + i + at) !== QUOTE) {
        return -1;
      }
      return textEnd(pos, i + at, commas + popcnt(commaBits & ((1 << at) - 1)));
    }
    commas += popcnt(commaBits);
  }
  for (; i < end; i++) {
    const c = load<u8>(input + i);
    if (c === QUOTE) {
      return textEnd(pos, i, commas);
    }
    if (c < 0x20 || c >= 0x80 || c === BACKSLASH) {
      return -1;
    }
    if (c === COMMA) {
      commas++;
    }
  }
  return -1;
}

/** Notes the string from `pos` to its closing quote at `quote`; the position after it. */
function textEnd(pos: i32, quote: i32, commas: i32): i32 {
  lastStart = pos + 1;
  lastEnd = quote;
  lastCommas = commas;
  return quote + 1;
}

/** `CSV` in any case (the text way's rule, over ASCII). */
function isCsv(at: usize): bool {
  return (
    (load<u8>(at) | 0x20) === 0x63 &&
    (load<u8>(at + 1) | 0x20) === 0x73 &&
    (load<u8>(at + 2) | 0x20) === 0x76
  );
}

/** Whether inferenceTime holds the SDK's template `{%s}` (the text way warns about it). */
function hasTemplateTime(input: usize): bool {
  for (let i = timeStart; i + 4 <= timeEnd; i++) {
    if (load<u32>(input + i) === 0x7d73257b) {
      return true;
    }
  }
  return false;
}
