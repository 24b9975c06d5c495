"""examples/generate.py: reproducible demo data in SageMaker's capture layout, with drift."""

import csv
import hashlib
import json
import re
from datetime import datetime, timedelta, timezone

import pytest
from demo import DEMO_START, load_generator

FILE_NAME = re.compile(r"^\d\d-\d\d-\d{3}-[0-9a-f-]{36}\.jsonl$")


@pytest.fixture(scope="module")
def generate():
    return load_generator()


@pytest.fixture(scope="module")
def demo(generate, tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    generate.main(["--skip-engine", "--output", str(out), *DEMO_START])
    return out


def _digest(folder):
    sha = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        sha.update(str(path.relative_to(folder)).encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()


def _records(demo, generate, hour):
    folder = (
        demo / "captures" / generate.ENDPOINT / "AllTraffic" / "2026" / "11" / "01" / f"{hour:02d}"
    )
    lines = [line for path in sorted(folder.iterdir()) for line in path.read_text().splitlines()]
    return [json.loads(line) for line in lines if line.startswith("{") and line.endswith("}")]


def test_is_reproducible(generate, demo, tmp_path):
    generate.main(["--skip-engine", "--output", str(tmp_path), *DEMO_START])
    assert _digest(tmp_path) == _digest(demo)


def test_captures_cover_the_day_before_generation_by_default(generate, tmp_path):
    """A demo generated today can be monitored over recent windows (runs cap them at 744 hours)."""
    before = datetime.now(timezone.utc)
    generate.main(["--skip-engine", "--output", str(tmp_path)])
    after = datetime.now(timezone.utc)
    root = tmp_path / "captures" / generate.ENDPOINT / "AllTraffic"
    hours = sorted({p.parent.relative_to(root).as_posix() for p in root.rglob("*.jsonl")})
    first = datetime.strptime(hours[0], "%Y/%m/%d/%H").replace(tzinfo=timezone.utc)
    last = datetime.strptime(hours[-1], "%Y/%m/%d/%H").replace(tzinfo=timezone.utc)
    assert before - timedelta(hours=25) < first <= after - timedelta(hours=24)
    assert last == first + timedelta(hours=generate.HOURS - 1)


def test_start_must_be_a_whole_utc_hour(generate, tmp_path, capsys):
    for bad in ("2026-11-01T00:30:00Z", "2026-11-01T00:00:00", "yesterday"):
        with pytest.raises(SystemExit):
            generate.main(["--skip-engine", "--output", str(tmp_path), "--start", bad])
        assert f"{bad!r}: give a whole UTC hour" in capsys.readouterr().err


def test_training_table(generate, demo):
    with (demo / "data" / "training.csv").open() as file:
        rows = list(csv.reader(file))
    assert rows[0] == generate.COLUMNS
    assert len(rows) == 1 + generate.TRAINING_ROWS
    assert len(generate.NUMERIC) >= 10 and len(generate.CATEGORICAL) >= 4


def test_capture_layout_and_record_shape(generate, demo):
    root = demo / "captures" / generate.ENDPOINT / "AllTraffic"
    hours = sorted(p.parent.relative_to(root).as_posix() for p in root.rglob("*.jsonl"))
    assert len(set(hours)) == generate.HOURS
    assert all(FILE_NAME.match(p.name) for p in root.rglob("*.jsonl"))
    record = _records(demo, generate, 0)[0]
    assert list(record) == ["captureData", "eventMetadata", "eventVersion"]
    assert record["eventVersion"] == "0"
    assert record["captureData"]["endpointInput"] == {
        "observedContentType": "text/csv",
        "mode": "INPUT",
        "data": record["captureData"]["endpointInput"]["data"],
        "encoding": "CSV",
    }
    assert record["captureData"]["endpointOutput"]["mode"] == "OUTPUT"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:\d\d:\d\dZ", record["eventMetadata"]["inferenceTime"])
    cells = record["captureData"]["endpointInput"]["data"].split(",")
    assert len(cells) == len(generate.COLUMNS) - 1  # the score comes back as the output


def test_has_malformed_lines(generate, demo):
    broken = [
        line
        for path in (demo / "captures").rglob("*.jsonl")
        for line in path.read_text().splitlines()
        if not line.endswith("}")
    ]
    assert len(broken) == len(generate.MALFORMED_HOURS)


def _column(records, index):
    return [r["captureData"]["endpointInput"]["data"].split(",")[index] for r in records]


def test_later_hours_drift(generate, demo):
    early, late = _records(demo, generate, 0), _records(demo, generate, generate.HOURS - 1)
    payment = generate.CATEGORICAL.index("payment_method") + len(generate.NUMERIC)
    assert generate.NEW_PAYMENT not in _column(early, payment)
    assert generate.NEW_PAYMENT in _column(late, payment)
    credit = generate.NUMERIC.index("credit_score")
    assert _column(early, credit).count("") == 0
    assert _column(late, credit).count("") > len(late) // 10
    charges = generate.NUMERIC.index("monthly_charges")

    def mean(values):
        return sum(map(float, values)) / len(values)

    assert mean(_column(late, charges)) > 1.2 * mean(_column(early, charges))


@pytest.fixture(scope="module")
def full_demo(generate, tmp_path_factory):
    """The demo with the engine's outputs (baselines, runs, the demo store)."""
    from demo import require_cli

    require_cli()
    out = tmp_path_factory.mktemp("full-demo")
    generate.main(["--output", str(out), *DEMO_START])
    return out


def test_full_demo_has_a_run_with_violations(full_demo):
    tmp_path = full_demo
    for name in ("statistics.json", "constraints.json"):
        assert (tmp_path / "baseline" / name).is_file()

    def violations(run):
        text = (tmp_path / "monitoring" / run / "constraint_violations.json").read_text()
        return json.loads(text)["violations"]

    assert violations("early-hours") == []
    assert len(violations("late-hours")) >= 3


# -- model quality (issue #10) ----------------------------------------------------------------


def _capture_event_ids(demo):
    ids = []
    for path in sorted((demo / "captures").rglob("*.jsonl")):
        for line in path.read_text().splitlines():
            if line.startswith("{") and line.endswith("}"):
                ids.append(json.loads(line)["eventMetadata"]["eventId"])
    return ids


def test_ground_truth_labels_every_readable_capture_late(generate, demo):
    root = demo / generate.GROUND_TRUTH / generate.ENDPOINT
    files = sorted(root.rglob("*.jsonl"))
    records = [json.loads(line) for path in files for line in path.read_text().splitlines()]
    assert sorted(r["eventMetadata"]["eventId"] for r in records) == sorted(
        _capture_event_ids(demo)
    )
    assert {r["groundTruthData"]["data"] for r in records} == {"0", "1"}
    assert records[0]["groundTruthData"]["encoding"] == "CSV"
    hours = sorted(path.parent.relative_to(root).as_posix() for path in files)
    assert hours[0] == "2026/11/01/01"  # the first labels arrive an hour after the first captures
    assert hours[-1] == "2026/11/02/02"  # and the last ones up to three hours late


def test_validation_set_has_scores_and_labels(generate, demo):
    with (demo / "data" / "validation_with_predictions.csv").open() as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["label", "probability"]
    assert len(rows) == 1 + generate.VALIDATION_ROWS
    assert {row[0] for row in rows[1:]} == {"0", "1"}
    assert all(0 <= float(row[1]) <= 1 for row in rows[1:])


def test_full_demo_has_model_quality_runs_and_a_store(generate, full_demo):
    from jupyterlab_model_monitor.store import Store

    tmp_path = full_demo
    baseline = json.loads((tmp_path / generate.QUALITY_BASELINE / "constraints.json").read_text())
    assert "auc" in baseline["binary_classification_constraints"]
    windows = generate.quality_windows()
    assert len(windows) == generate.HOURS // generate.QUALITY_WINDOW_HOURS

    def run(end):
        folder = tmp_path / generate.quality_run_folder(end)
        statistics = json.loads((folder / "statistics.json").read_text())
        violations = json.loads((folder / "constraint_violations.json").read_text())
        return statistics["binary_classification_metrics"], violations["violations"]

    first, _ = run(windows[0][1])
    last, last_violations = run(windows[-1][1])
    assert last["accuracy"]["value"] < first["accuracy"]["value"] - 0.1  # concept drift
    assert {v["metric_name"] for v in last_violations} >= {"auc", "accuracy"}

    store = Store(tmp_path / generate.DEMO_STORE)
    try:
        monitors = {m["name"]: m for m in store.list_monitors()}
        assert {m["monitor_type"] for m in monitors.values()} == {"data-quality", "model-quality"}
        quality = monitors["churn-model-quality"]
        assert quality["model_quality"]["problem_type"] == "BinaryClassification"
        executions = store.list_executions(monitor_id=quality["id"])
        assert len(executions) == len(windows)
        assert all(e["state"] == "completed_with_violations" for e in executions)
        accuracy = store.query_metrics(quality["id"], metric="accuracy")
        assert len(accuracy) == len(windows)
    finally:
        store.close()


def test_full_demo_has_a_monitor_segmented_by_region(generate, full_demo):
    from jupyterlab_model_monitor.metrics import series
    from jupyterlab_model_monitor.store import Store

    index = json.loads((full_demo / generate.SEGMENTED_BASELINE / "segments.json").read_text())
    regions = {s["value"] for s in index["segments"]}
    assert index["segment_by"] == "region"
    assert regions == {"north", "south", "east", "west", "central"}
    store = Store(full_demo / generate.DEMO_STORE)
    try:
        (monitor,) = [m for m in store.list_monitors() if m["name"] == "churn-by-region"]
        runs = store.list_executions(monitor_id=monitor["id"])
        assert len(runs) == len(generate.segmented_windows())
        counts = series(store.query_metrics(monitor["id"], metric="item_count"))
    finally:
        store.close()
    by_region = {s["segment"]["value"]: s for s in counts if s.get("segment")}
    assert set(by_region) == regions
    (overall,) = [s for s in counts if "segment" not in s]
    # Every row is in one region: the regions' item counts add up to the run's, run by run.
    runs = range(len(overall["points"]))
    totals = [sum(s["points"][i]["value"] for s in by_region.values()) for i in runs]
    assert totals == [p["value"] for p in overall["points"]]
