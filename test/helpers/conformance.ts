/**
 * Access to the real SageMaker files in ../shared/conformance. They are read where they are, never
 * copied into the repository; in a clone without ../shared the tests that need them are skipped with
 * a visible message.
 */
import * as fs from 'fs';
import * as path from 'path';

// MODEL_MONITOR_SHARED points elsewhere, e.g. from a git worktree whose ../shared is absent.
export const SHARED_DIR = path.resolve(
  process.env.MODEL_MONITOR_SHARED ?? path.join(__dirname, '../../../shared')
);
export const CONFORMANCE_DIR = path.join(SHARED_DIR, 'conformance');
export const CONFORMANCE_EXTRA_DIR = path.join(SHARED_DIR, 'conformance-extra');
export const HAS_CONFORMANCE = fs.existsSync(CONFORMANCE_DIR);

let warned = false;

/** `describe` when the conformance files are present, otherwise a skipped block with a message. */
export function describeConformance(name: string, body: () => void): void {
  if (HAS_CONFORMANCE) {
    describe(name, body);
    return;
  }
  if (!warned) {
    warned = true;
    console.warn(
      `SKIPPED: ${CONFORMANCE_DIR} is absent, so the SageMaker conformance tests do not run.`
    );
  }
  describe.skip(`${name} (skipped: ../shared/conformance is absent)`, body);
}

/** Absolute path of a file under ../shared/conformance (or conformance-extra with `extra`). */
export function conformancePath(relative: string, extra = false): string {
  return path.join(extra ? CONFORMANCE_EXTRA_DIR : CONFORMANCE_DIR, relative);
}

export function readConformance(relative: string, extra = false): string {
  return fs.readFileSync(conformancePath(relative, extra), 'utf8');
}
