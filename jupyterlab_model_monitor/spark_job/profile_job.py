"""The Spark job of the ``spark`` backend: profiles a dataset with Deequ into statistics.json.

Run by ``spark-submit`` (with Deequ's jar on the class path and capture_rows.py in --py-files):

    spark-submit … profile_job.py --dataset PATH --output DIR [--dataset-format F] [--header]
                                  [--start ISO --end ISO] [--feature-names statistics.json]

Writes ``DIR/statistics.json`` (SageMaker's layout; numbers as Python writes them, the Node CLI
re-serialises them exactly) and ``DIR/type_counts.json`` (Deequ's DataType votes per column, which
the data-type check needs). Progress and the result go to stderr as JSON lines, like the engine
CLI's ``--progress json``: ``phase``, ``progress`` (tasksDone / tasksTotal), ``done``, ``error``.

Two passes, as SageMaker's analyzer makes them: Deequ's DataType (§7.1) on the text of every cell,
then, on the numeric columns cast to double, Completeness, Sum, Mean, StandardDeviation, Minimum,
Maximum, ApproxCountDistinct (on the text) and KLLSketch (k 2048, c 0.64, 10 buckets); on the String
columns Completeness, ApproxCountDistinct and, at ≤ 120 distinct values, Histogram.
"""

import argparse
import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timezone
from typing import Any
from urllib.parse import unquote, urlparse

from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType

MAX_CATEGORICAL_DISTINCT = 120
MAX_EXAMPLES = 5
KLL_SKETCH_SIZE, KLL_SHRINKING_FACTOR, KLL_BUCKETS = 2048, 0.64, 10
CORRUPT = "_corrupt_record"

# (path relative to the dataset, full path or URL) of each data file.
Files = list[tuple[str, str]]
# Deequ's analyzers, metrics and Scala values are py4j proxies of JVM objects.
JavaObject = Any


class JobError(Exception):
    """A data or usage problem, reported as the job's error message."""


def emit(event: Mapping[str, Any]) -> None:
    sys.stderr.write(json.dumps(event) + "\n")
    sys.stderr.flush()


def phase(name: str) -> None:
    emit({"type": "phase", "phase": name})


# --- inputs ------------------------------------------------------------------------------------


def list_files(spark: SparkSession, root: str) -> Files:
    """(relative path, full path) of the data files under ``root``, in path order (Hadoop FS)."""
    jvm: JavaObject = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(root)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if not fs.exists(path):
        raise JobError(f"{root}: no such file or folder")
    if fs.getFileStatus(path).isFile():
        return [(os.path.basename(root), root)]
    base = fs.getFileStatus(path).getPath().toString().rstrip("/") + "/"
    found: Files = []
    files = fs.listFiles(path, True)
    while files.hasNext():
        full = files.next().getPath().toString()
        relative = full[len(base) :] if full.startswith(base) else full
        if not any(skipped(part) for part in relative.split("/")):
            found.append((relative, full))
    return sorted(found)


def confined(files: Files, root: str | None, rejections: "Rejections") -> Files:
    """The files that resolve under ``root``; the others (symlinks leading out) are reported and
    left unread. Checked when listed: Spark opens the files later, so unlike the engine, which
    checks each file it has opened, a swap in between is not caught."""
    if not root:
        return files
    real_root = os.path.realpath(root).rstrip(os.sep) + os.sep
    kept: Files = []
    for relative, full in files:
        url = urlparse(full)
        local = unquote(url.path) if url.scheme in ("", "file") else None
        if local is not None and not os.path.realpath(local).startswith(real_root):
            rejections.skip_file(relative, "resolves outside the server root; not read")
        else:
            kept.append((relative, full))
    return kept


def skipped(name: str) -> bool:
    return name.startswith(".") or name.startswith("_") or name.endswith(".crc")


def in_window(relative: str, start: float | None, end: float | None) -> bool:
    """The engine's rule: with a window, only files in an hour folder overlapping [start, end)."""
    if start is None and end is None:
        return True
    try:
        import capture_rows  # shipped with --py-files
    except ImportError:  # run in-process, from the package
        from jupyterlab_model_monitor.spark_job import capture_rows
    hour = capture_rows.hour_of_path(relative)
    if hour is None:
        return False
    hour_start = hour.timestamp()
    return (start is None or hour_start + 3600 > start) and (end is None or hour_start < end)


def detect_format(files: Files, declared: str | None) -> str:
    if declared:
        return declared
    first = files[0][1]
    name = first.lower()
    if name.endswith(".csv"):
        return "csv"
    if name.endswith(".parquet"):
        return "parquet"
    return "capture" if "captureData" in first_line(first) else "json"


def first_line(path: str) -> str:
    local = path[len("file:") :] if path.startswith("file:") else path
    try:
        with open(local, encoding="utf-8", errors="replace") as file:
            return file.readline()
    except OSError:
        return ""


FORMAT_ALIASES = {
    "csv": "csv",
    "json": "json",
    "jsonlines": "json",
    "parquet": "parquet",
    "sagemaker_capture_json": "capture",
    "sagemakercapturejson": "capture",
}


class Rejections:
    """Bad records: counted by kind, the first few kept with file, line and field."""

    def __init__(self) -> None:
        self.records: int | None = 0  # None: the reader cannot count records
        self.counts: dict[str, int] = {}
        self.examples: list[dict[str, Any]] = []
        self.skipped_files = 0

    def add(
        self, kind: str, file: str | None, line: int | None, field: str | None, message: str
    ) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if len(self.examples) < MAX_EXAMPLES:
            example = {"kind": kind, "file": file, "line": line, "message": message}
            if field:
                example["field"] = field
            self.examples.append(example)

    def skip_file(self, file: str, message: str) -> None:
        """A file not read at all: reported as the engine does, but it is no rejected record."""
        self.skipped_files += 1
        self.add("unreadable_file", file, 0, None, message)

    @property
    def rejected(self) -> int:
        return sum(self.counts.values()) - self.skipped_files


# One record a parsed item: a row of cells, a rejected line, or a file's count of non-blank lines.
PARSED = StructType(
    [
        StructField("item", StringType()),
        StructField("cells", ArrayType(StringType())),
        StructField("file", StringType()),
        StructField("line", LongType()),
        StructField("problem", StringType()),
        StructField("field", StringType()),
        StructField("message", StringType()),
    ]
)


def read_captures(spark: SparkSession, files: Files, rejections: Rejections) -> DataFrame:
    """Capture files → a DataFrame of text cells ``_c0…`` (output cells, then input cells).

    Python parses each line once; the result is cached in the JVM, where the rejected lines, the
    record count and the row width are then found without another pass through Python.
    """
    import capture_rows  # shipped with --py-files

    texts = spark.read.text([full for _, full in files], wholetext=True)
    texts = texts.select(F.input_file_name().alias("file"), "value")

    def parse(record: tuple[str, str]) -> Iterator[tuple[Any, ...]]:
        file, content = record
        records = 0
        for number, rows in capture_rows.file_records(content):
            records += 1
            if isinstance(rows, capture_rows.Problem):
                yield ("bad", None, file, number, rows.kind, rows.field, rows.message)
            else:
                for row in rows:
                    yield ("row", row, None, None, None, None, None)
        yield ("file", None, file, records, None, None, None)

    parsed = spark.createDataFrame(texts.rdd.map(tuple).flatMap(parse), PARSED).cache()
    bad = parsed.where(F.col("item") == "bad")
    for row in bad.limit(MAX_EXAMPLES).collect():
        rejections.add(row["problem"], row["file"], row["line"], row["field"], row["message"])
    for row in bad.groupBy("problem").count().collect():
        rejections.counts[row["problem"]] = row["count"]
    rejections.records = first_value(parsed.where(F.col("item") == "file").agg(F.sum("line"))) or 0
    rows = parsed.where(F.col("item") == "row")
    width = first_value(rows.agg(F.max(F.size("cells")))) or 0
    return rows.select(*(F.col("cells")[i].alias(f"_c{i}") for i in range(width)))


def first_value(frame: DataFrame) -> Any:
    """The value of an aggregate without groups (one row, one column)."""
    row = frame.first()
    return row[0] if row is not None else None


def read_csv(
    spark: SparkSession, paths: list[str], header: bool, rejections: Rejections
) -> DataFrame:
    """CSV as text cells, read as the engine reads it: RFC 4180 quotes (`""` inside quotes is one
    quote; Spark's default escape is a backslash) and quoted newlines (multiLine, which reads each
    file in one task); rows with a wrong number of fields are rejected, not padded."""
    names = spark.read.csv(paths, header=header, multiLine=True, escape='"').columns
    schema = StructType(
        [StructField(n, StringType()) for n in names] + [StructField(CORRUPT, StringType())]
    )
    frame = (
        spark.read.schema(schema)
        .option("header", header)
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT)
        .option("multiLine", True)
        .option("escape", '"')
        .csv(paths)
        .withColumn("_file", F.input_file_name())
        .cache()
    )
    bad = frame.filter(F.col(CORRUPT).isNotNull())
    rejections.records = frame.count()
    for row in bad.limit(MAX_EXAMPLES).collect():
        message = f"expected {len(names)} fields: {row[CORRUPT][:200]}"
        rejections.add("column_count", row["_file"], None, None, message)
    extra = bad.count() - min(bad.count(), MAX_EXAMPLES)
    if extra:
        rejections.counts["column_count"] += extra
    return frame.filter(F.col(CORRUPT).isNull()).select(*names)


def read_dataset(
    spark: SparkSession, args: argparse.Namespace, rejections: Rejections
) -> tuple[DataFrame, str]:
    listed = list_files(spark, args.dataset)
    # A file named directly is read whole: the window selects hour folders of a capture folder.
    single = len(listed) == 1 and listed[0][1] == args.dataset
    files = [
        (relative, full)
        for relative, full in listed
        if single or in_window(relative, args.start, args.end)
    ]
    files = confined(files, args.confine_to, rejections)
    if not files:
        raise JobError(f"{args.dataset}: no data files" + (" in the window" if args.start else ""))
    kind = FORMAT_ALIASES.get((args.dataset_format or "").lower().replace("-", "_"))
    if args.dataset_format and not kind:
        raise JobError(f"unknown --dataset-format {args.dataset_format!r}")
    kind = detect_format(files, kind)
    paths = [full for _, full in files]
    if kind == "capture":
        frame = read_captures(spark, files, rejections)
    elif kind == "csv":
        frame = read_csv(spark, paths, args.header, rejections)
    elif kind == "json":
        frame = read_json_lines(spark, paths, args.dataset)
        rejections.records = None
    else:
        typed = spark.read.parquet(*paths)
        frame = typed.select(*(F.col(f"`{c}`").cast("string").alias(c) for c in typed.columns))
        rejections.records = None
    return frame, kind


def read_json_lines(spark: SparkSession, paths: list[str], dataset: str) -> DataFrame:
    """JSON lines as text cells: every primitive as its text, one column a key (sorted)."""
    frame = spark.read.option("primitivesAsString", True).json(paths)
    if CORRUPT in frame.columns:
        raise JobError(f"{dataset}: malformed JSON lines (Spark could not parse some lines)")
    return frame


def name_by_position(frame: DataFrame, names: Sequence[str]) -> DataFrame:
    """Headerless data takes the baseline's feature names by position (FORMATS.md §1.2)."""
    renamed = [
        F.col(f"`{column}`").alias(names[i]) if i < len(names) else F.col(f"`{column}`")
        for i, column in enumerate(frame.columns)
    ]
    return frame.select(*renamed)


# --- Deequ -------------------------------------------------------------------------------------


class Deequ:
    """Deequ's analyzers through py4j (the jar must be on the driver's class path)."""

    def __init__(self, spark: SparkSession) -> None:
        self.spark = spark
        jvm: JavaObject = spark.sparkContext._jvm  # None once the context is stopped
        self.jvm = jvm
        self.analyzers = self.jvm.com.amazon.deequ.analyzers
        self.none = self.jvm.scala.Option.apply(None)

    def run(self, frame: DataFrame, analyzers: Iterable[JavaObject]) -> Callable[[JavaObject], Any]:
        builder = self.jvm.com.amazon.deequ.analyzers.runners.AnalysisRunner.onData(frame._jdf)
        for analyzer in analyzers:
            builder = builder.addAnalyzer(analyzer)
        context = builder.run()
        metric_map = context.metricMap()

        def value(analyzer: JavaObject) -> Any:
            metric = metric_map.get(analyzer).get().value()
            if metric.isFailure():
                raise JobError(f"Deequ {analyzer.toString()}: {metric.failed().get().getMessage()}")
            return metric.get()

        return value

    def size(self) -> JavaObject:
        return self.analyzers.Size(self.none)

    def data_type(self, column: str) -> JavaObject:
        return self.analyzers.DataType(column, self.none)

    def completeness(self, column: str) -> JavaObject:
        return self.analyzers.Completeness(column, self.none, self.none)

    def sum(self, column: str) -> JavaObject:
        return self.analyzers.Sum(column, self.none)

    def mean(self, column: str) -> JavaObject:
        return self.analyzers.Mean(column, self.none)

    def std_dev(self, column: str) -> JavaObject:
        return self.analyzers.StandardDeviation(column, self.none)

    def minimum(self, column: str) -> JavaObject:
        return self.analyzers.Minimum(column, self.none, self.none)

    def maximum(self, column: str) -> JavaObject:
        return self.analyzers.Maximum(column, self.none, self.none)

    def approx_distinct(self, column: str) -> JavaObject:
        return self.analyzers.ApproxCountDistinct(column, self.none)

    def kll(self, column: str) -> JavaObject:
        parameters = self.analyzers.KLLParameters(
            KLL_SKETCH_SIZE, KLL_SHRINKING_FACTOR, KLL_BUCKETS
        )
        return self.analyzers.KLLSketch(column, self.jvm.scala.Option.apply(parameters))

    def histogram(self, column: str) -> JavaObject:
        count = getattr(getattr(self.analyzers, "Histogram$Count$"), "MODULE$")
        max_bins = self.jvm.java.lang.Integer(1000)
        return self.analyzers.Histogram(column, self.none, max_bins, self.none, False, count)


def type_counts(distribution: JavaObject) -> dict[str, int]:
    """DataType's Distribution → the engine's TypeCounts."""
    values = distribution.values()

    def absolute(key: str) -> int:
        entry = values.get(key)
        return int(entry.get().absolute()) if entry.isDefined() else 0

    return {
        "integral": absolute("Integral"),
        "fractional": absolute("Fractional"),
        "boolean": absolute("Boolean"),
        "string": absolute("String"),
        "missing": absolute("Unknown"),
    }


def inferred_type(counts: Mapping[str, int]) -> str:
    """The column type from its votes; Boolean-only is written as String (FORMATS.md §7.1)."""
    if counts["integral"] + counts["fractional"] + counts["boolean"] + counts["string"] == 0:
        return "Unknown"
    if counts["string"] or counts["boolean"]:
        return "String"
    return "Fractional" if counts["fractional"] else "Integral"


def numeric_value(column: str) -> Column:
    """The double Spark's cast makes of a numeric text: null for a sign parted from its digits
    ("- 5"), as in the engine. A double, not a long, for Integral columns too: a value past the
    64-bit range then stays a number, as in the engine, instead of failing the column's metrics
    (docs/deequ-agreement.md, class 3)."""
    return F.col(f"`{column}`").cast("double")


def numeric_statistics(
    column: str, value: Callable[..., Any], num_present: int, item_count: int
) -> dict[str, Any]:
    distribution = value("kll")
    buckets = [
        {"lower_bound": b.lowValue(), "upper_bound": b.highValue(), "count": float(b.count())}
        for b in list_of(distribution.buckets())
    ]
    parameters = list_of(distribution.parameters())
    return {
        "common": {"num_present": num_present, "num_missing": item_count - num_present},
        "mean": value("mean"),
        "sum": value("sum"),
        "std_dev": value("std_dev"),
        "min": value("min"),
        "max": value("max"),
        "approximate_num_distinct_values": int(value("distinct")),
        "completeness": num_present / item_count if item_count else 0.0,
        "distribution": {
            "kll": {
                "buckets": buckets,
                "sketch": {
                    "parameters": {"c": float(parameters[0]), "k": float(parameters[1])},
                    "data": [list(level) for level in distribution.data()],
                },
            }
        },
    }


def list_of(scala_list: JavaObject) -> list[Any]:
    items: list[Any] = []
    iterator = scala_list.iterator()
    while iterator.hasNext():
        items.append(iterator.next())
    return items


def categorical_buckets(
    frame: DataFrame, column: str, distribution: JavaObject
) -> list[dict[str, Any]]:
    """Deequ's histogram counts, in first-seen row order as the engine writes them."""
    counts: dict[str, int] = {}
    entries = distribution.values().iterator()
    while entries.hasNext():
        entry = entries.next()
        if entry._1() != "NullValue":
            counts[entry._1()] = int(entry._2().absolute())
    first_seen = (
        frame.where(F.col(f"`{column}`").isNotNull())
        .groupBy(F.col(f"`{column}`").alias("value"))
        .agg(F.min("_row").alias("first"))
        .collect()
    )
    order = sorted(first_seen, key=lambda row: row["first"])
    return [
        {"value": row["value"], "count": counts[row["value"]]}
        for row in order
        if row["value"] in counts
    ]


def profile(
    spark: SparkSession, frame: DataFrame
) -> tuple[dict[str, Any], dict[str, dict[str, int]]]:
    """statistics.json (a dict) and the type counts by column of a text-celled DataFrame."""
    deequ = Deequ(spark)
    columns = frame.columns
    phase("reading")
    size, types = deequ.size(), {c: deequ.data_type(c) for c in columns}
    value = deequ.run(frame, [size, *types.values()])
    item_count = int(value(size))
    counts = {c: type_counts(value(types[c])) for c in columns}
    kinds = {c: inferred_type(counts[c]) for c in columns}
    if item_count == 0:
        raise JobError("no rows to profile")

    phase("statistics")
    numeric = [c for c in columns if kinds[c] in ("Integral", "Fractional")]
    number_of = {c: f"__num{i}" for i, c in enumerate(numeric)}
    frame = frame.select(
        "*",
        *(numeric_value(c).alias(number_of[c]) for c in numeric),
        F.monotonically_increasing_id().alias("_row"),
    )  # not cached again: the casts are cheap next to a second copy of the data in memory
    analyzers: dict[tuple[str, str], JavaObject] = {}
    for c in columns:
        if kinds[c] == "Unknown":
            continue
        analyzers[(c, "distinct")] = deequ.approx_distinct(c)
        if c in number_of:
            n = number_of[c]
            analyzers[(c, "present")] = deequ.completeness(n)
            analyzers[(c, "sum")] = deequ.sum(n)
            analyzers[(c, "mean")] = deequ.mean(n)
            analyzers[(c, "std_dev")] = deequ.std_dev(n)
            analyzers[(c, "min")] = deequ.minimum(n)
            analyzers[(c, "max")] = deequ.maximum(n)
            analyzers[(c, "kll")] = deequ.kll(n)
        else:
            analyzers[(c, "present")] = deequ.completeness(c)
    if analyzers:  # else no column has metrics to ask for
        value = deequ.run(frame, list(analyzers.values()))
    histograms: dict[str, JavaObject] = {}
    small = [
        c
        for c in columns
        if kinds[c] == "String" and value(analyzers[(c, "distinct")]) <= MAX_CATEGORICAL_DISTINCT
    ]
    if small:
        histograms = {c: deequ.histogram(c) for c in small}
        histogram_of = deequ.run(frame, list(histograms.values()))

    features: list[dict[str, Any]] = []
    for c in columns:
        feature: dict[str, Any] = {"name": c, "inferred_type": kinds[c]}
        if kinds[c] != "Unknown":
            present = round(value(analyzers[(c, "present")]) * item_count)
            if c in number_of:
                feature["numerical_statistics"] = numeric_statistics(
                    c, lambda key, c=c: value(analyzers[(c, key)]), present, item_count
                )
            else:
                statistics: dict[str, Any] = {
                    "common": {"num_present": present, "num_missing": item_count - present},
                    "distinct_count": float(value(analyzers[(c, "distinct")])),
                    "completeness": present / item_count,
                }
                if c in histograms:
                    buckets = categorical_buckets(frame, c, histogram_of(histograms[c]))
                    statistics["distribution"] = {"categorical": {"buckets": buckets}}
                feature["string_statistics"] = statistics
        features.append(feature)
    statistics = {"version": 0.0, "dataset": {"item_count": item_count}, "features": features}
    return statistics, counts


# --- progress and main -------------------------------------------------------------------------


def follow_progress(spark: SparkSession, stop: threading.Event) -> None:
    """Emits the running stages' task counts every half second."""
    tracker = spark.sparkContext.statusTracker()
    last: tuple[int, int] | None = None
    while not stop.wait(0.5):
        done = total = 0
        for stage_id in tracker.getActiveStageIds():
            info = tracker.getStageInfo(stage_id)
            if info:
                done, total = done + info.numCompletedTasks, total + info.numTasks
        if total and (done, total) != last:
            last = (done, total)
            emit({"type": "progress", "tasksDone": done, "tasksTotal": total})


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="profile_job.py")
    parser.add_argument("--dataset", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--dataset-format")
    parser.add_argument("--header", action="store_true")
    parser.add_argument("--start", type=iso_seconds)
    parser.add_argument("--end", type=iso_seconds)
    parser.add_argument("--feature-names", help="a statistics.json whose feature names to take")
    parser.add_argument("--max-error-rate", type=float, default=0.1)
    parser.add_argument("--confine-to", help="read only local files that resolve under this folder")
    return parser.parse_args(argv)


def iso_seconds(text: str) -> float:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def feature_names(path: str | None) -> list[str]:
    if not path:
        return []
    with open(path, encoding="utf-8") as file:
        return [feature["name"] for feature in json.load(file).get("features", [])]


def write_json(folder: str, name: str, document: Any) -> None:
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding="utf-8") as file:
        json.dump(document, file)


def run(spark: SparkSession, args: argparse.Namespace) -> dict[str, Any]:
    started = time.time()
    rejections = Rejections()
    frame, kind = read_dataset(spark, args, rejections)
    if rejections.records and rejections.rejected / rejections.records > args.max_error_rate:
        first = rejections.examples[0]
        where = f"{first['file']}:{first['line']}" + (
            f": {first['field']}" if "field" in first else ""
        )
        raise JobError(
            f"{rejections.rejected} of {rejections.records} records rejected "
            f"(more than --max-error-rate {args.max_error_rate}); "
            f"first: {where}: {first['message']}"
        )
    if kind == "capture" or (kind == "csv" and not args.header):
        frame = name_by_position(frame, feature_names(args.feature_names))
    statistics, counts = profile(spark, frame)
    phase("writing")
    write_json(args.output, "statistics.json", statistics)
    write_json(args.output, "type_counts.json", counts)
    records = (
        rejections.records
        if rejections.records is not None
        else statistics["dataset"]["item_count"]
    )
    return {
        "command": "spark-profile",
        "itemCount": statistics["dataset"]["item_count"],
        "records": {"records": records, "rejected": rejections.rejected},
        "diagnostics": {"counts": rejections.counts, "examples": rejections.examples},
        "elapsedMs": round((time.time() - started) * 1000),
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    spark = SparkSession.builder.appName("model-monitor profile").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    stop = threading.Event()
    threading.Thread(target=follow_progress, args=(spark, stop), daemon=True).start()
    try:
        summary = run(spark, args)
    except JobError as error:
        emit({"type": "error", "exitCode": 2, "message": str(error)})
        return 2
    finally:
        stop.set()
    emit({"type": "done", "summary": summary})
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
