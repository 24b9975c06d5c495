import { DocumentWidget } from '@jupyterlab/docregistry';

import { resultTabLabel } from '../models/resultTabLabel';

/**
 * Labels a result document's tab with its run or baseline (models/resultTabLabel.ts), now and
 * whenever the file moves. JupyterLab renames a document when its tab label is edited, by
 * following `title.changed`; that link is cut first, or the label would rename the file. Where it
 * cannot be cut (another JupyterLab), the tab keeps the file name.
 */
export function labelWithRun(widget: DocumentWidget): void {
  const renameOnTitleChange = (widget as unknown as { _onTitleChanged?: unknown })._onTitleChanged;
  if (
    typeof renameOnTitleChange !== 'function' ||
    !widget.title.changed.disconnect(renameOnTitleChange as () => void, widget)
  ) {
    return;
  }
  const label = () => {
    widget.title.label = resultTabLabel(widget.context.localPath);
  };
  label();
  widget.context.pathChanged.connect(label);
}
