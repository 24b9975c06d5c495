"""A quick look at a capture folder (``GET /captures/summary``): the engine's ``captures`` command.

The engine reads every record as a run reads captures (the same reader, problem kinds, record and
rejected counts), so the summary and a run over the same files agree; there is no second capture
reader here. This module runs it on the server's Node, confined to the server's root, off the event
loop, with a time limit, and hands back its JSON (api/openapi.yaml, CaptureSummary).
"""

import asyncio
import json
import os

from .engine import find_cli, find_node, missing
from .errors import ValidationError
from .paths import without_root

# The engine opens every file only where it resolves under this root (docs/cli.md).
CONFINE_ENV = "MODEL_MONITOR_CONFINE_TO"
TIMEOUT_SECONDS = 600
DATA_ERROR_EXIT_CODE = 2  # docs/cli.md: an unreadable path


class SummaryFailed(RuntimeError):
    """The engine could not run, or failed for a reason that is not the request's."""


async def summarise_captures(absolute, path, root, max_records=1_000_000, timeout=TIMEOUT_SECONDS):
    """Summarise the capture file or folder ``absolute`` (shown as ``path``), reading only files
    that resolve under ``root``."""
    node, cli = find_node(), find_cli()
    problem = missing(node, cli)
    if problem:
        raise SummaryFailed(problem)
    arguments = ["captures", "--dataset", absolute, "--path", path]
    process = await asyncio.create_subprocess_exec(
        node,
        cli,
        *arguments,
        "--max-records",
        str(max_records),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, CONFINE_ENV: str(root)},
    )
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), timeout)
    except BaseException:
        # A timeout, or the request went away: the scan stops with it.
        process.kill()
        await process.wait()
        raise
    if process.returncode == DATA_ERROR_EXIT_CODE:
        raise ValidationError(hide_root(last_line(stderr), root), "path")
    if process.returncode != 0:
        message = hide_root(last_line(stderr), root)
        raise SummaryFailed(f"capture summary failed ({process.returncode}): {message}")
    summary = json.loads(stdout)
    for example in summary["diagnostics"]["examples"]:
        example["message"] = hide_root(example["message"], root)
    return summary


def last_line(stderr):
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else "no message"


def hide_root(message, root):
    """``message`` naming the server root as such, never by its absolute path."""
    message = without_root(message, root)
    for prefix in {os.path.realpath(root), str(root).rstrip(os.sep)}:
        message = message.replace(prefix, "the server root")
    return message
