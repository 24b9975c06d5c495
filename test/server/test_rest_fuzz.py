"""A fuzz target over the REST API (#22): seeded random and mutated bodies and query strings on
every route, against a real server. Whatever the input, an answer is a documented status (never
500), a JSON answer parses as a browser parses it (no NaN), and the server stays healthy.

``REST_FUZZ_CASES`` (default 400) and ``REST_FUZZ_SEED`` (default 22) set the budget and the seed;
a failure prints the case to replay.
"""

import json
import os
import random

import pytest
from test_hardening import strict_json

CASES = int(os.environ.get("REST_FUZZ_CASES", "400"))
SEED = int(os.environ.get("REST_FUZZ_SEED", "22"))
ANSWERS = {200, 201, 202, 204, 400, 404, 409, 413}

# Values that broke validators before, or that validators must think about.
TRICKY = [
    None, True, False, 0, -1, 1.5, 10**30, -(10**30), 1e308, 2**63, "", " ", "\n", "\x00", "²",
    "..", "../etc", "/etc/passwd", "a/" * 40, "~", "%2e%2e", "0 * * * *", "0 0 30 2 *",
    "* * * * * *", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-11-01T00:00:00",
    "http://169.254.169.254/", "javascript:alert(1)", "<img src=x onerror=alert(1)>", "é" * 300,
    "\ud83d\ude00", "NaN", "Infinity", "__proto__", "constructor", [], {}, [[1]], {"": {}},
]  # fmt: skip
FIELDS = [
    "name", "dataset", "dataset_format", "header", "baseline_statistics", "baseline_constraints",
    "schedule", "window_hours", "catch_up", "backend", "enabled", "alerts", "monitor_type",
    "model_quality", "output", "window_start", "window_end", "overwrite", "id", "extra",
]  # fmt: skip


def random_json(rng, depth=0):
    roll = rng.random()
    if depth > 3 or roll < 0.45:
        return rng.choice(TRICKY) if rng.random() < 0.6 else random_scalar(rng)
    if roll < 0.7:
        return [random_json(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = [rng.choice(FIELDS) if rng.random() < 0.7 else random_text(rng) for _ in range(4)]
    return {key: random_json(rng, depth + 1) for key in keys[: rng.randrange(5)]}


def random_scalar(rng):
    return rng.choice(
        [rng.randint(-(2**70), 2**70), rng.uniform(-1e6, 1e6), random_text(rng), rng.random() < 0.5]
    )


def random_text(rng):
    alphabet = "abc/._-: 0123456789*\\\"'\n\t\u00e9\u202e\U0001f600"
    return "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))


def mutated(rng, valid):
    """``valid`` with one to three fields replaced, dropped or added."""
    body = json.loads(json.dumps(valid))
    for _ in range(rng.randint(1, 3)):
        action, key = rng.random(), rng.choice(FIELDS)
        if action < 0.6:
            body[key] = random_json(rng)
        elif action < 0.8:
            body.pop(rng.choice(list(body) or [key]), None)
        else:
            body["alerts"] = {"webhooks": [{"url": random_json(rng), "format": random_json(rng)}]}
    return body


def random_query(rng, names):
    return {name: str(random_scalar(rng)) for name in names if rng.random() < 0.7}


def random_body(rng, valid):
    roll = rng.random()
    if roll < 0.5:
        return json.dumps(mutated(rng, valid))
    if roll < 0.9:
        return json.dumps(random_json(rng))
    text = json.dumps(mutated(rng, valid))
    cut = rng.randrange(len(text) + 1)
    return text[:cut] + random_text(rng) if rng.random() < 0.5 else "NaN"


def make_case(rng, monitor_id, valid):
    ids = [monitor_id, "0" * 32, "f" * 32]
    choice = rng.randrange(10)
    if choice == 0:
        return "POST", ("monitors",), None, random_body(rng, valid)
    if choice == 1:
        return "PATCH", ("monitors", rng.choice(ids)), None, random_body(rng, valid)
    if choice == 2:
        window = {"window_start": random_json(rng), "window_end": random_json(rng)}
        body = json.dumps(window if rng.random() < 0.7 else random_json(rng))
        return "POST", ("monitors", rng.choice(ids), "runs"), None, body
    if choice == 3:
        body = {"dataset": random_json(rng), "output": random_json(rng), "backend": "local"}
        return "POST", ("baselines",), None, json.dumps(body)
    if choice == 4:
        query = random_query(rng, ["monitor_id", "limit"])
        return "GET", ("executions",), query, None
    if choice == 5:
        return "GET", ("alerts",), random_query(rng, ["since", "limit", "monitor_id"]), None
    if choice == 6:
        query = random_query(rng, ["feature", "metric", "since", "limit"])
        return "GET", ("monitors", rng.choice(ids), "metrics"), query, None
    if choice == 7:
        return "GET", ("captures", "summary"), random_query(rng, ["path", "max_records"]), None
    if choice == 8:
        return "POST", ("executions", rng.choice(ids[1:]), "cancel"), None, ""
    return "GET", ("baselines",), random_query(rng, ["limit"]), None


@pytest.fixture
def jp_server_config(jp_server_config):
    return jp_server_config  # the real server of conftest.py, scheduler off


async def test_rest_api_answers_every_fuzzed_request_with_a_documented_status(jp_fetch, definition):
    rng = random.Random(SEED)
    valid = {**definition, "schedule": None}  # its capture folder is empty: runs end at once
    created = await jp_fetch("model-monitor", "monitors", method="POST", body=json.dumps(valid))
    monitor_id = json.loads(created.body)["id"]
    for number in range(CASES):
        method, path, query, body = make_case(rng, monitor_id, valid)
        response = await jp_fetch(
            "model-monitor", *path, method=method, params=query, body=body, raise_error=False
        )
        case = f"case {number} (REST_FUZZ_SEED={SEED}): {method} {'/'.join(path)} {query} {body!r}"
        assert response.code in ANSWERS, f"{response.code} for {case}"
        if response.body:
            strict_json(response.body)  # raises on invalid JSON, NaN or Infinity
    health = await jp_fetch("model-monitor", "health")
    assert json.loads(health.body)["status"] == "ok"
