import { ChunkSource, decodeText } from '../io/chunks';
import { MAX_RECORD_CHARS, RecordTooLongError } from '../io/readLimits';

/** One top-level JSON value's text and the line it starts on. */
export interface JsonText {
  text: string;
  line: number;
}

/**
 * Splits a stream into top-level JSON objects by brace depth, so JSON lines, spaced JSON and
 * objects pretty-printed over several lines all read the same way. Text outside objects (blank
 * lines, stray characters) is returned as its own value so the caller can report it.
 */
export async function* jsonObjects(source: ChunkSource): AsyncGenerator<JsonText> {
  const state = { depth: 0, inString: false, escaped: false, line: 1 };
  let current = '';
  let startLine = 1;
  for await (const text of decodeText(source)) {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (state.depth === 0 && c === '{') {
        const stray = (current + text.slice(start, i)).trim();
        if (stray) {
          yield { text: stray, line: startLine };
        }
        current = '';
        start = i;
        startLine = state.line;
      }
      if (step(state, c) && state.depth === 0) {
        yield { text: current + text.slice(start, i + 1), line: startLine };
        current = '';
        start = i + 1;
        startLine = state.line;
      }
    }
    current += text.slice(start);
    if (current.length > MAX_RECORD_CHARS) {
      throw new RecordTooLongError(startLine);
    }
  }
  if (current.trim()) {
    yield { text: current.trim(), line: startLine };
  }
}

/** Advances the scanner by one character; true when it closes an object. */
function step(
  state: { depth: number; inString: boolean; escaped: boolean; line: number },
  c: string
): boolean {
  if (c === '\n') {
    state.line++;
  }
  if (state.inString) {
    if (state.escaped) {
      state.escaped = false;
    } else if (c === '\\') {
      state.escaped = true;
    } else if (c === '"') {
      state.inString = false;
    }
    return false;
  }
  if (c === '"') {
    state.inString = state.depth > 0;
  } else if (c === '{') {
    state.depth++;
  } else if (c === '}' && state.depth > 0) {
    state.depth--;
    return state.depth === 0;
  }
  return false;
}
