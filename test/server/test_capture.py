"""The capture writer: SageMaker capture files from a real WSGI server and an ASGI app,
read back by the real engine CLI."""

import base64
import json
import re
import subprocess
import threading
import urllib.request
from datetime import datetime, timedelta, timezone
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest
from demo import require_cli

from jupyterlab_model_monitor.capture import (
    CaptureASGIMiddleware,
    CaptureWriter,
    CaptureWSGIMiddleware,
)

FILE_NAME = re.compile(r"^\d{2}-\d{2}-\d{3}-[0-9a-f-]{36}\.jsonl$")
TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def capture_files(destination):
    return sorted(destination.rglob("*.jsonl"))


def read_records(destination):
    return [json.loads(line) for f in capture_files(destination) for line in f.open()]


def model_app(environ, start_response):
    """A tiny WSGI model: the sum of the CSV features as the prediction."""
    body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    if environ["PATH_INFO"] == "/fail":
        start_response("500 Internal Server Error", [("Content-Type", "text/plain")])
        return [b"no"]
    score = sum(float(x) for x in body.decode().split(","))
    start_response("200 OK", [("Content-Type", "text/csv; charset=utf-8")])
    return [f"{score}".encode(), b"\n"]


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def serve_wsgi():
    servers = []

    def start(app):
        server = make_server("127.0.0.1", 0, app, handler_class=QuietHandler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def post(url, body, content_type="text/csv", headers=None):
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": content_type, **(headers or {})}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_wsgi_server_writes_sagemaker_captures_the_engine_reads(serve_wsgi, tmp_path):
    node, cli = require_cli()
    writer = CaptureWriter(tmp_path / "captures", "churn-endpoint")
    url = serve_wsgi(CaptureWSGIMiddleware(model_app, writer))
    rows = [f"{i},{i * 2},{i % 3}" for i in range(30)]
    for i, row in enumerate(rows):
        headers = {"X-Inference-Id": f"inf-{i}"} if i == 0 else None
        assert post(url + "/invocations", row.encode(), headers=headers) == (
            200,
            f"{float(i * 3 + i % 3)}\n".encode(),
        )
    assert post(url + "/fail", b"1")[0] == 500  # failed invocations are not captured
    writer.close()

    (file,) = capture_files(tmp_path / "captures")
    relative = file.relative_to(tmp_path / "captures").parts
    assert relative[:2] == ("churn-endpoint", "AllTraffic")
    assert re.match(r"^\d{4}$", relative[2]) and all(len(p) == 2 for p in relative[3:6])
    assert FILE_NAME.match(relative[6])
    records = read_records(tmp_path / "captures")
    assert len(records) == 30
    first = records[0]
    assert list(first) == ["captureData", "eventMetadata", "eventVersion"]
    assert first["captureData"] == {
        "endpointInput": {
            "observedContentType": "text/csv",
            "mode": "INPUT",
            "data": "0,0,0",
            "encoding": "CSV",
        },
        "endpointOutput": {
            "observedContentType": "text/csv; charset=utf-8",
            "mode": "OUTPUT",
            "data": "0.0\n",
            "encoding": "CSV",
        },
    }
    assert first["eventMetadata"]["inferenceId"] == "inf-0"
    assert "inferenceId" not in records[1]["eventMetadata"]
    assert TIME.match(first["eventMetadata"]["inferenceTime"])
    assert first["eventVersion"] == "0"
    assert len({r["eventMetadata"]["eventId"] for r in records}) == 30
    assert file.read_text().startswith('{"captureData":{"endpointInput":{')  # compact JSON

    out = tmp_path / "baseline"
    args = [
        "baseline",
        "--dataset",
        str(tmp_path / "captures"),
        "--dataset-format",
        "sagemaker_capture_json",
        "--output",
        str(out),
    ]
    done = subprocess.run([node, cli, *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    statistics = json.loads((out / "statistics.json").read_text())
    assert statistics["dataset"]["item_count"] == 30
    assert len(statistics["features"]) == 4  # the prediction first, then three inputs
    assert json.loads(done.stdout)["records"]["rejected"] == 0


def test_sampling_percentage(serve_wsgi, tmp_path):
    import random

    none = CaptureWriter(tmp_path / "none", "ep", sampling_percentage=0)
    some = CaptureWriter(tmp_path / "some", "ep", sampling_percentage=30, rng=random.Random(7))
    url_none = serve_wsgi(CaptureWSGIMiddleware(model_app, none))
    url_some = serve_wsgi(CaptureWSGIMiddleware(model_app, some))
    for _ in range(100):
        assert post(url_none, b"1,2")[0] == 200
        assert post(url_some, b"1,2")[0] == 200
    assert capture_files(tmp_path / "none") == []
    assert 15 <= len(read_records(tmp_path / "some")) <= 45
    with pytest.raises(ValueError):
        CaptureWriter(tmp_path, "ep", sampling_percentage=101)


def test_a_capture_error_does_not_break_the_request(serve_wsgi, tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the capture folder should be")
    url = serve_wsgi(CaptureWSGIMiddleware(model_app, CaptureWriter(blocker, "ep")))
    assert post(url, b"1,2") == (200, b"3.0\n")
    assert "could not be written" in caplog.text


def test_files_rotate_each_hour_and_payload_encodings(tmp_path):
    now = [datetime(2026, 11, 1, 13, 59, 59, 250000, tzinfo=timezone.utc)]
    writer = CaptureWriter(tmp_path, "ep", "v1", clock=lambda: now[0])
    writer.write(b'{"a":1}', "application/json", b"\x89PNG", "image/png")
    now[0] += timedelta(seconds=2)
    writer.write(b"\xff\xfe", "text/csv", b"[0.5]", "application/json; charset=utf-8")
    writer.close()
    first, second = capture_files(tmp_path)
    assert first.relative_to(tmp_path).as_posix().startswith("ep/v1/2026/11/01/13/59-59-250-")
    assert second.relative_to(tmp_path).as_posix().startswith("ep/v1/2026/11/01/14/00-01-250-")
    (a,) = [json.loads(line) for line in first.open()]
    (b,) = [json.loads(line) for line in second.open()]
    assert a["captureData"]["endpointInput"]["encoding"] == "JSON"
    assert a["captureData"]["endpointOutput"] == {
        "observedContentType": "image/png",
        "mode": "OUTPUT",
        "data": base64.b64encode(b"\x89PNG").decode(),
        "encoding": "BASE64",
    }
    assert a["eventMetadata"]["inferenceTime"] == "2026-11-01T13:59:59Z"
    assert b["captureData"]["endpointInput"]["encoding"] == "BASE64"  # not valid UTF-8
    assert b["captureData"]["endpointOutput"]["encoding"] == "JSON"


def test_concurrent_writes_give_whole_lines(tmp_path):
    writer = CaptureWriter(tmp_path, "ep")

    def burst(n):
        for i in range(200):
            writer.write(f"{n},{i}".encode(), "text/csv", b"1", "text/csv")

    threads = [threading.Thread(target=burst, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    writer.close()
    records = read_records(tmp_path)
    assert len(records) == 1600
    assert len({r["captureData"]["endpointInput"]["data"] for r in records}) == 1600


# -- ASGI, driven directly -------------------------------------------------------------------


async def asgi_model(scope, receive, send):
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    features = json.loads(body)
    headers = [(b"content-type", b"application/json")]
    status = 200 if scope["path"] == "/invocations" else 404
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b'{"score":', "more_body": True})
    await send({"type": "http.response.body", "body": f"{sum(features)}}}".encode()})


async def call_asgi(app, path, body, headers=()):
    chunks = [body[:3], body[3:]]
    sent = []

    async def receive():
        chunk = chunks.pop(0)
        return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}

    async def send(message):
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": path,
        "headers": [(b"content-type", b"application/json"), *headers],
    }
    await app(scope, receive, send)
    return sent


async def test_asgi_middleware_captures_json_exchanges(tmp_path):
    writer = CaptureWriter(tmp_path, "ep")
    app = CaptureASGIMiddleware(asgi_model, writer)
    sent = await call_asgi(app, "/invocations", b"[1, 2, 3]", [(b"x-inference-id", b"abc")])
    assert sent[0]["status"] == 200 and sent[2]["body"] == b"6}"
    await call_asgi(app, "/other", b"[1]")  # 404: not captured
    writer.close()
    (record,) = read_records(tmp_path)
    assert record["captureData"]["endpointInput"] == {
        "observedContentType": "application/json",
        "mode": "INPUT",
        "data": "[1, 2, 3]",
        "encoding": "JSON",
    }
    assert record["captureData"]["endpointOutput"]["data"] == '{"score":6}'
    assert record["eventMetadata"]["inferenceId"] == "abc"


async def test_asgi_capture_error_does_not_break_the_response(tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    app = CaptureASGIMiddleware(asgi_model, CaptureWriter(blocker, "ep"))
    sent = await call_asgi(app, "/invocations", b"[1, 2]")
    assert [m.get("status") for m in sent[:1]] == [200] and sent[-1]["body"] == b"3}"
    assert "could not be written" in caplog.text


async def test_asgi_passes_other_scopes_through(tmp_path):
    seen = []

    async def app(scope, receive, send):
        seen.append(scope["type"])

    middleware = CaptureASGIMiddleware(app, CaptureWriter(tmp_path, "ep"))
    await middleware({"type": "lifespan"}, None, None)
    await middleware({"type": "http", "method": "GET", "path": "/"}, None, None)
    assert seen == ["lifespan", "http"] and capture_files(tmp_path) == []
