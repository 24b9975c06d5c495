"""Regression tests for findings of the attack on the server (issue #22), on a real server."""

import json
import math

import pytest


def strict_json(text):
    """JSON as a browser parses it: NaN and Infinity are errors."""

    def refuse(name):
        raise ValueError(f"{name} in a response")

    return json.loads(text, parse_constant=refuse)


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", "ok\n"),
        ("name", "ok\r\n"),
        ("schedule", "0 * * * *\n"),
        ("schedule", "0 * * *\n*"),
    ],
)
async def test_a_trailing_newline_is_not_a_valid_name_or_cron(api, definition, field, value):
    status, body = await api("POST", "monitors", body={**definition, field: value})
    assert (status, body["field"]) == (400, field)
    assert (await api("GET", "monitors"))[1] == {"monitors": []}


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400", "-1e999"])
async def test_non_finite_numbers_are_refused(api, definition, literal):
    text = json.dumps({**definition, "alerts": {"drift_threshold": 0.5}})
    status, body = await api("POST", "monitors", body=text.replace("0.5", literal))
    assert status == 400
    assert "not valid JSON" in body["message"]
    assert (await api("GET", "monitors"))[1] == {"monitors": []}


async def test_a_stored_non_finite_number_is_written_as_null(api, definition, jp_fetch, extension):
    status, monitor = await api("POST", "monitors", body=definition)
    assert status == 201
    # As a database from before the check could hold it.
    alerts = {"drift_threshold": math.inf}
    await extension.store.call(extension.store.update_monitor, monitor["id"], {"alerts": alerts})
    response = await jp_fetch("model-monitor", "monitors", method="GET")
    listed = strict_json(response.body)["monitors"]
    assert listed[0]["id"] == monitor["id"]
    assert listed[0]["alerts"]["drift_threshold"] is None


async def test_deeply_nested_json_is_400_not_500(api):
    status, body = await api("POST", "monitors", body="[" * 100_000 + "]" * 100_000)
    assert status == 400
    assert "not valid JSON" in body["message"]


@pytest.mark.parametrize("limit", ["²", "1" * 5000, "0x10", "1e3", "99999999999"])
async def test_limit_arguments_that_are_not_plain_digits_are_400(api, limit):
    status, body = await api("GET", "executions", params={"limit": limit})
    assert (status, body["field"]) == (400, "limit")


async def test_a_schedule_that_never_fires_is_refused(api, definition):
    status, body = await api("POST", "monitors", body={**definition, "schedule": "0 0 30 2 *"})
    assert (status, body["field"]) == (400, "schedule")
    # Nor can PATCH store one on a disabled monitor, where no next run is computed.
    _, monitor = await api("POST", "monitors", body={**definition, "enabled": False})
    status, body = await api("PATCH", "monitors", monitor["id"], body={"schedule": "0 0 31 4 *"})
    assert (status, body["field"]) == (400, "schedule")


@pytest.mark.parametrize(
    "bounds",
    [
        ("0001-01-01T00:00:00+01:00", "2026-01-01T00:00:00Z"),
        ("2026-01-01T00:00:00Z", "9999-12-31T23:00:00-05:00"),
    ],
)
async def test_window_times_at_the_year_bounds_are_400_not_500(api, definition, bounds):
    _, monitor = await api("POST", "monitors", body=definition)
    window = {"window_start": bounds[0], "window_end": bounds[1]}
    status, body = await api("POST", "monitors", monitor["id"], "runs", body=window)
    assert status == 400 and body["field"] in ("window_start", "window_end")


@pytest.mark.parametrize(
    "change, field",
    [
        ({"backend": {}}, "backend"),
        ({"backend": ["local"]}, "backend"),
        ({"alerts": {"check_types": [[1]]}}, "alerts.check_types"),
        ({"alerts": {"check_types": [{"a": 1}]}}, "alerts.check_types"),
    ],
)
async def test_unhashable_values_are_400_not_500(api, definition, change, field):
    status, body = await api("POST", "monitors", body={**definition, **change})
    assert (status, body["field"]) == (400, field)
