import {
  closeSync,
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import {
  CONFINE_ENV,
  openConfined,
  openConfinedSync,
  openOutputFolder,
  outsideRootReason
} from '../../../src/engine/node/confinedFiles';
import { detectFileFormat } from '../../../src/engine/node/detectFileFormat';
import { fileChunks } from '../../../src/engine/node/fileChunks';
import { walkFiles } from '../../../src/engine/node/walkFiles';
import { writeFilesAtomic } from '../../../src/engine/node/writeFilesAtomic';

let base: string;
let root: string;
let outside: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'confined-'));
  root = path.join(base, 'root');
  outside = path.join(base, 'outside');
  mkdirSync(path.join(root, 'data'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'data', 'a.csv'), 'x\n1\n');
  writeFileSync(path.join(outside, 'secret.csv'), 'x\n1000\n');
  symlinkSync(path.join(outside, 'secret.csv'), path.join(root, 'data', 'b.csv'));
  process.env[CONFINE_ENV] = root;
});

afterEach(() => {
  delete process.env[CONFINE_ENV];
  rmSync(base, { recursive: true, force: true });
});

test('a file that resolves outside the root is refused when opened, one inside is read', async () => {
  await expect(openConfined(path.join(root, 'data', 'b.csv'))).rejects.toThrow(
    /b\.csv: resolves outside .*root/
  );
  const handle = await openConfined(path.join(root, 'data', 'a.csv'));
  expect(await handle.readFile('utf8')).toBe('x\n1\n');
  await handle.close();
});

test('the blocking open refuses a link out of the root, and so do the readers built on it', async () => {
  const link = path.join(root, 'data', 'b.csv');
  expect(() => openConfinedSync(link)).toThrow(/b\.csv: resolves outside .*root/);
  await expect(fileChunks(link).next()).rejects.toThrow(/b\.csv: resolves outside/);
  await expect(detectFileFormat(link)).rejects.toThrow(/b\.csv: resolves outside/);
  const fd = openConfinedSync(path.join(root, 'data', 'a.csv'));
  const bytes = Buffer.alloc(16);
  expect(bytes.subarray(0, readSync(fd, bytes)).toString()).toBe('x\n1\n');
  closeSync(fd);
  delete process.env[CONFINE_ENV];
  const unconfined = openConfinedSync(link);
  expect(bytes.subarray(0, readSync(unconfined, bytes)).toString()).toBe('x\n1000\n');
  closeSync(unconfined);
});

test('the blocking open resolves a root that is itself a link', async () => {
  // The root path itself is a link into the real root: what the descriptor names is under it.
  const alias = path.join(base, 'alias');
  symlinkSync(root, alias);
  process.env[CONFINE_ENV] = alias;
  const fd = openConfinedSync(path.join(alias, 'data', 'a.csv'));
  closeSync(fd);
  expect(() => openConfinedSync(path.join(alias, 'data', 'b.csv'))).toThrow(/resolves outside/);
});

test('without a root, links are followed as before', async () => {
  delete process.env[CONFINE_ENV];
  const handle = await openConfined(path.join(root, 'data', 'b.csv'));
  expect(await handle.readFile('utf8')).toBe('x\n1000\n');
  await handle.close();
  expect(await outsideRootReason(path.join(root, 'data', 'b.csv'))).toBeUndefined();
});

test('the walk lists a link out as unreadable, so the run reports it and reads the rest', async () => {
  const files = await walkFiles(path.join(root, 'data'));
  expect(files.map(f => [f.relative, f.unreadable === undefined])).toEqual([
    ['a.csv', true],
    ['b.csv', false]
  ]);
  expect(files[1].unreadable).toMatch(/resolves outside/);
});

test('files are written into the folder that was opened, even if its path is swapped for a link', async () => {
  const out = path.join(root, 'out');
  mkdirSync(out);
  const folder = await openOutputFolder(out);
  // The attack: the checked folder is moved away and a link out of the root put in its place.
  renameSync(out, path.join(root, 'moved'));
  symlinkSync(outside, out);
  writeFileSync(path.join(folder.path, 'statistics.json'), '{}');
  await folder.close();
  expect(readdirSync(outside)).toEqual(['secret.csv']);
  expect(readFileSync(path.join(root, 'moved', 'statistics.json'), 'utf8')).toBe('{}');
});

test('an output folder that is a link out of the root is refused and nothing is written', async () => {
  symlinkSync(outside, path.join(root, 'out'));
  await expect(writeFilesAtomic(path.join(root, 'out'), { 'a.json': '{}' })).rejects.toThrow(
    /output folder .*out.*resolves outside/
  );
  expect(readdirSync(outside)).toEqual(['secret.csv']);
});

test('writeFilesAtomic writes inside the root as before', async () => {
  await writeFilesAtomic(path.join(root, 'out', 'deep'), { 'a.json': '{"a":1}' });
  expect(readFileSync(path.join(root, 'out', 'deep', 'a.json'), 'utf8')).toBe('{"a":1}');
  expect(readdirSync(path.join(root, 'out', 'deep'))).toEqual(['a.json']);
});
