import { DatasetFormat } from '../io/datasetFormat';
import { InputPart } from '../pipeline/parts';
import { TaskIO } from '../pipeline/profileTask';
import { openConfined } from './confinedFiles';
import { detectFileFormat } from './detectFileFormat';
import { fileChunks } from './fileChunks';
import { guardedFileHandle } from './guardedFileHandle';

/** Task I/O on the local file system; detected formats are remembered per file. */
export function nodeTaskIO(): TaskIO {
  const formats = new Map<string, Promise<DatasetFormat>>();
  return {
    open: (part: InputPart, onBytes, chunkBytes) =>
      fileChunks(part.file, { start: part.start, end: part.end, chunkBytes, onBytes }),
    formatOf: (part: InputPart) => {
      let format = formats.get(part.file);
      if (!format) {
        format = detectFileFormat(part.file);
        formats.set(part.file, format);
      }
      return format;
    },
    openFileHandle: async (part: InputPart) => {
      const handle = await openConfined(part.file);
      return { handle: guardedFileHandle(handle), close: () => handle.close() };
    }
  };
}
