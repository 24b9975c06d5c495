import { JupyterFrontEnd } from '@jupyterlab/application';
import type { CodeEditor } from '@jupyterlab/codeeditor';
import type { IDocumentWidget } from '@jupyterlab/docregistry';

/** Opens a text file in Lab's editor with the cursor on `line` (1-based), e.g. a bad capture line. */
export async function openAtLine(
  app: JupyterFrontEnd,
  path: string,
  line: number | null
): Promise<void> {
  const widget = (await app.commands.execute('docmanager:open', {
    path,
    factory: 'Editor'
  })) as IDocumentWidget | undefined;
  if (!widget || line === null) {
    return;
  }
  await widget.context.ready;
  const editor = (widget.content as { editor?: CodeEditor.IEditor }).editor;
  if (editor) {
    const position = { line: Math.max(line - 1, 0), column: 0 };
    editor.setCursorPosition(position);
    editor.revealPosition(position);
    editor.focus();
  }
}
