"""REST → store → scheduler → local backend → the real engine CLI → results under the root."""

import asyncio
import json
import os
from datetime import datetime, timezone

import pytest
from demo import build_demo

FINAL = ("completed", "completed_with_violations", "failed", "cancelled")


@pytest.fixture
def demo(jp_root_dir):
    return build_demo(jp_root_dir)


async def wait_final(api, execution_id, timeout=60):
    for _ in range(int(timeout / 0.1)):
        status, execution = await api("GET", "executions", execution_id)
        assert status == 200
        if execution["state"] in FINAL:
            return execution
        await asyncio.sleep(0.1)
    raise AssertionError(f"execution {execution_id} did not finish: {execution}")


def definition(demo, **fields):
    return {
        "name": "churn",
        "dataset": f"captures/{demo.ENDPOINT}",
        "baseline_statistics": "baseline/statistics.json",
        "baseline_constraints": "baseline/constraints.json",
        "window_hours": 6,
        **fields,
    }


async def test_manual_run_finds_drift(api, demo, jp_root_dir):
    _, monitor = await api("POST", "monitors", body=definition(demo))
    window = {"window_start": "2026-11-01T18:00:00Z", "window_end": "2026-11-02T00:00:00Z"}
    status, execution = await api("POST", "monitors", monitor["id"], "runs", body=window)
    assert status == 202
    done = await wait_final(api, execution["id"])
    assert done["state"] == "completed_with_violations", done["message"]
    assert done["progress"] == 1.0 and done["violations"] > 0
    output = jp_root_dir / done["output"]
    violations = json.loads((output / "constraint_violations.json").read_text())["violations"]
    assert len(violations) == done["violations"]
    assert (output / "statistics.json").is_file()


async def test_clean_window_completes_without_violations(api, demo):
    _, monitor = await api("POST", "monitors", body=definition(demo))
    window = {"window_start": "2026-11-01T00:00:00Z", "window_end": "2026-11-01T06:00:00Z"}
    _, execution = await api("POST", "monitors", monitor["id"], "runs", body=window)
    done = await wait_final(api, execution["id"])
    assert (done["state"], done["violations"]) == ("completed", 0)


async def test_scheduled_run_writes_sagemaker_layout(api, demo, extension, jp_root_dir):
    body = definition(demo, schedule="0 */6 * * *", catch_up="once")
    _, monitor = await api("POST", "monitors", body=body)
    store = extension.store
    # pretend the server has been waiting for the 00:00 run after the demo's last hour
    await store.call(store.update_monitor, monitor["id"], {"next_run_at": "2026-11-02T00:00:00Z"})
    await extension.scheduler.tick(datetime(2026, 11, 2, 0, 0, 30, tzinfo=timezone.utc))
    _, listed = await api("GET", "executions", params={"monitor_id": monitor["id"]})
    (execution,) = listed["executions"]
    assert execution["trigger"] == "schedule"
    assert execution["output"] == "monitoring/churn/2026/11/02/00"
    done = await wait_final(api, execution["id"])
    assert done["state"] == "completed_with_violations", done["message"]
    assert (jp_root_dir / "monitoring/churn/2026/11/02/00/constraint_violations.json").is_file()


async def test_engine_error_is_reported(api, demo, jp_root_dir):
    # The dataset is checked when the monitor is made: it goes away afterwards.
    (jp_root_dir / "no/such/folder").mkdir(parents=True)
    _, monitor = await api("POST", "monitors", body=definition(demo, dataset="no/such/folder"))
    (jp_root_dir / "no/such/folder").rmdir()
    _, execution = await api("POST", "monitors", monitor["id"], "runs")
    done = await wait_final(api, execution["id"])
    assert done["state"] == "failed"
    assert "no/such/folder" in done["message"]
    # The message reaches alerts and webhooks: it names the path from the root, never the root.
    assert str(jp_root_dir) not in done["message"]
    assert os.path.realpath(jp_root_dir) not in done["message"]


async def test_a_monitor_on_one_data_file_reads_it_whole_on_every_run(api, demo):
    # #22 item 8: runs pass their window, and the engine skipped the file for having no hour
    # folder ("no input files ... for the given time window"), so such a monitor never succeeded.
    body = definition(demo, dataset="data/training.csv", header=True)
    _, monitor = await api("POST", "monitors", body=body)
    window = {"window_start": "2026-11-01T18:00:00Z", "window_end": "2026-11-02T00:00:00Z"}
    _, execution = await api("POST", "monitors", monitor["id"], "runs", body=window)
    done = await wait_final(api, execution["id"])
    # The training data against its own baseline: complete, and nothing violated.
    assert (done["state"], done["violations"]) == ("completed", 0), done["message"]
