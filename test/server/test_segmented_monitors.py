"""Segmented monitors and baselines (docs/cli.md, Segments): settings, store, the engine's flags,
a real run through the server and its local backend, and the alert naming the segments."""

import asyncio
import json

import pytest
from old_store import old_store
from receiver import Receiver
from test_alerts import wait_alerts
from test_end_to_end import wait_final

from jupyterlab_model_monitor.alerts import check_alert_rules, plan_alert
from jupyterlab_model_monitor.backends import BaselineJob, RunJob
from jupyterlab_model_monitor.backends.local import baseline_arguments, cli_arguments
from jupyterlab_model_monitor.store import MIGRATIONS, Store
from jupyterlab_model_monitor.validation import ValidationError, validate_monitor

SEGMENT = {"by": "region", "max_segments": 20, "baseline": "own"}


def region(i):
    """eu-west is 1 row in 20, so its drift alone moves the whole run's distributions little."""
    return "eu-west" if i % 20 == 0 else ("us-east" if i % 2 else "ap-south")


def rows(count, eu_shift=0):
    lines = ["age,income,region\n"]
    for i in range(count):
        income = 50000 + (i * 7919) % 10000 + (eu_shift if region(i) == "eu-west" else 0)
        lines.append(f"{20 + (i * 31) % 50},{income},{region(i)}\n")
    return "".join(lines)


def write_data(root):
    (root / "training").mkdir()
    (root / "training" / "train.csv").write_text(rows(2000))
    (root / "today").mkdir()
    (root / "today" / "data.csv").write_text(rows(2000, eu_shift=1_000_000))


def definition(**fields):
    return {
        "name": "by-region",
        "dataset": "today/data.csv",
        "dataset_format": "csv",
        "header": True,
        "baseline_statistics": "baseline/statistics.json",
        "baseline_constraints": "baseline/constraints.json",
        "segment": {"by": "region"},
        **fields,
    }


# -- settings -------------------------------------------------------------------------------


@pytest.fixture
def root(tmp_path):
    (tmp_path / "baseline").mkdir()
    for name in ("statistics.json", "constraints.json"):
        (tmp_path / "baseline" / name).write_text('{"version": 0.0, "features": []}')
    (tmp_path / "today").mkdir()
    (tmp_path / "today" / "data.csv").write_text("a\n1\n")
    return str(tmp_path)


BACKENDS = {"local": None, "spark": None, "sagemaker": None}


def refusal(body, root, **kwargs):
    with pytest.raises(ValidationError) as raised:
        validate_monitor(body, root, BACKENDS, **kwargs)
    return raised.value.field, str(raised.value)


def test_a_segment_gets_its_defaults(root):
    assert validate_monitor(definition(), root, BACKENDS)["segment"] == SEGMENT
    assert validate_monitor(definition(segment=None), root, BACKENDS)["segment"] is None
    metadata = {"by": "eventMetadata.inferenceId", "max_segments": 1000, "baseline": "overall"}
    body = definition(segment=metadata, dataset_format=None)
    assert validate_monitor(body, root, BACKENDS)["segment"] == metadata


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"segment": "region"}, "segment", '"by"'),
        ({"segment": {"column": "region"}}, "segment.column", "unknown field"),
        ({"segment": {"by": ""}}, "segment.by", "1 to 200 characters"),
        ({"segment": {"by": "  "}}, "segment.by", "column name"),
        ({"segment": {"by": "x" * 201}}, "segment.by", "1 to 200 characters"),
        ({"segment": {"by": "a\nb"}}, "segment.by", "column name"),
        ({"segment": {"by": 3}}, "segment.by", "column name"),
        ({"segment": {"by": "eventMetadata."}}, "segment.by", "needs a key"),
        ({"segment": {"by": "r", "max_segments": 0}}, "segment.max_segments", "1 to 1000"),
        ({"segment": {"by": "r", "max_segments": 1001}}, "segment.max_segments", "1 to 1000"),
        ({"segment": {"by": "r", "max_segments": True}}, "segment.max_segments", "1 to 1000"),
        ({"segment": {"by": "r", "baseline": "mine"}}, "segment.baseline", "own, overall"),
        ({"backend": "sagemaker"}, "segment", "SageMaker Model Monitor cannot segment"),
        ({"backend": "spark"}, "segment", "spark backend does not segment"),
        ({"segment": {"by": "eventMetadata.region"}}, "segment.by", "SageMaker captures"),
    ],
)
def test_bad_settings_name_the_field(root, changes, field, message):
    where, text = refusal(definition(**changes), root)
    assert where == field and message in text


def test_only_data_quality_monitors_are_segmented(root):
    custom = {"monitor_type": "custom", "custom_monitor": {"image": "my/monitor:1"}}
    assert refusal(definition(**custom), root) == (
        "segment",
        "data-quality monitors only are segmented",
    )
    # A PATCH is checked merged with the monitor it changes.
    current = validate_monitor(definition(), root, BACKENDS)
    field, _ = refusal({"backend": "sagemaker"}, root, partial=True, current=current)
    assert field == "segment"


async def test_a_baseline_request_checks_its_segment(api, jp_root_dir):
    (jp_root_dir / "d.csv").write_text("a\n1\n")
    cases = [
        ({"by": "r", "baseline": "own"}, "segment.baseline", "unknown field"),
        ({"by": ""}, "segment.by", "1 to 200"),
        ({"by": "r", "max_segments": 5000}, "segment.max_segments", "1 to 1000"),
    ]
    for segment, field, message in cases:
        status, error = await api(
            "POST", "baselines", body={"dataset": "d.csv", "segment": segment}
        )
        assert (status, error["field"]) == (400, field), error
        assert message in error["message"]


# -- store ----------------------------------------------------------------------------------


def test_a_version_11_store_gets_the_segment_columns(tmp_path):
    path = tmp_path / "old.sqlite"
    old = old_store(path, 11)
    old.execute(
        "INSERT INTO monitors (id, name, dataset, baseline_statistics, baseline_constraints,"
        " output, window_hours, catch_up, backend, enabled, header, created_at, updated_at)"
        " VALUES ('m1', 'old', 'd', 's', 'c', 'o', 1, 'once', 'local', 1, 0, 't', 't')"
    )
    old.commit()
    old.close()
    store = Store(path)
    try:
        assert store.schema_version() == len(MIGRATIONS) == 12
        (monitor,) = store.list_monitors()
        assert monitor["segment"] is None
        assert store.update_monitor("m1", {"segment": SEGMENT})["segment"] == SEGMENT
        execution = store.create_execution(
            {"monitor_id": "m1", "trigger": "manual", "scheduled_for": "t", "output": "o"}
        )
        assert store.get_execution(execution["id"])["segments"] is None
        store.claim_execution(execution["id"], "me")
        summary = {"by": "region", "count": 2, "with_violations": []}
        store.update_running(execution["id"], state="completed", segments=summary)
        assert store.get_execution(execution["id"])["segments"] == summary
        baseline = {"dataset": "d", "dataset_format": None, "header": True, "output": "b"}
        job = store.create_baseline({**baseline, "backend": "local", "segment": {"by": "r"}})
        assert store.get_baseline(job["id"])["segment"] == {"by": "r"}
    finally:
        store.close()


# -- the engine's flags ---------------------------------------------------------------------


def test_the_engine_gets_the_segment_flags(tmp_path):
    paths = {name: str(tmp_path / name) for name in ("d", "s", "c", "o")}
    job = RunJob("e", paths["d"], None, False, paths["s"], paths["c"], paths["o"], segment=SEGMENT)
    args = cli_arguments(job)
    flags = ["--segment-by", "region", "--max-segments", "20", "--segment-baseline", "own"]
    assert args[args.index("--segment-by") :][: len(flags)] == flags
    unsegmented = RunJob("e", paths["d"], None, False, paths["s"], paths["c"], paths["o"])
    assert "--segment-by" not in cli_arguments(unsegmented)
    baseline = BaselineJob(
        "b",
        paths["d"],
        "csv",
        True,
        paths["o"],
        segment={"by": "eventMetadata.x", "max_segments": 3},
    )
    args = baseline_arguments(baseline)
    assert args[args.index("--segment-by") :][:4] == [
        "--segment-by",
        "eventMetadata.x",
        "--max-segments",
        "3",
    ]
    assert "--segment-baseline" not in args


# -- alerts ---------------------------------------------------------------------------------

DRIFT = {
    "feature_name": "income",
    "constraint_check_type": "baseline_drift_check",
    "description": "Baseline drift distance: 0.9 exceeds threshold: 0.1",
}
COMPLETENESS = {
    "feature_name": "age",
    "constraint_check_type": "completeness_check",
    "description": "Value: 0.5 does not meet the constraint requirement! ",
}


def test_an_alert_names_the_segments_with_violations():
    monitor = {"id": "m", "name": "churn", "alerts": None}
    execution = {"id": "e", "state": "completed_with_violations"}
    segments = [("eu-west", [DRIFT]), ("us-east", []), ("(other)", [COMPLETENESS, DRIFT])]
    alert = plan_alert(monitor, execution, [], segments)
    assert alert["message"] == "churn: 2 segments with violations: eu-west, (other)"
    assert [v["segment"] for v in alert["violations"]] == ["eu-west", "(other)", "(other)"]
    both = plan_alert(monitor, execution, [COMPLETENESS], segments[:1])
    assert both["message"] == (
        "churn: 1 violation (1 completeness_check); 1 segment with violations: eu-west"
    )
    assert "segment" not in both["violations"][0]
    # The monitor's rules count a segment's violations as they count the whole run's.
    only = {**monitor, "alerts": check_alert_rules({"check_types": ["completeness_check"]})}
    assert plan_alert(only, execution, [], segments)["message"] == (
        "churn: 1 segment with violations: (other)"
    )
    assert plan_alert(only, execution, [], segments[:1]) is None


# -- a real run -----------------------------------------------------------------------------


async def wait_baseline(api, job):
    for _ in range(300):
        _, job = await api("GET", "baselines", job["id"])
        if job["state"] != "running":
            return job
        await asyncio.sleep(0.1)
    raise AssertionError(f"the baseline job did not end: {job}")


async def test_a_segmented_monitor_reports_the_segment_that_drifted(api, jp_root_dir, extension):
    write_data(jp_root_dir)
    body = {"dataset": "training/train.csv", "output": "baseline", "header": True}
    status, job = await api("POST", "baselines", body={**body, "segment": {"by": "region"}})
    assert status == 202, job
    assert job["segment"] == {"by": "region", "max_segments": 20}
    job = await wait_baseline(api, job)
    assert job["state"] == "completed", job
    assert job["message"].startswith("2,000 rows profiled in 3 segments by region"), job
    index = json.loads((jp_root_dir / "baseline" / "segments.json").read_text())
    assert [s["value"] for s in index["segments"]] == ["eu-west", "us-east", "ap-south"]

    with Receiver() as receiver:
        hooks = {"webhooks": [{"url": receiver.url()}]}
        status, monitor = await api("POST", "monitors", body=definition(alerts=hooks))
        assert status == 201, monitor
        assert monitor["segment"] == SEGMENT
        _, execution = await api("POST", "monitors", monitor["id"], "runs")
        done = await wait_final(api, execution["id"])
        (alert,) = (await wait_alerts(api, 1))["alerts"]
        await extension.alerts.wait_deliveries()

    output = jp_root_dir / done["output"]
    index = json.loads((output / "segments.json").read_text())
    assert index["segment_by"] == "region"
    assert [(s["value"], s["baseline"]) for s in index["segments"]] == [
        ("eu-west", "segment"),
        ("us-east", "segment"),
        ("ap-south", "segment"),
    ]
    # Only eu-west drifted; the whole run's distributions hardly moved.
    assert done["violations"] == 0
    assert done["state"] == "completed_with_violations", done["message"]
    assert done["message"] == "0 violations; 1 of 3 segments with violations: eu-west"
    (eu_west,) = done["segments"]["with_violations"]
    assert done["segments"]["by"] == "region" and done["segments"]["count"] == 3
    assert eu_west["kind"] == "value" and eu_west["value"] == "eu-west"
    assert eu_west["violations"] >= 1
    segment_file = json.loads(
        (output / eu_west["folder"] / "constraint_violations.json").read_text()
    )
    assert any(v["feature_name"] == "income" for v in segment_file["violations"])

    assert alert["message"] == "by-region: 1 segment with violations: eu-west"
    assert {v["segment"] for v in alert["violations"]} == {"eu-west"}
    ((_, _, payload),) = receiver.requests
    assert payload["execution"]["segments"] == done["segments"]
