"""GET /model-monitor/captures/summary: the engine's ``captures`` command over SageMaker's capture
layout, run by the server (capture_summary.py). Needs the built CLI (npm run build:cli)."""

import json
from pathlib import Path

import pytest
from demo import build_demo

from jupyterlab_model_monitor.capture_summary import summarise_captures
from jupyterlab_model_monitor.spark_job.capture_rows import hour_of_path
from jupyterlab_model_monitor.spark_job.profile_job import in_window


def record(data="1,2", encoding="CSV", content_type="text/csv", time="2026-11-01T13:05:00Z"):
    side = {
        "observedContentType": content_type,
        "mode": "INPUT",
        "data": data,
        "encoding": encoding,
    }
    output = {
        **side,
        "mode": "OUTPUT",
        "data": "0.5",
        "encoding": "CSV",
        "observedContentType": "text/csv; charset=utf-8",
    }
    return json.dumps(
        {
            "captureData": {"endpointInput": side, "endpointOutput": output},
            "eventMetadata": {"eventId": "e", "inferenceTime": time},
            "eventVersion": "0",
        }
    )


@pytest.fixture
def captures(tmp_path):
    base = tmp_path / "captures" / "ep" / "AllTraffic" / "2026" / "11" / "01"
    (base / "13").mkdir(parents=True)
    (base / "14").mkdir(parents=True)
    (base / "13" / "05-00-000-a.jsonl").write_text(record() + "\n" + record() + "\n")
    lines = [
        record(time="2026-11-01T14:59:59Z"),
        "not json",
        json.dumps({"eventVersion": "0"}),
        record(data='{"a":1}', encoding="JSON", content_type="Application/JSON"),
        record(time="{%s}", encoding="BASE64", content_type="image/png"),
        "",
    ]
    (base / "14" / "00-00-000-b.jsonl").write_text("\n".join(lines))
    (base / "14" / "notes.txt").write_text("ignored")
    return tmp_path / "captures"


HOUR_TABLE = json.loads(
    (Path(__file__).resolve().parents[1] / "shared" / "capture_hours.json").read_text()
)["cases"]


@pytest.mark.parametrize("relative, expected", HOUR_TABLE)
def test_hour_folders_follow_the_engine_rule(relative, expected):
    """The Spark job reads hours as the engine does (one shared table)."""
    moment = hour_of_path(relative)
    assert (None if moment is None else moment.strftime("%Y-%m-%dT%H:%M:%SZ")) == expected
    assert in_window(relative, 0, 2**40) is (expected is not None)


async def test_summary_counts_hours_encodings_and_problems(captures):
    summary = await summarise_captures(str(captures), "captures", str(captures))
    # notes.txt is read too, as a run over the folder reads it: one malformed record.
    assert summary["files"] == 3 and summary["records"] == 8 and summary["rejected"] == 4
    assert (summary["first_hour"], summary["last_hour"]) == (
        "2026-11-01T13:00:00Z",
        "2026-11-01T14:00:00Z",
    )
    assert summary["hours"] == [
        {"hour": "2026-11-01T13:00:00Z", "records": 2, "files": 1},
        {"hour": "2026-11-01T14:00:00Z", "records": 6, "files": 2},
    ]
    assert summary["first_inference_time"] == "2026-11-01T13:05:00Z"
    assert summary["last_inference_time"] == "2026-11-01T14:59:59Z"
    assert summary["encodings"]["endpointInput"] == {"CSV": 3, "JSON": 1, "BASE64": 1}
    assert summary["content_types"]["endpointInput"] == {
        "text/csv": 3,
        "application/json": 1,
        "image/png": 1,
    }
    assert summary["content_types"]["endpointOutput"] == {"text/csv": 5}
    # The reader's verdicts: an image payload is rejected (so no mismatch warning for it).
    counts = summary["diagnostics"]["counts"]
    assert counts == {
        "malformed_json": 2,
        "missing_field": 1,
        "encoding_mismatch": 1,
        "template_time": 1,
        "unsupported_content_type": 1,
    }
    example = summary["diagnostics"]["examples"][0]
    assert example["file"] == "ep/AllTraffic/2026/11/01/14/00-00-000-b.jsonl"
    assert example["line"] == 2 and example["kind"] == "malformed_json"
    assert summary["truncated"] is False


async def test_samples_are_the_first_records_a_run_keeps(captures):
    samples = (await summarise_captures(str(captures), "captures", str(captures)))["samples"]
    assert [(s["file"].split("/")[-1], s["line"]) for s in samples] == [
        ("05-00-000-a.jsonl", 1),
        ("05-00-000-a.jsonl", 2),
        ("00-00-000-b.jsonl", 1),
        ("00-00-000-b.jsonl", 4),
    ]
    first = samples[0]
    assert first["inference_time"] == "2026-11-01T13:05:00Z" and first["event_id"] == "e"
    assert first["input"] == {
        "encoding": "CSV",
        "content_type": "text/csv",
        "data": "1,2",
        "truncated": False,
    }
    assert samples[3]["input"]["data"] == '{"a":1}'
    assert samples[3]["input"]["content_type"] == "application/json"


async def test_long_sample_payloads_are_cut(tmp_path):
    (tmp_path / "c.jsonl").write_text(record(data="x" * 5000) + "\n")
    sample = (await summarise_captures(str(tmp_path), "c", str(tmp_path)))["samples"][0]
    assert len(sample["input"]["data"]) == 2000 and sample["input"]["truncated"] is True


async def test_odd_metadata_is_not_a_crash(tmp_path):
    line = json.loads(record())
    line["eventMetadata"] = "not an object"
    (tmp_path / "c.jsonl").write_text(json.dumps(line) + "\n")
    summary = await summarise_captures(str(tmp_path), "c", str(tmp_path))
    assert summary["records"] == 1 and summary["rejected"] == 0
    assert summary["samples"][0]["inference_time"] is None
    assert summary["first_inference_time"] is None


async def test_summary_stops_at_max_records(captures):
    summary = await summarise_captures(str(captures), "captures", str(captures), max_records=3)
    assert summary["records"] == 3 and summary["truncated"] is True


async def test_summary_of_one_file(captures):
    file = captures / "ep" / "AllTraffic" / "2026" / "11" / "01" / "13" / "05-00-000-a.jsonl"
    summary = await summarise_captures(str(file), "f", str(captures))
    # One file named directly has no folders to read an hour from (as in a run).
    assert summary["files"] == 1 and summary["records"] == 2


async def test_summary_refuses_a_file_outside_the_root(captures, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.jsonl"
    outside.write_text(record(data="SECRET,1") + "\n")
    summary = await summarise_captures(str(outside), "secret.jsonl", str(captures))
    assert summary["records"] == 0 and "SECRET" not in json.dumps(summary)
    assert summary["diagnostics"]["counts"] == {"unreadable_file": 1}


async def test_route_over_the_demo_captures(api, jp_root_dir):
    demo = build_demo(jp_root_dir)
    path = f"captures/{demo.ENDPOINT}"
    status, summary = await api("GET", "captures", "summary", params={"path": path})
    assert status == 200 and summary["path"] == path
    assert len(summary["hours"]) == 24
    assert summary["records"] == sum(h["records"] for h in summary["hours"])
    malformed = summary["diagnostics"]["counts"]["malformed_json"]
    assert malformed == summary["rejected"] > 0  # the demo plants bad lines
    assert summary["encodings"]["endpointInput"] == {"CSV": summary["records"] - malformed}


@pytest.mark.parametrize(
    "params, field",
    [
        ({}, "path"),
        ({"path": "../etc"}, "path"),
        ({"path": "/etc"}, "path"),
        ({"path": "missing"}, "path"),
        ({"path": ".", "max_records": "0"}, "max_records"),
    ],
)
async def test_route_checks_the_path(api, params, field):
    status, error = await api("GET", "captures", "summary", params=params)
    assert (status, error["field"]) == (400, field)


async def test_route_refuses_a_symlink_out_of_the_root(api, jp_root_dir, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (jp_root_dir / "link").symlink_to(outside)
    status, error = await api("GET", "captures", "summary", params={"path": "link"})
    assert (status, error["field"]) == (400, "path")


async def test_route_reads_no_symlinked_file_from_outside_the_root(
    api, jp_root_dir, tmp_path_factory
):
    # #22 item 3: the folder is inside the root, one file in it links out of it.
    outside = tmp_path_factory.mktemp("outside") / "secret.jsonl"
    outside.write_text(record(data="SECRET,1") + "\n")
    hour = jp_root_dir / "c" / "2026" / "11" / "01" / "13"
    hour.mkdir(parents=True)
    (hour / "a.jsonl").write_text(record() + "\n")
    (hour / "b.jsonl").symlink_to(outside)
    status, summary = await api("GET", "captures", "summary", params={"path": "c"})
    assert status == 200
    assert summary["records"] == 1 and summary["files"] == 1
    assert "SECRET" not in json.dumps(summary)
    problem = summary["diagnostics"]["examples"][0]
    assert problem["kind"] == "unreadable_file"
    assert problem["file"] == "2026/11/01/13/b.jsonl"
    assert "outside the server root" in problem["message"]
    assert str(jp_root_dir) not in json.dumps(summary)
