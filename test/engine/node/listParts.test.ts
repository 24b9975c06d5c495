import * as fs from 'fs';
import * as path from 'path';
import { nodeRuntime } from '../../../src/engine/node/nodeRuntime';
import { ReadSettings } from '../../../src/engine/pipeline/readSettings';
import { tempDir } from '../pipeline/pipelineHelpers';

// #22 item 8: a monitor on one data file passes its window on every run; the file must be read.
const settings: ReadSettings = { format: null, header: true };
const window = {
  start: new Date('2026-11-01T13:00:00Z'),
  end: new Date('2026-11-01T14:00:00Z')
};

function layout(): string {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, '2026', '11', '01', '13'), { recursive: true });
  fs.mkdirSync(path.join(dir, '2026', '11', '01', '15'), { recursive: true });
  fs.writeFileSync(path.join(dir, '2026', '11', '01', '13', 'a.csv'), 'x\n1\n');
  fs.writeFileSync(path.join(dir, '2026', '11', '01', '15', 'b.csv'), 'x\n2\n');
  fs.writeFileSync(path.join(dir, 'plain.csv'), 'x\n3\n');
  return dir;
}

test('a file named directly is read whole, whatever the window', async () => {
  const dir = layout();
  const parts = await nodeRuntime().listParts(path.join(dir, 'plain.csv'), {
    window,
    split: false,
    settings
  });
  expect(parts.map(p => path.basename(p.file))).toEqual(['plain.csv']);
});

test('in a folder the window still selects hour folders, and files outside them are left out', async () => {
  const dir = layout();
  const parts = await nodeRuntime().listParts(dir, { window, split: false, settings });
  expect(parts.map(p => path.basename(p.file))).toEqual(['a.csv']);
});
