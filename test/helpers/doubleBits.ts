/** The bytes of `values` (a view's own range): equal only when every double has the same bits. */
export function bitsOf(values: Float64Array): Uint8Array {
  return new Uint8Array(
    values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength)
  );
}
