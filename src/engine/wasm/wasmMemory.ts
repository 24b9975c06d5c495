/** WebAssembly memory grows by whole pages of 64 KiB. */
export const WASM_PAGE_BYTES = 65536;

/**
 * Grows `memory` by whole pages until it holds `end` bytes. Growing detaches its old buffer: views
 * made before must be made anew.
 */
export function growMemoryTo(memory: WebAssembly.Memory, end: number): void {
  const missing = end - memory.buffer.byteLength;
  if (missing > 0) {
    memory.grow(Math.ceil(missing / WASM_PAGE_BYTES));
  }
}
