"""Baseline jobs (POST /model-monitor/baselines) and GET /model-monitor/backends."""

import asyncio
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from demo import DEMO_START, load_generator, require_cli

from jupyterlab_model_monitor.baselines import read_job_diagnostics

FAKE_CLI = Path(__file__).parent / "fixtures" / "fake_cli.py"
BAD_INPUT = Path(__file__).parents[1] / "badinput"
ENDED = ("completed", "failed", "cancelled")


async def wait_ended(api, job_id, timeout=60):
    for _ in range(int(timeout / 0.1)):
        _, job = await api("GET", "baselines", job_id)
        if job["state"] in ENDED:
            return job
        await asyncio.sleep(0.1)
    raise AssertionError(f"baseline job {job_id} did not end: {job}")


@pytest.fixture
def training(jp_root_dir):
    require_cli()
    load_generator().main(["--skip-engine", "--output", str(jp_root_dir), *DEMO_START])
    return "data/training.csv"


async def test_backends_lists_availability(api, extension):
    status, body = await api("GET", "backends")
    assert status == 200
    problem = extension.backends["local"].problem()
    assert body == {
        "backends": [{"name": "local", "available": problem is None, "reason": problem}]
    }


async def test_baseline_job_writes_statistics_and_constraints(api, training, jp_root_dir):
    body = {"dataset": training, "header": True, "output": "baselines/churn"}
    status, job = await api("POST", "baselines", body=body)
    assert status == 202 and job["state"] == "running" and job["output"] == "baselines/churn"
    done = await wait_ended(api, job["id"])
    assert (done["state"], done["progress"]) == ("completed", 1.0), done["message"]
    assert done["message"].startswith("10,000 rows")
    statistics = json.loads((jp_root_dir / "baselines/churn/statistics.json").read_text())
    assert statistics["dataset"]["item_count"] == 10000
    assert (jp_root_dir / "baselines/churn/constraints.json").is_file()
    _, listed = await api("GET", "baselines")
    assert [j["id"] for j in listed["baselines"]] == [job["id"]]

    status, error = await api("POST", "baselines", body=body)
    assert (status, error["field"]) == (409, "output")
    status, again = await api("POST", "baselines", body={**body, "overwrite": True})
    assert status == 202
    assert (await wait_ended(api, again["id"]))["state"] == "completed"


async def test_default_output_and_engine_errors(api, jp_root_dir):
    require_cli()
    (jp_root_dir / "empty.csv").write_text("")
    status, job = await api("POST", "baselines", body={"dataset": "empty.csv"})
    assert status == 202 and job["output"] == "baselines/empty"
    done = await wait_ended(api, job["id"])
    # The engine's own error, without "the engine exited with code 2:" (#18 item 19).
    assert done["state"] == "failed" and done["message"].startswith("no rows could be read")


async def test_rejected_records_come_back_with_file_and_line(api, jp_root_dir):
    require_cli()
    shutil.copy(BAD_INPUT / "csv-column-count.csv", jp_root_dir / "rows.csv")
    _, job = await api("POST", "baselines", body={"dataset": "rows.csv", "header": True})
    assert job["progress"] == 0
    done = await wait_ended(api, job["id"])
    assert done["state"] == "completed" and "1 of 13 records rejected" in done["message"]
    diagnostics = done["diagnostics"]
    assert (diagnostics["records"], diagnostics["rejected"], diagnostics["rows"]) == (13, 1, 12)
    assert diagnostics["counts"] == {"column_count": 1}
    [example] = diagnostics["examples"]
    assert (example["file"], example["line"], example["kind"]) == ("rows.csv", 5, "column_count")
    assert example["message"] == "expected 3 fields, found 2"


async def test_a_failed_job_names_file_and_line_relative_to_the_root(api, jp_root_dir):
    require_cli()
    (jp_root_dir / "in").mkdir()
    shutil.copy(BAD_INPUT / "json-mostly-bad.jsonl", jp_root_dir / "in/bad.jsonl")
    _, job = await api("POST", "baselines", body={"dataset": "in/bad.jsonl"})
    done = await wait_ended(api, job["id"])
    assert done["state"] == "failed"
    assert "in/bad.jsonl:4: expected a property name" in done["message"]
    assert str(jp_root_dir) not in done["message"]
    examples = done["diagnostics"]["examples"]
    assert [(e["file"], e["line"]) for e in examples] == [
        ("in/bad.jsonl", n) for n in (4, 5, 6, 7, 8)
    ]


def test_diagnostics_older_than_the_job_are_not_its_own(tmp_path):
    (tmp_path / "out").mkdir()
    stale = tmp_path / "out" / "diagnostics.json"
    stale.write_text(json.dumps({"records": 1, "rejected": 0, "rows": 1, "examples": []}))
    job = {"output": "out", "created_at": "2026-11-25T07:00:00Z"}
    an_hour_before = datetime(2026, 11, 25, 6, tzinfo=timezone.utc).timestamp()
    os.utime(stale, (an_hour_before, an_hour_before))
    assert read_job_diagnostics(job, tmp_path) is None
    os.utime(stale, None)  # written now, after the job started
    job["created_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 5))
    assert read_job_diagnostics(job, tmp_path)["records"] == 1


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "dataset"),
        ({"dataset": "missing.csv"}, "dataset"),
        ({"dataset": "../x.csv"}, "dataset"),
        ({"dataset": "d.csv", "output": "/tmp/out"}, "output"),
        ({"dataset": "d.csv", "dataset_format": "parquet"}, "dataset_format"),
        ({"dataset": "d.csv", "header": "yes"}, "header"),
        ({"dataset": "d.csv", "backend": "spark"}, "backend"),
        ({"dataset": "d.csv", "colour": 1}, "colour"),
    ],
)
async def test_bad_requests_name_the_field(api, jp_root_dir, body, field):
    (jp_root_dir / "d.csv").write_text("1\n")
    status, error = await api("POST", "baselines", body=body)
    assert (status, error["field"]) == (400, field)


async def test_unknown_job_is_404(api):
    assert (await api("GET", "baselines", "0" * 32))[0] == 404
    assert (await api("POST", "baselines", "0" * 32, "cancel"))[0] == 404


async def read_when_written(path):
    """The JSON file the fake CLI writes when it starts, once it is complete."""
    for _ in range(200):
        try:
            return json.loads(path.read_text())
        except (FileNotFoundError, ValueError):
            await asyncio.sleep(0.05)
    raise AssertionError(f"{path} was never written")


async def test_cancel_a_running_job(api, extension, jp_root_dir, monkeypatch):
    local = extension.backends["local"]
    monkeypatch.setattr(local, "node_path", sys.executable)
    monkeypatch.setattr(local, "cli_path", str(FAKE_CLI))
    monkeypatch.setenv("FAKE_CLI_MODE", "hang")
    (jp_root_dir / "d.csv").write_text("1\n")
    _, job = await api("POST", "baselines", body={"dataset": "d.csv"})
    argv = await read_when_written(jp_root_dir / "baselines/d/argv.json")
    assert argv[0] == "baseline" and "--progress" in argv
    _, running = await api("GET", "baselines", job["id"])
    assert (running["state"], running["diagnostics"]) == ("running", None)
    (jp_root_dir / "baselines/d/argv.json").unlink()  # as the real CLI removes its partial files
    status, cancelled = await api("POST", "baselines", job["id"], "cancel")
    assert (status, cancelled["state"]) == (200, "cancelled")
    await asyncio.wait_for(asyncio.gather(*extension.baselines._tasks.values()), 10)
    assert (await api("GET", "baselines", job["id"]))[1]["state"] == "cancelled"
    assert not (jp_root_dir / "baselines/d").exists()  # the job made it: no empty folder left
    assert (jp_root_dir / "baselines").is_dir()
    status, error = await api("POST", "baselines", job["id"], "cancel")
    assert status == 409


def dead_pid():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


async def test_orphaned_job_fails_at_start(extension):
    store = extension.store
    host = extension.baselines.claimer.split(":")[0]
    fields = {
        "dataset": "d",
        "dataset_format": None,
        "header": False,
        "output": "o",
        "backend": "local",
        "claimed_by": f"{host}:{dead_pid()}",
    }
    job = await store.call(store.create_baseline, fields)
    assert await extension.baselines.fail_orphans() == [job["id"]]
    failed = await store.call(store.get_baseline, job["id"])
    assert failed["state"] == "failed" and "server stopped" in failed["message"]
