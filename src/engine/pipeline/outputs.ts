import { DataError } from '../errors';
import { PipelineRuntime } from './runtime';
import { diagnosticsFileText } from './runSummary';
import { DIAGNOSTICS_FILE } from '../documents/fileNames';

export { DIAGNOSTICS_FILE };

/**
 * Runs `body` once the output folder is known to be usable; when it fails on bad data that was
 * read, writes `diagnostics.json` before passing the error on, so the user can see which records
 * were at fault.
 */
export async function withDiagnosticsOnFailure<T>(
  runtime: PipelineRuntime,
  outputDir: string,
  body: () => Promise<T>
): Promise<T> {
  await runtime.checkOutput?.(outputDir);
  try {
    return await body();
  } catch (error) {
    if (error instanceof DataError && error.report) {
      await runtime.writeFiles(outputDir, {
        [DIAGNOSTICS_FILE]: diagnosticsFileText(error.report.counts, error.report.diagnostics)
      });
    }
    throw error;
  }
}
