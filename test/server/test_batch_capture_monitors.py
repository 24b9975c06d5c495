"""Monitors of a SageMaker batch transform's data capture (manifests naming S3 objects, read from
local copies), through a real server, its local backend and the engine. Fixtures of our own,
written from SageMaker's documented layout."""

import asyncio
import json

from test_end_to_end import wait_final

PREFIX = "s3://bucket/date=2026-11-01/transform-input/"


def rows(first, count, shift=0):
    return "".join(f"{first + i + shift},{(first + i) % 7},{'ab'[i % 2]}\n" for i in range(count))


def write_capture(root):
    mirror = root / "mirror" / "transform-input"
    mirror.mkdir(parents=True)
    (mirror / "part-1.csv").write_text(rows(0, 300))
    (mirror / "part-2.csv").write_text(rows(300, 300, shift=5000))
    hour = root / "capture" / "input" / "2026" / "11" / "01" / "18"
    hour.mkdir(parents=True)
    (hour / "6a1f.json").write_text(json.dumps([{"prefix": PREFIX}, "part-1.csv", "part-2.csv"]))
    training = root / "training"
    training.mkdir()
    (training / "train.csv").write_text(rows(0, 600))


def definition(**fields):
    return {
        "name": "batch",
        "dataset": "capture",
        "baseline_statistics": "baseline/statistics.json",
        "baseline_constraints": "baseline/constraints.json",
        "window_hours": 6,
        "batch_capture": {"s3_map": {PREFIX: "mirror/transform-input"}},
        **fields,
    }


async def baseline(api):
    body = {"dataset": "training/train.csv", "output": "baseline", "dataset_format": "csv"}
    status, job = await api("POST", "baselines", body=body)
    assert status == 202, job
    for _ in range(300):
        _, job = await api("GET", "baselines", job["id"])
        if job["state"] != "running":
            break
        await asyncio.sleep(0.1)
    assert job["state"] == "completed", job


async def test_a_batch_capture_monitor_reads_what_its_manifests_name(api, jp_root_dir):
    write_capture(jp_root_dir)
    await baseline(api)
    status, monitor = await api("POST", "monitors", body=definition())
    assert status == 201, monitor
    assert monitor["batch_capture"] == {"s3_map": {PREFIX: "mirror/transform-input"}}
    window = {"window_start": "2026-11-01T18:00:00Z", "window_end": "2026-11-02T00:00:00Z"}
    _, execution = await api("POST", "monitors", monitor["id"], "runs", body=window)
    done = await wait_final(api, execution["id"])
    assert done["state"] == "completed_with_violations", done["message"]
    statistics = json.loads((jp_root_dir / done["output"] / "statistics.json").read_text())
    assert statistics["dataset"]["item_count"] == 600
    violations = json.loads(
        (jp_root_dir / done["output"] / "constraint_violations.json").read_text()
    )
    assert any(
        v["constraint_check_type"] == "baseline_drift_check" for v in violations["violations"]
    )


async def test_batch_capture_settings_are_checked(api, jp_root_dir):
    write_capture(jp_root_dir)
    (jp_root_dir / "baseline").mkdir()
    for name in ("statistics.json", "constraints.json"):
        (jp_root_dir / "baseline" / name).write_text('{"version": 0.0, "features": []}')
    cases = [
        ({"s3_map": {"bucket/x": "mirror"}}, "batch_capture.s3_map", "S3 prefix"),
        ({"s3_map": {PREFIX: "nowhere"}}, "batch_capture.s3_map", "no such"),
        ({"s3_map": {}}, "batch_capture.s3_map", "1 to 64"),
        ({"prefixes": {}}, "batch_capture", "s3_map"),
    ]
    for settings, field, message in cases:
        status, error = await api("POST", "monitors", body=definition(batch_capture=settings))
        assert (status, error["field"]) == (400, field), (settings, error)
        assert message in error["message"]
