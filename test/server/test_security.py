"""Security of the REST API against a real ``jupyter server`` subprocess on 127.0.0.1.

- XSRF: a browser-style request (login cookie, no token) that changes state needs ``_xsrf``;
- paths: ``..``, absolute paths, URL-encoded traversal and symlinks escaping the root are refused
  by every route that takes a path (monitors POST/PATCH, baselines POST, captures/summary GET);
- webhooks: only http(s) URLs are accepted;
- logs: the server log (captured to a file) never shows the token or a webhook URL's secret path.
"""

import http.cookiejar
import json
import os
import time
import urllib.parse
import urllib.request

import pytest
from test_crash_recovery import JupyterServer, free_port, write_inputs

TOKEN = "security-test-token-5f2c9a"
WEBHOOK_SECRET = "T000SECRET/B000SECRET/xoxSECRETPATH"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("security")
    root = tmp / "root"
    root.mkdir()
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "statistics.json").write_text("{}")
    write_inputs(root, repeats=1)
    os.symlink(outside, root / "escape")  # a symlink inside the root pointing out of it
    extra = ["--ModelMonitorApp.webhook_attempts=1", "--ModelMonitorApp.webhook_timeout=2"]
    srv = JupyterServer(root, tmp / "db" / "m.sqlite", tmp / "server.log", TOKEN, extra).start()
    srv.outside = outside
    yield srv
    srv.stop()


def valid_monitor(**fields):
    return {
        "name": "sec",
        "dataset": "data",
        "baseline_statistics": "baseline/statistics.json",
        "baseline_constraints": "baseline/constraints.json",
        **fields,
    }


# -- XSRF ----------------------------------------------------------------------------------------


def browser(server):
    """An opener holding the login cookie, as a browser has after logging in with the token."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = f"http://127.0.0.1:{server.port}"
    opener.open(f"{base}/login", timeout=10).read()
    xsrf = next(c.value for c in jar if c.name == "_xsrf")
    form = urllib.parse.urlencode({"password": TOKEN, "_xsrf": xsrf}).encode()
    opener.open(urllib.request.Request(f"{base}/login", data=form), timeout=10).read()
    assert any(c.name.startswith("username-") for c in jar), [c.name for c in jar]
    return opener, xsrf


def browser_call(opener, server, method, path, body=None, headers=()):
    url = f"http://127.0.0.1:{server.port}/model-monitor/{path}"
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers))
    try:
        with opener.open(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_cookie_requests_need_xsrf_to_change_state(server):
    opener, xsrf = browser(server)
    assert browser_call(opener, server, "GET", "monitors") == 200
    # No _xsrf: refused before the handler runs, whatever the body.
    assert browser_call(opener, server, "POST", "monitors", valid_monitor()) == 403
    assert browser_call(opener, server, "POST", "baselines", {"dataset": "train.csv"}) == 403
    assert browser_call(opener, server, "DELETE", "monitors/0123456789abcdef") == 403
    # A wrong _xsrf is refused too; the right one gets through to validation.
    wrong = {"X-XSRFToken": xsrf[:-2] + "xx"}
    assert browser_call(opener, server, "POST", "monitors", {}, wrong) == 403
    right = {"X-XSRFToken": xsrf}
    assert browser_call(opener, server, "POST", "monitors", {}, right) == 400


def test_no_credentials_at_all_is_refused(server):
    url = f"http://127.0.0.1:{server.port}/model-monitor/monitors"
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(url, timeout=10)
    assert error.value.code in (401, 403)


# -- paths ---------------------------------------------------------------------------------------

TRAVERSALS = [
    "../outside",
    "data/../../outside",
    "..",
    "/etc",
    "/etc/passwd",
    "escape",
    "escape/statistics.json",
    "data/../escape/statistics.json",
]


def escaped(server, value):
    """Whether ``value`` as a path under the root would land outside it."""
    target = os.path.realpath(os.path.join(server.root, value))
    return not target.startswith(os.path.realpath(server.root) + os.sep)


@pytest.mark.parametrize(
    "field", ["dataset", "baseline_statistics", "baseline_constraints", "output"]
)
@pytest.mark.parametrize("value", TRAVERSALS)
def test_monitor_paths_are_confined(server, field, value):
    status, body = server.request("POST", "monitors", body=valid_monitor(**{field: value}))
    assert status == 400, body
    assert field in json.dumps(body)


@pytest.mark.parametrize("value", TRAVERSALS)
def test_monitor_patch_paths_are_confined(server, value):
    status, monitor = server.request(
        "POST", "monitors", body=valid_monitor(name=f"p{abs(hash(value))}")
    )
    assert status == 201, monitor
    for field in ("dataset", "output", "baseline_statistics"):
        status, body = server.request("PATCH", "monitors", monitor["id"], body={field: value})
        assert status == 400, (field, body)


@pytest.mark.parametrize("field", ["dataset", "output"])
@pytest.mark.parametrize("value", TRAVERSALS)
def test_baseline_paths_are_confined(server, field, value):
    body = {"dataset": "train.csv", field: value}
    status, answer = server.request("POST", "baselines", body=body)
    assert status == 400, answer


@pytest.mark.parametrize(
    "query",
    [
        "path=..%2Foutside",
        "path=%2e%2e%2foutside",
        "path=%2E%2E/%2E%2E/etc",
        "path=%2Fetc",
        "path=escape",
        "path=data%2F..%2F..%2Foutside",
        "path=%252e%252e%252foutside",  # double-encoded: a literal name, must not escape either
    ],
)
def test_capture_summary_path_is_confined(server, query):
    status, body = server.request("GET", f"captures/summary?{query}")
    assert status in (400, 404), body
    assert str(server.outside) not in json.dumps(body)


@pytest.mark.parametrize("value", ["%2e%2e/outside", "%2e%2e%2f%2e%2e%2fetc", "..%2f..%2fetc"])
def test_encoded_traversal_in_json_is_not_decoded(server, value):
    """In a JSON body ``%2e%2e`` is a literal folder name: refused or kept inside the root."""
    status, body = server.request(
        "POST", "monitors", body=valid_monitor(name=f"e{abs(hash(value))}", output=value)
    )
    if status == 201:
        assert not escaped(server, body["output"]) and "%" in body["output"], body
    else:
        assert status == 400, body


# -- webhooks ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://127.0.0.1/x",
        "javascript:alert(1)",
        "data:text/plain,hi",
        "gopher://127.0.0.1:70/",
        "http:///no-host",
        "//127.0.0.1/scheme-relative",
        "",
    ],
)
def test_webhook_urls_must_be_http(server, url):
    alerts = {"webhooks": [{"url": url}]}
    status, body = server.request(
        "POST", "monitors", body=valid_monitor(name=f"w{abs(hash(url))}", alerts=alerts)
    )
    assert status == 400, body
    assert "webhooks[0].url" in json.dumps(body)


def test_http_and_https_webhooks_are_accepted(server):
    alerts = {"webhooks": [{"url": "https://127.0.0.1/hook"}, {"url": "http://127.0.0.1:9/hook"}]}
    status, body = server.request(
        "POST", "monitors", body=valid_monitor(name="okhooks", alerts=alerts)
    )
    assert status == 201, body


# -- logs ----------------------------------------------------------------------------------------


def test_logs_show_no_token_and_no_webhook_secret(server):
    # A failing run (no data in its window) whose alert posts to a closed loopback port: the
    # delivery error is logged, and must not show the URL's secret path.
    port = free_port()
    hook = f"http://127.0.0.1:{port}/services/{WEBHOOK_SECRET}"
    alerts = {"on_failure": True, "webhooks": [{"url": hook}]}
    status, monitor = server.request(
        "POST", "monitors", body=valid_monitor(name="logs", alerts=alerts)
    )
    assert status == 201, monitor
    window = {"window_start": "2020-01-01T00:00:00Z", "window_end": "2020-01-01T01:00:00Z"}
    status, execution = server.request("POST", "monitors", monitor["id"], "runs", body=window)
    assert status == 202, execution
    for _ in range(300):  # bounded: 30 s
        _, current = server.request("GET", "executions", execution["id"])
        if current["state"] in ("failed", "completed", "completed_with_violations", "cancelled"):
            break
        time.sleep(0.1)
    assert current["state"] == "failed", current
    for _ in range(100):  # bounded: the delivery attempt is logged after the run ends
        _, alerts_feed = server.request("GET", "alerts")
        if json.dumps(alerts_feed).count("127.0.0.1") and "webhook" in server.log.read_text():
            break
        time.sleep(0.1)
    # Requests that carry the token in every usual place.
    server.request("GET", f"monitors?token={TOKEN}")
    log = server.log.read_text()
    assert "webhook" in log  # the delivery was attempted and logged
    assert WEBHOOK_SECRET not in log
    assert "SECRET" not in json.dumps(alerts_feed)
    # Jupyter's own start-up banner may print the login URL; nothing after it may show the token.
    after_banner = log.split("Use Control-C to stop this server", 1)[-1]
    after_banner = "\n".join(
        line
        for line in after_banner.splitlines()
        if "?token=" not in line or "/model-monitor/" in line
    )
    assert TOKEN not in after_banner
