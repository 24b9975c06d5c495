import { ArrowMetadataError, checkFooter, checkMessage } from './arrowIpcMetadata';
import { concatBytes } from './bytes';

/**
 * Validates Arrow IPC messages before apache-arrow decodes them (see arrowIpcMetadata): streams
 * message by message as their bytes arrive, files through their footer read by position. Throws
 * ArrowMetadataError on corrupt input.
 */

const CONTINUATION = 0xffffffff;
/** "ARROW1" plus padding, before the first message of a file. */
const FILE_HEAD_BYTES = 8;
/** The footer length (int32) and "ARROW1" that end a file. */
const FILE_TAIL_BYTES = 10;

/** Reads `length` bytes at `position`; fewer only at the end of the input. */
export type ReadAt = (position: number, length: number) => Promise<Uint8Array>;

/**
 * Passes a stream's bytes through, holding back each message's metadata until it is checked, and
 * fails on a message cut short by the end of the input.
 */
export async function* guardArrowStream(
  chunks: AsyncIterable<Uint8Array>
): AsyncGenerator<Uint8Array> {
  let held: Uint8Array = new Uint8Array(0);
  /** Bytes of `held` already walked; all of them may be passed on. */
  let walked = 0;
  let bodyLeft = 0;
  let ended = false;
  for await (const chunk of chunks) {
    if (ended) {
      continue;
    }
    held = concatBytes([held, chunk]);
    for (;;) {
      if (bodyLeft > 0) {
        const take = Math.min(bodyLeft, held.length - walked);
        walked += take;
        bodyLeft -= take;
        if (bodyLeft > 0) {
          break;
        }
      }
      const prefix = readPrefix(held, walked);
      if (!prefix || held.length < walked + prefix.size + prefix.metadataLength) {
        break;
      }
      if (prefix.metadataLength === 0) {
        walked += prefix.size;
        ended = true;
        break;
      }
      const start = walked + prefix.size;
      bodyLeft = checkMessage(held.subarray(start, start + prefix.metadataLength));
      walked = start + prefix.metadataLength;
    }
    if (walked > 0) {
      yield held.slice(0, walked);
      held = held.subarray(walked);
      walked = 0;
    }
  }
  if (!ended && (held.length > 0 || bodyLeft > 0)) {
    throw new ArrowMetadataError('the stream ends inside a message');
  }
}

/** Checks a stream read by position, message by message, without holding its bodies. */
export async function checkArrowStreamAt(readAt: ReadAt, size: number): Promise<void> {
  let position = 0;
  while (position < size) {
    const head = await readAt(position, Math.min(8, size - position));
    const prefix = readPrefix(head, 0);
    if (!prefix) {
      throw new ArrowMetadataError('the stream ends inside a message');
    }
    if (prefix.metadataLength === 0) {
      return;
    }
    const start = position + prefix.size;
    const body = checkMessage(await readExactly(readAt, start, prefix.metadataLength, size));
    position = start + prefix.metadataLength + body;
    if (position > size) {
      throw new ArrowMetadataError('the stream ends inside a message body');
    }
  }
}

/** Checks a file's footer and the metadata of every block it lists. */
export async function checkArrowFileAt(readAt: ReadAt, size: number): Promise<void> {
  if (size < FILE_HEAD_BYTES + FILE_TAIL_BYTES) {
    throw new ArrowMetadataError('too short for an Arrow file');
  }
  const tail = await readExactly(readAt, size - FILE_TAIL_BYTES, FILE_TAIL_BYTES, size);
  const footerLength = new DataView(tail.buffer, tail.byteOffset, 4).getInt32(0, true);
  const footerStart = size - FILE_TAIL_BYTES - footerLength;
  if (footerLength <= 0 || footerStart < FILE_HEAD_BYTES) {
    throw new ArrowMetadataError(`corrupt footer length ${footerLength}`);
  }
  const blocks = checkFooter(await readExactly(readAt, footerStart, footerLength, size));
  for (const block of blocks) {
    const end = block.offset + block.metaDataLength + block.bodyLength;
    if (block.offset < FILE_HEAD_BYTES || block.metaDataLength <= 0 || end > footerStart) {
      throw new ArrowMetadataError(`a block (offset ${block.offset}) lies outside the file`);
    }
    const metadata = await readExactly(readAt, block.offset, block.metaDataLength, size);
    const prefix = readPrefix(metadata, 0);
    if (!prefix || prefix.size + prefix.metadataLength > metadata.length) {
      throw new ArrowMetadataError(`corrupt message length at byte ${block.offset}`);
    }
    const body = checkMessage(metadata.subarray(prefix.size, prefix.size + prefix.metadataLength));
    if (block.offset + block.metaDataLength + body > footerStart) {
      throw new ArrowMetadataError(`a message body (at byte ${block.offset}) overruns the file`);
    }
  }
}

/** A message's length prefix at `at`: continuation marker and int32, or the legacy int32. */
function readPrefix(
  bytes: Uint8Array,
  at: number
): { size: number; metadataLength: number } | undefined {
  if (bytes.length < at + 4) {
    return undefined;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let size = 4;
  let length = view.getInt32(at, true);
  if (view.getUint32(at, true) === CONTINUATION) {
    if (bytes.length < at + 8) {
      return undefined;
    }
    size = 8;
    length = view.getInt32(at + 4, true);
  }
  if (length < 0) {
    throw new ArrowMetadataError(`corrupt message length ${length}`);
  }
  return { size, metadataLength: length };
}

async function readExactly(
  readAt: ReadAt,
  position: number,
  length: number,
  size: number
): Promise<Uint8Array> {
  if (position < 0 || position + length > size) {
    throw new ArrowMetadataError(`corrupt offset or length (${length} bytes at byte ${position})`);
  }
  const bytes = await readAt(position, length);
  if (bytes.length < length) {
    throw new ArrowMetadataError(`the input ends inside a message (at byte ${position})`);
  }
  return bytes;
}
