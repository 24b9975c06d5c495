"""A quick look at a capture folder: time range, records per hour, encodings, content types.

The engine CLI has no command for this (``profile`` computes statistics, not a traffic summary),
so this is a small streaming scan of SageMaker's ``…/yyyy/mm/dd/HH/*.jsonl`` layout. It reads
each line's metadata only (no statistics) and stops after ``max_records`` records, saying so.
Problems are reported with the engine's diagnostic kinds (docs/cli.md): ``malformed_json``,
``missing_field``, ``unknown_encoding``, ``encoding_mismatch``, ``template_time``. The first
``MAX_SAMPLES`` well-formed records come back as samples, their payloads cut to ``SAMPLE_CHARS``.
"""

import json
import os
from collections import Counter

from .paths import PathError, open_confined
from .spark_job.capture_rows import hour_of_path

SIDES = ("endpointInput", "endpointOutput")
ENCODINGS = ("CSV", "JSON", "BASE64")
MAX_EXAMPLES = 20
MAX_SAMPLES = 5
SAMPLE_CHARS = 2000


def hour_of(relative_path):
    """``2026-11-01T13:00:00Z`` for a capture file under ``…/2026/11/01/13/``, else None: the
    engine's rule, shared with the Spark job (``capture_rows.hour_of_path``)."""
    moment = hour_of_path(relative_path)
    return None if moment is None else moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def capture_files(root):
    """(relative path, hour or None) of every ``.jsonl`` file under ``root``, in path order."""
    if os.path.isfile(root):
        yield os.path.basename(root), hour_of(root.replace(os.sep, "/"))
        return
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "_")))
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        for name in sorted(files):
            if name.endswith(".jsonl") and not name.startswith((".", "_")):
                path = name if relative == "." else f"{relative}/{name}"
                yield path, hour_of(path)


def media_type(value):
    """``text/csv`` for ``Text/CSV; charset=utf-8`` (FORMATS §1.1 matching rules)."""
    return value.split(";")[0].strip().lower() if isinstance(value, str) else None


class CaptureSummary:
    """Accumulates one pass over capture records."""

    def __init__(self, max_records, root):
        self.max_records, self.root = max_records, root
        self.files = self.bytes = self.records = self.rejected = 0
        self.hours = {}  # hour -> {"records", "files"}
        self.encodings = {side: Counter() for side in SIDES}
        self.content_types = {side: Counter() for side in SIDES}
        self.problems = Counter()
        self.examples = []
        self.samples = []
        self.first_time = self.last_time = None
        self.truncated = False

    def problem(self, kind, file, line, message):
        self.problems[kind] += 1
        if len(self.examples) < MAX_EXAMPLES:
            self.examples.append({"kind": kind, "file": file, "line": line, "message": message})

    def add_file(self, folder, relative, hour):
        path = os.path.join(folder, relative) if os.path.isdir(folder) else folder
        try:
            file = open_confined(self.root, path, encoding="utf-8", errors="replace")
        except (OSError, PathError) as error:
            # A link to nothing, or to a file outside the root: reported, the rest is read.
            reason = error.strerror if isinstance(error, OSError) else str(error)
            self.problem("unreadable_file", relative, 0, f"cannot read: {reason}")
            return
        self.files += 1
        bucket = self.hours.setdefault(hour, {"records": 0, "files": 0})
        bucket["files"] += 1
        self.bytes += os.fstat(file.fileno()).st_size
        with file:
            for number, line in enumerate(file, start=1):
                if self.records >= self.max_records:
                    self.truncated = True
                    return
                if line.strip():
                    self.records += 1
                    bucket["records"] += 1
                    self.add_line(line, relative, number)

    def add_line(self, line, file, number):
        try:
            record = json.loads(line)
            capture = record["captureData"]
        except (ValueError, TypeError, KeyError) as error:
            self.rejected += 1
            kind = "missing_field" if isinstance(error, (KeyError, TypeError)) else "malformed_json"
            self.problem(kind, file, number, f"{type(error).__name__}: {error}"[:200])
            return
        self.add_sides(capture, file, number)
        metadata = record.get("eventMetadata")
        metadata = metadata if isinstance(metadata, dict) else {}
        self.add_time(metadata.get("inferenceTime"), file, number)
        if len(self.samples) < MAX_SAMPLES and isinstance(capture, dict):
            self.samples.append(sample_of(capture, metadata, file, number))

    def add_sides(self, capture, file, number):
        seen = set()
        for side in SIDES:
            payload = capture.get(side) if isinstance(capture, dict) else None
            if not isinstance(payload, dict):
                continue
            encoding = payload.get("encoding")
            if encoding not in ENCODINGS:
                self.problem("unknown_encoding", file, number, f"{side}.encoding: {encoding!r}")
            self.encodings[side][str(encoding)] += 1
            self.content_types[side][str(media_type(payload.get("observedContentType")))] += 1
            seen.add(encoding)
        if len(seen) > 1:
            self.problem("encoding_mismatch", file, number, f"encodings {sorted(map(str, seen))}")

    def add_time(self, value, file, number):
        if not isinstance(value, str) or "{" in value:
            self.problem("template_time", file, number, f"inferenceTime: {value!r}")
            return
        if self.first_time is None or value < self.first_time:
            self.first_time = value
        if self.last_time is None or value > self.last_time:
            self.last_time = value

    def to_json(self, path):
        dated = sorted(h for h in self.hours if h)
        hours = [{"hour": h, **self.hours[h]} for h in dated]
        undated = self.hours.get(None)
        return {
            "path": path,
            "files": self.files,
            "bytes": self.bytes,
            "records": self.records,
            "rejected": self.rejected,
            "truncated": self.truncated,
            "first_hour": dated[0] if dated else None,
            "last_hour": dated[-1] if dated else None,
            "first_inference_time": self.first_time,
            "last_inference_time": self.last_time,
            "hours": hours,
            "records_outside_hour_folders": undated["records"] if undated else 0,
            "encodings": {side: dict(counts) for side, counts in self.encodings.items()},
            "content_types": {side: dict(counts) for side, counts in self.content_types.items()},
            "diagnostics": {"counts": dict(self.problems), "examples": self.examples},
            "samples": self.samples,
        }


def payload_sample(payload):
    """One side of a sample record: encoding, media type and the data as captured (cut)."""
    if not isinstance(payload, dict):
        return None
    data = payload.get("data")
    text = data if isinstance(data, str) else json.dumps(data)
    return {
        "encoding": payload.get("encoding"),
        "content_type": media_type(payload.get("observedContentType")),
        "data": text[:SAMPLE_CHARS],
        "truncated": len(text) > SAMPLE_CHARS,
    }


def sample_of(capture, metadata, file, line):
    """A well-formed record as the summary shows it."""
    return {
        "file": file,
        "line": line,
        "event_id": metadata.get("eventId"),
        "inference_time": metadata.get("inferenceTime"),
        "input": payload_sample(capture.get("endpointInput")),
        "output": payload_sample(capture.get("endpointOutput")),
    }


def summarise_captures(absolute, path, root, max_records=1_000_000):
    """Scan the capture file or folder ``absolute`` (shown as ``path``), reading only files that
    resolve under ``root``; blocking."""
    summary = CaptureSummary(max_records, root)
    for relative, hour in capture_files(absolute):
        if summary.truncated:
            break
        summary.add_file(absolute, relative, hour)
    return summary.to_json(path)
