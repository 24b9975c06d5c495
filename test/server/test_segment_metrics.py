"""Metric history of a segmented run: each segment's files give its own series (segments.json)."""

import json

import pytest
from test_metrics import STATISTICS, VIOLATIONS, values, write_run

from jupyterlab_model_monitor.metrics import run_metrics, series, split_name, stored_name
from jupyterlab_model_monitor.store import Store

NORTH = {"by": "region", "kind": "value", "value": "north"}
MISSING = {"by": "region", "kind": "missing", "value": None}
ENTRIES = [
    {"kind": "value", "value": "north", "folder": "segments/01-north", "item_count": 3,
     "violations": 0, "baseline": "segment"},
    {"kind": "missing", "value": None, "folder": "segments/02-missing", "item_count": 1,
     "violations": 2, "baseline": "overall"},
]  # fmt: skip
MONITOR = {"name": "m", "dataset": "d", "baseline_statistics": "s", "baseline_constraints": "c",
           "output": "o", "enabled": True, "header": False, "window_hours": 1,
           "catch_up": "once", "backend": "local"}  # fmt: skip


def with_rows(items, missing_age):
    """STATISTICS with another item count and `age` missing in `missing_age` rows."""
    statistics = json.loads(json.dumps(STATISTICS))
    statistics["dataset"]["item_count"] = items
    age = statistics["features"][0]["numerical_statistics"]["common"]
    age.update(num_present=items - missing_age, num_missing=missing_age)
    return statistics


def write_segmented_run(folder, segments=None):
    """A run as `model-monitor monitor --segment-by region` writes it (docs/cli.md, Segments)."""
    write_run(folder)
    write_run(folder / "segments" / "01-north", with_rows(3, 0), {"violations": []})
    write_run(folder / "segments" / "02-missing", with_rows(1, 1), VIOLATIONS)
    index = {
        "version": 1,
        "segment_by": "region",
        "max_segments": 20,
        "segments": segments or ENTRIES,
    }
    (folder / "segments.json").write_text(json.dumps(index))
    return str(folder)


def of_segment(points, segment):
    return {split_name(p["name"])[1]: p["value"] for p in points if p.get("segment") == segment}


def test_each_segment_gives_the_metrics_of_its_own_files(tmp_path):
    points = run_metrics(write_segmented_run(tmp_path))
    overall = [p for p in points if "segment" not in p]
    assert values(overall) == values(run_metrics(write_run(tmp_path / "plain")))
    north = of_segment(points, NORTH)
    assert north["dataset_item_count"] == 3.0
    assert north["feature_missing_age"] == 0.0
    assert north["dataset_violations"] == 0.0
    assert "feature_baseline_drift_age" not in north
    missing = of_segment(points, MISSING)
    assert missing["feature_missing_age"] == 1.0
    assert missing["feature_baseline_drift_age"] == 0.25
    # Stored names are unique within the run (the store's key), and say which segment they are.
    assert len({p["name"] for p in points}) == len(points)
    drift = next(
        p for p in points if p.get("segment") == MISSING and p["metric"] == "baseline_drift"
    )
    assert drift["name"] == 'segment:["region","missing",null]:feature_baseline_drift_age'
    assert (drift["feature"], drift["value"]) == ("age", 0.25)


def test_published_metrics_stay_the_runs(tmp_path):
    folder = write_segmented_run(tmp_path)
    published = tmp_path / "segments" / "01-north" / "metrics" / "cloudwatch"
    published.mkdir(parents=True)
    (published / "m.jsonl").write_text(json.dumps({"MetricName": "record_count", "Value": 7}))
    assert "record_count" not in of_segment(run_metrics(folder), NORTH)


@pytest.mark.parametrize(
    "entry",
    [
        {"kind": "value", "value": "x", "folder": "../elsewhere"},
        {"kind": "value", "value": "x", "folder": "segments/.."},
        {"kind": "value", "value": "x", "folder": "segments/01-north/../../.."},
        {"kind": "value", "value": 3, "folder": "segments/01-north"},
        {"kind": "nearby", "value": "x", "folder": "segments/01-north"},
        "not an entry",
    ],
)
def test_an_entry_that_is_not_a_segment_is_skipped(tmp_path, entry):
    points = run_metrics(write_segmented_run(tmp_path, segments=[entry]))
    assert [p for p in points if "segment" in p] == []


def test_a_broken_index_keeps_the_runs_own_metrics(tmp_path):
    folder = write_segmented_run(tmp_path / "run")
    (tmp_path / "run" / "segments.json").write_text("{not json")
    assert values(run_metrics(folder)) == values(run_metrics(write_run(tmp_path / "plain")))


def test_a_broken_segment_file_costs_that_segment_only(tmp_path):
    folder = write_segmented_run(tmp_path)
    (tmp_path / "segments" / "01-north" / "statistics.json").write_text("{cut")
    points = run_metrics(folder)
    assert of_segment(points, NORTH) == {}
    assert of_segment(points, MISSING)["dataset_item_count"] == 1.0


@pytest.mark.parametrize("value", ["north", 'a "quoted": value', "x]:feature_y", "", None])
def test_stored_names_split_back(value):
    segment = {"by": "eventMetadata.customAttributes", "kind": "value", "value": value}
    assert split_name(stored_name(segment, "feature_missing_age")) == (
        segment,
        "feature_missing_age",
    )
    assert split_name("segment:oops") == (None, "segment:oops")
    assert split_name("dataset_item_count") == (None, "dataset_item_count")


def test_the_history_has_a_series_per_segment(tmp_path):
    store = Store(tmp_path / "m.sqlite")
    try:
        monitor = store.create_monitor(MONITOR)
        points = run_metrics(write_segmented_run(tmp_path / "run"))
        for hour in ("01", "02"):
            time = f"2026-11-01T{hour}:00:00Z"
            run = {"monitor_id": monitor["id"], "trigger": "manual", "output": "o",
                   "scheduled_for": time, "window_start": time}  # fmt: skip
            execution = store.create_execution(run)
            store.record_metrics(execution, points)
        history = series(store.query_metrics(monitor["id"], metric="missing", feature="age"))
    finally:
        store.close()
    assert [(s["name"], s.get("segment")) for s in history] == [
        ("feature_missing_age", None),
        ("feature_missing_age", NORTH),
        ("feature_missing_age", MISSING),
    ]
    assert [[p["value"] for p in s["points"]] for s in history] == [
        [0.25, 0.25],
        [0.0, 0.0],
        [1.0, 1.0],
    ]
    assert "segment" not in history[0]
