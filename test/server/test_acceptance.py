"""The whole loop, by itself: a model server's capture writer records traffic, a `* * * * *`
monitor fires from the scheduler loop (no test calls tick), the engine finds drift, metrics are
recorded and a webhook on a real HTTP server on 127.0.0.1 receives the alert."""

import asyncio
import random
import subprocess
from datetime import datetime, timedelta, timezone

from demo import require_cli
from receiver import Receiver
from test_alerts import wait_alerts
from test_end_to_end import wait_final

from jupyterlab_model_monitor.capture import CaptureWriter
from jupyterlab_model_monitor.store import to_iso


def write_baseline(root, node, cli):
    rng = random.Random(1)
    rows = [f"{rng.random():.4f},{rng.randint(1, 100)}" for _ in range(500)]
    (root / "train.csv").write_text("score,calls\n" + "\n".join(rows) + "\n")
    args = ["baseline", "--dataset", "train.csv", "--header", "--output", "baseline"]
    subprocess.run([node, cli, *args], cwd=root, check=True, capture_output=True)


def write_drifted_captures(root):
    """200 requests in the previous hour, as the capture middleware records them."""
    hour_ago = datetime.now(timezone.utc) - timedelta(hours=1)
    writer = CaptureWriter(root / "captures", "ep", clock=lambda: hour_ago)
    rng = random.Random(2)
    for _ in range(200):
        calls = str(rng.randint(500, 600)).encode()
        score = f"{0.9 + rng.random() / 10:.4f}".encode()
        writer.write(calls, "text/csv", score, "text/csv")
    writer.close()


async def wait_execution(api, monitor_id, timeout=30):
    for _ in range(int(timeout / 0.1)):
        _, listed = await api("GET", "executions", params={"monitor_id": monitor_id})
        if listed["executions"]:
            return listed["executions"][0]
        await asyncio.sleep(0.1)
    raise AssertionError("the schedule never fired")


async def test_schedule_fires_by_itself_and_alerts(api, extension, jp_root_dir):
    node, cli = require_cli()
    write_baseline(jp_root_dir, node, cli)
    write_drifted_captures(jp_root_dir)
    extension.scheduler.poll_interval = 0.1
    with Receiver() as receiver:
        body = {
            "name": "live",
            "dataset": "captures/ep",
            "baseline_statistics": "baseline/statistics.json",
            "baseline_constraints": "baseline/constraints.json",
            "schedule": "* * * * *",
            "window_hours": 2,
            "alerts": {"webhooks": [{"url": receiver.url()}]},
        }
        _, monitor = await api("POST", "monitors", body=body)
        soon = to_iso(datetime.now(timezone.utc) + timedelta(seconds=1))
        store = extension.store  # due in a second rather than at the next minute
        await store.call(store.update_monitor, monitor["id"], {"next_run_at": soon})
        extension.scheduler.start()

        execution = await wait_execution(api, monitor["id"])
        assert execution["trigger"] == "schedule"
        done = await wait_final(api, execution["id"])
        assert done["state"] == "completed_with_violations", done["message"]
        (alert,) = (await wait_alerts(api, 1))["alerts"]
        await extension.alerts.wait_deliveries()
    ((_, _, payload),) = receiver.requests
    assert payload["alert_id"] == alert["id"] and payload["execution"]["id"] == done["id"]
    params = {"metric": "baseline_drift"}
    _, history = await api("GET", "monitors", monitor["id"], "metrics", params=params)
    assert {s["feature"] for s in history["series"]} == {"score", "calls"}
