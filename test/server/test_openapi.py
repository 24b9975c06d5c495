"""api/openapi.yaml describes exactly the routes the extension serves, and their JSON shapes."""

import re
from pathlib import Path

import pytest
import yaml
from tornado.web import RequestHandler

from jupyterlab_model_monitor import validation
from jupyterlab_model_monitor.alerts import DEFAULT_RULES
from jupyterlab_model_monitor.baselines import REQUEST_FIELDS
from jupyterlab_model_monitor.handlers import default_handlers
from jupyterlab_model_monitor.validation import MONITOR_FIELDS

SPEC = Path(__file__).resolve().parents[2] / "api" / "openapi.yaml"
METHODS = ("get", "post", "patch", "put", "delete")


@pytest.fixture(scope="module")
def spec():
    return yaml.safe_load(SPEC.read_text())


def served_routes():
    """(path, method) pairs from the handler table, with regex groups as OpenAPI parameters."""
    routes = set()
    for pattern, handler in default_handlers:
        path = pattern.removeprefix("/model-monitor")
        for name in ("monitor_id", "execution_id", "baseline_id"):
            if name.split("_")[0] + "s/" in path:
                path = path.replace("([0-9a-f]{32})", "{" + name + "}", 1)
        assert "(" not in path, pattern
        for method in METHODS:
            if getattr(handler, method) is not getattr(RequestHandler, method):
                routes.add((path, method))
    return routes


def documented_routes(spec):
    return {(path, m) for path, item in spec["paths"].items() for m in item if m in METHODS}


def test_every_route_is_documented_and_vice_versa(spec):
    assert spec["servers"][0]["url"] == "/model-monitor"
    assert served_routes() == documented_routes(spec)


def test_every_documented_path_parameter_exists(spec):
    for path, item in spec["paths"].items():
        for name in re.findall(r"{(\w+)}", path):
            refs = [p["$ref"].rsplit("/", 1)[1] for p in item.get("parameters", [])]
            params = [spec["components"]["parameters"][r]["name"] for r in refs]
            assert name in params, path


def required_fields(spec, name):
    schema = spec["components"]["schemas"][name]
    parts = schema.get("allOf", [schema])
    return {f for part in parts for f in part.get("required", [])}


async def test_responses_match_the_schemas(spec, api, jp_root_dir, extension):
    (jp_root_dir / "s.json").write_text("{}")
    (jp_root_dir / "c.json").write_text("{}")
    (jp_root_dir / "d").mkdir()  # the dataset must exist
    extension.scheduler.max_concurrent_runs = 0
    body = {"name": "m", "dataset": "d", "baseline_statistics": "s.json"}
    _, monitor = await api("POST", "monitors", body={**body, "baseline_constraints": "c.json"})
    assert set(monitor) == required_fields(spec, "Monitor")
    _, execution = await api("POST", "monitors", monitor["id"], "runs")
    assert set(execution) == required_fields(spec, "Execution")
    _, health = await api("GET", "health")
    assert set(health) == required_fields(spec, "Health")
    _, error = await api("POST", "monitors", body={})
    assert set(error) == required_fields(spec, "Error")
    fields = spec["components"]["schemas"]["MonitorFields"]["properties"]
    assert set(fields) == set(MONITOR_FIELDS)


async def test_every_documented_route_refuses_requests_without_a_token(spec, jp_fetch):
    for path, method in sorted(documented_routes(spec)):
        parts = re.sub(r"{\w+}", "0" * 32, path).strip("/").split("/")
        body = "{}" if method in ("post", "patch", "put") else None
        response = await jp_fetch(
            "model-monitor",
            *parts,
            method=method.upper(),
            body=body,
            headers={"Authorization": ""},
            raise_error=False,
        )
        assert response.code == 403, (method, path)


async def test_new_responses_match_the_schemas(spec, api, jp_root_dir, extension):
    (jp_root_dir / "s.json").write_text("{}")
    (jp_root_dir / "d.csv").write_text("")
    (jp_root_dir / "d").mkdir()  # the dataset must exist
    extension.scheduler.max_concurrent_runs = 0
    _, backends = await api("GET", "backends")
    assert set(backends["backends"][0]) == required_fields(spec, "Backend")
    _, summary = await api("GET", "captures", "summary", params={"path": "."})
    assert set(summary) == required_fields(spec, "CaptureSummary")
    _, job = await api("POST", "baselines", body={"dataset": "d.csv"})
    assert set(job) == required_fields(spec, "BaselineJob")
    _, one = await api("GET", "baselines", job["id"])
    assert set(one) == required_fields(spec, "BaselineJob") | {"diagnostics"}
    request = spec["components"]["schemas"]["BaselineRequest"]["properties"]
    assert set(request) == set(REQUEST_FIELDS)
    body = {"name": "m", "dataset": "d", "baseline_statistics": "s.json"}
    _, monitor = await api("POST", "monitors", body={**body, "baseline_constraints": "s.json"})
    _, history = await api("GET", "monitors", monitor["id"], "metrics")
    assert set(history) == required_fields(spec, "MetricHistory")
    _, feed = await api("GET", "alerts")
    assert set(feed) == {"alerts", "cursor", "unread"}
    store = extension.store
    execution = await store.call(
        store.create_execution,
        {"monitor_id": monitor["id"], "trigger": "manual", "scheduled_for": "t", "output": "o"},
    )
    await store.call(
        store.create_alert,
        {
            "monitor_id": monitor["id"],
            "execution_id": execution["id"],
            "kind": "failed",
            "message": "m",
            "notify": True,
            "violations": [],
        },
    )
    (alert,) = (await api("GET", "alerts"))[1]["alerts"]
    assert set(alert) == required_fields(spec, "Alert")
    _, acknowledged = await api("POST", "alerts", "acknowledge", body={"up_to": alert["id"]})
    acknowledge = spec["paths"]["/alerts/acknowledge"]["post"]["responses"]["200"]
    schema = acknowledge["content"]["application/json"]["schema"]
    assert set(acknowledged) == set(schema["required"]) and acknowledged["unread"] == 0
    rules = spec["components"]["schemas"]["AlertRules"]["properties"]
    assert set(rules) == set(DEFAULT_RULES)


def test_validation_enums_and_limits_are_the_specs(spec):
    """The server's enums and limits are the spec's (#21): one changed without the other fails."""
    fields = spec["components"]["schemas"]["MonitorFields"]["properties"]
    quality = spec["components"]["schemas"]["ModelQualitySettings"]["properties"]
    formats = [value for value in fields["dataset_format"]["enum"] if value is not None]
    assert tuple(formats) == validation.DATASET_FORMATS
    assert tuple(fields["catch_up"]["enum"]) == validation.CATCH_UP_POLICIES
    assert tuple(fields["monitor_type"]["enum"]) == validation.MONITOR_TYPES
    assert tuple(quality["problem_type"]["enum"]) == validation.PROBLEM_TYPES
    assert fields["window_hours"]["maximum"] == validation.MAX_WINDOW_HOURS
    assert quality["label_lateness_hours"]["maximum"] == validation.MAX_WINDOW_HOURS
    assert fields["name"]["pattern"] == f"^{validation.NAME.pattern}$"
    segment = fields["segment"]["properties"]
    limits = (validation.MAX_SEGMENTS, validation.DEFAULT_MAX_SEGMENTS)
    assert (segment["max_segments"]["maximum"], segment["max_segments"]["default"]) == limits
    assert tuple(segment["baseline"]["enum"]) == validation.SEGMENT_BASELINES
