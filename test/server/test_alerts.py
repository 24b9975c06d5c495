"""Alerts: rules, webhooks to a real HTTP server on 127.0.0.1, and the notifications feed."""

import asyncio
import logging
import socket
import time

import pytest
from demo import build_demo
from receiver import Receiver
from test_end_to_end import definition, wait_final

from jupyterlab_model_monitor.alerts import check_alert_rules, counting_violations, plan_alert
from jupyterlab_model_monitor.errors import ValidationError
from jupyterlab_model_monitor.webhooks import PolicyResolver, WebhookSender, redact

LOOPBACK = ["127.0.0.0/8", "::1/128"]  # the receivers listen here; refused by default

DRIFT_WINDOW = {"window_start": "2026-11-01T18:00:00Z", "window_end": "2026-11-02T00:00:00Z"}
CLEAN_WINDOW = {"window_start": "2026-11-01T00:00:00Z", "window_end": "2026-11-01T06:00:00Z"}
DRIFT = {
    "feature_name": "a",
    "constraint_check_type": "baseline_drift_check",
    "description": "Baseline drift distance: 0.2 exceeds threshold: 0.1",
}
COMPLETENESS = {
    "feature_name": "b",
    "constraint_check_type": "completeness_check",
    "description": "Value: 0.5 does not meet the constraint requirement! ",
}


@pytest.mark.parametrize(
    "rules, field",
    [
        ("yes", "alerts"),
        ({"colour": "red"}, "alerts.colour"),
        ({"notify": 1}, "alerts.notify"),
        ({"check_types": ["nope"]}, "alerts.check_types"),
        ({"check_types": []}, "alerts.check_types"),
        ({"drift_threshold": -1}, "alerts.drift_threshold"),
        ({"webhooks": {}}, "alerts.webhooks"),
        ({"webhooks": [{"url": "ftp://example.com/x"}]}, "alerts.webhooks[0].url"),
        ({"webhooks": [{"url": "javascript:alert(1)"}]}, "alerts.webhooks[0].url"),
        ({"webhooks": [{"url": "file:///etc/passwd"}]}, "alerts.webhooks[0].url"),
        ({"webhooks": [{"url": "http:///nohost"}]}, "alerts.webhooks[0].url"),
        ({"webhooks": [{"url": "http://a b.com/"}]}, "alerts.webhooks[0].url"),
        ({"webhooks": [{"url": "http://h:99999/"}]}, "alerts.webhooks[0].url"),
        ({"webhooks": [{"url": "https://h/", "format": "xml"}]}, "alerts.webhooks[0].format"),
        ({"webhooks": [{"url": "https://h/", "secret": "x"}]}, "alerts.webhooks[0]"),
        ({"webhooks": [{"url": "https://h/"}] * 6}, "alerts.webhooks"),
    ],
)
def test_bad_rules_name_the_field(rules, field):
    with pytest.raises(ValidationError) as caught:
        check_alert_rules(rules)
    assert caught.value.field == field


def test_rules_get_defaults():
    rules = check_alert_rules({"webhooks": [{"url": "https://hooks.example.com/x"}]})
    assert rules == {
        "notify": True,
        "on_failure": True,
        "check_types": None,
        "drift_threshold": None,
        "webhooks": [{"url": "https://hooks.example.com/x", "format": "json"}],
    }
    assert check_alert_rules(None) is None


def test_check_types_and_drift_threshold_filter_violations():
    rules = check_alert_rules({"check_types": ["baseline_drift_check"]})
    assert counting_violations([DRIFT, COMPLETENESS], rules) == [DRIFT]
    rules = check_alert_rules({"drift_threshold": 0.3})
    assert counting_violations([DRIFT, COMPLETENESS], rules) == [COMPLETENESS]


def test_plan_alert_by_outcome():
    monitor = {"id": "m", "name": "churn", "alerts": None}
    execution = {"id": "e", "state": "completed_with_violations", "message": "2 violations"}
    alert = plan_alert(monitor, execution, [DRIFT, COMPLETENESS])
    assert alert["kind"] == "violations" and alert["notify"] is True
    assert alert["message"] == "churn: 2 violations (1 baseline_drift_check, 1 completeness_check)"
    assert plan_alert(monitor, {**execution, "state": "completed"}, []) is None
    assert plan_alert(monitor, {**execution, "state": "cancelled"}, []) is None
    failed = plan_alert(monitor, {**execution, "state": "failed", "message": "boom"}, [])
    assert (failed["kind"], failed["message"]) == ("failed", "churn: the run failed: boom")
    quiet = {**monitor, "alerts": check_alert_rules({"on_failure": False})}
    assert plan_alert(quiet, {**execution, "state": "failed"}, []) is None
    only_types = {**monitor, "alerts": check_alert_rules({"check_types": ["data_type_check"]})}
    assert plan_alert(only_types, execution, [DRIFT, COMPLETENESS]) is None


def test_redact_keeps_no_secret():
    assert redact("https://user:pw@hooks.slack.com/services/T/B/xyz?k=1") == (
        "https://hooks.slack.com/…"
    )
    assert redact("http://127.0.0.1:8080/a") == "http://127.0.0.1:8080/…"


# -- delivery, against a real HTTP server ---------------------------------------------------


async def test_sender_posts_json(caplog):
    with Receiver() as receiver:
        result = await WebhookSender(logging.getLogger("t"), allowed_networks=LOOPBACK).send(
            receiver.url(), {"a": 1}
        )
    assert result == {
        "target": redact(receiver.url()),
        "delivered": True,
        "attempts": 1,
        "status": 200,
        "error": None,
    }
    ((path, headers, body),) = receiver.requests
    assert (path, body) == ("/hooks/T000/B000/secret-token", {"a": 1})
    assert headers["Content-Type"] == "application/json"


async def test_sender_retries_server_errors_with_backoff(caplog):
    caplog.set_level(logging.WARNING, "t")
    with Receiver(statuses=(503, 500, 200)) as receiver:
        sender = WebhookSender(
            logging.getLogger("t"), timeout=5, attempts=3, backoff=0.05, allowed_networks=LOOPBACK
        )
        result = await sender.send(receiver.url(), {"a": 1})
    assert (result["delivered"], result["attempts"], result["status"]) == (True, 3, 200)
    assert len(receiver.requests) == 3
    assert "secret-token" not in caplog.text and "HTTP 503" in caplog.text


async def test_sender_does_not_retry_client_errors():
    with Receiver(statuses=(404,)) as receiver:
        sender = WebhookSender(
            logging.getLogger("t"), timeout=5, attempts=3, backoff=0.05, allowed_networks=LOOPBACK
        )
        result = await sender.send(receiver.url(), {"a": 1})
    assert (result["delivered"], result["attempts"], result["error"]) == (False, 1, "HTTP 404")


async def test_sender_gives_up_on_a_slow_target_within_bounds(caplog):
    caplog.set_level(logging.WARNING, "t")
    with Receiver(delay=2.0) as receiver:
        sender = WebhookSender(
            logging.getLogger("t"), timeout=0.3, attempts=2, backoff=0.05, allowed_networks=LOOPBACK
        )
        started = time.monotonic()
        result = await sender.send(receiver.url(), {"a": 1})
    assert time.monotonic() - started < 1.5
    assert (result["delivered"], result["attempts"]) == (False, 2)
    assert "Timeout" in result["error"] and "secret-token" not in caplog.text


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def test_sender_reports_an_unreachable_target():
    sender = WebhookSender(
        logging.getLogger("t"), timeout=1, attempts=2, backoff=0.01, allowed_networks=LOOPBACK
    )
    result = await sender.send(f"http://127.0.0.1:{closed_port()}/x", {"a": 1})
    assert (result["delivered"], result["attempts"]) == (False, 2) and result["error"]


# -- through the server ----------------------------------------------------------------------


async def wait_alerts(api, count, **params):
    """The alerts feed once it holds ``count`` alerts (they are raised just after a run ends)."""
    for _ in range(100):
        _, feed = await api("GET", "alerts", params=params or None)
        if len(feed["alerts"]) >= count:
            return feed
        await asyncio.sleep(0.05)
    raise AssertionError(f"expected {count} alerts, got {feed}")


@pytest.fixture
def demo(jp_root_dir):
    return build_demo(jp_root_dir)


@pytest.fixture
def fast_webhooks(extension):
    sender = extension.alerts.sender
    sender.timeout, sender.attempts, sender.backoff = 0.5, 2, 0.05
    return sender


async def test_rules_are_validated_on_create_and_patch(api, demo):
    bad = {"webhooks": [{"url": "ftp://example.com/hook"}]}
    status, error = await api("POST", "monitors", body=definition(demo, alerts=bad))
    assert (status, error["field"]) == (400, "alerts.webhooks[0].url")
    status, monitor = await api("POST", "monitors", body=definition(demo))
    assert status == 201 and monitor["alerts"] is None
    status, error = await api("PATCH", "monitors", monitor["id"], body={"alerts": bad})
    assert (status, error["field"]) == (400, "alerts.webhooks[0].url")
    good = {"webhooks": [{"url": "https://hooks.example.com/x", "format": "slack"}]}
    status, patched = await api("PATCH", "monitors", monitor["id"], body={"alerts": good})
    assert status == 200 and patched["alerts"]["webhooks"][0]["format"] == "slack"
    assert (await api("GET", "monitors", monitor["id"]))[1]["alerts"] == patched["alerts"]


async def test_violations_post_the_webhook_and_feed_notifications(api, demo, extension):
    _, before = await api("GET", "alerts")
    assert before == {"alerts": [], "cursor": 0, "unread": 0}
    with Receiver() as receiver:
        hooks = [{"url": receiver.url()}, {"url": receiver.url("/slack"), "format": "slack"}]
        body = definition(demo, alerts={"webhooks": hooks})
        _, monitor = await api("POST", "monitors", body=body)
        _, execution = await api("POST", "monitors", monitor["id"], "runs", body=DRIFT_WINDOW)
        done = await wait_final(api, execution["id"])
        await wait_alerts(api, 1)
        await extension.alerts.wait_deliveries()
    assert done["state"] == "completed_with_violations"
    posted = {path: body for path, _, body in receiver.requests}
    payload = posted["/hooks/T000/B000/secret-token"]
    assert payload["type"] == "model-monitor.alert" and payload["version"] == 1
    assert payload["kind"] == "violations"
    assert payload["monitor"] == {"id": monitor["id"], "name": "churn"}
    assert payload["execution"]["id"] == done["id"]
    assert payload["execution"]["violations"] == done["violations"]
    assert len(payload["violations"]) == done["violations"]
    assert posted["/slack"] == {"text": payload["message"]}

    (alert,) = (feed := await wait_alerts(api, 1))["alerts"]
    assert feed["cursor"] == alert["id"] == payload["alert_id"]
    assert alert["notify"] is True and alert["execution_id"] == done["id"]
    assert [d["delivered"] for d in alert["deliveries"]] == [True, True]
    assert all("secret" not in d["target"] for d in alert["deliveries"])
    assert await api("GET", "alerts", params={"since": str(alert["id"])}) == (
        200,
        {"alerts": [], "cursor": alert["id"], "unread": 1},
    )
    since_time = {"since": alert["created_at"]}
    assert (await api("GET", "alerts", params=since_time))[1]["alerts"] == [alert]
    assert (await api("GET", "alerts", params={"since": "yesterday"}))[0] == 400


async def test_only_runs_with_violations_alert(api, demo, extension):
    _, monitor = await api("POST", "monitors", body=definition(demo))
    _, clean = await api("POST", "monitors", monitor["id"], "runs", body=CLEAN_WINDOW)
    assert (await wait_final(api, clean["id"]))["state"] == "completed"
    _, drifted = await api("POST", "monitors", monitor["id"], "runs", body=DRIFT_WINDOW)
    await wait_final(api, drifted["id"])
    (alert,) = (await wait_alerts(api, 1))["alerts"]
    assert alert["execution_id"] == drifted["id"]


async def test_alerts_are_read_for_every_lab_and_a_muted_monitor_notifies_no_one(
    api, demo, extension
):
    _, monitor = await api("POST", "monitors", body=definition(demo))
    _, first = await api("POST", "monitors", monitor["id"], "runs", body=DRIFT_WINDOW)
    await wait_final(api, first["id"])
    feed = await wait_alerts(api, 1)
    (alert,) = feed["alerts"]
    assert feed["unread"] == 1
    assert alert["acknowledged_at"] is None and alert["muted"] is False and alert["notify"]

    acknowledge = {"ids": [alert["id"]]}
    assert await api("POST", "alerts", "acknowledge", body=acknowledge) == (
        200,
        {"acknowledged": 1, "unread": 0},
    )
    (read,) = (await api("GET", "alerts"))[1]["alerts"]
    assert read["acknowledged_at"] >= alert["created_at"]
    again = await api("POST", "alerts", "acknowledge", body=acknowledge)
    assert again == (200, {"acknowledged": 0, "unread": 0})

    # Muted: the alert is stored and unread, marked muted (the Lab shows no notification).
    muted = {"muted_until": "2999-01-01T00:00:00+00:00"}
    status, patched = await api("PATCH", "monitors", monitor["id"], body=muted)
    assert status == 200 and patched["muted_until"] == "2999-01-01T00:00:00Z"
    _, second = await api("POST", "monitors", monitor["id"], "runs", body=DRIFT_WINDOW)
    await wait_final(api, second["id"])
    feed = await wait_alerts(api, 2)
    assert feed["alerts"][-1]["muted"] is True and feed["unread"] == 1
    up_to = {"up_to": feed["alerts"][-1]["id"]}
    assert (await api("POST", "alerts", "acknowledge", body=up_to))[1]["acknowledged"] == 1
    _, unmuted = await api("PATCH", "monitors", monitor["id"], body={"muted_until": None})
    assert unmuted["muted_until"] is None


@pytest.mark.parametrize(
    "body, field",
    [
        ([1], None),
        ({}, "ids"),
        ({"ids": [1], "up_to": 1}, "ids"),
        ({"ids": []}, "ids"),
        ({"ids": [True]}, "ids[0]"),
        ({"ids": [1, "2"]}, "ids[1]"),
        ({"ids": list(range(1, 1002))}, "ids"),
        ({"up_to": 0}, "up_to"),
        ({"up_to": 10**18}, "up_to"),
        ({"all": True}, "all"),
    ],
)
async def test_bad_acknowledgements_name_the_field(api, body, field):
    status, error = await api("POST", "alerts", "acknowledge", body=body)
    assert status == 400 and error.get("field") == field


@pytest.mark.parametrize("value", ["tomorrow", 5, "10000-01-01T00:00:00Z"])
async def test_a_bad_mute_time_names_the_field(api, demo, value):
    _, monitor = await api("POST", "monitors", body=definition(demo))
    status, error = await api("PATCH", "monitors", monitor["id"], body={"muted_until": value})
    assert status == 400 and error["field"] == "muted_until"


async def test_a_failed_run_alerts(api, demo, jp_root_dir):
    # The dataset is checked when the monitor is made: it goes away afterwards.
    (jp_root_dir / "no/such/folder").mkdir(parents=True)
    _, monitor = await api("POST", "monitors", body=definition(demo, dataset="no/such/folder"))
    (jp_root_dir / "no/such/folder").rmdir()
    _, execution = await api("POST", "monitors", monitor["id"], "runs")
    assert (await wait_final(api, execution["id"]))["state"] == "failed"
    (alert,) = (await wait_alerts(api, 1, monitor_id=monitor["id"]))["alerts"]
    assert alert["kind"] == "failed" and "no/such/folder" in alert["message"]
    assert alert["deliveries"] is None


async def test_a_slow_or_unreachable_webhook_does_not_hold_the_run(
    api, demo, extension, fast_webhooks
):
    with Receiver(delay=3.0) as slow:
        hooks = [{"url": slow.url()}, {"url": f"http://127.0.0.1:{closed_port()}/hook"}]
        _, monitor = await api(
            "POST", "monitors", body=definition(demo, alerts={"webhooks": hooks})
        )
        _, execution = await api("POST", "monitors", monitor["id"], "runs", body=DRIFT_WINDOW)
        done = await wait_final(api, execution["id"])
        assert done["state"] == "completed_with_violations"
        (alert,) = (await wait_alerts(api, 1))["alerts"]
        assert alert["deliveries"] is None  # still under way: the run did not wait for it
        await asyncio.wait_for(extension.alerts.wait_deliveries(), timeout=5)
    (alert,) = (await api("GET", "alerts"))[1]["alerts"]
    assert [(d["delivered"], d["attempts"]) for d in alert["deliveries"]] == [(False, 2)] * 2
    # the server keeps working: another run goes through
    _, again = await api("POST", "monitors", monitor["id"], "runs", body=CLEAN_WINDOW)
    assert (await wait_final(api, again["id"]))["state"] == "completed"


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "169.254.169.254", "2130706433", "[::1]", "10.1.2.3", "localhost", "0.0.0.0"],
)
async def test_webhooks_to_non_public_addresses_are_refused_by_default(host):
    # #22 item 9: the delivery results worked as a port scanner of the server's networks.
    sender = WebhookSender(logging.getLogger("t"), timeout=1, attempts=3, backoff=0.01)
    result = await sender.send(f"http://{host}:9/hook", {"a": 1})
    assert (result["delivered"], result["attempts"]) == (False, 1)  # refused, not retried
    assert "not a public address" in result["error"]


async def test_an_allowed_network_is_reached_and_others_stay_refused():
    with Receiver() as receiver:
        sender = WebhookSender(logging.getLogger("t"), allowed_networks=["127.0.0.1/32"])
        assert (await sender.send(receiver.url(), {"a": 1}))["delivered"] is True
        other = receiver.url().replace("127.0.0.1", "[::1]")
        assert "not a public address" in (await sender.send(other, {"a": 1}))["error"]


@pytest.mark.parametrize(
    "address, allowed",
    [
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("192.168.0.1", False),
        ("100.64.0.1", False),
        ("::ffff:127.0.0.1", False),
        ("fe80::1%eth0", False),
        ("224.0.0.1", False),
    ],
)
def test_the_policy_allows_public_addresses_only(address, allowed):
    assert PolicyResolver(allowed_networks=()).allows(address) is allowed
