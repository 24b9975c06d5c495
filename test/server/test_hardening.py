"""Regression tests for findings of the attack on the server (issue #22), on a real server."""

import json
import math
import sqlite3

import pytest
from old_store import old_store

from jupyterlab_model_monitor.store import Store


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


# -- item 1: one request must not hold the server ------------------------------------------------


async def test_a_body_over_one_mebibyte_is_413_before_it_is_read(api, definition):
    padding = "x" * (1 << 20)
    status, body = await api("POST", "monitors", body={**definition, "description": padding})
    assert status == 413
    assert "larger than 1048576 bytes" in body["message"]
    assert (await api("GET", "monitors"))[1] == {"monitors": []}


async def test_a_body_just_under_the_limit_is_read(api, definition):
    # The bound refuses what is too large, not what is large: this one fails on its content.
    body = json.dumps({**definition, "name": "x" * ((1 << 20) - 1000)})
    assert len(body) < 1 << 20
    status, answer = await api("POST", "monitors", body=body)
    assert (status, answer["field"]) == (400, "name")


async def test_a_path_of_a_hundred_thousand_segments_is_refused(api, definition):
    # The attack: resolving it took seconds on the event loop (and minutes at 10 MB).
    status, body = await api("POST", "monitors", body={**definition, "dataset": "a/" * 100_000})
    assert (status, body["field"]) == (400, "dataset")
    assert "longer than 4096 bytes" in body["message"]


async def test_a_name_longer_than_the_file_system_allows_is_refused(api, definition):
    status, body = await api("POST", "monitors", body={**definition, "dataset": "a" * 256})
    assert (status, body["field"]) == (400, "dataset")
    assert "longer than 255 bytes" in body["message"]


async def test_a_long_query_path_is_refused(api):
    params = {"path": "a/" * 3000}
    status, body = await api("GET", "captures", "summary", params=params)
    assert (status, body["field"]) == (400, "path")


async def test_a_long_path_within_the_bounds_still_works(api, definition, jp_root_dir):
    # 2 KB in names of 250 bytes: accepted, not refused for its length (the absolute form must
    # stay under the system's PATH_MAX for the test to create it).
    parts = ["d" * 250] * 8
    deep = jp_root_dir.joinpath(*parts)
    deep.mkdir(parents=True)
    (deep / "x.csv").write_text("a\n1\n")
    path = "/".join(parts + ["x.csv"])
    status, monitor = await api("POST", "monitors", body={**definition, "dataset": path})
    assert status == 201, monitor
    assert monitor["dataset"] == path


async def test_an_unauthenticated_large_body_is_refused_as_unauthenticated(jp_fetch):
    # Authentication is checked when the headers arrive, before the body is read or sized.
    response = await jp_fetch(
        "model-monitor",
        "monitors",
        method="POST",
        body="x" * (2 << 20),
        headers={"Authorization": ""},
        raise_error=False,
    )
    assert response.code == 403


# -- item 9: webhook secrets ---------------------------------------------------------------------

SECRET_URL = "https://bot:pa55@hooks.example.com/services/T1/B2/s3cr3t?token=abc"


async def test_webhook_urls_are_shown_redacted_and_kept_whole(api, definition, extension):
    body = {**definition, "alerts": {"webhooks": [{"url": SECRET_URL}]}}
    status, created = await api("POST", "monitors", body=body)
    assert status == 201
    shown = [
        created,
        (await api("GET", "monitors", created["id"]))[1],
        (await api("GET", "monitors"))[1]["monitors"][0],
    ]
    for monitor in shown:
        assert monitor["alerts"]["webhooks"] == [
            {"url": "https://hooks.example.com/…", "format": "json"}
        ]
        assert "s3cr3t" not in str(monitor) and "pa55" not in str(monitor)
    stored = await extension.store.call(extension.store.get_monitor, created["id"])
    assert stored["alerts"]["webhooks"][0]["url"] == SECRET_URL  # delivered to the whole URL


async def test_a_redacted_webhook_sent_back_keeps_its_url(api, definition, extension):
    other = "https://other.example/hook/xyz"
    body = {**definition, "alerts": {"webhooks": [{"url": SECRET_URL}, {"url": other}]}}
    _, created = await api("POST", "monitors", body=body)
    # The UI sends the list back as it got it, with one entry changed.
    hooks = created["alerts"]["webhooks"]
    hooks[1] = {"url": "https://new.example/n", "format": "slack"}
    patch = {"alerts": {**created["alerts"], "webhooks": hooks}}
    status, edited = await api("PATCH", "monitors", created["id"], body=patch)
    assert status == 200, edited
    stored = await extension.store.call(extension.store.get_monitor, created["id"])
    urls = [(hook["url"], hook["format"]) for hook in stored["alerts"]["webhooks"]]
    assert urls == [(SECRET_URL, "json"), ("https://new.example/n", "slack")]


async def test_a_redacted_url_that_matches_no_stored_webhook_is_refused(api, definition):
    hooks = [{"url": "https://hooks.example.com/…"}]
    status, body = await api("POST", "monitors", body={**definition, "alerts": {"webhooks": hooks}})
    assert (status, body["field"]) == (400, "alerts.webhooks[0].url")
    assert "redacted" in body["message"]


async def test_a_locked_database_is_503_with_retry_after_not_500(
    api, db_file, extension, jp_fetch, definition
):
    # #22 item 11: another process holding the write lock gave a 500 after 30 s (readers are not
    # blocked: the store is in WAL mode).
    await extension.store.call(extension.store.db.execute, "PRAGMA busy_timeout = 200")
    holder = sqlite3.connect(db_file, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        body = json.dumps(definition)
        response = await jp_fetch(
            "model-monitor", "monitors", method="POST", body=body, raise_error=False
        )
        assert response.code == 503
        assert response.headers["Retry-After"] == "5"
        assert "locked by another process" in json.loads(response.body)["message"]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (await api("POST", "monitors", body=definition))[0] == 201


async def test_an_alert_cursor_past_64_bits_is_400_not_500(api):
    # Found by test_rest_fuzz.py: SQLite refused the integer (OverflowError, a 500).
    status, body = await api("GET", "alerts", params={"since": "980313753008403235728"})
    assert (status, body["field"]) == (400, "since")
    assert (await api("GET", "alerts", params={"since": "999999999999999999"}))[0] == 200


async def test_webhook_urls_are_stored_apart_from_the_monitor_settings(
    api, definition, extension, db_file
):
    body = {**definition, "alerts": {"webhooks": [{"url": SECRET_URL}]}}
    _, created = await api("POST", "monitors", body=body)
    with sqlite3.connect(db_file) as db:
        (settings,) = db.execute("SELECT alerts FROM monitors").fetchone()
        urls = db.execute("SELECT monitor_id, position, url FROM webhook_urls").fetchall()
    assert "s3cr3t" not in settings and "pa55" not in settings
    assert urls == [(created["id"], 0, SECRET_URL)]
    assert (await api("DELETE", "monitors", created["id"]))[0] == 204
    with sqlite3.connect(db_file) as db:
        assert db.execute("SELECT COUNT(*) FROM webhook_urls").fetchone() == (0,)


def test_migration_7_moves_stored_webhook_urls_apart(tmp_path):
    path = tmp_path / "old.sqlite"
    old = old_store(path, 6)
    alerts = json.dumps({"notify": True, "webhooks": [{"url": SECRET_URL, "format": "json"}]})
    old.execute(
        "INSERT INTO monitors (id, name, dataset, baseline_statistics, baseline_constraints,"
        " output, window_hours, catch_up, backend, enabled, header, created_at, updated_at,"
        " alerts) VALUES ('m1', 'old', 'd', 's', 'c', 'o', 1, 'once', 'local', 1, 0, 't', 't', ?)",
        (alerts,),
    )
    old.commit()
    old.close()
    store = Store(str(path))
    try:
        assert store.get_monitor("m1")["alerts"]["webhooks"][0]["url"] == SECRET_URL
        (settings,) = store.db.execute("SELECT alerts FROM monitors").fetchone()
        assert "s3cr3t" not in settings
    finally:
        store.close()


@pytest.mark.parametrize("field", ["dataset"])
async def test_a_dataset_that_does_not_exist_is_refused_when_the_monitor_is_made(
    api, definition, field
):
    # #18 item 4: it was accepted, and every run failed with a raw ENOENT naming the server path.
    status, body = await api("POST", "monitors", body={**definition, field: "captures/nope"})
    assert (status, body["field"]) == (400, field)
    assert body["message"] == "no such file or folder: captures/nope"
    _, monitor = await api("POST", "monitors", body=definition)
    status, body = await api("PATCH", "monitors", monitor["id"], body={field: "captures/nope"})
    assert (status, body["field"]) == (400, field)
