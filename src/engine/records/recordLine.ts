import { scanText, TextScan } from '../profile/textScan';
import { MatchedRecord } from './queryRecords';

/**
 * One JSON line of a record query's output: `_file`, `_line`, `_event_id`, then the row's cells by
 * column name. Cells of the baseline's numeric columns that read as numbers are JSON numbers (so
 * `pandas.read_json(lines=True, dtype=False)` gives numeric columns); every other cell is its text
 * as read, and a missing cell is null. Integers beyond 2^53 and numbers beyond a double's range
 * stay text, where a JSON number would change them.
 */
export function recordLine(record: MatchedRecord, numericColumns: Set<string>): string {
  const row: Record<string, string | number | null> = {
    _file: record.file,
    _line: record.line,
    _event_id: record.eventId
  };
  const scan: TextScan = { type: 'string', value: NaN };
  for (const [name, text] of record.cells) {
    row[name] = text !== null && numericColumns.has(name) ? numberOrText(text, scan) : text;
  }
  return JSON.stringify(row);
}

function numberOrText(text: string, scan: TextScan): string | number {
  scanText(text, scan);
  const exact =
    (scan.type === 'integral' && Number.isSafeInteger(scan.value)) ||
    (scan.type === 'fractional' && isFinite(scan.value));
  return exact ? scan.value : text;
}
