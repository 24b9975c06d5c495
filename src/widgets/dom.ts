/**
 * Small DOM builders. Text always goes in through textContent, never innerHTML: feature names,
 * categories and descriptions come from data files and must render as text.
 */
export interface ElementOptions {
  className?: string;
  text?: string;
  title?: string;
  attributes?: Record<string, string>;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: Node[] = []
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) {
    node.className = options.className;
  }
  if (options.text !== undefined) {
    node.textContent = options.text;
  }
  if (options.title) {
    node.title = options.title;
  }
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** A table cell with text; numeric cells align right. */
export function cell(text: string, numeric = false): HTMLTableCellElement {
  return element('td', {
    text,
    className: numeric ? 'jp-ModelMonitor-numeric' : undefined
  });
}
