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
