"""examples/model_server.py as a real process: HTTP in, captures out, read by the engine."""

import csv
import importlib.util
import itertools
import json
import random
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from demo import require_cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SERVER = EXAMPLES / "model_server.py"


def load_server():
    spec = importlib.util.spec_from_file_location("model_server", SERVER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_generator():
    spec = importlib.util.spec_from_file_location("demo_generate", EXAMPLES / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def training_csv(tmp_path_factory):
    """The demo's training.csv, generated here so the test needs no `make examples` first."""
    generator = load_generator()
    path = tmp_path_factory.mktemp("demo") / "training.csv"
    generator.write_training(random.Random(generator.SEED), path)
    return path


def training_inputs(training_csv, count):
    """The first ``count`` rows of training.csv without the score: what the endpoint is sent."""
    with open(training_csv, newline="") as file:
        reader = csv.reader(file)
        header = next(reader)
        rows = [row[1:] for row in itertools.islice(reader, count)]
    return header[1:], rows


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def post(url, text):
    request = urllib.request.Request(
        url, data=text.encode(), headers={"Content-Type": "text/csv"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture
def start_server(tmp_path):
    processes = []

    def start(capture_dir, sampling=100):
        port = free_port()
        command = [sys.executable, str(SERVER), "--capture-dir", str(capture_dir)]
        command += ["--sampling-percentage", str(sampling), "--port", str(port)]
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        processes.append(process)
        line = process.stdout.readline()  # printed once the socket listens
        assert line.strip() == f"serving on http://127.0.0.1:{port}", process.stderr.read()
        return process, f"http://127.0.0.1:{port}"

    yield start
    for process in processes:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def stop(process):
    process.terminate()
    assert process.wait(timeout=10) == 0


def test_the_input_columns_are_the_training_columns(training_csv):
    header, _ = training_inputs(training_csv, 0)
    assert load_server().INPUT_COLUMNS == header


def test_scores_are_probabilities(training_csv):
    server = load_server()
    _, rows = training_inputs(training_csv, 50)
    scores = [server.churn_score(row) for row in rows]
    assert all(0 < score < 1 for score in scores)
    calm, angry = list(rows[0]), list(rows[0])
    calm[4], angry[4] = "0", "6"  # support_calls
    assert server.churn_score(angry) > server.churn_score(calm)
    with pytest.raises(ValueError, match="columns"):
        server.parse_rows(b"1,2,3\n")


def test_the_engine_reads_what_the_server_captures(start_server, tmp_path, training_csv):
    node, cli = require_cli()
    captures = tmp_path / "captures"
    process, url = start_server(captures)
    _, rows = training_inputs(training_csv, 5)
    with urllib.request.urlopen(f"{url}/ping", timeout=10) as response:
        assert response.read() == b"ok\n"  # a GET: not captured
    for row in rows:
        status, text = post(f"{url}/invocations", ",".join(row) + "\n")
        assert status == 200 and 0 < float(text) < 1
    status, text = post(f"{url}/invocations", "1,2,3\n")  # a 400: not captured
    assert status == 400 and "expected 14" in text
    stop(process)

    files = list((captures / "churn-endpoint" / "AllTraffic").rglob("*.jsonl"))
    assert len(files) == 1
    records = [json.loads(line) for line in files[0].read_text().splitlines()]
    assert [r["captureData"]["endpointInput"]["data"] for r in records] == [
        ",".join(row) + "\n" for row in rows
    ]

    out = tmp_path / "baseline"
    args = ["baseline", "--dataset", str(captures), "--dataset-format", "sagemaker_capture_json"]
    args += ["--output", str(out), "--progress", "none"]
    done = subprocess.run([node, cli, *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    statistics = json.loads((out / "statistics.json").read_text())
    assert statistics["dataset"]["item_count"] == len(rows)
    assert len(statistics["features"]) == 1 + len(rows[0])  # the score, then the 14 inputs


def test_sampling_percentage_zero_captures_nothing(start_server, tmp_path, training_csv):
    captures = tmp_path / "captures"
    process, url = start_server(captures, sampling=0)
    _, rows = training_inputs(training_csv, 3)
    for row in rows:
        assert post(f"{url}/invocations", ",".join(row))[0] == 200
    stop(process)
    assert list(captures.rglob("*.jsonl")) == []
