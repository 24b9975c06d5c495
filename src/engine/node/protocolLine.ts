/** The longest string a progress line carries; longer names and messages are cut. */
export const MAX_PROTOCOL_STRING = 4096;

/**
 * One line of `--progress json`. Strings past MAX_PROTOCOL_STRING characters are cut, so a line
 * stays small whatever the data holds (a 17 MB column name in a diagnostic made a line longer than
 * the Jupyter server reads); the output files keep the full text.
 */
export function protocolLine(event: object): string {
  return JSON.stringify(event, cutLongStrings) + '\n';
}

/** A JSON.stringify replacer that cuts strings as protocol lines do (also the stdout summary). */
export function cutLongStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? cut(value) : value;
}

function cut(text: string): string {
  if (text.length <= MAX_PROTOCOL_STRING) {
    return text;
  }
  return `${text.slice(0, MAX_PROTOCOL_STRING)}… (${text.length} characters, cut)`;
}
