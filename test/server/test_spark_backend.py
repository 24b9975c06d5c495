"""The ``spark`` backend on Spark local mode (real spark-submit, real Deequ) against ``local``.

On the same seeded data both backends must agree: counts, sums, min and max exactly; mean and
std_dev to 1e-9 relative; quantiles within the KLL sketch's rank error; the same violations. The
fractional values are multiples of 1/64, so their sums are exact whatever order Spark adds them in.
Each spark-submit starts a JVM (about 15-30 s here), so the module runs few of them.
"""

import asyncio
import base64
import json
import random
import subprocess
from pathlib import Path

import pytest
from demo import require_cli

from jupyterlab_model_monitor.backends.base import BaselineJob
from jupyterlab_model_monitor.backends.local import LocalBackend
from jupyterlab_model_monitor.backends.spark import SparkBackend

FINAL = ("completed", "completed_with_violations", "failed", "cancelled")
HOURS = ("2026/11/01/00", "2026/11/01/01")
WINDOW = {"window_start": "2026-11-01T00:00:00Z", "window_end": "2026-11-01T02:00:00Z"}
RANK_ERROR = 0.01  # KLL k=2048: about 0.5 % of n at worst; these sketches are exact (n < 2050)


@pytest.fixture
def jp_server_config(db_file):
    return {
        "ServerApp": {"jpserver_extensions": {"jupyterlab_model_monitor": True}},
        "ModelMonitorApp": {
            "db_path": str(db_file),
            "scheduler_enabled": False,
            "backend_classes": [LocalBackend, SparkBackend],
        },
    }


@pytest.fixture(scope="module", autouse=True)
def spark_available():
    problem = SparkBackend().problem()
    assert problem is None, f"{problem} (`make spark` installs what the spark backend needs)"


# --- seeded data ------------------------------------------------------------------------------


def row(rng, drift=0.0):
    """prediction (Fractional), age (Integral, sometimes missing), income (Fractional), plan."""
    prediction = rng.randint(0, 64) / 64
    age = None if rng.random() < 0.05 else rng.randint(18, 90)
    income = rng.randint(0, 400_000) / 64 + drift
    plan = rng.choice(("basic", "gold", "silver")) if not drift else rng.choice(("basic", "gold"))
    return prediction, age, income, plan


def write_training(root, rows=400):
    rng = random.Random(11)
    lines = ["prediction,age,income,plan"]
    for _ in range(rows):
        prediction, age, income, plan = row(rng)
        lines.append(f"{prediction},{'' if age is None else age},{income},{plan}")
    path = root / "data" / "train.csv"
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(lines) + "\n")
    return path


def csv_record(rng, index):
    prediction, age, income, plan = row(rng, drift=2500.0)
    payload = f"{'' if age is None else age},{income},{plan}"
    return {
        "captureData": {
            "endpointInput": {
                "observedContentType": "text/csv",
                "mode": "INPUT",
                "data": payload,
                "encoding": "CSV",
            },
            "endpointOutput": {
                "observedContentType": "text/csv",
                "mode": "OUTPUT",
                "data": str(prediction),
                "encoding": "CSV",
            },
        },
        "eventMetadata": {"eventId": f"e-{index}", "inferenceTime": "2026-11-01T00:30:00Z"},
        "eventVersion": "0",
    }


def base64_json_record(rng, index):
    """Input as base64 JSON (a content type not in the capture's CSV/JSON lists), output JSON."""
    prediction, age, income, plan = row(rng)
    features = json.dumps({"plan": plan, "income": income, "age": age}).encode()
    return {
        "captureData": {
            "endpointInput": {
                "observedContentType": "application/json",
                "mode": "INPUT",
                "data": base64.b64encode(features).decode(),
                "encoding": "BASE64",
            },
            "endpointOutput": {
                "observedContentType": "application/json",
                "mode": "OUTPUT",
                "data": json.dumps({"prediction": prediction}),
                "encoding": "JSON",
            },
        },
        "eventMetadata": {"eventId": f"b-{index}", "inferenceTime": "2026-11-01T00:30:00Z"},
        "eventVersion": "0",
    }


def write_captures(root, name, per_file=150):
    """Hour 00: CSV payloads with drift in income and a plan missing; hour 01: base64 JSON."""
    rng = random.Random(5)
    makers = (csv_record, base64_json_record)
    for h, (hour, make_record) in enumerate(zip(HOURS, makers, strict=True)):
        folder = root / "captures" / name / "AllTraffic" / hour
        folder.mkdir(parents=True)
        records = [make_record(rng, h * per_file + i) for i in range(per_file)]
        (folder / "30-00-000-capture.jsonl").write_text("\n".join(map(json.dumps, records)) + "\n")
    return f"captures/{name}"


def local_baseline(root):
    node, cli = require_cli()
    train = write_training(root)
    out = root / "baseline"
    args = ["baseline", "--dataset", str(train), "--header", "--workers", "1", "--output", str(out)]
    subprocess.run([node, cli, *args], check=True, capture_output=True)
    return out


# --- comparison -------------------------------------------------------------------------------


def features(path):
    document = json.loads(Path(path).read_text())
    return document["dataset"]["item_count"], {f["name"]: f for f in document["features"]}


def sketch_quantile(sketch, q):
    items = sorted((x, 2**level) for level, data in enumerate(sketch["data"]) for x in data)
    total, seen = sum(w for _, w in items), 0
    for x, weight in items:
        seen += weight
        if seen >= q * total:
            return x
    return items[-1][0]


def ranks(sketch, x):
    """(weight of items < x, weight of items <= x): where x may stand in the sorted data."""
    weighted = [(y, 2**level) for level, data in enumerate(sketch["data"]) for y in data]
    return sum(w for y, w in weighted if y < x), sum(w for y, w in weighted if y <= x)


def assert_statistics_agree(spark_file, local_file):
    spark_count, spark = features(spark_file)
    local_count, local = features(local_file)
    assert spark_count == local_count
    assert list(spark) == list(local)
    for name, want in local.items():
        got = spark[name]
        assert got["inferred_type"] == want["inferred_type"], name
        if "numerical_statistics" in want:
            a, b = got["numerical_statistics"], want["numerical_statistics"]
            assert a["common"] == b["common"], name
            assert (a["sum"], a["min"], a["max"]) == (b["sum"], b["min"], b["max"]), name
            assert a["mean"] == pytest.approx(b["mean"], rel=1e-9), name
            assert a["std_dev"] == pytest.approx(b["std_dev"], rel=1e-9), name
            sketch_a, sketch_b = (
                a["distribution"]["kll"]["sketch"],
                b["distribution"]["kll"]["sketch"],
            )
            assert sketch_a["parameters"] == sketch_b["parameters"]
            n = b["common"]["num_present"]
            for q in (0.1, 0.25, 0.5, 0.75, 0.9):
                # Spark's quantile stands where the local sketch puts rank q·n, ± the error.
                below, upto = ranks(sketch_b, sketch_quantile(sketch_a, q))
                error = RANK_ERROR * n + 1
                assert below - error <= q * n <= upto + error, (name, q)
        else:
            a, b = got["string_statistics"], want["string_statistics"]
            assert a["common"] == b["common"], name
            assert a["distribution"] == b["distribution"], name


def violations(output):
    document = json.loads((Path(output) / "constraint_violations.json").read_text())
    return sorted(
        (v["feature_name"], v["constraint_check_type"], v["description"])
        for v in document["violations"]
    )


# --- tests ------------------------------------------------------------------------------------


async def wait_final(api, execution_id, timeout=600):
    for _ in range(int(timeout / 0.5)):
        status, execution = await api("GET", "executions", execution_id)
        assert status == 200
        if execution["state"] in FINAL:
            return execution
        await asyncio.sleep(0.5)
    raise AssertionError(f"execution {execution_id} did not finish: {execution}")


async def run_monitor(api, name, dataset, backend):
    body = {
        "name": name,
        "dataset": dataset,
        "baseline_statistics": "baseline/statistics.json",
        "baseline_constraints": "baseline/constraints.json",
        "backend": backend,
    }
    status, monitor = await api("POST", "monitors", body=body)
    assert status == 201, monitor
    status, execution = await api("POST", "monitors", monitor["id"], "runs", body=WINDOW)
    assert status == 202, execution
    return await wait_final(api, execution["id"])


async def test_backends_endpoint_lists_spark_available(api):
    status, body = await api("GET", "backends")
    assert status == 200
    spark = next(b for b in body["backends"] if b["name"] == "spark")
    assert spark == {"name": "spark", "available": True, "reason": None}


async def test_spark_baseline_agrees_with_local(tmp_path):
    train = write_training(tmp_path)
    reports = []

    async def report(progress, message):
        reports.append((progress, message))

    outputs, messages = {}, {}
    for backend in (SparkBackend(), LocalBackend()):
        out = tmp_path / backend.name
        job = BaselineJob(f"b-{backend.name}", str(train), "csv", True, str(out))
        outcome = await backend.baseline(job, report)
        assert outcome.state == "completed", outcome.message
        outputs[backend.name], messages[backend.name] = out, outcome.message
    assert messages["spark"] == "400 rows profiled on Spark"
    assert_statistics_agree(
        outputs["spark"] / "statistics.json", outputs["local"] / "statistics.json"
    )
    # One small file is one Spark partition: the same rows in the same order, the same bytes.
    for name in ("statistics.json", "constraints.json"):
        assert (outputs["spark"] / name).read_bytes() == (outputs["local"] / name).read_bytes()
    spark_constraints = json.loads((outputs["spark"] / "constraints.json").read_text())
    assert spark_constraints == json.loads((outputs["local"] / "constraints.json").read_text())
    assert sorted(p.name for p in outputs["spark"].iterdir()) == [
        "constraints.json",
        "statistics.json",
    ]
    assert any(message == "reading" for _, message in reports)


async def test_csv_and_base64_captures_through_the_scheduler_agree_with_local(api, jp_root_dir):
    local_baseline(jp_root_dir)
    dataset = write_captures(jp_root_dir, "churn")
    spark = await run_monitor(api, "churn-spark", dataset, "spark")
    local = await run_monitor(api, "churn-local", dataset, "local")
    assert spark["state"] == local["state"] == "completed_with_violations", spark["message"]
    assert spark["violations"] == local["violations"] > 0
    assert spark["progress"] == 1.0
    spark_out, local_out = jp_root_dir / spark["output"], jp_root_dir / local["output"]
    item_count, _ = features(spark_out / "statistics.json")
    assert item_count == 2 * 150
    assert_statistics_agree(spark_out / "statistics.json", local_out / "statistics.json")
    assert violations(spark_out) == violations(local_out)
    assert "baseline_drift_check" in {check for _, check, _ in violations(spark_out)}
    written = sorted(p.name for p in spark_out.iterdir())
    assert written == ["constraint_violations.json", "statistics.json"]


async def test_cancel_stops_the_spark_job(tmp_path):
    train = write_training(tmp_path)
    backend = SparkBackend()
    started = asyncio.Event()

    async def report(progress, message):
        started.set()

    out = tmp_path / "out"
    job = BaselineJob("cancel-me", str(train), "csv", True, str(out))
    task = asyncio.create_task(backend.baseline(job, report))
    await asyncio.wait_for(started.wait(), 60)
    await asyncio.sleep(1)
    await backend.cancel("cancel-me")
    outcome = await asyncio.wait_for(task, 60)
    assert outcome.state == "cancelled"
    assert not (out / "statistics.json").exists()
    assert list(out.iterdir()) == []


async def test_unsupported_format_fails_before_spark_starts(tmp_path):
    job = BaselineJob("arrow", str(tmp_path / "x.arrow"), "arrow", False, str(tmp_path / "out"))

    async def report(progress, message):
        raise AssertionError("no progress expected")

    outcome = await SparkBackend().baseline(job, report)
    assert outcome.state == "failed"
    assert "not arrow" in outcome.message


async def test_spark_reads_no_symlinked_file_from_outside_the_root(tmp_path):
    # #22 item 3, in this backend too: the file is reported in the message and left unread.
    root, outside = tmp_path / "root", tmp_path / "outside"
    train = write_training(root)
    outside.mkdir()
    secret = outside / "secret.csv"
    secret.write_text(train.read_text())
    folder = root / "folder"
    folder.mkdir()
    train.rename(folder / "a.csv")
    (folder / "b.csv").symlink_to(secret)

    async def report(progress, message):
        pass

    job = BaselineJob("b-spark", str(folder), "csv", True, str(root / "out"), root=str(root))
    outcome = await SparkBackend().baseline(job, report)
    assert outcome.state == "completed", outcome.message
    assert outcome.message == (
        "400 rows profiled on Spark; 1 file not read "
        "(b.csv: resolves outside the server root; not read)"
    )
