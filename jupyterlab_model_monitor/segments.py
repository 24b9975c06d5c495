"""A segmented run's ``segments.json``, as executions and alerts see it (docs/cli.md, Segments).

Beside the overall files, a run segmented by a column writes ``segments.json``: each segment's
kind (``value``, ``missing`` or ``other``), value, folder of SageMaker's files and, for monitor
runs, its violations. An execution keeps a summary: the column, how many segments, and those
with violations (the overall ``violations`` count stays the overall file's).
"""

import json
import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

from .file_names import SEGMENTS_FILE
from .paths import open_confined

NAMED_IN_MESSAGES = 5
MAX_NAME_CHARS = 60
SUMMARY_KEYS = ("kind", "value", "folder", "violations")


# The engine names segment folders so: an index cannot send a reader anywhere else.
SEGMENT_FOLDER = re.compile(r"segments/(?!\.\.?$)[A-Za-z0-9._-]+")


def segment_folder(output: str | os.PathLike[str], folder: Any) -> str | None:
    """The path of a segment's ``folder`` (as segments.json names it) under the run's ``output``;
    None when it is not a segment folder's name."""
    if not isinstance(folder, str) or not SEGMENT_FOLDER.fullmatch(folder):
        return None
    return os.path.join(output, *folder.split("/"))


def read_segments(
    output: str | os.PathLike[str], root: str | os.PathLike[str] | None = None
) -> dict[str, Any] | None:
    """``<output>/segments.json``, or None when the run was not segmented."""
    try:
        with open_confined(root, os.path.join(output, SEGMENTS_FILE), encoding="utf-8") as file:
            document = json.load(file)
    except FileNotFoundError:
        return None
    return document if isinstance(document, dict) else None


def segments_summary(document: Mapping[str, Any]) -> dict[str, Any]:
    """An execution's ``segments`` field (api/openapi.yaml ExecutionSegments)."""
    segments = [s for s in document.get("segments") or [] if isinstance(s, dict)]
    violated = [
        {key: segment.get(key) for key in SUMMARY_KEYS}
        for segment in segments
        if isinstance(segment.get("violations"), int) and segment["violations"] > 0
    ]
    return {"by": document.get("segment_by"), "count": len(segments), "with_violations": violated}


def segment_name(segment: Mapping[str, Any]) -> str:
    """A segment as people read it: its value, or ``(missing)`` / ``(other)``."""
    if segment.get("kind") != "value":
        return f"({segment.get('kind')})"
    text = str(segment.get("value"))
    return text if len(text) <= MAX_NAME_CHARS else text[: MAX_NAME_CHARS - 1] + "…"


def segments_text(names: Sequence[str], total: int | None = None) -> str:
    """``2 segments with violations: eu-west, (other)`` (``2 of 5 …`` with ``total``)."""
    shown = ", ".join(names[:NAMED_IN_MESSAGES])
    if len(names) > NAMED_IN_MESSAGES:
        shown += f" and {len(names) - NAMED_IN_MESSAGES} more"
    count = f"{len(names)} of {total}" if total is not None else str(len(names))
    plural = "" if (total if total is not None else len(names)) == 1 else "s"
    return f"{count} segment{plural} with violations: {shown}"
