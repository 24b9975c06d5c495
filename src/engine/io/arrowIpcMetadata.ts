/**
 * Bounds checks for Arrow IPC flatbuffer metadata (Message and Footer), read by hand before
 * apache-arrow decodes them: apache-arrow loops over every vector length a message declares, so a
 * corrupt length of billions hangs it (test/badinput/arrow-mutated-batch-hang.arrows). Every
 * table, vector and string must lie inside the metadata bytes; vectors of structs need their
 * element size for each entry; record-batch buffers must lie inside the message body.
 */

const FIELD_NODE_BYTES = 16;
const BUFFER_BYTES = 16;
const BLOCK_BYTES = 24;
const HEADER_SCHEMA = 1;
const HEADER_DICTIONARY_BATCH = 2;
const HEADER_RECORD_BATCH = 3;
/** Nested schema tables visited at most: a corrupt schema may share tables and nest deeply. */
const MAX_SCHEMA_TABLES = 100_000;
const MAX_SCHEMA_DEPTH = 64;

/** A record-batch block of an Arrow file's footer. */
export interface ArrowFileBlock {
  offset: number;
  metaDataLength: number;
  bodyLength: number;
}

export class ArrowMetadataError extends Error {}

/** Checks one Message flatbuffer; returns its body length. */
export function checkMessage(bytes: Uint8Array): number {
  const fb = new Flatbuffer(bytes);
  const message = fb.table(fb.indirect(0));
  const bodyLength = fb.int64(message, 3);
  checkCustomMetadata(fb, message, 4);
  const headerType = fb.uint8(message, 1);
  const header = fb.field(message, 2);
  if (headerType === HEADER_SCHEMA && header) {
    checkSchema(fb, fb.table(fb.indirect(header)));
  } else if (headerType === HEADER_RECORD_BATCH && header) {
    checkRecordBatch(fb, fb.table(fb.indirect(header)), bodyLength);
  } else if (headerType === HEADER_DICTIONARY_BATCH && header) {
    const dictionary = fb.table(fb.indirect(header));
    const data = fb.field(dictionary, 1);
    if (data) {
      checkRecordBatch(fb, fb.table(fb.indirect(data)), bodyLength);
    }
  }
  return bodyLength;
}

/** Checks a Footer flatbuffer; returns its dictionary and record-batch blocks. */
export function checkFooter(bytes: Uint8Array): ArrowFileBlock[] {
  const fb = new Flatbuffer(bytes);
  const footer = fb.table(fb.indirect(0));
  const schema = fb.field(footer, 1);
  if (schema) {
    checkSchema(fb, fb.table(fb.indirect(schema)));
  }
  const blocks: ArrowFileBlock[] = [];
  for (const slot of [2, 3]) {
    const vector = fb.vector(footer, slot, BLOCK_BYTES);
    for (let i = 0; i < vector.length; i++) {
      const at = vector.start + i * BLOCK_BYTES;
      blocks.push({
        offset: fb.int64At(at),
        metaDataLength: fb.view.getInt32(at + 8, true),
        bodyLength: fb.int64At(at + 16)
      });
    }
  }
  return blocks;
}

function checkRecordBatch(fb: Flatbuffer, batch: number, bodyLength: number): void {
  const length = fb.int64(batch, 0);
  const nodes = fb.vector(batch, 1, FIELD_NODE_BYTES);
  for (let i = 0; i < nodes.length; i++) {
    const at = nodes.start + i * FIELD_NODE_BYTES;
    const nodeLength = fb.int64At(at);
    const nullCount = fb.int64At(at + 8);
    // The first node is a top-level column: its length is the batch's (a corrupt batch length
    // of billions of rows would be read row by row).
    if (nullCount > nodeLength || (i === 0 && nodeLength !== length)) {
      throw new ArrowMetadataError(
        `field node ${i} (length ${nodeLength}, ${nullCount} nulls) does not fit a ${length}-row batch`
      );
    }
  }
  const buffers = fb.vector(batch, 2, BUFFER_BYTES);
  for (let i = 0; i < buffers.length; i++) {
    const at = buffers.start + i * BUFFER_BYTES;
    const offset = fb.int64At(at);
    const length = fb.int64At(at + 8);
    if (offset + length > bodyLength) {
      throw new ArrowMetadataError(
        `buffer ${i} (offset ${offset}, length ${length}) outside the ${bodyLength}-byte body`
      );
    }
  }
  fb.vector(batch, 4, 8);
}

function checkSchema(fb: Flatbuffer, schema: number): void {
  const budget = { tables: MAX_SCHEMA_TABLES };
  checkCustomMetadata(fb, schema, 2);
  fb.vector(schema, 3, 8);
  checkFields(fb, schema, 1, budget, 0);
}

function checkFields(
  fb: Flatbuffer,
  parent: number,
  slot: number,
  budget: { tables: number },
  depth: number
): void {
  if (depth > MAX_SCHEMA_DEPTH) {
    throw new ArrowMetadataError('schema nested too deeply');
  }
  for (const field of fb.tables(parent, slot)) {
    if (--budget.tables < 0) {
      throw new ArrowMetadataError('schema has too many fields');
    }
    fb.vector(field, 0, 1);
    const type = fb.field(field, 3);
    if (type) {
      fb.table(fb.indirect(type));
    }
    const dictionary = fb.field(field, 4);
    if (dictionary) {
      fb.table(fb.indirect(dictionary));
    }
    checkFields(fb, field, 5, budget, depth + 1);
    checkCustomMetadata(fb, field, 6);
  }
}

function checkCustomMetadata(fb: Flatbuffer, table: number, slot: number): void {
  for (const entry of fb.tables(table, slot)) {
    fb.vector(entry, 0, 1);
    fb.vector(entry, 1, 1);
  }
}

/** Bounds-checked reads of a little-endian flatbuffer. */
class Flatbuffer {
  readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The position a uoffset at `at` points to. */
  indirect(at: number): number {
    this.need(at, 4);
    return this.inside(at + this.view.getUint32(at, true), 'offset');
  }

  /** Checks the table at `at` and its vtable; returns `at`. */
  table(at: number): number {
    this.need(at, 4);
    const vtable = this.inside(at - this.view.getInt32(at, true), 'vtable');
    this.need(vtable, 4);
    const vtableLength = this.view.getUint16(vtable, true);
    const tableLength = this.view.getUint16(vtable + 2, true);
    if (vtableLength < 4 || vtableLength % 2 !== 0 || tableLength < 4) {
      throw new ArrowMetadataError('corrupt flatbuffer vtable');
    }
    this.need(vtable, vtableLength);
    this.need(at, tableLength);
    return at;
  }

  /** The position of a table's field `slot` (0 when absent). */
  field(table: number, slot: number): number {
    const vtable = table - this.view.getInt32(table, true);
    const entry = 4 + 2 * slot;
    if (entry >= this.view.getUint16(vtable, true)) {
      return 0;
    }
    const offset = this.view.getUint16(vtable + entry, true);
    if (offset === 0) {
      return 0;
    }
    if (offset >= this.view.getUint16(vtable + 2, true)) {
      throw new ArrowMetadataError('corrupt flatbuffer field offset');
    }
    return table + offset;
  }

  uint8(table: number, slot: number): number {
    const at = this.field(table, slot);
    return at ? (this.need(at, 1), this.bytes[at]) : 0;
  }

  int64(table: number, slot: number): number {
    const at = this.field(table, slot);
    return at ? this.int64At(at) : 0;
  }

  /** A non-negative int64 that a JS number holds exactly. */
  int64At(at: number): number {
    this.need(at, 8);
    const value = this.view.getBigInt64(at, true);
    if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new ArrowMetadataError(`corrupt length or offset ${value}`);
    }
    return Number(value);
  }

  /** A vector field whose `length` elements of `size` bytes all lie inside the bytes. */
  vector(table: number, slot: number, size: number): { start: number; length: number } {
    const at = this.field(table, slot);
    if (!at) {
      return { start: 0, length: 0 };
    }
    const vector = this.indirect(at);
    this.need(vector, 4);
    const length = this.view.getUint32(vector, true);
    if (length * size > this.bytes.length - vector - 4) {
      throw new ArrowMetadataError(
        `a vector claims ${length} entries, more than its ${this.bytes.length}-byte metadata holds`
      );
    }
    return { start: vector + 4, length };
  }

  /** The tables of a vector-of-tables field, each checked. */
  *tables(table: number, slot: number): Generator<number> {
    const vector = this.vector(table, slot, 4);
    for (let i = 0; i < vector.length; i++) {
      yield this.table(this.indirect(vector.start + i * 4));
    }
  }

  private inside(at: number, what: string): number {
    if (at < 0 || at >= this.bytes.length) {
      throw new ArrowMetadataError(`corrupt flatbuffer ${what}`);
    }
    return at;
  }

  private need(at: number, length: number): void {
    if (at < 0 || at + length > this.bytes.length) {
      throw new ArrowMetadataError('flatbuffer metadata cut short');
    }
  }
}
