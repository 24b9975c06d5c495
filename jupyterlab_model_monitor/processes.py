"""Child processes that report in JSON lines, one event a line (the engine's ``--progress json``,
the Spark profile job): start them, follow their lines, read their events, stop them.

The backends (local, spark) run them on the event loop; a notebook cell (notebook_runs.py) runs
the engine synchronously and shares the events and the way to stop it.
"""

import asyncio
import json
import os
import signal
import subprocess
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

LINE_LIMIT = 16 * 1024 * 1024  # a summary line can be long
CANCELLED_EXIT_CODE = 130  # docs/cli.md: SIGINT or SIGTERM, no output left behind

Feed = Callable[[str], Awaitable[None]]


def parse_object(text: str) -> dict[str, Any] | None:
    """``text`` as a JSON object, else None."""
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


class Events:
    """What a process said: its summary (the ``done`` event), its ``error`` message, and its last
    lines that are no event (the message of a failure without ``error``)."""

    def __init__(self) -> None:
        self.summary: dict[str, Any] | None = None
        self.error: str | None = None
        self.other_lines: deque[str] = deque(maxlen=20)

    def read(self, line: str) -> dict[str, Any] | None:
        """Takes one line; returns it as a JSON object, else None."""
        event = parse_object(line)
        kind = event.get("type") if event else None
        if event and kind == "done":
            self.summary = event.get("summary") or {}
        elif event and kind == "error":
            self.error = event.get("message") or "the engine failed"
        elif kind is None and line.strip():
            self.other_lines.append(line.rstrip())
        return event

    def detail(self, default: str) -> str:
        """The error, else the other lines, else ``default``."""
        return self.error or "\n".join(self.other_lines) or default


async def stream_lines(stream: asyncio.StreamReader) -> AsyncIterator[bytes]:
    """The lines of ``stream``; a line past the stream's limit is skipped, not an error, so one
    long line cannot fail a run that completed (the CLI's summary is also on stdout)."""
    skipping = False
    while True:
        try:
            line = await stream.readuntil(b"\n")
        except asyncio.IncompleteReadError as end:
            if end.partial and not skipping:
                yield end.partial
            return
        except asyncio.LimitOverrunError as overrun:
            await stream.readexactly(overrun.consumed)
            skipping = True
            continue
        if skipping:
            skipping = False  # the end of the long line
            continue
        yield line


async def follow(
    process: asyncio.subprocess.Process, feed: Feed, feed_stdout: bool = False
) -> tuple[int, str]:
    """Awaits ``feed(line)`` for each line of the process's stderr (and of its stdout when
    ``feed_stdout``) until it exits; returns its exit code and its whole stdout."""
    assert process.stdout is not None and process.stderr is not None  # started with PIPEs

    async def feed_lines(stream: asyncio.StreamReader, kept: list[str] | None = None) -> None:
        async for line in stream_lines(stream):
            text = line.decode("utf-8", "replace")
            if kept is not None:
                kept.append(text)
            await feed(text)

    if feed_stdout:
        kept: list[str] = []
        await asyncio.gather(feed_lines(process.stdout, kept), feed_lines(process.stderr))
        stdout = "".join(kept)
    else:
        # Read whole: a summary past LINE_LIMIT still arrives.
        raw, _ = await asyncio.gather(process.stdout.read(), feed_lines(process.stderr))
        stdout = raw.decode("utf-8", "replace")
    return await process.wait(), stdout


class ChildProcesses:
    """A backend's running processes, by job id, so that cancelling a job can stop its process.

    ``new_session``: each process starts its own process group, and stopping it signals the whole
    group (spark-submit's JVM and Python workers too).
    """

    def __init__(self, new_session: bool = False) -> None:
        self.new_session = new_session
        self._running: dict[str, asyncio.subprocess.Process] = {}

    def get(self, job_id: str) -> asyncio.subprocess.Process | None:
        """The job's process while it runs, else None."""
        process = self._running.get(job_id)
        return process if process is not None and process.returncode is None else None

    def __contains__(self, job_id: str) -> bool:
        return self.get(job_id) is not None

    async def run(
        self,
        job_id: str,
        command: list[str],
        env: dict[str, str],
        feed: Feed,
        feed_stdout: bool = False,
    ) -> tuple[int, str]:
        """Runs ``command`` to its end (see :func:`follow`); returns its exit code and stdout."""
        process = await asyncio.create_subprocess_exec(
            *command,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            stdin=asyncio.subprocess.DEVNULL,
            limit=LINE_LIMIT,
            start_new_session=self.new_session,
        )
        self._running[job_id] = process
        try:
            return await follow(process, feed, feed_stdout)
        finally:
            self._running.pop(job_id, None)

    async def stop(self, job_id: str, first: signal.Signals, grace: float) -> None:
        """Sends ``first`` to the job's process, then SIGKILL if it has not exited within
        ``grace`` seconds. Harmless when the job has no running process."""
        process = self.get(job_id)
        if process is None:
            return
        self._signal(process, first)
        try:
            await asyncio.wait_for(process.wait(), grace)
        except asyncio.TimeoutError:
            self._signal(process, signal.SIGKILL)

    def _signal(self, process: asyncio.subprocess.Process, number: signal.Signals) -> None:
        try:
            if self.new_session:
                os.killpg(process.pid, number)
            else:
                process.send_signal(number)
        except ProcessLookupError:
            pass  # it has just exited


def stop_blocking(process: subprocess.Popen[Any], grace: float) -> int:
    """SIGINT, then SIGKILL if the process has not exited within ``grace`` seconds (or on another
    interrupt meanwhile); returns its exit code."""
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=grace)
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        process.kill()
        return process.wait()
