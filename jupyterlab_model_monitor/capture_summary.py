"""A quick look at a capture folder (``GET /captures/summary``): the engine's ``captures`` command.

The engine reads every record as a run reads captures (the same reader, problem kinds, record and
rejected counts), so the summary and a run over the same files agree; there is no second capture
reader here. This module runs it on the server's Node, confined to the server's root, off the event
loop, with a time limit, and hands back its JSON (api/openapi.yaml, CaptureSummary).
"""

import json
from typing import Any

from .engine_process import (
    DATA_ERROR_EXIT_CODE,
    TIMEOUT_SECONDS,
    EngineUnavailable,
    hide_root,
    last_line,
    run_engine,
)
from .errors import ValidationError


async def summarise_captures(
    absolute: str,
    path: str,
    root: str,
    max_records: int = 1_000_000,
    timeout: float = TIMEOUT_SECONDS,
) -> dict[str, Any]:
    """Summarise the capture file or folder ``absolute`` (shown as ``path``), reading only files
    that resolve under ``root``."""
    arguments = ["captures", "--dataset", absolute, "--path", path]
    arguments += ["--max-records", str(max_records)]
    code, stdout, stderr = await run_engine(arguments, root, timeout)
    if code == DATA_ERROR_EXIT_CODE:
        raise ValidationError(hide_root(last_line(stderr), root), "path")
    if code != 0:
        message = hide_root(last_line(stderr), root)
        raise EngineUnavailable(f"capture summary failed ({code}): {message}")
    summary: dict[str, Any] = json.loads(stdout)
    for example in summary["diagnostics"]["examples"]:
        example["message"] = hide_root(example["message"], root)
    return summary
