/** The dataset formats the engine reads (FORMATS.md §2 `dataset_format`). */
export type DatasetFormat = 'csv' | 'json' | 'sagemaker_capture_json' | 'arrow';

export const DATASET_FORMATS: DatasetFormat[] = ['csv', 'json', 'sagemaker_capture_json', 'arrow'];

const ARROW_EXTENSIONS = ['.arrow', '.arrows', '.ipc', '.feather'];
const JSON_EXTENSIONS = ['.jsonl', '.json', '.ndjson', '.jsonlines'];

/**
 * Guesses a file's format from its name and first bytes: Arrow by magic or extension, CSV by
 * extension, JSON lines that hold `captureData` are captures. Null when nothing fits.
 */
export function detectFormat(fileName: string, head: string): DatasetFormat | null {
  const lower = fileName.toLowerCase();
  if (head.startsWith('ARROW1') || ARROW_EXTENSIONS.some(ext => lower.endsWith(ext))) {
    return 'arrow';
  }
  if (lower.endsWith('.csv') || lower.endsWith('.tsv')) {
    return 'csv';
  }
  const looksJson = head.trimStart().startsWith('{');
  if (looksJson || JSON_EXTENSIONS.some(ext => lower.endsWith(ext))) {
    return /"captureData"\s*:/.test(firstLine(head)) ? 'sagemaker_capture_json' : 'json';
  }
  return head.length > 0 ? 'csv' : null;
}

/** Accepts our names and SageMaker's `dataset_format` keys (`sagemakerCaptureJson`, `Csv`, …). */
export function parseDatasetFormat(text: string): DatasetFormat | null {
  const key = text.toLowerCase().replace(/[-_]/g, '');
  switch (key) {
    case 'csv':
      return 'csv';
    case 'json':
    case 'jsonl':
    case 'jsonlines':
      return 'json';
    case 'sagemakercapturejson':
    case 'capture':
      return 'sagemaker_capture_json';
    case 'arrow':
      return 'arrow';
    default:
      return null;
  }
}

function firstLine(head: string): string {
  const end = head.indexOf('\n');
  return end < 0 ? head : head.slice(0, end);
}
