"""Crash recovery: the engine killed with SIGKILL mid-run, and the Jupyter server killed mid-run.

Both runs read a generated CSV big enough (~56 MB, about a second of engine time) to be caught
running, and the engine is stopped (SIGSTOP) as soon as it is seen, so that the kill cannot race
the end of the run. After the engine dies the execution must be failed with a reason, its output
folder must hold no result file, and the next run must succeed. After the server dies, a new server
on the same SQLite file must reconcile the run (failed, with a reason) and the database must pass
``PRAGMA integrity_check``.
"""

import asyncio
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from demo import require_cli

FINAL = ("completed", "completed_with_violations", "failed", "cancelled")
RESULT_FILES = ("statistics.json", "constraint_violations.json")
HOUR_DIR = "data/2026/11/01/00"
WINDOW = {"window_start": "2026-11-01T00:00:00Z", "window_end": "2026-11-01T01:00:00Z"}


def write_inputs(root: Path, repeats=300):
    """A small training CSV with its baseline, and a big current CSV of the same columns."""
    node, cli = require_cli()
    (root / "train.csv").write_text(
        "a,b,c,d\n" + "".join(f"{i},{i * 0.5},c{i % 5},{i % 3}\n" for i in range(200))
    )
    block = "".join(f"{i % 997},{i * 0.37:.3f},c{i % 50},{i % 13}\n" for i in range(10000))
    # A manual run reads one hour window: the data sits in that hour's folder.
    (root / HOUR_DIR).mkdir(parents=True)
    with open(root / HOUR_DIR / "big.csv", "w") as f:
        f.write("a,b,c,d\n")
        for _ in range(repeats):
            f.write(block)
    baseline = ["baseline", "--dataset", "train.csv", "--header", "--output", "baseline"]
    subprocess.run([node, cli, *baseline], cwd=root, check=True, capture_output=True)


def monitor_definition():
    return {
        "name": "crash",
        "dataset": "data",
        "header": True,
        "baseline_statistics": "baseline/statistics.json",
        "baseline_constraints": "baseline/constraints.json",
    }


def visible_results(output: Path):
    """Result files a user (or the Lab viewers) would see in the run's output folder."""
    if not output.exists():
        return []
    return sorted(p.name for p in output.iterdir() if not p.name.startswith("."))


async def wait_for(check, timeout=60.0, interval=0.05):
    """Poll ``check`` (async, returns a value or None) until it gives a value; bounded."""
    for _ in range(int(timeout / interval)):
        value = await check()
        if value is not None:
            return value
        await asyncio.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s")


# -- the engine killed -------------------------------------------------------------------------


async def test_engine_killed_mid_run_fails_the_run_and_the_next_run_succeeds(
    api, extension, jp_root_dir
):
    write_inputs(jp_root_dir)
    status, monitor = await api("POST", "monitors", body=monitor_definition())
    assert status == 201, monitor
    _, execution = await api("POST", "monitors", monitor["id"], "runs", body=WINDOW)
    backend = extension.backends["local"]

    async def engine_process():
        process = backend._processes.get(execution["id"])
        return process if process is not None and process.returncode is None else None

    process = await wait_for(engine_process, timeout=30)
    await asyncio.sleep(0.1)  # let it read a little
    os.kill(process.pid, signal.SIGSTOP)
    _, running = await api("GET", "executions", execution["id"])
    early = visible_results(jp_root_dir / running["output"])
    assert not set(early) & set(RESULT_FILES), f"the run ended within 0.1 s: {early}"
    os.kill(process.pid, signal.SIGKILL)

    async def final():
        _, current = await api("GET", "executions", execution["id"])
        return current if current["state"] in FINAL else None

    done = await wait_for(final)
    assert done["state"] == "failed"
    assert "-9" in done["message"] or "kill" in done["message"].lower(), done["message"]
    output = jp_root_dir / done["output"]
    assert not set(visible_results(output)) & set(RESULT_FILES), visible_results(output)
    hidden = (
        sorted(p.name for p in output.iterdir() if p.name.startswith("."))
        if output.exists()
        else []
    )
    print(f"\nafter SIGKILL of the engine: visible {visible_results(output)}, hidden {hidden}")

    _, again = await api("POST", "monitors", monitor["id"], "runs", body=WINDOW)

    async def final_again():
        _, current = await api("GET", "executions", again["id"])
        return current if current["state"] in FINAL else None

    second = await wait_for(final_again, timeout=90)
    assert second["state"] in ("completed", "completed_with_violations"), second["message"]
    assert (jp_root_dir / second["output"] / "statistics.json").is_file()


# -- the server killed -------------------------------------------------------------------------


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class JupyterServer:
    """A real ``jupyter server`` subprocess on a loopback port, with its log in a file."""

    def __init__(self, root: Path, db: Path, log: Path, token="crash-test-token", extra_args=()):
        self.root, self.db, self.log, self.token = root, db, log, token
        self.extra_args = list(extra_args)
        self.port = free_port()
        self.process = None

    def start(self, timeout=60):
        args = [
            sys.executable, "-m", "jupyter_server", "--no-browser",
            f"--ServerApp.root_dir={self.root}", "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            "--ServerApp.jpserver_extensions={'jupyterlab_model_monitor': True}",
            f"--ModelMonitorApp.db_path={self.db}", "--ModelMonitorApp.poll_interval=0.5",
            "--allow-root",  # CI containers run as root
            *self.extra_args,
        ]  # fmt: skip
        self.log_file = open(self.log, "ab")
        self.process = subprocess.Popen(
            args, stdout=self.log_file, stderr=subprocess.STDOUT, cwd=self.root
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()[-3000:]
            try:
                if self.request("GET", "health")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError("jupyter server did not start:\n" + self.log.read_text()[-3000:])

    def request(self, method, *path, body=None, timeout=10):
        url = f"http://127.0.0.1:{self.port}/model-monitor/" + "/".join(path)
        data = (
            json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
        )
        req = urllib.request.Request(url, data=data, method=method)
        req.add_header("Authorization", f"token {self.token}")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def children(self):
        """Pids whose parent is the server (the engine subprocesses), from /proc."""
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    pids.append(int(entry.name))
        return pids

    def kill(self):
        self.process.kill()
        self.process.wait(timeout=10)
        self.log_file.close()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if not self.log_file.closed:
            self.log_file.close()


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the engine process")
def test_server_killed_mid_run_is_reconciled_on_restart(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    write_inputs(root)
    db = tmp_path / "db" / "monitors.sqlite"
    log = tmp_path / "server.log"
    server = JupyterServer(root, db, log).start()
    engine_pids = []
    try:
        status, monitor = server.request("POST", "monitors", body=monitor_definition())
        assert status == 201, monitor
        status, execution = server.request("POST", "monitors", monitor["id"], "runs", body=WINDOW)
        assert status == 202, execution
        for _ in range(300):  # bounded: 30 s
            engine_pids = server.children()
            state = server.request("GET", "executions", execution["id"])[1]["state"]
            if engine_pids and state == "running":
                for pid in engine_pids:  # frozen: it cannot finish the run before the kills
                    os.kill(pid, signal.SIGSTOP)
                break
            time.sleep(0.1)
        assert engine_pids and state == "running", (engine_pids, state)
        server.kill()
    finally:
        for pid in engine_pids:  # the orphaned engine: stop it so it cannot finish the run
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        server.stop()

    restarted = JupyterServer(root, db, log).start()
    try:
        for _ in range(200):  # bounded: 20 s for the scheduler to reconcile
            current = restarted.request("GET", "executions", execution["id"])[1]
            if current["state"] != "running":
                break
            time.sleep(0.1)
        assert current["state"] == "failed", current
        assert current["message"], current
        # on_failure is on by default: the run that died with its server raises an alert too.
        for _ in range(50):
            alerts = restarted.request("GET", "alerts")[1]["alerts"]
            if alerts:
                break
            time.sleep(0.1)
        assert [(a["execution_id"], a["kind"]) for a in alerts] == [(execution["id"], "failed")]
        output = root / current["output"]
        assert not set(visible_results(output)) & set(RESULT_FILES), visible_results(output)
    finally:
        restarted.stop()
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
