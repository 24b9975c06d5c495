"""Runs the engine CLI from a notebook cell: one live progress line, interrupt to cancel.

The CLI runs in its own session with ``--progress json``; its stderr events update a single
``text/plain`` display (so a run leaves one line in the notebook, not one per event). A kernel
interrupt (KeyboardInterrupt) is forwarded as SIGINT: the CLI stops, removes its temporary files
and exits 130, so no partial output is left behind.
"""

import os
import subprocess
import threading
import time
from collections.abc import Mapping
from typing import Any

from .engine import engine_environment, find_cli, find_node, missing
from .file_names import DIAGNOSTICS_FILE
from .processes import Events, parse_object, stop_blocking

CANCEL_GRACE_SECONDS = 10.0
UPDATE_INTERVAL_SECONDS = 0.2
BAR_WIDTH = 20


class ModelMonitorError(Exception):
    """A run or a file that failed; IPython shows the message alone, without a traceback."""

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__name__}: {self}"]


class ModelMonitorCancelled(ModelMonitorError):
    """The run was interrupted from the kernel."""


def _megabytes(count: float) -> str:
    return f"{count / 1e6:.1f} MB"


class ProgressLine:
    """The run's one-line status, updated in place through a display handle."""

    def __init__(self, title: str) -> None:
        from IPython.display import display

        self.title = title
        self.state = "starting"
        self._last_update = 0.0
        self._handle = display({"text/plain": self.text()}, raw=True, display_id=True)

    def text(self) -> str:
        return f"{self.title}: {self.state}"

    def show(self, state: str, force: bool = True) -> None:
        self.state = state
        now = time.monotonic()
        if force or now - self._last_update >= UPDATE_INTERVAL_SECONDS:
            self._last_update = now
            if self._handle is not None:
                self._handle.update({"text/plain": self.text()}, raw=True)

    def feed(self, event: dict[str, Any]) -> None:
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


def cli_command(arguments: list[str]) -> list[str]:
    node, cli = find_node(), find_cli()
    if not (node and cli):
        raise ModelMonitorError(missing(node, cli))
    return [node, cli, *arguments, "--progress", "json"]


def run_cli(arguments: list[str], output: str) -> dict[str, Any]:
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
    out, err = process.stdout, process.stderr
    assert out is not None and err is not None  # PIPEs
    stdout: list[str] = []
    reader = threading.Thread(target=lambda: stdout.append(out.read()), daemon=True)
    reader.start()
    report = Events()
    try:
        for line in err:
            event = report.read(line)
            if event:
                progress.feed(event)
        code = process.wait()
    except KeyboardInterrupt:
        code = stop_blocking(process, CANCEL_GRACE_SECONDS)
        progress.show("cancelled")
        raise ModelMonitorCancelled(
            f"{title} was interrupted (exit {code}); it wrote nothing to {output}"
        ) from None
    finally:
        reader.join(timeout=5)
    if code != 0:
        progress.show(f"failed (exit {code})")
        detail = report.detail("no message")
        raise ModelMonitorError(f"{title} failed: {detail}{_diagnostics_hint(output)}")
    summary = report.summary or parse_object("".join(stdout)) or {}
    progress.show(_done_text(summary, output))
    return summary


def _diagnostics_hint(output: str) -> str:
    path = os.path.join(output, DIAGNOSTICS_FILE)
    return f"\n(every rejected record is listed in {path})" if os.path.isfile(path) else ""


def _done_text(summary: Mapping[str, Any], output: str) -> str:
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
