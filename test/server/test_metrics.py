"""Metric history: values read from a run's files, stored in SQLite, served as time series."""

import json

import pytest
from demo import build_demo
from test_end_to_end import definition, wait_final

from jupyterlab_model_monitor.metrics import run_metrics, series
from jupyterlab_model_monitor.store import Store

STATISTICS = {
    "version": 0.0,
    "dataset": {"item_count": 4},
    "features": [
        {
            "name": "age",
            "inferred_type": "Integral",
            "numerical_statistics": {"common": {"num_present": 3, "num_missing": 1}, "mean": 40.0},
        },
        {
            "name": "plan",
            "inferred_type": "String",
            "string_statistics": {"common": {"num_present": 4, "num_missing": 0}},
        },
    ],
}
VIOLATIONS = {
    "violations": [
        {
            "feature_name": "age",
            "constraint_check_type": "baseline_drift_check",
            "description": "Baseline drift distance: 0.25 exceeds threshold: 0.1",
        },
        {
            "feature_name": "age",
            "constraint_check_type": "completeness_check",
            "description": "Value: 0.75 does not meet the constraint requirement! ",
        },
    ],
    "x-jupyterlab-model-monitor": {
        "version": 1,
        "drift_tests": [
            {"feature_name": "age", "test": "ks", "statistic": 0.3, "p_value": 0.01},
            {"feature_name": "plan", "test": "psi", "skipped": "no baseline categories"},
            {"feature_name": "plan", "test": "chi_squared", "statistic": "NaN"},
        ],
    },
}


def write_run(folder, statistics=STATISTICS, violations=VIOLATIONS):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "statistics.json").write_text(json.dumps(statistics))
    (folder / "constraint_violations.json").write_text(json.dumps(violations))
    return str(folder)


def values(points):
    return {p["name"]: p["value"] for p in points}


def test_reads_every_metric_of_a_run(tmp_path):
    got = values(run_metrics(write_run(tmp_path)))
    assert got == {
        "dataset_item_count": 4.0,
        "dataset_violations": 2.0,
        "feature_non_null_age": 0.75,
        "feature_missing_age": 0.25,
        "feature_data_age": 40.0,
        "feature_non_null_plan": 1.0,
        "feature_missing_plan": 0.0,
        "feature_violations_age": 2.0,
        "feature_violations_plan": 0.0,
        "feature_baseline_drift_age": 0.25,
        "feature_drift_ks_age": 0.3,
    }


def test_reads_the_metrics_a_run_published_in_cloudwatch_format(tmp_path):
    folder = write_run(tmp_path)
    metrics = tmp_path / "metrics" / "cloudwatch"
    metrics.mkdir(parents=True)
    lines = [
        {"MetricName": "feature_baseline_drift_plan", "Value": 0.05},  # no violation: now known
        {"MetricName": "feature_baseline_drift_age", "Value": 99},  # the violation's text wins
        {"MetricName": "feature_data_income", "StatisticValues": {"Sum": 30, "SampleCount": 4}},
        {"MetricName": "record_count", "Value": 7, "Dimensions": []},
        {"MetricName": "no_value"},
    ]
    text = "\n".join(json.dumps(line) for line in lines) + "\nnot json\n"
    (metrics / "cloudwatch_metrics.jsonl").write_text(text)
    points = {p["name"]: p for p in run_metrics(folder)}
    assert points["feature_baseline_drift_plan"] == {
        "name": "feature_baseline_drift_plan",
        "metric": "baseline_drift",
        "feature": "plan",
        "value": 0.05,
    }
    assert points["feature_baseline_drift_age"]["value"] == 0.25
    assert (points["feature_data_income"]["metric"], points["feature_data_income"]["value"]) == (
        "mean",
        7.5,
    )
    assert (points["record_count"]["feature"], points["record_count"]["value"]) == (None, 7.0)
    assert "no_value" not in points


def test_reads_the_other_drift_wording_and_java_doubles(tmp_path):
    violations = {
        "violations": [
            {
                "feature_name": "age",
                "constraint_check_type": "baseline_drift_check",
                "description": "Numerical distance: 1.5E-4 exceeds numerical threshold: 1.0E-4",
            }
        ]
    }
    got = values(run_metrics(write_run(tmp_path, violations=violations)))
    assert got["feature_baseline_drift_age"] == 1.5e-4


def test_missing_columns_run_has_only_violation_metrics(tmp_path):
    tmp_path.joinpath("constraint_violations.json").write_text(
        json.dumps(
            {
                "violations": [
                    {
                        "feature_name": "Missing columns",
                        "constraint_check_type": "missing_column_check",
                        "description": "There are missing columns in current dataset.",
                    }
                ]
            }
        )
    )
    got = values(run_metrics(str(tmp_path)))
    assert got == {"dataset_violations": 1.0, "feature_violations_Missing columns": 1.0}


def test_an_empty_folder_gives_no_metrics(tmp_path):
    assert run_metrics(str(tmp_path)) == [
        {"name": "dataset_violations", "metric": "violations", "feature": None, "value": 0.0}
    ]


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "m.sqlite")
    yield store
    store.close()


def test_store_records_and_filters(store, tmp_path):
    monitor = store.create_monitor(
        {
            "name": "m",
            "dataset": "d",
            "baseline_statistics": "s",
            "baseline_constraints": "c",
            "output": "o",
            "enabled": True,
            "header": False,
            "window_hours": 1,
            "catch_up": "once",
            "backend": "local",
        }
    )
    points = run_metrics(write_run(tmp_path / "run"))
    for hour in ("01", "02"):
        run = {
            "monitor_id": monitor["id"],
            "trigger": "manual",
            "output": "o",
            "scheduled_for": f"2026-11-01T{hour}:00:00Z",
            "window_start": f"2026-11-01T{hour}:00:00Z",
        }
        execution = store.create_execution(run)
        store.cancel_execution(execution["id"])
        assert store.record_metrics({**execution, "scheduled_for": None}, points) == len(points)
    rows = store.query_metrics(monitor["id"], feature="age", metric="missing")
    assert [(r["time"], r["value"]) for r in rows] == [
        ("2026-11-01T01:00:00Z", 0.25),
        ("2026-11-01T02:00:00Z", 0.25),
    ]
    newest = store.query_metrics(monitor["id"], feature="age", metric="missing", limit=1)
    assert [r["time"] for r in newest] == ["2026-11-01T02:00:00Z"]
    later = store.query_metrics(monitor["id"], since="2026-11-01T02:00:00Z")
    assert {r["time"] for r in later} == {"2026-11-01T02:00:00Z"}
    (drift,) = series(store.query_metrics(monitor["id"], metric="baseline_drift"))
    assert drift["name"] == "feature_baseline_drift_age" and len(drift["points"]) == 2
    store.delete_monitor(monitor["id"])
    assert store.query_metrics(monitor["id"]) == []


async def test_a_run_records_metrics_served_by_the_api(api, jp_root_dir):
    demo = build_demo(jp_root_dir)
    _, monitor = await api("POST", "monitors", body=definition(demo))
    window = {"window_start": "2026-11-01T18:00:00Z", "window_end": "2026-11-02T00:00:00Z"}
    _, execution = await api("POST", "monitors", monitor["id"], "runs", body=window)
    done = await wait_final(api, execution["id"])
    assert done["state"] == "completed_with_violations", done["message"]

    status, history = await api("GET", "monitors", monitor["id"], "metrics")
    assert status == 200 and history["monitor_id"] == monitor["id"]
    by_name = {s["name"]: s for s in history["series"]}
    (point,) = by_name["dataset_violations"]["points"]
    assert point == {
        "time": "2026-11-01T18:00:00Z",
        "value": done["violations"],
        "execution_id": done["id"],
    }
    assert by_name["feature_missing_credit_score"]["points"][0]["value"] > 0.2
    assert by_name["feature_baseline_drift_churn_score"]["points"][0]["value"] > 0.1
    assert "feature_drift_ks_churn_score" in by_name

    params = {"feature": "churn_score", "metric": "baseline_drift"}
    _, only = await api("GET", "monitors", monitor["id"], "metrics", params=params)
    assert [s["name"] for s in only["series"]] == ["feature_baseline_drift_churn_score"]
    params = {"since": "2026-11-02T00:00:00Z"}
    assert (await api("GET", "monitors", monitor["id"], "metrics", params=params))[1][
        "series"
    ] == []


async def test_metrics_arguments_are_checked(api, jp_root_dir):
    status, error = await api("GET", "monitors", "0" * 32, "metrics")
    assert status == 404
    (jp_root_dir / "s.json").write_text("{}")
    (jp_root_dir / "d").mkdir()  # the dataset must exist
    body = {
        "name": "m",
        "dataset": "d",
        "baseline_statistics": "s.json",
        "baseline_constraints": "s.json",
    }
    _, monitor = await api("POST", "monitors", body=body)
    status, error = await api("GET", "monitors", monitor["id"], "metrics", params={"since": "x"})
    assert (status, error["field"]) == (400, "since")
    status, error = await api("GET", "monitors", monitor["id"], "metrics", params={"limit": "0"})
    assert (status, error["field"]) == (400, "limit")
