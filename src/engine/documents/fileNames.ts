/**
 * The names of the files SageMaker's analyzer writes and reads (FORMATS.md), and the key of our
 * extension section in them: one place for the engine, the frontend and the writers.
 * jupyterlab_model_monitor/file_names.py mirrors it for the server (test_file_names.py checks).
 */
export const STATISTICS_FILE = 'statistics.json';
export const CONSTRAINTS_FILE = 'constraints.json';
export const VIOLATIONS_FILE = 'constraint_violations.json';
/** Our own file: the bad records of a run (docs/cli.md). */
export const DIAGNOSTICS_FILE = 'diagnostics.json';
/** Our own file: a segmented run's segments and their folders (docs/cli.md). */
export const SEGMENTS_FILE = 'segments.json';
/** The section our extensions live in, inside SageMaker's files. */
export const EXTENSION_KEY = 'x-jupyterlab-model-monitor';
