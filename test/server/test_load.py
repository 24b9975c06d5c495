"""Load on 127.0.0.1: 50 concurrent clients on the list and detail endpoints for a bounded time
while a run executes in the same server (a real ``jupyter server`` subprocess). Every answer
must be 200, and a health probe made every half second must answer within a (generous) bound:
the event loop stays responsive. p50/p99 latencies are printed (``pytest -s`` shows them).

LOAD_SECONDS (default 10) and LOAD_CLIENTS (default 50) change the budget.
"""

import asyncio
import os
import statistics
import time

from test_crash_recovery import WINDOW, JupyterServer, monitor_definition, write_inputs
from tornado.httpclient import AsyncHTTPClient, HTTPRequest

CLIENTS = int(os.environ.get("LOAD_CLIENTS", 50))
SECONDS = float(os.environ.get("LOAD_SECONDS", 10))
MAX_REQUESTS_PER_CLIENT = 2000  # a bound even on a very fast machine
HEALTH_BOUND = 2.0  # seconds


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


async def test_fifty_clients_while_a_run_executes(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    write_inputs(root)
    server = JupyterServer(root, tmp_path / "db.sqlite", tmp_path / "server.log").start()
    try:
        monitors = []
        for i in range(5):
            status, monitor = server.request(
                "POST", "monitors", body={**monitor_definition(), "name": f"load{i}"}
            )
            assert status == 201, monitor
            monitors.append(monitor["id"])
        status, execution = server.request("POST", "monitors", monitors[0], "runs", body=WINDOW)
        assert status == 202, execution
        paths = [
            "monitors",
            f"monitors/{monitors[1]}",
            "executions",
            f"executions/{execution['id']}",
            f"monitors/{monitors[0]}/metrics",
            "alerts",
        ]
        base = f"http://127.0.0.1:{server.port}/model-monitor/"
        headers = {"Authorization": f"token {server.token}"}
        AsyncHTTPClient.configure(None, max_clients=CLIENTS + 5)
        http = AsyncHTTPClient()
        latencies, errors, health = [], [], []
        deadline = time.monotonic() + SECONDS

        async def client(n):
            for i in range(MAX_REQUESTS_PER_CLIENT):
                if time.monotonic() > deadline:
                    return
                path = paths[(n + i) % len(paths)]
                started = time.monotonic()
                response = await http.fetch(
                    HTTPRequest(base + path, headers=headers, request_timeout=30),
                    raise_error=False,
                )
                latencies.append(time.monotonic() - started)
                if response.code != 200:
                    errors.append((path, response.code, str(response.error)))

        async def prober():
            while time.monotonic() < deadline:
                started = time.monotonic()
                response = await http.fetch(
                    HTTPRequest(base + "health", headers=headers, request_timeout=30),
                    raise_error=False,
                )
                health.append((time.monotonic() - started, response.code))
                await asyncio.sleep(0.5)

        state_at_start = server.request("GET", "executions", execution["id"])[1]["state"]
        await asyncio.gather(prober(), *(client(n) for n in range(CLIENTS)))
        state_at_end = server.request("GET", "executions", execution["id"])[1]["state"]
        http.close()
    finally:
        server.stop()

    p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
    worst_health = max(seconds for seconds, _ in health)
    print(
        f"\nload: {CLIENTS} clients, {SECONDS:.0f} s, {len(latencies)} requests "
        f"({len(latencies) / SECONDS:.0f}/s), p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
        f"max {max(latencies) * 1000:.1f} ms; health probes {len(health)}, worst "
        f"{worst_health * 1000:.1f} ms; run {state_at_start} → {state_at_end}"
    )
    assert errors == [], errors[:5]
    assert len(latencies) >= CLIENTS  # every client got answers
    assert all(code == 200 for _, code in health), health
    assert worst_health < HEALTH_BOUND, health
    assert state_at_start in ("queued", "running"), state_at_start  # the load met a live run
    assert statistics.mean(latencies) < 5.0
