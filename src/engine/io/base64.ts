const BASE64 = /^[A-Za-z0-9+/]*(={0,2})$/;

/** Decodes standard base64 (whitespace ignored) to bytes; null when the text is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const compact = text.replace(/\s+/g, '');
  const match = BASE64.exec(compact);
  // atob's rules: unpadded text may not be 1 mod 4 long; padded text must be a multiple of 4.
  const padded = match !== null && match[1].length > 0;
  if (match === null || compact.length % 4 === 1 || (padded && compact.length % 4 !== 0)) {
    return null;
  }
  let binary: string;
  try {
    binary = atob(compact);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}
