"""The records behind a number (``GET /records``): the engine's ``records`` command over a run.

The engine reads the run's input as the run read it (its diagnostics.json says what) and writes the
matching rows as JSON lines into the run folder, under ``records/``; pages are read from that file.
The file is kept while it is newer than the run's diagnostics.json, so paging does not read the
captures again, and a notebook can load the same rows (``pandas.read_json(lines=True)``).
"""

import asyncio
import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .engine_process import (
    DATA_ERROR_EXIT_CODE,
    USAGE_EXIT_CODE,
    EngineUnavailable,
    hide_root,
    last_line,
    run_engine,
)
from .errors import ValidationError
from .file_names import DIAGNOSTICS_FILE
from .paths import confine, open_confined, relative_to_root, write_confined

MATCH_KINDS = ("bin", "outside_range", "unseen_category", "missing", "wrong_type")
RESULTS_FOLDER = "records"
MAX_FEATURE_CHARS = 1000
# One query's file lists at most this many rows; the rest are counted (the engine's --max-records).
MAX_RESULT_ROWS = 50_000

_locks: dict[str, asyncio.Lock] = {}


@dataclass(frozen=True)
class RecordQuery:
    run: str
    feature: str
    match: str
    lower: float | None = None
    upper: float | None = None
    include_upper: bool = False

    def file_name(self) -> str:
        """A readable name that is unique per query: the feature, the kind, a hash of all."""
        digest = hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode()).hexdigest()
        readable = re.sub(r"[^A-Za-z0-9_.-]+", "_", self.feature)[:60]
        return f"{readable}.{self.match}.{digest[:10]}.jsonl"

    def arguments(
        self, run_dir: str | os.PathLike[str], output: str | os.PathLike[str], root: str
    ) -> list[str]:
        args = ["records", "--run", str(run_dir), "--feature", self.feature]
        # Rows name their files as clients see them, in the file a notebook loads too.
        args += ["--paths-relative-to", os.path.realpath(root)]
        args += ["--match", self.match.replace("_", "-"), "--output", str(output)]
        if self.match == "bin":
            args += ["--lower", repr(self.lower), "--upper", repr(self.upper)]
            if self.include_upper:
                args.append("--include-upper")
        return [*args, "--max-records", str(MAX_RESULT_ROWS), "--progress", "none"]


def validate_query(
    run: str,
    feature: str,
    match: str,
    lower: str | None,
    upper: str | None,
    include_upper: str | None,
) -> RecordQuery:
    """A RecordQuery from query arguments (strings or None); ValidationError names the field."""
    if not feature or len(feature) > MAX_FEATURE_CHARS:
        raise ValidationError(f"a feature name of 1 to {MAX_FEATURE_CHARS} characters", "feature")
    if match not in MATCH_KINDS:
        raise ValidationError(f"one of {', '.join(MATCH_KINDS)}", "match")
    bounds: tuple[float | None, float | None] = (None, None)
    if match == "bin":
        low, high = _number(lower, "lower"), _number(upper, "upper")
        if not low <= high:
            raise ValidationError("lower must not be above upper", "upper")
        bounds = (low, high)
    if include_upper not in (None, "true", "false"):
        raise ValidationError("true or false", "include_upper")
    return RecordQuery(run, feature, match, *bounds, include_upper == "true")


def _number(text: str | None, field: str) -> float:
    try:
        value = float(text)  # type: ignore[arg-type]  # None is refused as TypeError
    except (TypeError, ValueError):
        value = float("nan")
    if value != value or value in (float("inf"), float("-inf")):
        raise ValidationError("a finite number", field)
    return value


async def query_page(root: str, query: RecordQuery, offset: int, limit: int) -> dict[str, Any]:
    """The page ``[offset, offset + limit)`` of the query's rows, with the query's counts."""
    run_dir = confine(root, query.run, "run")
    results = run_dir / RESULTS_FOLDER / query.file_name()
    summary_file = results.with_name(results.name + ".summary.json")
    lock = _locks.setdefault(str(results), asyncio.Lock())
    async with lock:
        summary = await asyncio.to_thread(_fresh_summary, root, run_dir, results, summary_file)
        if summary is None:
            summary = await _run_query(root, query, run_dir, results)
            body = json.dumps(summary).encode()
            folder, name = summary_file.parent, summary_file.name
            await asyncio.to_thread(write_confined, root, folder, name, body)
    rows = await asyncio.to_thread(_read_page, root, results, offset, limit)
    return {
        "run": query.run,
        "feature": query.feature,
        "match": query.match,
        "results_file": relative_to_root(root, results),
        "records": summary["records"],
        "rejected": summary["rejected"],
        "matched": summary["matched"],
        "written": summary["written"],
        "truncated": summary["truncated"],
        "offset": offset,
        "limit": limit,
        "rows": rows,
    }


def _fresh_summary(
    root: str, run_dir: Path, results: Path, summary_file: Path
) -> dict[str, Any] | None:
    """The stored summary when the results are newer than the run's diagnostics.json."""
    diagnostics = run_dir / DIAGNOSTICS_FILE
    if not diagnostics.is_file():
        message = "the run folder has no diagnostics.json: only this engine's runs list records"
        raise ValidationError(message, "run")
    try:
        fresh = results.stat().st_mtime >= diagnostics.stat().st_mtime
        with open_confined(root, summary_file, encoding="utf-8") as file:
            return json.load(file) if fresh else None
    except (OSError, ValueError):
        return None


async def _run_query(root: str, query: RecordQuery, run_dir: Path, results: Path) -> dict[str, Any]:
    arguments = query.arguments(run_dir, results, root)
    code, stdout, stderr = await run_engine(arguments, root, cwd=root)
    if code in (DATA_ERROR_EXIT_CODE, USAGE_EXIT_CODE):
        message = hide_root(_message(stderr), root)
        # The run's own files (what it read, its input files) or the query's feature are at fault.
        about_run = DIAGNOSTICS_FILE in message or "no input files" in message
        raise ValidationError(message, "run" if about_run else "feature")
    if code != 0:
        message = hide_root(_message(stderr), root)
        raise EngineUnavailable(f"record query failed ({code}): {message}")
    return json.loads(stdout)


def _message(stderr: bytes) -> str:
    return last_line(stderr).removeprefix("model-monitor: ")


def _read_page(root: str, results: Path, offset: int, limit: int) -> list[Any]:
    rows = []
    with open_confined(root, results, encoding="utf-8") as file:
        for index, line in enumerate(file):
            if index >= offset + limit:
                break
            if index >= offset:
                rows.append(json.loads(line))
    return rows
