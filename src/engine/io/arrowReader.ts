import { RecordBatch, RecordBatchReader } from 'apache-arrow';
import { toColumn } from './arrowColumns';
import { ColumnBatch } from './batch';
import { checkArrowFileAt, checkArrowStreamAt, guardArrowStream, ReadAt } from './arrowIpcGuard';
import { ChunkSource } from './chunks';
import { ReadContext, throwIfAborted } from './readContext';
import { DataError } from '../errors';
import { concatBytes } from './bytes';

const FILE_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"

/**
 * Where Arrow bytes come from: chunks, or a random-access handle (Node's `fs.promises.FileHandle`)
 * that lets the IPC file format be read batch by batch through its footer.
 */
export type ArrowInput = ChunkSource | { fileHandle: unknown };

/**
 * Reads Arrow IPC (stream or file format) into typed column batches (FORMATS.md §1.4). Streams are
 * read chunk by chunk; the file format needs its footer, so from chunks it is gathered whole
 * (pass a file handle to avoid that).
 */
export async function* readArrow(input: ArrowInput, ctx: ReadContext): AsyncGenerator<ColumnBatch> {
  try {
    for await (const batch of (await openReader(input)) as AsyncIterable<RecordBatch>) {
      throwIfAborted(ctx);
      const columns = toColumnBatch(batch);
      ctx.counts.records += batch.numRows;
      ctx.counts.rows += batch.numRows;
      yield columns;
    }
  } catch (error) {
    // apache-arrow fails on corrupt input with its own errors, often bare TypeErrors.
    if (ctx.signal?.aborted) {
      throw error;
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataError(`${ctx.file}: not a readable Arrow IPC file or stream (${reason})`);
  }
}

/** The part of Node's `FileHandle` used here. */
interface RandomAccessHandle {
  stat(): Promise<{ size: number | bigint }>;
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number
  ): Promise<{ bytesRead: number }>;
}

/** Opens apache-arrow's reader once the IPC metadata it will decode is checked (arrowIpcGuard). */
async function openReader(input: ArrowInput): Promise<RecordBatchReader> {
  if ('fileHandle' in input) {
    const handle = input.fileHandle as RandomAccessHandle;
    const size = Number((await handle.stat()).size);
    const readAt = handleReadAt(handle);
    if (isFileFormat(await readAt(0, FILE_MAGIC.length))) {
      await checkArrowFileAt(readAt, size);
    } else {
      await checkArrowStreamAt(readAt, size);
    }
    return (await RecordBatchReader.from(input.fileHandle as any)) as RecordBatchReader;
  }
  const { head, rest } = await peek(input);
  if (isFileFormat(head)) {
    const all = await gather(head, rest);
    await checkArrowFileAt(
      async (position, length) => all.subarray(position, position + length),
      all.length
    );
    return RecordBatchReader.from(all) as RecordBatchReader;
  }
  return (await RecordBatchReader.from(guardArrowStream(prepend(head, rest)))) as RecordBatchReader;
}

function handleReadAt(handle: RandomAccessHandle): ReadAt {
  return async (position, length) => {
    const bytes = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await handle.read(bytes, filled, length - filled, position + filled);
      if (bytesRead === 0) {
        break;
      }
      filled += bytesRead;
    }
    return bytes.subarray(0, filled);
  };
}

type ByteIterator = AsyncIterator<Uint8Array>;

/** The first chunks, joined until they hold the file magic's length (chunks may be tiny). */
async function peek(source: ChunkSource): Promise<{ head: Uint8Array; rest: ByteIterator }> {
  const rest = toBytes(source)[Symbol.asyncIterator]();
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < FILE_MAGIC.length) {
    const next = await rest.next();
    if (next.done) {
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  return { head: concatBytes(chunks), rest };
}

async function* toBytes(source: ChunkSource): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
  }
}

async function* prepend(head: Uint8Array, rest: ByteIterator): AsyncGenerator<Uint8Array> {
  yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    yield next.value;
  }
}

async function gather(head: Uint8Array, rest: ByteIterator): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of prepend(head, rest)) {
    chunks.push(chunk);
  }
  return concatBytes(chunks);
}

function isFileFormat(head: Uint8Array): boolean {
  return FILE_MAGIC.every((byte, i) => head[i] === byte);
}

function toColumnBatch(batch: RecordBatch): ColumnBatch {
  const names = batch.schema.fields.map(field => field.name);
  const columns = names.map((_, i) => toColumn(batch.getChildAt(i)!));
  return { names, columns, rowCount: batch.numRows };
}
