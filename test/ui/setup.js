/* global window, MouseEvent, Element, setTimeout, clearTimeout */
// jsdom lacks a few browser APIs that Lumino and JupyterLab widgets use.
if (typeof window.ResizeObserver === 'undefined') {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
if (typeof window.matchMedia === 'undefined') {
  window.matchMedia = query => ({
    matches: false,
    media: query,
    addEventListener() {},
    removeEventListener() {},
    addListener() {},
    removeListener() {}
  });
}
if (typeof window.DragEvent === 'undefined') {
  // @lumino/dragdrop subclasses DragEvent when it loads.
  window.DragEvent = class DragEvent extends MouseEvent {
    constructor(type, init = {}) {
      super(type, init);
      this.dataTransfer = init.dataTransfer ?? null;
    }
  };
}
if (typeof globalThis.structuredClone === 'undefined') {
  // jsdom hides Node's structuredClone; vega-lite clones its config with it.
  const v8 = require('v8');
  globalThis.structuredClone = value => v8.deserialize(v8.serialize(value));
}
if (typeof window.requestIdleCallback === 'undefined') {
  // ReactWidget (a dialog's header) renders when the browser is idle.
  window.requestIdleCallback = callback => setTimeout(() => callback({ timeRemaining: () => 50 }));
  window.cancelIdleCallback = id => clearTimeout(id);
}
if (typeof Element.prototype.scrollIntoView === 'undefined') {
  // The forms bring their first error into view.
  Element.prototype.scrollIntoView = () => undefined;
}
