import { createRequire } from 'module';
import * as path from 'path';
import { handlerPreprocessor, PreprocessHandler, RecordPreprocessor } from '../io/preprocessor';
import { UsageError } from '../errors';
import { PythonPreprocessor } from './pythonPreprocessor';

/**
 * A record preprocessor from its file: a SageMaker Python script (`.py`, run unchanged by a Python
 * process) or a CommonJS module exporting `preprocess_handler` (or a default function).
 */
export function loadPreprocessor(modulePath: string): RecordPreprocessor {
  if (path.extname(modulePath).toLowerCase() === '.py') {
    return new PythonPreprocessor(modulePath);
  }
  return handlerPreprocessor(loadHandler(modulePath));
}

function loadHandler(modulePath: string): PreprocessHandler {
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
  return handler as PreprocessHandler;
}
