/**
 * An RFC 4180 CSV tokenizer that takes text in chunks of any size and gives the same records
 * whatever the chunk boundaries. Empty fields are null (missing), quoted (`""`) or not, as Spark's
 * CSV reader reads them (its `nullValue` is the empty string; docs/deequ-agreement.md). Blank
 * lines give no record. Lines end with `\n` or `\r\n`.
 */
import { MAX_RECORD_CHARS, RecordTooLongError } from './readLimits';

export interface CsvRecord {
  fields: (string | null)[];
  /** 1-based line on which the record starts. */
  line: number;
}

export interface CsvProblem {
  line: number;
  message: string;
}

const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;
const CR = 13;

interface Parsed {
  fields: (string | null)[];
  next: number;
  newlines: number;
  blank: boolean;
  problem?: string;
}

export class CsvParser {
  private carry = '';
  private line: number;

  constructor(
    private readonly onRecord: (record: CsvRecord) => void,
    private readonly onProblem: (problem: CsvProblem) => void,
    firstLine = 1,
    private readonly maxChars = MAX_RECORD_CHARS
  ) {
    this.line = firstLine;
  }

  push(text: string): void {
    this.consume(this.carry + text, false);
  }

  end(): void {
    this.consume(this.carry, true);
    this.carry = '';
  }

  private consume(text: string, eof: boolean): void {
    let pos = 0;
    let nextQuote = text.indexOf('"');
    while (pos < text.length) {
      const lineEnd = text.indexOf('\n', pos);
      if (nextQuote >= 0 && nextQuote < pos) {
        nextQuote = text.indexOf('"', pos);
      }
      if (lineEnd >= 0 && (nextQuote < 0 || nextQuote > lineEnd)) {
        // A whole line without quotes: split it at once.
        const fields = unquotedFields(text, pos, lineEnd);
        if (fields) {
          this.onRecord({ fields, line: this.line });
        }
        this.line++;
        pos = lineEnd + 1;
        continue;
      }
      const parsed = parseRecord(text, pos, eof);
      if (!parsed) {
        break;
      }
      if (parsed.problem) {
        this.onProblem({ line: this.line, message: parsed.problem });
      } else if (!parsed.blank) {
        this.onRecord({ fields: parsed.fields, line: this.line });
      }
      this.line += parsed.newlines;
      pos = parsed.next;
    }
    this.carry = text.slice(pos);
    if (this.carry.length > this.maxChars) {
      throw new RecordTooLongError(this.line, this.maxChars);
    }
  }
}

/**
 * The fields of the quote-free line s[start, end) (`end` at its `\n`), as parseRecord gives them:
 * empty fields are null, a `\r` before the `\n` is dropped; null for a blank line.
 */
function unquotedFields(s: string, start: number, end: number): (string | null)[] | null {
  const stop = end > start && s.charCodeAt(end - 1) === CR ? end - 1 : end;
  if (stop === start) {
    return null;
  }
  return splitUnquoted(s.slice(start, stop));
}

/** Fields of a line holding no quote: one array, empty fields written as null in place. */
function splitUnquoted(line: string): (string | null)[] {
  const fields: (string | null)[] = line.split(',');
  for (let i = 0; i < fields.length; i++) {
    if (fields[i] === '') {
      fields[i] = null;
    }
  }
  return fields;
}

/** Parses one record at `start`; null when the text ends before the record does (and more may come). */
function parseRecord(s: string, start: number, eof: boolean): Parsed | null {
  const fields: (string | null)[] = [];
  let i = start;
  let newlines = 0;
  for (;;) {
    let value: string | null;
    if (s.charCodeAt(i) === QUOTE) {
      const quoted = parseQuoted(s, i, eof);
      if (!quoted) {
        return null;
      }
      if (quoted.unclosed) {
        return {
          fields,
          next: s.length,
          newlines: quoted.newlines,
          blank: false,
          problem: 'unclosed quote'
        };
      }
      value = quoted.value;
      newlines += quoted.newlines;
      i = quoted.next;
      // Text after a closing quote (`"a"b`) is kept, as lenient readers do.
      const tail = scanUnquoted(s, i);
      if (tail > i) {
        value += stripCr(s.slice(i, tail), s, tail);
        i = tail;
      }
      if (value.length === 0) {
        value = null;
      }
    } else {
      const end = scanUnquoted(s, i);
      const raw = stripCr(s.slice(i, end), s, end);
      value = raw.length === 0 ? null : raw;
      i = end;
    }
    fields.push(value);
    if (i >= s.length) {
      if (!eof) {
        return null;
      }
      return { fields, next: i, newlines: newlines + 1, blank: isBlank(fields, s, start, i) };
    }
    if (s.charCodeAt(i) === NEWLINE) {
      return { fields, next: i + 1, newlines: newlines + 1, blank: isBlank(fields, s, start, i) };
    }
    i++; // the comma
  }
}

function scanUnquoted(s: string, i: number): number {
  let j = i;
  const n = s.length;
  while (j < n) {
    const c = s.charCodeAt(j);
    if (c === COMMA || c === NEWLINE) {
      break;
    }
    j++;
  }
  return j;
}

/** Drops the `\r` of a `\r\n` line end from a field that ends the line. */
function stripCr(raw: string, s: string, end: number): string {
  const atLineEnd = end >= s.length || s.charCodeAt(end) === NEWLINE;
  return atLineEnd && raw.charCodeAt(raw.length - 1) === CR ? raw.slice(0, -1) : raw;
}

function isBlank(fields: (string | null)[], s: string, start: number, end: number): boolean {
  if (fields.length !== 1 || fields[0] !== null) {
    return false;
  }
  const raw = s.slice(start, end);
  return raw === '' || raw === '\r';
}

interface Quoted {
  value: string;
  next: number;
  newlines: number;
  unclosed: boolean;
}

function parseQuoted(s: string, start: number, eof: boolean): Quoted | null {
  let value = '';
  let j = start + 1;
  for (;;) {
    const k = s.indexOf('"', j);
    if (k < 0) {
      if (!eof) {
        return null;
      }
      return { value, next: s.length, newlines: countNewlines(s, start, s.length), unclosed: true };
    }
    value += s.slice(j, k);
    if (k + 1 >= s.length && !eof) {
      return null; // might be the first half of an escaped `""`
    }
    if (s.charCodeAt(k + 1) === QUOTE) {
      value += '"';
      j = k + 2;
      continue;
    }
    return { value, next: k + 1, newlines: countNewlines(s, start, k), unclosed: false };
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) {
    n++;
  }
  return n;
}

/** Splits one CSV line (a capture payload line) into fields, honouring quotes. */
export function splitCsvLine(line: string): (string | null)[] {
  if (line.indexOf('"') < 0) {
    return splitUnquoted(line);
  }
  const parsed = parseRecord(line, 0, true);
  return parsed ? parsed.fields : [line];
}
