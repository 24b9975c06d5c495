import { TranslationBundle } from '@jupyterlab/translation';

import { ReportedDiagnostic } from '../api/captures';
import { cell, element } from './dom';
import { formatCount } from './format';

/**
 * Problems found in input files, one row each: file, line, kind and the engine's reason. The
 * counts line says how many there were of each kind (the examples are only the first ones).
 */
export function diagnosticsSection(
  counts: Record<string, number>,
  examples: ReportedDiagnostic[],
  trans: TranslationBundle,
  openAt?: (diagnostic: ReportedDiagnostic) => void
): HTMLElement {
  const section = element('div', { className: 'jp-ModelMonitor-diagnostics' });
  const kinds = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (kinds.length === 0 && examples.length === 0) {
    section.append(
      element('p', { className: 'jp-ModelMonitor-message', text: trans.__('No problems found.') })
    );
    return section;
  }
  const total = kinds.reduce((sum, [, n]) => sum + n, 0);
  section.append(
    element('p', {
      className: 'jp-ModelMonitor-diagnosticCounts',
      text: kinds.map(([kind, n]) => `${kind}: ${formatCount(n)}`).join(' · ')
    })
  );
  if (total > examples.length) {
    section.append(
      element('p', {
        className: 'jp-ModelMonitor-help',
        text: trans.__('The first %1 of %2 problems:', examples.length, formatCount(total))
      })
    );
  }
  const head = element('tr', {}, [
    element('th', { text: trans.__('File') }),
    element('th', { text: trans.__('Line') }),
    element('th', { text: trans.__('Problem') }),
    element('th', { text: trans.__('Reason') })
  ]);
  const rows = examples.map(d =>
    element('tr', { attributes: { 'data-kind': d.kind } }, [
      fileCell(d, trans, openAt),
      cell(d.line === null || d.line === undefined ? '' : String(d.line), true),
      element('td', { className: 'jp-ModelMonitor-diagnosticKind', text: d.kind }),
      cell([d.field, d.message].filter(Boolean).join(': '))
    ])
  );
  section.append(
    element('table', { className: 'jp-ModelMonitor-table jp-ModelMonitor-diagnosticsTable' }, [
      element('thead', {}, [head]),
      element('tbody', {}, rows)
    ])
  );
  return section;
}

/** The file's name; a button that opens it at the line when the caller can open files. */
function fileCell(
  diagnostic: ReportedDiagnostic,
  trans: TranslationBundle,
  openAt?: (diagnostic: ReportedDiagnostic) => void
): HTMLTableCellElement {
  const file = diagnostic.file ?? '';
  const td = element('td', { className: 'jp-ModelMonitor-diagnosticFile', title: file });
  if (!openAt || !file) {
    td.textContent = file;
    return td;
  }
  const button = element('button', {
    className: 'jp-ModelMonitor-linkButton',
    text: file,
    title: trans.__('Open %1 at line %2', file, diagnostic.line ?? 1),
    attributes: { type: 'button' }
  });
  button.addEventListener('click', () => openAt(diagnostic));
  td.append(button);
  return td;
}
