import { FileHandle } from 'fs/promises';

/**
 * A file handle for apache-arrow's random-access reader that refuses the reads corrupt Arrow makes.
 * apache-arrow seeks to positions taken from the file's own bytes: a corrupt negative length
 * gives a negative position, which Node reads as "the current position", and at the end of the
 * file its read loop gets 0 bytes forever (test/badinput/arrow-mutated-hang.arrows).
 */
export function guardedFileHandle(handle: FileHandle) {
  return {
    fd: handle.fd,
    stat: () => handle.stat(),
    close: () => handle.close(),
    read: async (buffer: Uint8Array, offset: number, length: number, position: number) => {
      if (!Number.isSafeInteger(position) || position < 0) {
        throw new Error(`corrupt offset or length (read at byte ${position})`);
      }
      const result = await handle.read(buffer, offset, length, position);
      if (result.bytesRead === 0 && length > 0) {
        throw new Error(`corrupt offset or length (read past the end at byte ${position})`);
      }
      return result;
    }
  };
}
