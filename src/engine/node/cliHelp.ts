/** `--help` texts, one per command. */
const READ_OPTIONS = `
Input options:
  --dataset PATH              a file or a folder (folders are read recursively, paths in lexicographic order)
  --dataset-format FORMAT     csv | json | sagemaker_capture_json | arrow (default: detected per file)
  --header                    CSV files start with a header row (default: no header, columns _c0, _c1, ...)
  --start ISO --end ISO       captures: only hour folders yyyy/mm/dd/HH overlapping [start, end), UTC
  --preprocessor FILE         captures: SageMaker's record_preprocessor_script, run unchanged: a Python
                              script (.py) defining preprocess_handler(inference_record[, logger]), run
                              by $MODEL_MONITOR_PYTHON (default python3); or a CommonJS module exporting
                              preprocess_handler(record). Errors are reported per record (file, line)
  --batch-capture             the dataset is a SageMaker batch transform capture destination: the
                              objects its input/ manifests (in the --start/--end hour folders) name
                              are read, from the local copies --s3-map gives
  --s3-map S3URI=DIR          DIR holds a copy of the S3 prefix S3URI (repeatable; longest match wins)
  --max-error-rate RATE       fail (exit 2) when rejected records / records exceeds RATE (default 0.1)
  --max-fields N              records with more fields are rejected (too_many_fields); a CSV header or
                              first row with more stops the run (default 10000, ~120 KB of memory each)
  --max-record-chars N        JSON lines and capture records longer are rejected (record_too_long) and
                              skipped; a CSV record longer stops the run (default 67108864)

Run options:
  --workers N                 threads, the main one included (default: all cores, 1 under 128 MiB of input); 1 reads
                              in file order on the main thread, byte-exact with SageMaker
  --progress bar|json|none    progress on stderr (default: bar on a terminal, else none); json = one object a line
`;

const SEGMENT_OPTIONS = `Segment options:
  --segment-by NAME           also write each segment's files: rows grouped by column NAME's text (or by
                              a capture's eventMetadata.<key>), in DIR/segments/<NN-value>/ with an
                              index in DIR/segments.json; a segmented run reads on one thread
  --max-segments N            the first N values in input order get a segment, later ones share
                              "other" (default 20, at most 1000)
`;

const POSTPROCESSOR_OPTION = `  --postprocessor SCRIPT.py   SageMaker's post_analytics_processor_script: postprocess_handler() runs once
                              the outputs are written, with SageMaker's container environment (output_path,
                              dataset_source, baseline_statistics, start_time, ...; docs/cli.md)`;

export const HELP: Record<string, string> = {
  main: `model-monitor: SageMaker Model Monitor (data quality) on your machine

Usage: model-monitor <command> [options]

Commands:
  baseline    profile a dataset; write statistics.json and suggested constraints.json
  monitor     profile current data and check it against a baseline; write statistics.json and constraint_violations.json
  profile     profile a dataset into a mergeable profile file
  merge       merge profile files into one
  format      print a SageMaker JSON file re-serialised exactly as the analyzer writes it
  validate    check a statistics/constraints/violations file and list its problems
  suggest     suggest constraints.json from a statistics.json computed elsewhere (e.g. on Spark)
  check       check a statistics.json computed elsewhere against a baseline; write constraint_violations.json
  report      write a run's self-contained HTML report (violations, drift, distributions)
  custom      run your own monitoring program or container with SageMaker's container contract
  captures    summarise capture files: time range, records per hour, encodings, problems (JSON)
  records     list the records behind a number: a feature's rows in a bin, out of range, unseen, missing or of the wrong type
  model-quality baseline|monitor
              model-quality metrics from predictions joined with ground-truth labels

Run 'model-monitor <command> --help' for a command's options. Exit codes: docs/cli.md.
`,
  baseline: `Usage: model-monitor baseline --dataset PATH --output DIR [options]

Writes DIR/statistics.json, DIR/constraints.json and DIR/diagnostics.json (bad records, our own file).
${READ_OPTIONS}
${SEGMENT_OPTIONS}
Output options:
  --output DIR                output folder (created if needed; files appear only when complete)
  --generation 2021|current   analyzer layout to write (default current; 2021 omits the newer keys)
${POSTPROCESSOR_OPTION}
`,
  monitor: `Usage: model-monitor monitor --dataset PATH --baseline-statistics FILE --baseline-constraints FILE --output DIR [options]

Writes DIR/statistics.json, DIR/constraint_violations.json and DIR/diagnostics.json.
Capture and headerless CSV columns take the baseline's feature names by position.
${READ_OPTIONS}
${SEGMENT_OPTIONS}  --segment-baseline own|overall
                              compare each segment with the baseline's segment of the same value when the
                              baseline was built with segments (own, the default), or with the whole baseline

Output options:
  --output DIR                output folder
  --generation 2021|current   analyzer layout of statistics.json (default current)
  --no-drift-tests            write only SageMaker's violations (no extension drift-test section)
  --fail-on-violations        exit with code 3 when there are violations
  --metrics-dir DIR           also write DIR/cloudwatch_metrics.jsonl: SageMaker's CloudWatch metrics
                              (feature_data_, feature_non_null_, feature_baseline_drift_<feature>), one
                              PutMetricData datum a line, unless the baseline's emit_metrics is Disabled
  --metric-time ISO           the metrics' Timestamp (default: --start, else the run's time)
  --endpoint-name NAME        the Endpoint dimension; --schedule-name NAME the MonitoringSchedule one
${POSTPROCESSOR_OPTION}
`,
  profile: `Usage: model-monitor profile --dataset PATH --output FILE [options]

Writes a mergeable profile (JSON, our own format) to FILE and diagnostics.json next to it.
${READ_OPTIONS}`,
  merge: `Usage: model-monitor merge --output FILE PROFILE...

Merges profile files, in the order given (rows of later files come after earlier ones), into FILE.
`,
  format: `Usage: model-monitor format FILE [--in-place]

Prints FILE re-serialised as SageMaker's analyzer writes it (Jackson layout, key order, Java doubles).
  --in-place                  rewrite FILE instead of printing
`,
  validate: `Usage: model-monitor validate FILE...

Reads statistics/constraints/violations files leniently and lists every problem (JSON path and message).
Exit code 0 when all are valid, 2 otherwise.
`,
  suggest: `Usage: model-monitor suggest --statistics FILE --output DIR [--generation 2021|current]

Writes DIR/statistics.json (FILE re-serialised exactly as the analyzer writes it) and the
suggested DIR/constraints.json.
`,
  report: `Usage: model-monitor report --statistics FILE --baseline-statistics FILE --output FILE.html [options]

Writes a run's report as one self-contained HTML file: the violations, every feature compared with
the baseline (drift, missing shares, checks), the drifted features' distributions and the drift
tests, with static SVG charts (no script, no CDN; opens from a file or an email attachment).
  --violations FILE           the run's constraint_violations.json (violations and drift tests)
  --baseline-constraints FILE its monitoring_config sets how drift is measured (default: SageMaker's)
  --title TEXT                the report's title
`,
  custom: `Usage: model-monitor custom --dataset PATH --output DIR [options] -- PROGRAM [ARGS...]
       model-monitor custom --dataset PATH --output DIR --image IMAGE [options] [-- ARGS...]

Custom monitoring, as SageMaker's "bring your own container": PROGRAM (a .py script, run by
$MODEL_MONITOR_PYTHON or python3, or any executable) or IMAGE (run with docker, else podman, the
folders mounted where SageMaker puts them) analyses the data and writes its reports to output_path.
It gets SageMaker's environment: dataset_source, output_path, dataset_format, start_time, end_time,
baseline_statistics, baseline_constraints, sagemaker_endpoint_name,
sagemaker_monitoring_schedule_name, publish_cloudwatch_metrics and CLOUDWATCH_METRICS_DIRECTORY.
What it prints goes to stderr. Its statistics.json and constraint_violations.json, when written,
must be valid SageMaker files; the summary on stdout counts the violations. A program that exits
with a code other than 0 fails the run (exit 2).

Options:
  --dataset PATH              the data: a capture folder, file or folder (dataset_source)
  --output DIR                where the program writes its reports (output_path)
  --image IMAGE               a container image instead of a program
  --start ISO --end ISO       the window (start_time, end_time); the data is not filtered for it
  --baseline-statistics FILE --baseline-constraints FILE
  --endpoint-name NAME --schedule-name NAME
  --metrics-dir DIR           publish_cloudwatch_metrics is Enabled, CLOUDWATCH_METRICS_DIRECTORY is DIR
  --fail-on-violations        exit with code 3 when constraint_violations.json lists any
`,
  captures: `Usage: model-monitor captures --dataset PATH [options]

Prints a JSON summary of the capture files under PATH, each read as a run reads captures: records
and rejected records, records per yyyy/mm/dd/HH hour folder, first and last inferenceTime, encodings
and content types per side, problems (kinds as in diagnostics.json, 5 examples each) and the first
5 good records as samples. The Lab's "Load captures" view shows it.
  --max-records N             stop after N records and say so ("truncated"; default 1000000)
  --max-record-chars N        a line longer than N characters is a rejected record (as in runs)
  --path TEXT                 the path to show in the summary (default: PATH)
`,
  records: `Usage: model-monitor records (--run DIR | --dataset PATH --baseline-statistics FILE --baseline-constraints FILE) --feature NAME --match KIND --output FILE [options]

Reads a monitoring run's input as the run read it (the readers, rejections, window and preprocessor
in DIR/diagnostics.json) and writes, in input order, the rows whose FEATURE cell matches, as JSON
lines: _file, _line, _event_id, then every column (numbers for the baseline's numeric columns).
Prints a summary (records read, rows matched and written) on stdout.
  --match KIND                bin (with --lower and --upper) | outside-range (beyond the baseline's
                              min and max) | unseen-category (not in the baseline's domain) | missing |
                              wrong-type (not the baseline's type, as data_type_check counts)
  --lower X --upper Y         bin: numbers in [X, Y); --include-upper makes it [X, Y] (a last bin)
  --max-records N             write the first N matching rows; the rest are only counted (default 50000)
  --paths-relative-to DIR     write _file relative to DIR (the server's root) instead of as read
  --run DIR                   what to read, from a run folder written by 'monitor'; else:
  --dataset PATH, --dataset-format, --header, --start ISO --end ISO, --baseline-statistics FILE,
  --baseline-constraints FILE as for 'monitor'
  --progress bar|json|none    progress on stderr
`,
  check: `Usage: model-monitor check --statistics FILE --baseline-statistics FILE --baseline-constraints FILE --output DIR [options]

Checks statistics computed elsewhere against a baseline. Writes DIR/statistics.json (re-serialised
exactly) and DIR/constraint_violations.json; only the violations when columns are missing.
  --type-counts FILE          {column: {integral, fractional, boolean, string, missing}}: the values
                              matching each type pattern, for data_type_check (default: every present
                              value counts as the column's inferred type)
  --no-drift-tests            write only SageMaker's violations (no extension drift-test section)
  --fail-on-violations        exit with code 3 when there are violations
`
};
