import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { handlerPreprocessor } from '../../../src/engine/io/preprocessor';
import { chunkBytesFor, SCANNED_CHUNK_BYTES } from '../../../src/engine/io/readDataset';
import { nodeTaskIO } from '../../../src/engine/node/nodeTaskIO';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'task-chunks-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function chunkSizes(file: string, chunkBytes?: number): Promise<number[]> {
  const sizes: number[] = [];
  const source = nodeTaskIO().open({ file, bytes: 0 }, () => undefined, chunkBytes);
  for await (const chunk of source) {
    sizes.push(chunk.length);
  }
  return sizes;
}

describe('chunk sizes of task input', () => {
  it('asks for large chunks only where the byte-level core reads', () => {
    expect(chunkBytesFor({ format: 'csv', scanCells: true })).toBe(SCANNED_CHUNK_BYTES);
    expect(chunkBytesFor({ format: 'sagemaker_capture_json', scanCells: true })).toBe(
      SCANNED_CHUNK_BYTES
    );
    const preprocessor = handlerPreprocessor(() => null);
    expect(
      chunkBytesFor({ format: 'sagemaker_capture_json', scanCells: true, preprocessor })
    ).toBeUndefined();
    expect(chunkBytesFor({ format: 'json', scanCells: true })).toBeUndefined();
    expect(chunkBytesFor({ format: 'csv' })).toBeUndefined();
  });

  it('reads files in the chunk size asked for, and in 64 KiB chunks otherwise', async () => {
    const file = path.join(dir, 'data.csv');
    writeFileSync(file, Buffer.alloc(3 * SCANNED_CHUNK_BYTES + 10, 'a'));
    const large = await chunkSizes(file, SCANNED_CHUNK_BYTES);
    expect(large).toEqual([SCANNED_CHUNK_BYTES, SCANNED_CHUNK_BYTES, SCANNED_CHUNK_BYTES, 10]);
    const small = await chunkSizes(file);
    expect(Math.max(...small)).toBe(1 << 16);
    expect(small.reduce((a, b) => a + b, 0)).toBe(3 * SCANNED_CHUNK_BYTES + 10);
  });
});
