"""The Spark job's capture parser and window rule, without Spark (the engine's rules)."""

import base64
import json
from datetime import datetime, timezone

from jupyterlab_model_monitor.spark_job.capture_rows import Problem, capture_rows
from jupyterlab_model_monitor.spark_job.profile_job import in_window


def line(input_payload=None, output_payload=None):
    capture = {}
    if input_payload is not None:
        capture["endpointInput"] = input_payload
    if output_payload is not None:
        capture["endpointOutput"] = output_payload
    return json.dumps({"captureData": capture, "eventMetadata": {"eventId": "e"}})


def payload(data, content_type="text/csv", encoding="CSV"):
    return {
        "observedContentType": content_type,
        "mode": "INPUT",
        "data": data,
        "encoding": encoding,
    }


def test_output_cells_come_first_and_lines_pair_up():
    rows = capture_rows(line(payload("1,,x\n2,5,y\n"), payload("0.5\n0.25\n")))
    assert rows == [["0.5", "1", None, "x"], ["0.25", "2", "5", "y"]]


def test_json_keeps_number_text_and_sorts_keys():
    data = json.dumps({"b": 3.0, "a": 1, "c": None, "d": True})
    (row,) = capture_rows(line(payload(data, "application/json", "JSON")))
    assert row == ["1", "3.0", None, "true"]


def test_base64_json_instances_give_one_row_each():
    data = base64.b64encode(json.dumps({"instances": [{"x": 1}, {"x": 2.5}]}).encode()).decode()
    rows = capture_rows(line(payload(data, "application/json; charset=utf-8", "BASE64")))
    assert rows == [["1"], ["2.5"]]


def test_bad_records_name_the_field():
    assert capture_rows("{oops") == Problem("malformed_json", "", capture_rows("{oops").message)
    bad = capture_rows(line(payload("%%%", "text/csv", "BASE64")))
    assert (bad.kind, bad.field) == ("bad_base64", "captureData.endpointInput.data")
    unknown = capture_rows(line(payload("1", "text/csv", "XML")))
    assert (unknown.kind, unknown.field) == (
        "unknown_encoding",
        "captureData.endpointInput.encoding",
    )
    opaque = capture_rows(line(payload("AAAA", "image/png", "BASE64")))
    assert opaque.kind == "unsupported_content_type"
    mismatch = capture_rows(line(payload("1\n2\n"), payload("0.5\n")))
    assert mismatch.kind == "row_count_mismatch"
    assert capture_rows(json.dumps({"eventMetadata": {}})).field == "captureData"


def test_window_keeps_overlapping_hour_folders_only():
    start = datetime(2026, 11, 1, 1, tzinfo=timezone.utc).timestamp()
    end = datetime(2026, 11, 1, 3, tzinfo=timezone.utc).timestamp()
    assert in_window("ep/AllTraffic/2026/11/01/01/a.jsonl", start, end)
    assert in_window("ep/AllTraffic/2026/11/01/02/a.jsonl", start, end)
    assert not in_window("ep/AllTraffic/2026/11/01/03/a.jsonl", start, end)
    assert not in_window("ep/AllTraffic/2026/11/01/00/a.jsonl", start, end)
    assert not in_window("loose.jsonl", start, end)
    assert in_window("loose.jsonl", None, None)
