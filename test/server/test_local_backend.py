"""The local backend: the subprocess protocol (with a fake CLI) and a real engine run."""

import asyncio
import json
import sys
from pathlib import Path

import pytest
from demo import build_demo

from jupyterlab_model_monitor.backends import RunJob
from jupyterlab_model_monitor.backends.local import LocalBackend, baseline_outcome, cli_arguments

FAKE_CLI = Path(__file__).parent / "fixtures" / "fake_cli.py"


def _job(tmp_path, **overrides):
    fields = {
        "execution_id": "e1",
        "dataset": str(tmp_path / "captures"),
        "dataset_format": None,
        "header": False,
        "baseline_statistics": str(tmp_path / "baseline" / "statistics.json"),
        "baseline_constraints": str(tmp_path / "baseline" / "constraints.json"),
        "output": str(tmp_path / "out"),
        "window_start": "2026-11-01T18:00:00Z",
        "window_end": "2026-11-02T00:00:00Z",
    }
    return RunJob(**{**fields, **overrides})


class Recorder:
    def __init__(self):
        self.calls = []

    async def __call__(self, progress, message):
        self.calls.append((progress, message))


@pytest.fixture
def fake_backend(monkeypatch):
    def make(mode):
        monkeypatch.setenv("FAKE_CLI_MODE", mode)
        return LocalBackend(node_path=sys.executable, cli_path=str(FAKE_CLI))

    return make


def test_cli_arguments(tmp_path):
    args = cli_arguments(_job(tmp_path, dataset_format="csv", header=True))
    assert args[:2] == ["monitor", "--dataset"]
    assert args[args.index("--dataset-format") + 1] == "csv" and "--header" in args
    assert args[args.index("--start") + 1] == "2026-11-01T18:00:00Z"
    assert args[-2:] == ["--progress", "json"]
    # CloudWatch-format metrics in the run folder, with SageMaker's dimensions.
    assert args[args.index("--metrics-dir") + 1] == str(tmp_path / "out" / "metrics" / "cloudwatch")
    assert args[args.index("--endpoint-name") + 1] == "captures"
    assert "--schedule-name" not in args
    named = cli_arguments(_job(tmp_path, monitor_name="churn"))
    assert named[named.index("--schedule-name") + 1] == "churn"
    bare = cli_arguments(_job(tmp_path, window_start=None, window_end=None))
    assert "--start" not in bare and "--dataset-format" not in bare and "--header" not in bare


async def test_protocol_success(tmp_path, fake_backend):
    report = Recorder()
    outcome = await fake_backend("ok").run(_job(tmp_path), report)
    assert outcome.state == "completed_with_violations" and outcome.violations == 2
    assert outcome.message == "2 violations; 1 of 11 records rejected"
    assert (None, "reading") in report.calls and (0.5, None) in report.calls
    argv = json.loads((tmp_path / "out" / "argv.json").read_text())
    assert argv == cli_arguments(_job(tmp_path))


async def test_a_line_longer_than_the_reader_takes_does_not_fail_a_completed_run(
    tmp_path, fake_backend
):
    # #22 item 7: the done event was past the 16 MiB line limit and the run was marked failed.
    report = Recorder()
    outcome = await fake_backend("long_line").run(_job(tmp_path), report)
    assert outcome.state == "completed_with_violations", outcome.message
    assert outcome.violations == 2
    assert (0.5, None) in report.calls  # the lines before it were read


async def test_protocol_error_event(tmp_path, fake_backend):
    outcome = await fake_backend("error").run(_job(tmp_path), Recorder())
    assert outcome.state == "failed"
    # #18 item 19: the engine's own words, without "the engine exited with code 2:" before them.
    assert outcome.message == "cannot read nothere"


async def test_protocol_crash_keeps_stderr(tmp_path, fake_backend):
    outcome = await fake_backend("crash").run(_job(tmp_path), Recorder())
    assert outcome.state == "failed" and "something broke\nbadly" in outcome.message


async def test_cancel_stops_the_process(tmp_path, fake_backend):
    backend = fake_backend("hang")
    backend.cancel_grace_seconds = 2
    run = asyncio.ensure_future(backend.run(_job(tmp_path), Recorder()))
    while not (tmp_path / "out" / "argv.json").exists():
        await asyncio.sleep(0.05)
    await backend.cancel("e1")
    outcome = await asyncio.wait_for(run, 10)
    assert outcome.state == "cancelled"
    await backend.cancel("e1")  # cancelling a finished run is harmless


async def test_missing_node_or_cli_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr("jupyterlab_model_monitor.backends.local.find_cli", lambda: None)
    backend = LocalBackend(node_path=sys.executable)
    assert "npm run build:cli" in backend.problem()
    outcome = await backend.run(_job(tmp_path), Recorder())
    assert outcome.state == "failed" and "model-monitor.cjs" in outcome.message


async def test_real_engine_finds_the_demo_drift(tmp_path):
    generate = build_demo(tmp_path)
    backend = LocalBackend()
    assert backend.problem() is None
    dataset = str(tmp_path / "captures" / generate.ENDPOINT)
    report = Recorder()
    outcome = await backend.run(_job(tmp_path, dataset=dataset), report)
    assert outcome.state == "completed_with_violations", outcome.message
    violations = json.loads((tmp_path / "out" / "constraint_violations.json").read_text())
    assert outcome.violations == len(violations["violations"]) > 0
    checks = {v["constraint_check_type"] for v in violations["violations"]}
    assert {"baseline_drift_check", "completeness_check", "categorical_values_check"} <= checks
    assert any(progress for progress, _ in report.calls)
    # The CloudWatch-format metrics SageMaker's schedules publish, one datum a line.
    metrics_file = tmp_path / "out" / "metrics" / "cloudwatch" / "cloudwatch_metrics.jsonl"
    metrics = [json.loads(line) for line in metrics_file.read_text().splitlines()]
    names = {metric["MetricName"] for metric in metrics}
    assert {"feature_data_monthly_charges", "feature_baseline_drift_payment_method"} <= names
    assert metrics[0]["Timestamp"] == "2026-11-01T18:00:00Z"
    assert metrics[0]["Dimensions"] == [{"Name": "Endpoint", "Value": generate.ENDPOINT}]


def test_counts_in_messages_have_thousands_separators():
    # #18 item 13: "10000 rows profiled", "5283 records".
    summary = {"itemCount": 10000, "records": {"records": 5283, "rejected": 1200}}
    assert baseline_outcome(summary).message == (
        "10,000 rows profiled; 1,200 of 5,283 records rejected"
    )
    assert baseline_outcome({"itemCount": 12}).message == "12 rows profiled"
