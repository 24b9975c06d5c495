"""processes.py: following a child's lines; stopping it with a signal, then SIGKILL."""

import asyncio
import os
import signal
import subprocess
import sys
import time

import pytest

from jupyterlab_model_monitor.processes import (
    LINE_LIMIT,
    ChildProcesses,
    Events,
    stop_blocking,
)

# Says it is ready on stderr, then waits; ignores SIGINT when asked to.
WAITER = """
import signal, sys, time
if sys.argv[1] == "stubborn":
    signal.signal(signal.SIGINT, signal.SIG_IGN)
print("ready", file=sys.stderr, flush=True)
time.sleep(60)
"""


def waiter(kind):
    return [sys.executable, "-c", WAITER, kind]


async def started(processes, job_id, command):
    """Runs ``command`` as ``job_id`` in a task; returns the task once the child is ready."""
    ready = asyncio.Event()

    async def feed(line):
        if line.strip() == "ready":
            ready.set()

    task = asyncio.ensure_future(processes.run(job_id, command, dict(os.environ), feed))
    await asyncio.wait_for(ready.wait(), 60)
    return task


async def test_follows_stderr_lines_and_returns_stdout():
    script = (
        'import sys; print(\'{"type": "phase", "phase": "reading"}\', file=sys.stderr); '
        f"print('x' * {LINE_LIMIT + 10}, file=sys.stderr); print('last words', file=sys.stderr); "
        "print('{\"summary\": 1}'); sys.exit(3)"
    )
    events = Events()
    lines = []

    async def feed(line):
        lines.append(line)
        events.read(line)

    code, stdout = await ChildProcesses().run("j", [sys.executable, "-c", script], {}, feed)
    assert code == 3 and stdout == '{"summary": 1}\n'
    assert len(lines) == 2  # the line past the limit is skipped
    assert list(events.other_lines) == ["last words"]
    assert events.detail("no output") == "last words"


async def test_stop_signals_then_kills_after_the_grace_period():
    processes = ChildProcesses()
    task = await started(processes, "polite", waiter("polite"))
    assert "polite" in processes
    await processes.stop("polite", signal.SIGINT, grace=30)
    assert (await task)[0] != -signal.SIGKILL  # SIGINT was enough
    task = await started(processes, "stubborn", waiter("stubborn"))
    begun = time.monotonic()
    await processes.stop("stubborn", signal.SIGINT, grace=0.5)
    assert (await task)[0] == -signal.SIGKILL
    assert time.monotonic() - begun < 20
    assert "stubborn" not in processes
    await processes.stop("stubborn", signal.SIGINT, grace=0.5)  # harmless once it has ended


async def test_a_new_session_is_stopped_as_a_group(tmp_path):
    pid_file = tmp_path / "child.pid"
    # The waiter's parent starts it and waits: only a signal to the group reaches the waiter.
    parent = (
        "import subprocess, sys; "
        f"child = subprocess.Popen([sys.executable, '-c', {WAITER!r}, 'polite']); "
        f"open({str(pid_file)!r}, 'w').write(str(child.pid)); "
        "print('ready', file=sys.stderr, flush=True); child.wait()"
    )
    processes = ChildProcesses(new_session=True)
    task = await started(processes, "group", [sys.executable, "-c", parent])
    child = int(pid_file.read_text())
    await processes.stop("group", signal.SIGTERM, grace=30)
    await asyncio.wait_for(task, 30)  # the waiter holds stderr open for a minute unless stopped
    for _ in range(200):  # reaped by init, or by this process when it is the subreaper
        if not _alive(child):
            break
        await asyncio.sleep(0.05)
    assert not _alive(child)


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie has exited
        return stat.read().split(") ")[1][0] != "Z"


@pytest.mark.parametrize("kind, killed", [("polite", False), ("stubborn", True)])
def test_stop_blocking(kind, killed):
    process = subprocess.Popen(waiter(kind), stderr=subprocess.PIPE, text=True)
    assert process.stderr.readline().strip() == "ready"
    code = stop_blocking(process, grace=0.5)
    assert (code == -signal.SIGKILL) is killed
    process.stderr.close()
