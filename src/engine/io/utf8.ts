/**
 * Streaming UTF-8 decoding that marks invalid bytes instead of hiding them. TextDecoder's
 * replacement U+FFFD cannot be told from a U+FFFD in the input, so each invalid byte becomes
 * INVALID_UTF8, a lone surrogate: no valid UTF-8 decodes to one. Readers reject records holding it.
 */
import { concatBytes } from './bytes';

export const INVALID_UTF8 = '\udfff';

export const INVALID_UTF8_MESSAGE = 'invalid UTF-8 bytes';

/**
 * The marker alone: U+DFFF is also the second half of every valid pair for U+xxxFF at the end of a
 * 1024 block (U+1F3FF, the darkest skin-tone modifier, is one), which is not a marker.
 */
const LONE_MARKER = /(?<![\ud800-\udbff])\udfff/;

export function hasInvalidUtf8(text: string): boolean {
  return text.includes(INVALID_UTF8) && LONE_MARKER.test(text);
}

export class Utf8Decoder {
  private readonly fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The bytes of a character cut at the end of the last chunk. */
  private carry = new Uint8Array(0);

  decode(chunk: Uint8Array): string {
    const bytes = concatBytes([this.carry, chunk]);
    const cut = completeLength(bytes);
    this.carry = bytes.slice(cut);
    return this.decodeWhole(bytes.subarray(0, cut));
  }

  /** What is left: a character cut short by the end of input is invalid. */
  end(): string {
    const rest = this.carry;
    this.carry = new Uint8Array(0);
    return this.decodeWhole(rest);
  }

  private decodeWhole(bytes: Uint8Array): string {
    try {
      return this.fatal.decode(bytes);
    } catch {
      return this.decodeMarking(bytes);
    }
  }

  private decodeMarking(bytes: Uint8Array): string {
    let text = '';
    let runStart = 0;
    let i = 0;
    while (i < bytes.length) {
      const length = validSequenceLength(bytes, i);
      if (length > 0) {
        i += length;
        continue;
      }
      text += this.fatal.decode(bytes.subarray(runStart, i)) + INVALID_UTF8;
      runStart = ++i;
    }
    return text + this.fatal.decode(bytes.subarray(runStart));
  }
}

/** Length of `bytes` without a multi-byte character cut at its end. */
function completeLength(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0 && i >= bytes.length - 3; i--) {
    const byte = bytes[i];
    if (byte < 0x80) {
      return bytes.length;
    }
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return bytes.length - i < needed ? i : bytes.length;
    }
  }
  return bytes.length;
}

/** Bytes in the valid UTF-8 character at `i` (RFC 3629 table 3-7), 0 when it is not valid. */
function validSequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i];
  if (lead < 0x80) {
    return 1;
  }
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    low = lead === 0xe0 ? 0xa0 : 0x80;
    high = lead === 0xed ? 0x9f : 0xbf;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    low = lead === 0xf0 ? 0x90 : 0x80;
    high = lead === 0xf4 ? 0x8f : 0xbf;
  } else {
    return 0;
  }
  if (i + length > bytes.length || bytes[i + 1] < low || bytes[i + 1] > high) {
    return 0;
  }
  for (let k = 2; k < length; k++) {
    if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) {
      return 0;
    }
  }
  return length;
}
