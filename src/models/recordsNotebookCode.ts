import { PathExt } from '@jupyterlab/coreutils';

/**
 * The cell "Open in notebook" inserts: loads exactly the listed rows (the query's JSON-lines file)
 * into a pandas DataFrame. The path is relative to the notebook's folder, where its kernel starts.
 * `dtype=False` keeps text cells as text; the baseline's numeric columns are JSON numbers already.
 */
export function recordsNotebookCode(
  resultsFile: string,
  notebookPath: string,
  description: string
): string {
  // Rooted at '/', so the result does not depend on the process's working folder.
  const relative = PathExt.relative(`/${PathExt.dirname(notebookPath)}`, `/${resultsFile}`);
  return [
    'import pandas as pd',
    '',
    `# ${description.replace(/\s+/g, ' ')}`,
    '# Columns: _file, _line and _event_id say where each row is; then every feature.',
    `records = pd.read_json(${pythonString(relative)}, lines=True, dtype=False)`,
    'records'
  ].join('\n');
}

/** A Python string literal of `text` (JSON's escapes are Python's for these characters). */
function pythonString(text: string): string {
  return JSON.stringify(text);
}
