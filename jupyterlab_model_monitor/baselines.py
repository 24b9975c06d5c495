"""Baseline jobs: profile a dataset into ``statistics.json`` + suggested ``constraints.json``.

``POST /model-monitor/baselines`` starts one at once on a backend (``local`` runs the engine's
``baseline`` command) and returns an execution-like record to poll: ``state`` (``running``, then
``completed``, ``failed`` or ``cancelled``), ``progress`` in [0, 1] and ``message``. A job never
overwrites an existing baseline unless asked (``overwrite: true``). Once a job has ended, its
record carries the engine's ``diagnostics.json`` (rejected records: file, line, kind, message),
with paths relative to the server root as everywhere in the API.
"""

import asyncio
import functools
import json
import logging
import os
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from .backends import Backend, BaselineJob
from .errors import ValidationError, check_object
from .file_names import DIAGNOSTICS_FILE, STATISTICS_FILE
from .jobs import fail_orphans, progress_reporter
from .leases import new_claimer
from .paths import PathError, confine, open_confined, without_root
from .store import Conflict, Store
from .validation import (
    DATASET_FORMATS,
    check_segment_backend,
    relative_path,
    segment_settings,
)

REQUEST_FIELDS = (
    "dataset",
    "dataset_format",
    "header",
    "output",
    "backend",
    "overwrite",
    "segment",
)
MAX_DIAGNOSTIC_EXAMPLES = 20


def _choice(body: Mapping[str, Any], field: str, allowed: Sequence[Any], default: Any) -> Any:
    value = body.get(field, default)
    if value not in allowed:
        shown = ", ".join(str(a) for a in allowed if a is not None)
        raise ValidationError(f"one of {shown}", field)
    return value


def validate_baseline_request(
    body: Any, root: str, backends: Mapping[str, Backend]
) -> dict[str, Any]:
    """The checked fields of a baseline request; paths relative to ``root``."""
    check_object(body, REQUEST_FIELDS)
    if "dataset" not in body:
        raise ValidationError("dataset is required", "dataset")
    dataset = relative_path(body["dataset"], "dataset", root)
    if not confine(root, dataset).exists():
        raise ValidationError(f"no such file or folder: {dataset}", "dataset")
    stem = os.path.splitext(os.path.basename(dataset))[0] or "baseline"
    output = relative_path(body.get("output") or f"baselines/{stem}", "output", root)
    fields = {
        "dataset": dataset,
        "dataset_format": _choice(body, "dataset_format", (*DATASET_FORMATS, None), None),
        "header": _choice(body, "header", (True, False), False),
        "output": output,
        "backend": _choice(body, "backend", tuple(backends), "local"),
        "segment": segment_settings(body.get("segment"), "segment", baseline=False),
    }
    check_segment_backend(fields["segment"], fields["backend"])
    overwrite = _choice(body, "overwrite", (True, False), False)
    if not overwrite and confine(root, output, "output").joinpath(STATISTICS_FILE).exists():
        raise Conflict(f"{output}/statistics.json exists: pass overwrite true to replace", "output")
    return fields


def remove_if_empty(folder: str) -> None:
    try:
        os.rmdir(folder)
    except OSError:
        pass  # absent, or holds the engine's diagnostics.json


def read_job_diagnostics(job: Mapping[str, Any], root: str) -> dict[str, Any] | None:
    """The ended job's ``<output>/diagnostics.json``, None when absent or older than the job."""
    started = datetime.fromisoformat(job["created_at"].replace("Z", "+00:00")).timestamp()
    try:
        path = confine(root, job["output"], "output") / DIAGNOSTICS_FILE
        if path.stat().st_mtime < started:
            return None  # left there by an earlier job
        with open_confined(root, path, encoding="utf-8") as file:
            document = json.load(file)
    except (OSError, ValueError, PathError):
        return None
    if not isinstance(document, dict):
        return None
    examples = [
        {
            "kind": example.get("kind"),
            "file": without_root(example.get("file"), root),
            "line": example.get("line"),
            "field": example.get("field"),
            "message": example.get("message"),
        }
        for example in (document.get("examples") or [])[:MAX_DIAGNOSTIC_EXAMPLES]
        if isinstance(example, dict)
    ]
    counts = {key: document.get(key) for key in ("records", "rejected", "rows")}
    return {**counts, "counts": document.get("counts") or {}, "examples": examples}


class BaselineJobs:
    """Starts baseline jobs on their backend and records their progress in the store."""

    def __init__(
        self,
        store: Store,
        backends: dict[str, Backend],
        root_dir: str,
        log: logging.Logger,
        claimer: str | None = None,
    ) -> None:
        self.store = store
        self.backends = backends
        self.root_dir = root_dir
        self.log = log
        self.claimer = claimer or new_claimer()
        self._tasks: dict[str, asyncio.Task[None]] = {}

    async def start(self, fields: dict[str, Any]) -> dict[str, Any]:
        """Insert the job (running) and start it; returns its record."""
        job = await self.store.call(
            self.store.create_baseline, {**fields, "claimed_by": self.claimer}
        )
        task = asyncio.get_running_loop().create_task(self._run(job))
        self._tasks[job["id"]] = task
        task.add_done_callback(lambda _: self._tasks.pop(job["id"], None))
        return job

    async def _run(self, job: dict[str, Any]) -> None:
        backend = self.backends[job["backend"]]
        spec = self._job(job)
        output_existed = os.path.isdir(spec.output)
        try:
            update = functools.partial(self.store.call, self.store.update_baseline, job["id"])
            outcome = await backend.baseline(spec, progress_reporter(update, self.root_dir))
            message = without_root(outcome.message, self.root_dir)
            changes: dict[str, Any] = {"state": outcome.state, "message": message}
        except Exception as error:
            self.log.exception("model-monitor: baseline job %s failed", job["id"])
            changes = {"state": "failed", "message": f"{type(error).__name__}: {error}"}
        if changes["state"] == "completed":
            changes["progress"] = 1.0
        elif not output_existed:
            remove_if_empty(spec.output)  # a cancelled job leaves no empty folder behind
        await self.store.call(self.store.update_baseline, job["id"], **changes)

    def _job(self, job: Mapping[str, Any]) -> BaselineJob:
        return BaselineJob(
            job_id=job["id"],
            dataset=str(confine(self.root_dir, job["dataset"], "dataset")),
            dataset_format=job["dataset_format"],
            header=job["header"],
            output=str(confine(self.root_dir, job["output"], "output")),
            root=self.root_dir,
            segment=job.get("segment"),
        )

    def with_diagnostics(self, job: dict[str, Any]) -> dict[str, Any]:
        """The job record with its ``diagnostics`` (None while it runs or when there are none)."""
        ended = job["state"] != "running"
        return {**job, "diagnostics": read_job_diagnostics(job, self.root_dir) if ended else None}

    async def cancel(self, job_id: str) -> dict[str, Any]:
        """Cancel a running job; :class:`Conflict` once it has ended."""
        job = await self._stored(job_id)
        if job["state"] != "running":
            raise Conflict(f"the baseline job is {job['state']} already", "state")
        await self.store.call(
            self.store.update_baseline, job_id, state="cancelled", message="cancelled by the user"
        )
        if job_id in self._tasks:
            await self.backends[job["backend"]].cancel(job_id)
        return await self._stored(job_id)

    async def _stored(self, job_id: str) -> dict[str, Any]:
        job = await self.store.call(self.store.get_baseline, job_id)
        if job is None:  # jobs are never deleted: not an id this store gave
            raise KeyError(f"no baseline job with id {job_id}")
        return job

    async def fail_orphans(self) -> list[str]:
        return await fail_orphans(self.store, "baselines", self.claimer)

    async def stop(self) -> None:
        for job_id in list(self._tasks):
            job = await self._stored(job_id)
            message = "the server stopped during the job"
            await self.store.call(
                self.store.update_baseline, job_id, state="cancelled", message=message
            )
            await self.backends[job["backend"]].cancel(job_id)
        await asyncio.gather(*self._tasks.values(), return_exceptions=True)
