/** The engine's file readers: a stream of chunks, and blocking reads into one reused buffer. */
import * as fs from 'fs';
import * as path from 'path';
import { blockingFileChunks, fileChunks } from '../../../src/engine/node/fileChunks';
import { tempDir } from '../pipeline/pipelineHelpers';

async function collect(chunks: AsyncGenerator<Uint8Array>): Promise<Buffer[]> {
  const copies: Buffer[] = [];
  for await (const chunk of chunks) {
    copies.push(Buffer.from(chunk));
  }
  return copies;
}

describe('blockingFileChunks', () => {
  const dir = tempDir();
  const file = path.join(dir, 'bytes.bin');
  const bytes = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 31) % 251));
  fs.writeFileSync(file, bytes);

  it('gives the whole file in chunks of the size asked, the last one shorter', async () => {
    const chunks = await collect(blockingFileChunks(file, 4096));
    expect(chunks.map(c => c.length)).toEqual([4096, 4096, 1808]);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('reads the same bytes as the stream', async () => {
    const streamed = Buffer.concat(await collect(fileChunks(file, {}, undefined, 1000)));
    expect(Buffer.concat(await collect(blockingFileChunks(file, 777))).equals(streamed)).toBe(true);
  });

  it('refuses a compressed file and names a missing one', async () => {
    const gz = path.join(dir, 'data.csv');
    fs.writeFileSync(gz, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]));
    await expect(collect(blockingFileChunks(gz, 4096))).rejects.toThrow(/gzip-compressed/);
    const missing = path.join(dir, 'missing.csv');
    await expect(collect(blockingFileChunks(missing, 4096))).rejects.toThrow(missing);
  });
});
