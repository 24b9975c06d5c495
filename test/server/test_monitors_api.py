"""The monitors and executions routes, against a real server and a real SQLite file."""

import os
import re

import pytest


async def test_create_list_get_patch_delete(api, definition, db_file):
    status, monitor = await api("POST", "monitors", body=definition)
    assert status == 201
    assert monitor["output"] == "monitoring/churn"
    assert monitor["catch_up"] == "once" and monitor["backend"] == "local"
    assert monitor["enabled"] is True and monitor["next_run_at"].endswith(":00:00Z")
    assert db_file.exists()

    assert await api("GET", "monitors") == (200, {"monitors": [monitor]})
    assert await api("GET", "monitors", monitor["id"]) == (200, monitor)

    status, paused = await api("PATCH", "monitors", monitor["id"], body={"enabled": False})
    assert status == 200 and paused["enabled"] is False and paused["next_run_at"] is None
    status, resumed = await api("PATCH", "monitors", monitor["id"], body={"enabled": True})
    assert resumed["next_run_at"] is not None

    status, body = await api("DELETE", "monitors", monitor["id"])
    assert (status, body) == (204, None)
    assert (await api("GET", "monitors", monitor["id"]))[0] == 404


@pytest.mark.parametrize(
    "change, field",
    [
        ({"name": ""}, "name"),
        ({"dataset": "../outside"}, "dataset"),
        ({"dataset": "/etc"}, "dataset"),
        ({"baseline_statistics": "baseline/missing.json"}, "baseline_statistics"),
        ({"schedule": "every hour"}, "schedule"),
        ({"schedule": "0 * * *"}, "schedule"),
        ({"window_hours": 0}, "window_hours"),
        ({"window_hours": "1"}, "window_hours"),
        ({"catch_up": "sometimes"}, "catch_up"),
        ({"backend": "sagemaker"}, "backend"),
        ({"dataset_format": "parquet"}, "dataset_format"),
        ({"enabled": "yes"}, "enabled"),
        ({"colour": "blue"}, "colour"),
    ],
)
async def test_invalid_monitor_is_400_with_field(api, definition, change, field):
    status, body = await api("POST", "monitors", body={**definition, **change})
    assert status == 400
    assert body["field"] == field and body["message"]


async def test_missing_field_and_bad_json(api, definition):
    del definition["dataset"]
    assert await api("POST", "monitors", body=definition) == (
        400,
        {"message": "dataset is required", "field": "dataset"},
    )
    status, body = await api("POST", "monitors", body="{not json")
    assert status == 400 and body["field"] is None
    status, body = await api("POST", "monitors", body="[1, 2]")
    assert status == 400


async def test_escaping_symlink_is_400(api, definition, jp_root_dir, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    os.symlink(outside, jp_root_dir / "sneaky")
    status, body = await api("POST", "monitors", body={**definition, "output": "sneaky/out"})
    assert status == 400 and body["field"] == "output"


async def test_duplicate_name_is_409(api, definition):
    assert (await api("POST", "monitors", body=definition))[0] == 201
    status, body = await api("POST", "monitors", body=definition)
    assert status == 409 and body["field"] == "name"


async def test_unknown_ids_are_404(api):
    unknown = "0" * 32
    for method, path in [
        ("GET", ("monitors", unknown)),
        ("PATCH", ("monitors", unknown)),
        ("DELETE", ("monitors", unknown)),
        ("POST", ("monitors", unknown, "runs")),
        ("GET", ("executions", unknown)),
        ("POST", ("executions", unknown, "cancel")),
    ]:
        status, body = await api(method, *path, body={} if method == "PATCH" else None)
        assert status == 404, (method, path)
        assert body["message"]
    assert (await api("GET", "executions", params={"monitor_id": unknown}))[0] == 404


async def test_run_cancel_and_list_executions(api, definition, extension):
    extension.scheduler.max_concurrent_runs = 0  # keep the run due: nothing picks it up
    _, monitor = await api("POST", "monitors", body=definition)
    window = {"window_start": "2026-11-01T18:00:00Z", "window_end": "2026-11-02T00:00:00Z"}
    status, execution = await api("POST", "monitors", monitor["id"], "runs", body=window)
    assert status == 202
    assert execution["state"] == "due" and execution["trigger"] == "manual"
    assert execution["window_start"] == window["window_start"]
    assert re.fullmatch(
        rf"monitoring/churn/manual/\d{{4}}-\d\d-\d\dT\d\d-\d\d-\d\dZ-{execution['id'][:8]}",
        execution["output"],
    )

    status, listed = await api("GET", "executions", params={"monitor_id": monitor["id"]})
    assert status == 200 and [e["id"] for e in listed["executions"]] == [execution["id"]]
    assert (await api("GET", "executions", execution["id"]))[1]["id"] == execution["id"]

    assert (await api("DELETE", "monitors", monitor["id"]))[0] == 409
    status, cancelled = await api("POST", "executions", execution["id"], "cancel")
    assert status == 200 and cancelled["state"] == "cancelled"
    status, body = await api("POST", "executions", execution["id"], "cancel")
    assert status == 409
    assert (await api("DELETE", "monitors", monitor["id"]))[0] == 204


@pytest.mark.parametrize(
    "body, field",
    [
        ({"window_start": "2026-11-01T18:00:00Z"}, "window_end"),
        ({"window_start": "yesterday", "window_end": "2026-11-01T18:00:00Z"}, "window_start"),
        (
            {"window_start": "2026-11-02T00:00:00Z", "window_end": "2026-11-01T00:00:00Z"},
            "window_end",
        ),
        ({"when": "now"}, "when"),
    ],
)
async def test_invalid_run_request_is_400(api, definition, body, field):
    _, monitor = await api("POST", "monitors", body=definition)
    status, error = await api("POST", "monitors", monitor["id"], "runs", body=body)
    assert status == 400 and error["field"] == field


async def test_executions_limit_is_checked(api):
    assert (await api("GET", "executions", params={"limit": "0"}))[1]["field"] == "limit"
    assert (await api("GET", "executions", params={"limit": "x"}))[0] == 400
    assert await api("GET", "executions", params={"limit": "5"}) == (200, {"executions": []})


async def test_routes_require_authentication(jp_fetch):
    for path in [("monitors",), ("executions",)]:
        response = await jp_fetch(
            "model-monitor", *path, headers={"Authorization": ""}, raise_error=False
        )
        assert response.code == 403
