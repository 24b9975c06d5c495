"""Runs the engine CLI from a notebook cell: one live progress line, interrupt to cancel.

The CLI runs in its own session with ``--progress json``; its stderr events update a single
``text/plain`` display (so a run leaves one line in the notebook, not one per event). A kernel
interrupt (KeyboardInterrupt) is forwarded as SIGINT: the CLI stops, removes its temporary files
and exits 130, so no partial output is left behind.
"""

import json
import os
import signal
import subprocess
import threading
import time
from collections import deque

from .engine import engine_environment, find_cli, find_node, missing
from .file_names import DIAGNOSTICS_FILE

CANCELLED_EXIT_CODE = 130  # docs/cli.md
CANCEL_GRACE_SECONDS = 10.0
UPDATE_INTERVAL_SECONDS = 0.2
BAR_WIDTH = 20


class ModelMonitorError(Exception):
    """A run or a file that failed; IPython shows the message alone, without a traceback."""

    def _render_traceback_(self):
        return [f"{type(self).__name__}: {self}"]


class ModelMonitorCancelled(ModelMonitorError):
    """The run was interrupted from the kernel."""


def _megabytes(count):
    return f"{count / 1e6:.1f} MB"


class ProgressLine:
    """The run's one-line status, updated in place through a display handle."""

    def __init__(self, title):
        from IPython.display import display

        self.title = title
        self.state = "starting"
        self._last_update = 0.0
        self._handle = display({"text/plain": self.text()}, raw=True, display_id=True)

    def text(self):
        return f"{self.title}: {self.state}"

    def show(self, state, force=True):
        self.state = state
        now = time.monotonic()
        if force or now - self._last_update >= UPDATE_INTERVAL_SECONDS:
            self._last_update = now
            if self._handle is not None:
                self._handle.update({"text/plain": self.text()}, raw=True)

    def feed(self, event):
        """Shows a ``--progress json`` event; others are ignored."""
        kind = event.get("type")
        if kind == "start":
            files = event.get("files", 0)
            self.show(f"starting, {files} file{'' if files == 1 else 's'}")
        elif kind == "phase":
            self.show(str(event.get("phase")))
        elif kind == "progress" and event.get("bytesTotal"):
            share = min(event.get("bytesRead", 0) / event["bytesTotal"], 1.0)
            filled = round(share * BAR_WIDTH)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.show(
                f"reading [{bar}] {share:4.0%} · {_megabytes(event.get('bytesRead', 0))} of "
                f"{_megabytes(event['bytesTotal'])} · {event.get('rows', 0):,} rows",
                force=share >= 1.0,
            )


class CliReport:
    """What the CLI said: its summary, its error message and any other stderr lines."""

    def __init__(self):
        self.summary = None
        self.error = None
        self.other_lines = deque(maxlen=20)

    def feed(self, line):
        try:
            event = json.loads(line)
        except ValueError:
            event = None
        if not isinstance(event, dict):
            if line.strip():
                self.other_lines.append(line.rstrip())
            return None
        if event.get("type") == "done":
            self.summary = event.get("summary") or {}
        elif event.get("type") == "error":
            self.error = event.get("message")
        return event


def cli_command(arguments):
    node, cli = find_node(), find_cli()
    problem = missing(node, cli)
    if problem:
        raise ModelMonitorError(problem)
    return [node, cli, *arguments, "--progress", "json"]


def run_cli(arguments, output):
    """Runs ``model-monitor <arguments>``, showing progress; returns the run summary.

    Raises :class:`ModelMonitorError` with the CLI's message (file, line and field of bad
    records) when it fails, :class:`ModelMonitorCancelled` when the kernel is interrupted.
    """
    title = f"model-monitor {arguments[0]}"
    progress = ProgressLine(title)
    process = subprocess.Popen(
        cli_command(arguments),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=engine_environment(),  # processor scripts run on this kernel's Python
        text=True,
        encoding="utf-8",
        errors="replace",
        # Its own session: a kernel interrupt reaches the CLI once, through us.
        start_new_session=True,
    )
    stdout = []
    reader = threading.Thread(target=lambda: stdout.append(process.stdout.read()), daemon=True)
    reader.start()
    report = CliReport()
    try:
        for line in process.stderr:
            event = report.feed(line)
            if event:
                progress.feed(event)
        code = process.wait()
    except KeyboardInterrupt:
        code = _cancel(process)
        progress.show("cancelled")
        raise ModelMonitorCancelled(
            f"{title} was interrupted (exit {code}); it wrote nothing to {output}"
        ) from None
    finally:
        reader.join(timeout=5)
    if code != 0:
        progress.show(f"failed (exit {code})")
        detail = report.error or "\n".join(report.other_lines) or "no message"
        raise ModelMonitorError(f"{title} failed: {detail}{_diagnostics_hint(output)}")
    summary = report.summary or _parse_summary("".join(stdout))
    progress.show(_done_text(summary, output))
    return summary


def _cancel(process):
    """SIGINT, then SIGKILL if the CLI has not stopped within the grace period."""
    process.send_signal(signal.SIGINT)
    try:
        return process.wait(timeout=CANCEL_GRACE_SECONDS)
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        process.kill()
        return process.wait()


def _parse_summary(text):
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _diagnostics_hint(output):
    path = os.path.join(output, DIAGNOSTICS_FILE)
    return f"\n(every rejected record is listed in {path})" if os.path.isfile(path) else ""


def _done_text(summary, output):
    parts = ["done"]
    if isinstance(summary.get("itemCount"), int):
        parts.append(f"{summary['itemCount']:,} rows")
    records = summary.get("records") or {}
    if records.get("rejected"):
        parts.append(f"{records['rejected']} of {records.get('records')} records rejected")
    if isinstance(summary.get("violations"), int):
        count = summary["violations"]
        parts.append(f"{count} violation{'' if count == 1 else 's'}")
    if isinstance(summary.get("elapsedMs"), (int, float)):
        parts.append(f"{summary['elapsedMs'] / 1000:.1f} s")
    return " · ".join(parts) + f" → {output}"
