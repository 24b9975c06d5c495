"""Metric history (our CloudWatch): per-feature numbers taken from a finished run's files.

A run's ``statistics.json`` and ``constraint_violations.json`` give, per run, these metrics
(names follow SageMaker's CloudWatch metrics, FORMATS §2, with ``<f>`` the feature name):

==================  ===============================  ========================================
metric              name                             value
==================  ===============================  ========================================
``item_count``      ``dataset_item_count``           rows analysed
``violations``      ``dataset_violations``           violations of the run
``non_null``        ``feature_non_null_<f>``         num_present / item_count
``missing``         ``feature_missing_<f>``          num_missing / item_count (a fraction)
``mean``            ``feature_data_<f>``             numeric features: the mean
``violations``      ``feature_violations_<f>``       violations naming the feature (0 if none)
``baseline_drift``  ``feature_baseline_drift_<f>``   distance of a ``baseline_drift_check``
``drift_<test>``    ``feature_drift_<test>_<f>``     statistic of an extension drift test (§8)
==================  ===============================  ========================================

A model-quality run (statistics with ``regression_metrics``, ``binary_classification_metrics``
or ``multiclass_classification_metrics``, FORMATS §5.4) gives ``dataset_item_count``,
``dataset_violations`` and one series per scalar metric, named as the metric (``accuracy``,
``auc``, ``rmse``, …, as SageMaker's model-quality CloudWatch metrics are), feature null.

Metrics a run published in CloudWatch's format (``<run>/metrics/cloudwatch/*.jsonl``, one
PutMetricData datum a line, as our engine and custom monitors write them) are series too, under
their ``MetricName``: SageMaker's ``feature_baseline_drift_<f>``, ``feature_non_null_<f>`` and
``feature_data_<f>`` join the series above of that name (so the drift of every feature is known,
not only of those that fired); other names have feature null. A value the run's files give
replaces a published one of the same name.

``baseline_drift`` exists only where the engine reports a distance, i.e. when the check fired;
the drift tests give a value for every tested feature and run. Nothing is recomputed here: the
server only reads what the engine wrote.

A segmented run (``segments.json``) gives the same metrics again for each segment, from the
segment's own ``statistics.json`` and ``constraint_violations.json`` (published metrics are the
run's only). A segment's points carry ``segment`` (``{by, kind, value}``: the column, and the
segment's kind and value as segments.json has them); the store keeps it in the stored name,
``segment:["<by>","<kind>","<value>"]:<name>``, which :func:`series` splits again.
"""

import itertools
import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .file_names import EXTENSION_KEY, STATISTICS_FILE, VIOLATIONS_FILE
from .paths import open_confined
from .segments import read_segments, segment_folder

DRIFT_TEXT = re.compile(r"distance: (\S+) exceeds (?:\w+ )?threshold: (\S+)")

# A metric value: ``{name, metric, feature, value}`` (and ``segment`` for a segment's).
Point = dict[str, Any]
StrPath = str | os.PathLike[str]


def read_json(path: StrPath, root: StrPath | None = None) -> Any:
    """The parsed document at ``path``, or None when the file is absent. With ``root``, a file
    that resolves outside it is refused (PathError), as any file of a run's output folder."""
    try:
        with open_confined(root, path, encoding="utf-8") as file:
            return json.load(file)
    except FileNotFoundError:
        return None


def number(value: Any) -> float | None:
    """A finite float from a JSON value (numbers, or Java's ``"NaN"`` strings), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        result = float(value)
    except ValueError:
        return None
    return result if math.isfinite(result) else None


def ratio(count: Any, total: float | None) -> float | None:
    count = number(count)
    return count / total if count is not None and total else None


def point(metric: str, feature: str | None, value: Any) -> Point | None:
    """One metric value: ``{name, metric, feature, value}`` (None when ``value`` is not finite)."""
    value = number(value)
    if value is None:
        return None
    if feature is None:
        return {"name": f"dataset_{metric}", "metric": metric, "feature": None, "value": value}
    name = f"feature_{'data' if metric == 'mean' else metric}_{feature}"
    return {"name": name, "metric": metric, "feature": feature, "value": value}


def statistics_points(statistics: Mapping[str, Any]) -> list[Point | None]:
    """Item count, and per feature non-null and missing fractions and the numeric mean."""
    items = number((statistics.get("dataset") or {}).get("item_count"))
    points = [point("item_count", None, items)]
    for feature in statistics.get("features") or []:
        name = feature.get("name")
        stats = feature.get("numerical_statistics") or feature.get("string_statistics") or {}
        common = stats.get("common") or {}
        points.append(point("non_null", name, ratio(common.get("num_present"), items)))
        points.append(point("missing", name, ratio(common.get("num_missing"), items)))
        if "numerical_statistics" in feature:
            points.append(point("mean", name, stats.get("mean")))
    return points


def violation_points(
    violations: Mapping[str, Any], feature_names: Iterable[str]
) -> list[Point | None]:
    """The run's violation count, per-feature counts, and fired drift distances."""
    found = violations.get("violations") or []
    counts: dict[str | None, int] = dict.fromkeys(feature_names, 0)
    points = [point("violations", None, len(found))]
    for violation in found:
        feature = violation.get("feature_name")
        counts[feature] = counts.get(feature, 0) + 1
        match = DRIFT_TEXT.search(violation.get("description") or "")
        if violation.get("constraint_check_type") == "baseline_drift_check" and match:
            points.append(point("baseline_drift", feature, match.group(1)))
    points += [point("violations", feature, count) for feature, count in counts.items()]
    return points


def drift_test_points(violations: Mapping[str, Any]) -> list[Point | None]:
    """The statistic of every extension drift test that ran (skipped tests have none)."""
    extension = violations.get(EXTENSION_KEY) or {}
    return [
        point(f"drift_{test.get('test')}", test.get("feature_name"), test.get("statistic"))
        for test in extension.get("drift_tests") or []
        if test.get("test") and test.get("feature_name") is not None
    ]


QUALITY_METRICS_KEYS = (
    "regression_metrics",
    "binary_classification_metrics",
    "multiclass_classification_metrics",
)


def quality_metrics(statistics: Mapping[str, Any]) -> dict[str, Any] | None:
    """The metrics object of a model-quality statistics document, or None."""
    for key in QUALITY_METRICS_KEYS:
        if isinstance(statistics.get(key), dict):
            return statistics[key]
    return None


def quality_points(
    statistics: Mapping[str, Any], metrics: Mapping[str, Any], violations: Mapping[str, Any]
) -> list[Point | None]:
    """Item count, violation count and every scalar metric (``{value, standard_deviation}``)."""
    items = (statistics.get("dataset") or {}).get("item_count")
    points: list[Point | None] = [
        point("item_count", None, items),
        point("violations", None, len(violations.get("violations") or [])),
    ]
    for name, entry in metrics.items():
        if isinstance(entry, dict) and "value" in entry:
            value = number(entry["value"])
            if value is not None:
                points.append({"name": name, "metric": name, "feature": None, "value": value})
    return points


# Where a run's CloudWatch-format metrics go, in its output folder (SageMaker's container writes
# /opt/ml/output/metrics/cloudwatch).
CLOUDWATCH_METRICS_FOLDER = os.path.join("metrics", "cloudwatch")
MAX_PUBLISHED_LINES = 100_000


def published_points(output_dir: StrPath, root: StrPath | None = None) -> list[Point | None]:
    """The run's CloudWatch-format metrics: ``Value``, or a statistic set's Sum / SampleCount."""
    folder = os.path.join(output_dir, CLOUDWATCH_METRICS_FOLDER)
    try:
        names = sorted(name for name in os.listdir(folder) if name.endswith(".jsonl"))
    except OSError:
        return []
    points: list[Point | None] = []
    for name in names:
        try:
            with open_confined(root, os.path.join(folder, name), encoding="utf-8") as file:
                lines = list(itertools.islice(file, MAX_PUBLISHED_LINES))
        except (OSError, ValueError):
            continue
        points += [published_point(line) for line in lines]
    return points


def published_point(line: str) -> Point | None:
    try:
        datum = json.loads(line)
    except ValueError:
        return None
    if not isinstance(datum, dict) or not isinstance(datum.get("MetricName"), str):
        return None
    value = datum.get("Value")
    statistics = datum.get("StatisticValues")
    if value is None and isinstance(statistics, dict):
        value = ratio(statistics.get("Sum"), number(statistics.get("SampleCount")))
    value = number(value)
    if value is None:
        return None
    name = datum["MetricName"]
    for prefix, metric in SAGEMAKER_FEATURE_METRICS:
        if name.startswith(prefix) and len(name) > len(prefix):
            return {"name": name, "metric": metric, "feature": name[len(prefix) :], "value": value}
    return {"name": name, "metric": name, "feature": None, "value": value}


# SageMaker's per-feature metric names (FORMATS §2) are the series of our own metrics of that name:
# a run's published drift distances fill features whose drift raised no violation.
SAGEMAKER_FEATURE_METRICS = (
    ("feature_baseline_drift_", "baseline_drift"),
    ("feature_non_null_", "non_null"),
    ("feature_data_", "mean"),
)


def run_metrics(output_dir: StrPath, root: StrPath | None = None) -> list[Point]:
    """All metric values of the run whose files are in ``output_dir`` (blocking file reads):
    the run's, then each segment's."""
    points = folder_metrics(output_dir, root, published=True)
    for segment, folder in run_segments(output_dir, root):
        try:
            found = folder_metrics(folder, root)
        except ValueError:  # a broken segment file costs that segment only
            continue
        points += [
            {**p, "name": stored_name(segment, p["name"]), "segment": segment} for p in found
        ]
    return points


def folder_metrics(folder: StrPath, root: StrPath | None, published: bool = False) -> list[Point]:
    """The metric values of one folder of SageMaker files (a run's, or a segment's)."""
    statistics = read_json(os.path.join(folder, STATISTICS_FILE), root) or {}
    violations = read_json(os.path.join(folder, VIOLATIONS_FILE), root) or {}
    metrics = quality_metrics(statistics)
    if metrics is not None:
        return [p for p in quality_points(statistics, metrics, violations) if p is not None]
    features = [f.get("name") for f in statistics.get("features") or [] if f.get("name")]
    points = published_points(folder, root) if published else []  # first: ours replace them
    points += statistics_points(statistics) if statistics else []
    points += violation_points(violations, features) + drift_test_points(violations)
    unique = {p["name"]: p for p in points if p is not None}  # a repeated name keeps the last
    return list(unique.values())


SEGMENT_KINDS = ("value", "missing", "other")
SEGMENT_PREFIX = "segment:"


def run_segments(
    output_dir: StrPath, root: StrPath | None = None
) -> list[tuple[dict[str, Any], str]]:
    """``(segment, folder)`` of each segment of a segmented run; none for another run, or when
    its segments.json is not one (the run's own metrics are kept)."""
    try:
        index = read_segments(output_dir, root)
    except ValueError:
        return []
    by = index.get("segment_by") if index else None
    if index is None or not isinstance(by, str):
        return []
    found = []
    for entry in index.get("segments") or []:
        if not isinstance(entry, dict) or entry.get("kind") not in SEGMENT_KINDS:
            continue
        value, folder = entry.get("value"), segment_folder(output_dir, entry.get("folder"))
        if (value is None or isinstance(value, str)) and folder is not None:
            found.append(({"by": by, "kind": entry["kind"], "value": value}, folder))
    return found


def stored_name(segment: Mapping[str, Any], name: str) -> str:
    """A segment's metric name as stored: unique per run beside the run's own."""
    key = json.dumps([segment["by"], segment["kind"], segment["value"]], separators=(",", ":"))
    return f"{SEGMENT_PREFIX}{key}:{name}"


def split_name(stored: str) -> tuple[dict[str, Any] | None, str]:
    """``(segment or None, name)`` of a stored metric name."""
    if stored.startswith(SEGMENT_PREFIX):
        try:
            key, end = json.JSONDecoder().raw_decode(stored, len(SEGMENT_PREFIX))
            by, kind, value = key
            if stored[end] == ":":
                return {"by": by, "kind": kind, "value": value}, stored[end + 1 :]
        except (ValueError, TypeError, IndexError):
            pass
    return None, stored


def series(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Stored metric rows (oldest first) grouped by metric name (and segment) into time series;
    a segment's series has ``segment``, the run's have none."""
    grouped: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = grouped.get(row["name"])
        if entry is None:
            segment, name = split_name(row["name"])
            entry = {"name": name, "metric": row["metric"], "feature": row["feature"]}
            if segment is not None:
                entry["segment"] = segment
            grouped[row["name"]] = entry = {**entry, "points": []}
        point = {"time": row["time"], "value": row["value"], "execution_id": row["execution_id"]}
        entry["points"].append(point)
    return list(grouped.values())
