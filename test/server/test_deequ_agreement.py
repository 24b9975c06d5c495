"""Differential test: the engine's statistics.json against real Deequ on Spark.

Deequ 2.0.7 (the jar `make spark` installs) runs here on Spark 3.5 local mode through py4j: its
analyzers are called directly on a DataFrame read as SageMaker's analyzer is assumed to read one,
not through our Spark job. Every statistic the engine writes is compared exactly (doubles bit for
bit, the sign of zero included) on the seeded edge cases of deequ_cases.py; a second test compares
the spark backend's job (spark_job/profile_job.py, run in the same session) with the engine on the
same cases. Each prints its agreement figure and fails when a statistic that agreed stops agreeing,
and when a listed difference starts agreeing (so the list stays true); each listed difference names
its class and why (docs/deequ-agreement.md). DEEQU_REPORT=FILE writes every difference in full.

Assumptions about SageMaker's analyzer, each with its evidence (docs/deequ-agreement.md):
- CSV read by Spark's reader with every column a string (type votes need the raw text), the header
  option as configured, `multiLine` on (quoted newlines are one record), other options default.
- Numeric statistics on the column cast to `bigint` when Integral and `double` when Fractional
  (FORMATS.md §7.2: the Integral sum is an exact 64-bit sum); completeness on the same cast column.
- ApproxCountDistinct on the raw text (FORMATS.md §7.4), KLL with k 2048, c 0.64, 10 buckets
  (§7.3), Histogram for String columns of at most 120 approximate distinct values (§7.5).
- One partition: files this small are one split, and `local[1]` runs one task.
"""

import csv
import io
import json
import math
import os
import re
import subprocess
from pathlib import Path

import pytest
from deequ_cases import write_cases
from demo import require_cli

from jupyterlab_model_monitor.backends.spark import default_deequ_jar

ROOT = Path(__file__).resolve().parents[2]
MAX_CATEGORICAL_DISTINCT = 120

# (case, feature, statistic): why the engine and Deequ differ there (docs/deequ-agreement.md).
BEYOND_LONG = (
    "class 3: an Integral text past the 64-bit range is null to Spark's bigint cast; "
    "the engine keeps it as a double (the column's final type is not known while streaming)"
)
KNOWN_DIFFERENCES = {
    **{
        ("big_integers", "beyond", statistic): BEYOND_LONG
        for statistic in (
            "completeness",
            "kll_buckets",
            "kll_data",
            "max",
            "mean",
            "min",
            "num_missing",
            "num_present",
            "std_dev",
            "sum",
        )
    },
    ("null_marker", "tag", "categorical"): (
        "class 7: Deequ's histogram counts nulls under the key NullValue, so a literal NullValue "
        "is merged with them (dropped here, as our Spark job drops it); the engine keeps its bucket"
    ),
    ("quoted_commas_newlines", "text", "categorical"): (
        "Spark's CSV escape character is a backslash by default, so it keeps RFC 4180's doubled "
        'quotes as written ("say ""hi"""); the engine reads RFC 4180 (say "hi")'
    ),
}

# Where the spark backend's job differs from the engine on the same cases. The job casts every
# numeric column to double, so that no value fails a column's metrics (class 3).
DOUBLE_SUM = (
    "the Spark job sums Integral columns as doubles; the engine as an exact 64-bit sum, as Deequ "
    "does on a bigint column"
)
SPARK_JOB_DIFFERENCES = {
    **{
        ("big_integers", column, statistic): DOUBLE_SUM
        for column in ("beyond", "overflow")
        for statistic in ("mean", "sum")
    },
    ("null_marker", "tag", "categorical"): KNOWN_DIFFERENCES[("null_marker", "tag", "categorical")],
    ("signed_zero", "integral_zeros", "kll_data"): (
        "the Spark job casts an Integral -0 to the double -0.0; the engine reads it as the long 0"
    ),
}

SPARK_JSON_NUMBERS = (
    "Spark's JSON reader parses a number to a double and writes it back as Java does "
    '(5e-324 -> 4.9E-324, 1e200 -> 1.0E200, -0 -> 0, 1e400 -> the string "Infinity" in quotes); '
    "the engine reads a JSON number by its text, as CSV cells and capture payloads"
)
JSON_LINES_DIFFERENCES = {
    **{key: DOUBLE_SUM for key in SPARK_JOB_DIFFERENCES if key[0] == "big_integers"},
    ("null_marker", "tag", "categorical"): KNOWN_DIFFERENCES[("null_marker", "tag", "categorical")],
    **{
        ("extremes", "edge", statistic): SPARK_JSON_NUMBERS
        for statistic in (
            "categorical",
            "inferred_type",
            "kll_buckets",
            "kll_data",
            "max",
            "mean",
            "min",
            "std_dev",
            "sum",
        )
    },
    ("huge_mean", "huge", "distinct"): SPARK_JSON_NUMBERS,
    ("signed_zero", "integral_zeros", "distinct"): SPARK_JSON_NUMBERS,
}


@pytest.fixture(scope="module")
def spark():
    pyspark = pytest.importorskip("pyspark", reason="PySpark is not installed (`make spark`)")
    jar = default_deequ_jar()
    assert jar, "Deequ's jar is missing: `make spark` downloads it"
    session = (
        pyspark.sql.SparkSession.builder.master("local[1]")
        .appName("deequ agreement")
        .config("spark.jars", jar)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


# --- the two sides --------------------------------------------------------------------------------


def engine_statistics(path, output, header=True):
    node, cli = require_cli()
    command = [node, cli, "baseline", "--dataset", str(path), *(["--header"] if header else [])]
    command += ["--output", str(output), "--max-error-rate", "1"]
    subprocess.run(command, check=True, capture_output=True)
    document = json.loads((output / "statistics.json").read_text(encoding="utf-8"))
    return {feature["name"]: flatten(feature) for feature in document["features"]}


def deequ_statistics(spark, path):
    from pyspark.sql import functions as F

    from jupyterlab_model_monitor.spark_job.profile_job import (
        Deequ,
        JobError,
        inferred_type,
        list_of,
        type_counts,
    )

    frame = spark.read.option("header", True).option("multiLine", True).csv(str(path))
    deequ = Deequ(spark)
    columns = frame.columns
    size, types = deequ.size(), {c: deequ.data_type(c) for c in columns}
    value = deequ.run(frame, [size, *types.values()])
    item_count = int(value(size))
    kinds = {c: inferred_type(type_counts(value(types[c]))) for c in columns}
    numeric = [c for c in columns if kinds[c] in ("Integral", "Fractional")]
    cast = {c: f"__n{i}" for i, c in enumerate(numeric)}
    frame = frame.select(
        "*",
        *(
            F.col(f"`{c}`").cast("bigint" if kinds[c] == "Integral" else "double").alias(cast[c])
            for c in numeric
        ),
    )
    analyzers = {}
    for c in columns:
        if kinds[c] == "Unknown":
            continue
        analyzers[c, "distinct"] = deequ.approx_distinct(c)
        analyzers[c, "present"] = deequ.completeness(cast.get(c, c))
        if c in cast:
            for key, make in (
                ("sum", deequ.sum),
                ("mean", deequ.mean),
                ("std_dev", deequ.std_dev),
                ("min", deequ.minimum),
                ("max", deequ.maximum),
                ("kll", deequ.kll),
            ):
                analyzers[c, key] = make(cast[c])
    run = deequ.run(frame, list(analyzers.values()))

    def value(analyzer):
        # A metric Deequ cannot compute (every value cast to null) is absent, not an error.
        try:
            return run(analyzer)
        except JobError:
            return None

    features = {}
    for c in columns:
        stats = {"inferred_type": kinds[c]}
        features[c] = stats
        if kinds[c] == "Unknown":
            continue
        present = round(value(analyzers[c, "present"]) * item_count)
        stats["num_present"] = present
        stats["num_missing"] = item_count - present
        stats["completeness"] = present / item_count
        distinct = value(analyzers[c, "distinct"])
        if c in cast:
            stats["distinct"] = float(int(distinct))
            for key in ("sum", "mean", "std_dev", "min", "max"):
                stats[key] = value(analyzers[c, key])
            sketch = value(analyzers[c, "kll"])
            if sketch is None:
                continue
            stats["kll_buckets"] = [
                (b.lowValue(), b.highValue(), float(b.count())) for b in list_of(sketch.buckets())
            ]
            stats["kll_data"] = [list(level) for level in sketch.data()]
        else:
            stats["distinct"] = float(distinct)
            if distinct <= MAX_CATEGORICAL_DISTINCT:
                histogram = deequ.run(frame, [deequ.histogram(c)])
                stats["categorical"] = histogram_counts(histogram(deequ.histogram(c)))
    return features


def histogram_counts(distribution):
    counts, entries = {}, distribution.values().iterator()
    while entries.hasNext():
        entry = entries.next()
        if entry._1() != "NullValue":
            counts[entry._1()] = float(entry._2().absolute())
    return counts


def flatten(feature):
    """A statistics.json feature as {statistic: value}, in the keys deequ_statistics uses."""
    stats = {"inferred_type": feature["inferred_type"]}
    numeric, string = feature.get("numerical_statistics"), feature.get("string_statistics")
    section = numeric or string
    if section is None:
        return stats
    stats["num_present"] = section["common"]["num_present"]
    stats["num_missing"] = section["common"]["num_missing"]
    stats["completeness"] = number(section["completeness"])
    if numeric:
        stats["distinct"] = number(numeric["approximate_num_distinct_values"])
        for key in ("sum", "mean", "std_dev", "min", "max"):
            stats[key] = number(numeric[key])
        kll = numeric["distribution"]["kll"]
        stats["kll_buckets"] = [
            (number(b["lower_bound"]), number(b["upper_bound"]), number(b["count"]))
            for b in kll["buckets"]
        ]
        stats["kll_data"] = [[number(x) for x in level] for level in kll["sketch"]["data"]]
    else:
        stats["distinct"] = number(string["distinct_count"])
        categorical = string.get("distribution", {}).get("categorical")
        if categorical is not None:
            stats["categorical"] = {b["value"]: number(b["count"]) for b in categorical["buckets"]}
    return stats


def number(x):
    """statistics.json writes NaN and the infinities as strings."""
    return float(x) if isinstance(x, str) else x


# --- comparison -----------------------------------------------------------------------------------


def same(a, b):
    """Equal as the files would be: doubles bit for bit (NaN equals NaN, -0.0 is not 0.0)."""
    if isinstance(a, float) or isinstance(b, float):
        if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
            return False
        a, b = float(a), float(b)
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


def compare(case, ours, theirs):
    """Every (case, feature, statistic) compared, and those that differ with both values."""
    compared, differences = [], {}
    for feature in sorted(set(ours) | set(theirs)):
        mine, reference = ours.get(feature, {}), theirs.get(feature, {})
        for statistic in sorted(set(mine) | set(reference)):
            key = (case, feature, statistic)
            compared.append(key)
            if not same(mine.get(statistic), reference.get(statistic)):
                differences[key] = (mine.get(statistic), reference.get(statistic))
    return compared, differences


def short(value):
    text = repr(value)
    return text if len(text) <= 70 else text[:67] + "..."


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    """Each case's CSV and the engine's statistics of it."""
    root = tmp_path_factory.mktemp("deequ")
    paths = write_cases(root / "cases")
    return {
        case: (path, engine_statistics(path, root / "out" / case)) for case, path in paths.items()
    }


def check_agreement(other, pairs, known):
    """Prints the agreement of the engine with `other` over {case: (ours, theirs)}; fails on any
    difference not in `known`, and on any listed one that now agrees."""
    compared, differences = [], {}
    for case, (ours, theirs) in pairs.items():
        keys, found = compare(case, ours, theirs)
        compared += keys
        differences.update(found)
    agreeing = len(compared) - len(differences)
    print(
        f"\nagreement with {other}: {agreeing}/{len(compared)} statistics "
        f"({100 * agreeing / len(compared):.1f} %), {len(differences)} differ:"
    )
    for key, (mine, reference) in sorted(differences.items()):
        reason = known.get(key, "NOT LISTED")
        print(f"  {'/'.join(key)}: engine {short(mine)}, {other} {short(reference)} [{reason}]")
    if os.environ.get("DEEQU_REPORT"):
        report = [{"key": key, "engine": m, other: r} for key, (m, r) in differences.items()]
        Path(os.environ["DEEQU_REPORT"]).write_text(json.dumps(report, indent=1, default=repr))
    new = sorted(set(differences) - set(known))
    fixed = sorted(set(known) - set(differences))
    assert not new, f"statistics that no longer agree with {other}: {new}"
    assert not fixed, f"listed differences that now agree (remove them from the list): {fixed}"


def test_engine_agrees_with_deequ_on_edge_cases(spark, cases):
    pairs = {case: (ours, deequ_statistics(spark, path)) for case, (path, ours) in cases.items()}
    check_agreement("Deequ", pairs, KNOWN_DIFFERENCES)


def spark_job_statistics(spark, path):
    """The statistics the spark backend's job (spark_job/profile_job.py) computes, in-process."""
    from jupyterlab_model_monitor.spark_job import profile_job

    frame = profile_job.read_csv(spark, [str(path)], True, profile_job.Rejections())
    statistics, _ = profile_job.profile(spark, frame)
    return {feature["name"]: flatten(feature) for feature in statistics["features"]}


def test_spark_backend_agrees_with_the_engine_on_edge_cases(spark, cases):
    pairs = {
        case: (ours, spark_job_statistics(spark, path)) for case, (path, ours) in cases.items()
    }
    check_agreement("the Spark job", pairs, SPARK_JOB_DIFFERENCES)


# --- captures -------------------------------------------------------------------------------------


def as_captures(path, folder):
    """The case's CSV rows as SageMaker capture lines (each row the input payload, a score the
    output), in an hour folder; rows with a line break inside a field stay out (a payload line is
    one CSV record). Returns the folder and {header name: capture column}."""
    with path.open(newline="", encoding="utf-8") as file:
        header, *rows = list(csv.reader(file))
    hour = folder / path.stem / "2026" / "11" / "01" / "10"
    hour.mkdir(parents=True)
    lines = []
    for number, row in enumerate(rows):
        if any("\n" in cell or "\r" in cell for cell in row):
            continue
        text = io.StringIO()
        csv.writer(text, lineterminator="").writerow(row)
        side = {"observedContentType": "text/csv", "mode": "INPUT", "data": text.getvalue()}
        output = {**side, "mode": "OUTPUT", "data": str(number % 5 / 4)}
        capture = {"endpointInput": {**side, "encoding": "CSV"}, "endpointOutput": output}
        output["encoding"] = "CSV"
        metadata = {"eventId": f"e{number}", "inferenceTime": "2026-11-01T10:00:00Z"}
        lines.append(json.dumps({"captureData": capture, "eventMetadata": metadata}))
    (hour / "capture.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / path.stem, {name: f"_c{i + 1}" for i, name in enumerate(header)}


def spark_job_capture_statistics(spark, folder):
    from jupyterlab_model_monitor.spark_job import profile_job

    files = [(str(p.relative_to(folder)), str(p)) for p in sorted(folder.rglob("*.jsonl"))]
    frame = profile_job.read_captures(spark, files, profile_job.Rejections())
    statistics, _ = profile_job.profile(spark, frame)
    return {feature["name"]: flatten(feature) for feature in statistics["features"]}


def test_spark_backend_agrees_with_the_engine_on_captures(spark, cases, tmp_path_factory):
    """The same edge cases as captures: the job's Python capture reader and the engine's give
    statistics that agree as the CSV ones do (the same listed differences, renamed)."""
    from jupyterlab_model_monitor.spark_job import capture_rows

    spark.sparkContext.addPyFile(capture_rows.__file__)
    root = tmp_path_factory.mktemp("captures")
    pairs, known = {}, {}
    for case, (path, _) in cases.items():
        folder, columns = as_captures(path, root / "in")
        ours = engine_statistics(folder, root / "out" / case, header=False)
        pairs[case] = (ours, spark_job_capture_statistics(spark, folder))
        for (known_case, column, statistic), reason in SPARK_JOB_DIFFERENCES.items():
            if known_case == case:
                known[case, columns[column], statistic] = reason
    check_agreement("the Spark job on captures", pairs, known)


# --- the in-browser profiler ----------------------------------------------------------------------


def test_browser_profiler_writes_the_engine_bytes_on_edge_cases(cases, tmp_path_factory):
    """Profile in Browser (the browser runtime over a stream of chunks) writes the very bytes
    the CLI writes for every edge case, so it follows every decision above."""
    root = tmp_path_factory.mktemp("browser")
    script = root / "browser_profile.cjs"
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    source = Path(__file__).with_name("browser_profile.ts")
    bundle = [esbuild, source, "--bundle", "--platform=node", f"--outfile={script}"]
    subprocess.run([str(part) for part in bundle], check=True, capture_output=True)
    node, cli = require_cli()
    for case, (path, _) in cases.items():
        engine, browser = root / case / "engine", root / case / "browser"
        browser.mkdir(parents=True)
        command = [node, cli, "baseline", "--dataset", str(path), "--header", "--workers", "1"]
        subprocess.run([*command, "--max-error-rate", "1", "--output", str(engine)], check=True)
        subprocess.run([node, str(script), str(path), str(browser), "--header"], check=True)
        for name in ("statistics.json", "constraints.json"):
            assert (browser / name).read_bytes() == (engine / name).read_bytes(), (case, name)


# --- JSON lines -----------------------------------------------------------------------------------

JSON_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")


def as_json_lines(path, folder):
    """The case's CSV rows as JSON lines: an empty cell is an absent key, a cell in JSON's number
    grammar a number, any other a string. None for a case whose names repeat (ignoring case): an
    object has each key once, and Spark takes `a` and `A` for one column."""
    with path.open(newline="", encoding="utf-8") as file:
        header, *rows = list(csv.reader(file))
    if len({name.lower() for name in header}) < len(header):
        return None
    lines = []
    for row in rows:
        # A number keeps its text (1e400 too), as a writer of JSON numbers would have written it.
        members = [
            f"{json.dumps(name)}: {cell if JSON_NUMBER.fullmatch(cell) else json.dumps(cell)}"
            for name, cell in zip(header, row, strict=False)
            if cell != ""
        ]
        lines.append("{" + ", ".join(members) + "}")
    target = folder / f"{path.stem}.jsonl"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def test_spark_backend_agrees_with_the_engine_on_json_lines(spark, cases, tmp_path_factory):
    from jupyterlab_model_monitor.spark_job import profile_job

    root = tmp_path_factory.mktemp("json")
    pairs = {}
    for case, (path, _) in cases.items():
        file = as_json_lines(path, root)
        if file is None:
            continue
        ours = engine_statistics(file, root / "out" / case, header=False)
        frame = profile_job.read_json_lines(spark, [str(file)], str(file))
        statistics, _ = profile_job.profile(spark, frame)
        theirs = {feature["name"]: flatten(feature) for feature in statistics["features"]}
        pairs[case] = (ours, theirs)
    check_agreement("the Spark job on JSON lines", pairs, JSON_LINES_DIFFERENCES)
