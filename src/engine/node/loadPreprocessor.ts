import { createRequire } from 'module';
import * as path from 'path';
import { RecordPreprocessor } from '../io/preprocessor';
import { UsageError } from '../pipeline/errors';

/** Loads a CommonJS module exporting `preprocess_handler` (or a default function). */
export function loadPreprocessor(modulePath: string): RecordPreprocessor {
  const absolute = path.resolve(modulePath);
  let loaded: any;
  try {
    loaded = createRequire(absolute)(absolute);
  } catch (error) {
    throw new UsageError(`cannot load preprocessor ${modulePath}: ${(error as Error).message}`);
  }
  const handler =
    loaded?.preprocess_handler ??
    loaded?.default?.preprocess_handler ??
    (typeof loaded === 'function' ? loaded : loaded?.default);
  if (typeof handler !== 'function') {
    throw new UsageError(`${modulePath} does not export a preprocess_handler function`);
  }
  return handler as RecordPreprocessor;
}
