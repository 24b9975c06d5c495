import { element } from './dom';

/** Saves text as a file through the browser's download (nothing goes to the server). */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A toolbar button that exports something (`action` names it for tests and styles). */
export function exportButton(
  label: string,
  title: string,
  action: string,
  onClick: () => void
): HTMLButtonElement {
  const button = element('button', {
    className: 'jp-ModelMonitor-action jp-ModelMonitor-exportCsv',
    text: label,
    title,
    attributes: { type: 'button', 'data-action': action }
  });
  button.addEventListener('click', onClick);
  return button;
}

/** A toolbar button that saves the rows a table shows as CSV. */
export function exportCsvButton(
  label: string,
  title: string,
  make: () => { fileName: string; csv: string }
): HTMLButtonElement {
  return exportButton(label, title, 'export-csv', () => {
    const { fileName, csv } = make();
    downloadText(fileName, csv);
  });
}
