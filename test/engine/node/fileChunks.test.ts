/** The engine's file reader: blocking reads of a file or a byte range, in chunks. */
import * as fs from 'fs';
import * as path from 'path';
import { fileChunks, FileChunksOptions } from '../../../src/engine/node/fileChunks';
import { tempDir } from '../pipeline/pipelineHelpers';

async function collect(file: string, options: FileChunksOptions = {}): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of fileChunks(file, options)) {
    chunks.push(options.reuse ? Buffer.from(chunk) : chunk);
  }
  return chunks;
}

describe('fileChunks', () => {
  const dir = tempDir();
  const file = path.join(dir, 'bytes.bin');
  const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 31) % 251));
  fs.writeFileSync(file, bytes);

  it('gives the whole file in chunks of the size asked, the last one shorter', async () => {
    const chunks = await collect(file, { chunkBytes: 4096 });
    expect(chunks.map(c => c.length)).toEqual([4096, 4096, 1808]);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('gives chunks that keep their bytes after the next is read, unless told to reuse', async () => {
    const kept = await collect(file, { chunkBytes: 777 });
    expect(Buffer.concat(kept).equals(bytes)).toBe(true);
    const reused: Uint8Array[] = [];
    for await (const chunk of fileChunks(file, { chunkBytes: 777, reuse: true })) {
      reused.push(chunk);
    }
    expect(new Set(reused.map(chunk => chunk.buffer)).size).toBe(1);
  });

  it('reads a byte range, telling each chunk size', async () => {
    const sizes: number[] = [];
    const onBytes = (n: number) => sizes.push(n);
    const chunks = await collect(file, { start: 1000, end: 5500, chunkBytes: 2000, onBytes });
    expect(Buffer.concat(chunks).equals(bytes.subarray(1000, 5500))).toBe(true);
    expect(sizes).toEqual([2000, 2000, 500]);
    expect(await collect(file, { start: 5000, end: 5000 })).toEqual([]);
  });

  it('gives the event loop a turn while it reads a large file', async () => {
    const large = path.join(dir, 'large.bin');
    fs.writeFileSync(large, Buffer.alloc(20 << 20, 1));
    let turned = false;
    setImmediate(() => (turned = true));
    let readBeforeTurn = 0;
    for await (const chunk of fileChunks(large, { chunkBytes: 1 << 20, reuse: true })) {
      readBeforeTurn += turned ? 0 : chunk.length;
    }
    expect(turned).toBe(true);
    expect(readBeforeTurn).toBeLessThan(20 << 20);
  });

  it('refuses a compressed file, but not a range that starts with the same bytes', async () => {
    const gz = path.join(dir, 'data.csv');
    fs.writeFileSync(gz, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0x1f, 0x8b, 8, 0]));
    await expect(collect(gz)).rejects.toThrow(/gzip-compressed/);
    expect(Buffer.concat(await collect(gz, { start: 6 })).length).toBe(4);
  });

  it('names a missing file', async () => {
    const missing = path.join(dir, 'missing.csv');
    await expect(collect(missing)).rejects.toThrow(missing);
  });
});
