"""The names of the files SageMaker's analyzer writes and reads, and the key of our extension
section in them: the server's mirror of ``src/engine/documents/fileNames.ts`` (test_file_names.py
checks that they agree)."""

STATISTICS_FILE = "statistics.json"
CONSTRAINTS_FILE = "constraints.json"
VIOLATIONS_FILE = "constraint_violations.json"
DIAGNOSTICS_FILE = "diagnostics.json"  # our own: the bad records of a run
SEGMENTS_FILE = "segments.json"  # our own: a segmented run's segments and their folders
EXTENSION_KEY = "x-jupyterlab-model-monitor"
