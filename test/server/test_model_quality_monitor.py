"""Model-quality monitors (issue #10): store, validation, REST, a real local-backend run."""

import asyncio
import json
import subprocess

import pytest
from demo import build_demo, require_cli
from old_store import old_store

from jupyterlab_model_monitor.backends import RunJob
from jupyterlab_model_monitor.store import MIGRATIONS, Store
from jupyterlab_model_monitor.validation import ValidationError, validate_monitor

FINAL = ("completed", "completed_with_violations", "failed", "cancelled")
QUALITY = {
    "problem_type": "BinaryClassification",
    "ground_truth": "ground-truth/churn-endpoint",
    "probability_attribute": "0",
    "probability_threshold": 0.3,
}


def definition(**fields):
    return {
        "name": "churn-quality",
        "dataset": "captures/churn-endpoint",
        "baseline_statistics": "model-quality-baseline/statistics.json",
        "baseline_constraints": "model-quality-baseline/constraints.json",
        "window_hours": 4,
        "monitor_type": "model-quality",
        "model_quality": QUALITY,
        **fields,
    }


# -- store ----------------------------------------------------------------------------------


def test_version_4_store_gets_the_new_columns(tmp_path):
    path = tmp_path / "old.sqlite"
    old = old_store(path, 4)
    old.execute(
        "INSERT INTO monitors (id, name, dataset, baseline_statistics, baseline_constraints,"
        " output, window_hours, catch_up, backend, enabled, header, created_at, updated_at)"
        " VALUES ('m1', 'old', 'd', 's', 'c', 'o', 1, 'once', 'local', 1, 0, 't', 't')"
    )
    old.commit()
    old.close()
    store = Store(path)
    try:
        assert store.schema_version() == len(MIGRATIONS)
        (monitor,) = store.list_monitors()
        assert monitor["monitor_type"] == "data-quality"
        assert monitor["model_quality"] is None
        fields = {
            **definition(),
            "output": "o",
            "catch_up": "once",
            "header": False,
            "backend": "local",
        }
        created = store.create_monitor({**fields, "enabled": True})
        assert store.get_monitor(created["id"])["model_quality"] == QUALITY
    finally:
        store.close()


# -- validation -----------------------------------------------------------------------------


def write_baseline_files(root):
    folder = root / "model-quality-baseline"
    folder.mkdir(parents=True, exist_ok=True)
    (root / "captures" / "churn-endpoint").mkdir(parents=True, exist_ok=True)  # must exist
    for name in ("statistics.json", "constraints.json"):
        (folder / name).write_text("{}")


@pytest.fixture
def root(tmp_path):
    write_baseline_files(tmp_path)
    return str(tmp_path)


BACKENDS = {"local": None, "sagemaker": None}


def error_field(body, root, **kwargs):
    with pytest.raises(ValidationError) as raised:
        validate_monitor(body, root, BACKENDS, **kwargs)
    return raised.value.field


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"model_quality": None}, "model_quality"),
        ({"model_quality": {**QUALITY, "problem_type": "Ranking"}}, "model_quality.problem_type"),
        (
            {"model_quality": {k: v for k, v in QUALITY.items() if k != "ground_truth"}},
            "model_quality.ground_truth",
        ),
        (
            {"model_quality": {**QUALITY, "ground_truth": "../outside"}},
            "model_quality.ground_truth",
        ),
        (
            {"model_quality": {**QUALITY, "probability_threshold": 2}},
            "model_quality.probability_threshold",
        ),
        (
            {"model_quality": {**QUALITY, "label_lateness_hours": -1}},
            "model_quality.label_lateness_hours",
        ),
        ({"model_quality": {**QUALITY, "colour": 1}}, "model_quality.colour"),
        (
            {"model_quality": {"problem_type": "Regression", "ground_truth": "gt"}},
            "model_quality.inference_attribute",
        ),
        ({"backend": "sagemaker"}, "backend"),
        ({"dataset_format": "csv"}, "dataset_format"),
        ({"monitor_type": "bias"}, "monitor_type"),
        ({"monitor_type": "data-quality"}, "model_quality"),
    ],
)
def test_validation_names_the_field(root, changes, field):
    assert error_field(definition(**changes), root) == field


def test_valid_model_quality_monitor_gets_defaults(root):
    monitor = validate_monitor(definition(), root, BACKENDS)
    assert monitor["monitor_type"] == "model-quality"
    assert monitor["model_quality"]["label_lateness_hours"] == 24
    assert monitor["model_quality"]["inference_attribute"] is None


def test_patch_is_checked_against_the_stored_monitor(root):
    current = validate_monitor(definition(), root, BACKENDS)
    assert error_field({"backend": "sagemaker"}, root, partial=True, current=current) == "backend"
    data_quality = {**current, "monitor_type": "data-quality", "model_quality": None}
    body = {"model_quality": QUALITY}
    assert error_field(body, root, partial=True, current=data_quality) == "model_quality"


@pytest.mark.parametrize(
    "module, name", [("sagemaker", "SageMakerBackend"), ("spark", "SparkBackend")]
)
async def test_data_quality_backends_refuse_a_model_quality_job(tmp_path, module, name):
    if module == "sagemaker":
        pytest.importorskip("boto3")
    backends = __import__(f"jupyterlab_model_monitor.backends.{module}", fromlist=[name])
    backend = getattr(backends, name)()
    job = RunJob(
        execution_id="e1", dataset=str(tmp_path), dataset_format=None, header=False,
        baseline_statistics="s", baseline_constraints="c", output=str(tmp_path / "out"),
        monitor_type="model-quality", model_quality={**QUALITY, "ground_truth": str(tmp_path)},
    )  # fmt: skip

    async def report(progress, message):
        raise AssertionError("nothing may run")

    outcome = await backend.run(job, report)
    assert outcome.state == "failed"
    assert f"the {backend.name} backend runs data-quality monitors only" in outcome.message
    assert not (tmp_path / "out").exists()


# -- REST -----------------------------------------------------------------------------------


async def test_rest_create_get_patch_round_trip(api, jp_root_dir):
    write_baseline_files(jp_root_dir)
    status, created = await api("POST", "monitors", body=definition())
    assert status == 201, created
    assert created["monitor_type"] == "model-quality"
    assert created["model_quality"]["problem_type"] == "BinaryClassification"
    status, fetched = await api("GET", "monitors", created["id"])
    assert status == 200 and fetched["model_quality"] == created["model_quality"]
    quality = {**QUALITY, "label_lateness_hours": 48, "positive_label": "1"}
    status, patched = await api("PATCH", "monitors", created["id"], body={"model_quality": quality})
    assert status == 200, patched
    assert patched["model_quality"]["label_lateness_hours"] == 48
    assert patched["model_quality"]["positive_label"] == "1"
    status, error = await api("PATCH", "monitors", created["id"], body={"model_quality": None})
    assert status == 400 and "model_quality" in json.dumps(error)
    status, error = await api(
        "POST", "monitors", body=definition(model_quality={**QUALITY, "problem_type": "x"})
    )
    assert status == 400 and "model_quality.problem_type" in json.dumps(error)
    status, plain = await api(
        "POST", "monitors", body=definition(name="dq", monitor_type=None, model_quality=None)
    )
    assert status == 400  # monitor_type null is not a type
    body = {
        k: v for k, v in definition(name="dq").items() if k not in ("monitor_type", "model_quality")
    }
    status, plain = await api("POST", "monitors", body=body)
    assert (
        status == 201 and plain["monitor_type"] == "data-quality" and plain["model_quality"] is None
    )


# -- a real run: demo captures + labels, a baseline by the CLI, the scheduler, metrics, alert --


@pytest.fixture
def quality_demo(jp_root_dir):
    generate = build_demo(jp_root_dir)
    node, cli = require_cli()
    baseline = [
        "model-quality", "baseline", "--dataset", "data/validation_with_predictions.csv",
        *generate.QUALITY_ARGS, "--probability-attribute", "probability",
        "--ground-truth-attribute", "label", "--output", generate.QUALITY_BASELINE,
    ]  # fmt: skip
    subprocess.run([node, cli, *baseline], cwd=jp_root_dir, check=True, capture_output=True)
    return generate


async def wait_final(api, execution_id, timeout=60):
    for _ in range(int(timeout / 0.1)):
        _, execution = await api("GET", "executions", execution_id)
        if execution["state"] in FINAL:
            return execution
        await asyncio.sleep(0.1)
    raise AssertionError(f"execution {execution_id} did not finish: {execution}")


async def wait_alerts(api, monitor_id):
    for _ in range(100):
        _, feed = await api("GET", "alerts", params={"monitor_id": monitor_id})
        if feed["alerts"]:
            return feed["alerts"]
        await asyncio.sleep(0.05)
    raise AssertionError("no alert was raised")


async def test_run_joins_labels_records_metrics_and_alerts(api, quality_demo, jp_root_dir):
    _, monitor = await api("POST", "monitors", body=definition())
    late = {"window_start": "2026-11-01T20:00:00Z", "window_end": "2026-11-02T00:00:00Z"}
    _, execution = await api("POST", "monitors", monitor["id"], "runs", body=late)
    done = await wait_final(api, execution["id"])
    assert done["state"] == "completed_with_violations", done["message"]
    output = jp_root_dir / done["output"]
    statistics = json.loads((output / "statistics.json").read_text())
    violations = json.loads((output / "constraint_violations.json").read_text())["violations"]
    assert len(violations) == done["violations"] > 0
    assert {v["constraint_check_type"] for v in violations} <= {
        "LessThanThreshold",
        "GreaterThanThreshold",
    }
    metrics = statistics["binary_classification_metrics"]
    _, history = await api("GET", "monitors", monitor["id"], "metrics")
    by_name = {entry["name"]: entry for entry in history["series"]}
    assert by_name["accuracy"]["points"][0]["value"] == pytest.approx(metrics["accuracy"]["value"])
    assert by_name["auc"]["feature"] is None
    assert by_name["dataset_violations"]["points"][0]["value"] == len(violations)
    assert (
        by_name["dataset_item_count"]["points"][0]["value"] == statistics["dataset"]["item_count"]
    )
    (alert,) = await wait_alerts(api, monitor["id"])
    assert alert["kind"] == "violations" and alert["execution_id"] == execution["id"]


async def test_local_backend_reports_the_progress_of_a_model_quality_run(quality_demo, jp_root_dir):
    from jupyterlab_model_monitor.backends.local import LocalBackend

    calls = []

    async def report(progress, message):
        calls.append((progress, message))

    root = jp_root_dir
    job = RunJob(
        execution_id="e-mq", dataset=str(root / "captures/churn-endpoint"), dataset_format=None,
        header=False, baseline_statistics=str(root / "model-quality-baseline/statistics.json"),
        baseline_constraints=str(root / "model-quality-baseline/constraints.json"),
        output=str(root / "mq-direct"), window_start="2026-11-01T20:00:00Z",
        window_end="2026-11-02T00:00:00Z", monitor_type="model-quality",
        model_quality={**QUALITY, "ground_truth": str(root / QUALITY["ground_truth"])},
    )  # fmt: skip
    outcome = await LocalBackend().run(job, report)
    assert outcome.state.startswith("completed"), outcome.message
    assert any(progress == 1.0 for progress, _ in calls)
    assert [phase for _, phase in calls if phase] == ["reading", "checking", "writing"]


async def test_regression_run_writes_rmse_series(api, quality_demo, jp_root_dir):
    # the churn score against the 0/1 label, treated as a regression: rmse gets worse after drift
    node, cli = require_cli()
    baseline = [
        "model-quality", "baseline", "--dataset", "data/validation_with_predictions.csv",
        "--problem-type", "Regression", "--inference-attribute", "probability",
        "--ground-truth-attribute", "label", "--output", "regression-baseline",
    ]  # fmt: skip
    subprocess.run([node, cli, *baseline], cwd=jp_root_dir, check=True, capture_output=True)
    quality = {
        "problem_type": "Regression",
        "ground_truth": QUALITY["ground_truth"],
        "inference_attribute": "0",
    }
    body = definition(
        name="churn-regression",
        baseline_statistics="regression-baseline/statistics.json",
        baseline_constraints="regression-baseline/constraints.json",
        model_quality=quality,
    )
    status, monitor = await api("POST", "monitors", body=body)
    assert status == 201, monitor
    window = {"window_start": "2026-11-01T20:00:00Z", "window_end": "2026-11-02T00:00:00Z"}
    _, execution = await api("POST", "monitors", monitor["id"], "runs", body=window)
    done = await wait_final(api, execution["id"])
    assert done["state"].startswith("completed"), done["message"]
    statistics = json.loads((jp_root_dir / done["output"] / "statistics.json").read_text())
    histogram = statistics["x-jupyterlab-model-monitor"]["residual_histogram"]
    assert sum(b["count"] for b in histogram["buckets"]) == statistics["dataset"]["item_count"]
    _, history = await api("GET", "monitors", monitor["id"], "metrics", params={"metric": "rmse"})
    (rmse,) = history["series"]
    assert rmse["points"][0]["value"] == pytest.approx(
        statistics["regression_metrics"]["rmse"]["value"]
    )


async def test_scheduled_run_reads_late_labels_into_the_hour_layout(
    api, quality_demo, extension, jp_root_dir
):
    from datetime import datetime, timezone

    body = definition(schedule="0 */4 * * *", catch_up="once")
    _, monitor = await api("POST", "monitors", body=body)
    store = extension.store
    await store.call(store.update_monitor, monitor["id"], {"next_run_at": "2026-11-02T00:00:00Z"})
    await extension.scheduler.tick(datetime(2026, 11, 2, 0, 0, 30, tzinfo=timezone.utc))
    _, listed = await api("GET", "executions", params={"monitor_id": monitor["id"]})
    (execution,) = listed["executions"]
    assert (execution["window_start"], execution["window_end"]) == (
        "2026-11-01T20:00:00Z",
        "2026-11-02T00:00:00Z",
    )
    assert execution["output"] == "monitoring/churn-quality/2026/11/02/00"
    done = await wait_final(api, execution["id"])
    assert done["state"] == "completed_with_violations", done["message"]
    statistics = json.loads((jp_root_dir / done["output"] / "statistics.json").read_text())
    # every readable capture of the window is labelled, some up to 3 hours after it ended
    hours = jp_root_dir / "captures/churn-endpoint/AllTraffic/2026/11/01"
    captures = [
        e for hour in (20, 21, 22, 23) for e in quality_demo.captured_scores(hours / str(hour))
    ]
    assert statistics["dataset"]["item_count"] == len(captures) > 0
