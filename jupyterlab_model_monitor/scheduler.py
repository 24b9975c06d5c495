"""The scheduler: turns cron schedules into due executions and hands due executions to backends.

Every ``poll_interval`` seconds, :meth:`Scheduler.tick` does two things:

1. **enqueue**: for each enabled monitor whose ``next_run_at`` has passed, insert the runs its
   catch-up policy asks for (``skip``: the latest fire time, only if it is recent; ``once``: the
   latest one; ``all``: every missed one, up to ``max_catch_up``) and move ``next_run_at`` past now,
   in one transaction that only one server can win;
2. **dispatch**: claim due executions (one atomic ``UPDATE … WHERE state='due'`` each) up to
   ``max_concurrent_runs`` and run them on their monitor's backend.

A scheduled run at time T covers the hours [H - window_hours, H), H being T's hour, and writes to
``<output>/yyyy/mm/dd/HH/`` (SageMaker's layout; ``HH-MM`` for a run at a minute other than 0); a
manual run writes to ``<output>/manual/<yyyy-mm-ddTHH-MM-SSZ>-<first 8 of its id>/``.
"""

import asyncio
import functools
import logging
import uuid
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any, Literal

from croniter import croniter

from .backends import Backend, RunJob, RunOutcome
from .jobs import fail_orphans, progress_reporter
from .leases import new_claimer
from .metrics import run_metrics
from .paths import confine, without_root
from .rows import ExecutionRow, MonitorRow
from .store import Store, to_iso
from .validation import parse_time


def next_fire_time(schedule: str, after: datetime) -> datetime:
    """The first fire time of ``schedule`` strictly after ``after`` (aware datetimes)."""
    return croniter(schedule, after).get_next(datetime).astimezone(timezone.utc)


def next_run_fields(
    monitor: Mapping[str, Any], changes: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """``next_run_at`` after a create (``changes`` None) or an update of ``monitor``."""
    merged = {**monitor, **(changes or {})}
    if not (merged["enabled"] and merged["schedule"]):
        return {"next_run_at": None}
    resumed = changes is not None and changes.get("enabled") and not monitor["enabled"]
    if changes is None or "schedule" in changes or resumed or not monitor["next_run_at"]:
        now = datetime.now(timezone.utc)
        return {"next_run_at": to_iso(next_fire_time(merged["schedule"], now))}
    return {}


def fire_times(schedule: str, first: datetime, now: datetime, limit: int) -> list[datetime]:
    """Fire times from ``first`` (itself one) up to ``now`` inclusive; the latest ``limit`` ones.

    Walked back from ``now``: a per-minute monitor a year behind costs ``limit`` steps, where
    walking forward from ``first`` cost one per missed minute (14 s on the event loop)."""
    latest: list[datetime] = []
    iterator = croniter(schedule, now + timedelta(microseconds=1))  # ``now`` itself included
    while len(latest) < limit:
        moment = iterator.get_prev(datetime).astimezone(timezone.utc)
        if moment <= first:
            break
        latest.append(moment)
    if len(latest) < limit and first <= now:
        latest.append(first)
    return latest[::-1]


def select_runs(
    policy: str, times: list[datetime], now: datetime, late_tolerance: timedelta
) -> list[datetime]:
    """The fire times to run under a catch-up policy (``times`` sorted, all in the past)."""
    if not times:
        return []
    if policy == "all":
        return times
    if policy == "skip" and now - times[-1] > late_tolerance:
        return []
    return times[-1:]


def floor_hour(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def plan_execution(
    monitor: Mapping[str, Any],
    trigger: str,
    scheduled_for: datetime,
    window: tuple[datetime, datetime] | None = None,
) -> dict[str, Any]:
    """The store fields of one execution of ``monitor``."""
    execution_id = uuid.uuid4().hex
    if window is None:
        end = floor_hour(scheduled_for)
        window = (end - timedelta(hours=monitor["window_hours"]), end)
    if trigger == "schedule":
        minutes = f"-{scheduled_for:%M}" if scheduled_for.minute else ""  # sub-hourly crons
        output = f"{monitor['output']}/{scheduled_for:%Y/%m/%d/%H}{minutes}"
    else:
        # Named by when it was asked for (a hex id alone told runs apart by nothing a user knows).
        output = f"{monitor['output']}/manual/{scheduled_for:%Y-%m-%dT%H-%M-%SZ}-{execution_id[:8]}"
    return {
        "id": execution_id,
        "monitor_id": monitor["id"],
        "trigger": trigger,
        "scheduled_for": to_iso(scheduled_for),
        "window_start": to_iso(window[0]),
        "window_end": to_iso(window[1]),
        "output": output,
    }


# The monitor fields that name a SageMaker processor script (optional).
ScriptField = Literal["record_preprocessor_script", "post_analytics_processor_script"]


class Scheduler:
    """Owns the loop; the handlers call :meth:`run_now` and :meth:`cancel`."""

    def __init__(
        self,
        store: Store,
        backends: dict[str, Backend],
        root_dir: str,
        log: logging.Logger,
        *,
        poll_interval: float = 10.0,
        max_concurrent_runs: int = 2,
        max_catch_up: int = 100,
        late_tolerance: float = 300.0,
        claimer: str | None = None,
    ) -> None:
        self.store = store
        self.backends = backends
        self.root_dir = root_dir
        self.log = log
        self.poll_interval = poll_interval
        self.max_concurrent_runs = max_concurrent_runs
        self.max_catch_up = max_catch_up
        self.late_tolerance = timedelta(seconds=late_tolerance)
        self.claimer = claimer or new_claimer()
        # Awaited with the execution id after each run ends.
        self.listeners: list[Callable[[str], Awaitable[Any]]] = []
        self._running: dict[str, asyncio.Task[None]] = {}
        self._loop_task: asyncio.Task[None] | None = None
        self._stopping = False

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> None:
        self._loop_task = asyncio.get_running_loop().create_task(self._loop())

    async def stop(self) -> None:
        """Stop the loop and the runs of this server (they end as cancelled)."""
        self._stopping = True
        if self._loop_task:
            self._loop_task.cancel()
            await asyncio.gather(self._loop_task, return_exceptions=True)
        for execution_id in list(self._running):
            await self._cancel_running(execution_id, "the server stopped during the run")
        await asyncio.gather(*self._running.values(), return_exceptions=True)

    async def _loop(self) -> None:
        orphans = await fail_orphans(self.store, "executions", self.claimer)
        for execution_id in orphans:
            self.log.warning("model-monitor: execution %s failed: its server stopped", execution_id)
            # Ended like any other run: its monitor's failure alert (on_failure) is raised.
            for listener in self.listeners:
                await listener(execution_id)
        while True:
            try:
                await self.tick()
            except Exception:
                self.log.exception("model-monitor: scheduler tick failed")
            await asyncio.sleep(self.poll_interval)

    async def tick(self, now: datetime | None = None) -> None:
        await self.enqueue_due(now or datetime.now(timezone.utc))
        await self.dispatch()

    # -- enqueue -----------------------------------------------------------------------------

    async def enqueue_due(self, now: datetime) -> list[dict[str, Any]]:
        """Insert the due scheduled runs of every monitor; returns the executions inserted."""
        inserted: list[dict[str, Any]] = []
        for monitor in await self.store.call(self.store.list_monitors):
            inserted += await self._enqueue_monitor(monitor, now)
        return inserted

    async def _enqueue_monitor(self, monitor: MonitorRow, now: datetime) -> list[dict[str, Any]]:
        if not (monitor["enabled"] and monitor["schedule"] and monitor["next_run_at"]):
            return []
        first = parse_time(monitor["next_run_at"], "next_run_at")
        if first > now:
            return []
        times = fire_times(monitor["schedule"], first, now, self.max_catch_up)
        chosen = select_runs(monitor["catch_up"], times, now, self.late_tolerance)
        runs = [plan_execution(monitor, "schedule", moment) for moment in chosen]
        new_next = to_iso(next_fire_time(monitor["schedule"], now))
        return await self.store.call(
            self.store.advance_schedule, monitor["id"], monitor["next_run_at"], new_next, runs
        )

    # -- dispatch ----------------------------------------------------------------------------

    async def dispatch(self) -> None:
        """Claim and start due executions while there is room."""
        room = self.max_concurrent_runs - len(self._running)
        if room <= 0 or self._stopping:
            return
        for execution in await self.store.call(self.store.due_executions, room):
            claimed = await self.store.call(
                self.store.claim_execution, execution["id"], self.claimer
            )
            if claimed:
                task = asyncio.get_running_loop().create_task(self._execute(execution))
                self._running[execution["id"]] = task

    async def _execute(self, execution: ExecutionRow) -> None:
        try:
            outcome = await self._run_on_backend(execution)
            if outcome.state.startswith("completed"):
                await self._record_metrics(execution)
            await self._finish(execution["id"], outcome)
        except Exception as error:
            self.log.exception("model-monitor: execution %s failed", execution["id"])
            failed = RunOutcome("failed", f"{type(error).__name__}: {error}")
            await self._finish(execution["id"], failed)
        finally:
            self._running.pop(execution["id"], None)
        for listener in self.listeners:
            await listener(execution["id"])
        await self.dispatch()

    async def _run_on_backend(self, execution: ExecutionRow) -> RunOutcome:
        monitor = await self.store.call(self.store.get_monitor, execution["monitor_id"])
        if monitor is None:  # not while it has a run: the store refuses to delete it
            raise LookupError(f"no monitor with id {execution['monitor_id']}")
        backend = self.backends[monitor["backend"]]
        job = self._job(monitor, execution)
        update = functools.partial(self.store.call, self.store.update_running, execution["id"])
        return await backend.run(job, progress_reporter(update, self.root_dir))

    def _job(self, monitor: MonitorRow, execution: ExecutionRow) -> RunJob:
        # Confined again: a symlink may have changed since validation.
        def path(value: str, field: str) -> str:
            return str(confine(self.root_dir, value, field))

        def optional_path(field: ScriptField) -> str | None:
            script = monitor.get(field)
            return path(script, field) if script else None

        custom = monitor.get("custom_monitor")
        if custom and custom.get("script"):
            custom = {**custom, "script": path(custom["script"], "custom_monitor.script")}
        batch = monitor.get("batch_capture")
        if batch:
            where = "batch_capture.s3_map"
            batch = {"s3_map": {s3: path(folder, where) for s3, folder in batch["s3_map"].items()}}
        quality = monitor.get("model_quality")
        if quality:
            ground_truth = path(quality["ground_truth"], "model_quality.ground_truth")
            quality = {**quality, "ground_truth": ground_truth}
        return RunJob(
            execution_id=execution["id"],
            dataset=path(monitor["dataset"], "dataset"),
            dataset_format=monitor["dataset_format"],
            header=monitor["header"],
            baseline_statistics=path(monitor["baseline_statistics"], "baseline_statistics"),
            baseline_constraints=path(monitor["baseline_constraints"], "baseline_constraints"),
            output=path(execution["output"], "output"),
            window_start=execution["window_start"],
            window_end=execution["window_end"],
            monitor_type=monitor.get("monitor_type") or "data-quality",
            model_quality=quality,
            root=self.root_dir,
            monitor_name=monitor["name"],
            record_preprocessor_script=optional_path("record_preprocessor_script"),
            post_analytics_processor_script=optional_path("post_analytics_processor_script"),
            custom_monitor=custom,
            batch_capture=batch,
            segment=monitor.get("segment"),
        )

    async def _record_metrics(self, execution: ExecutionRow) -> None:
        """Store the run's metric history; a failure here is logged, never fails the run."""
        try:
            output = str(confine(self.root_dir, execution["output"], "output"))
            points = await asyncio.to_thread(run_metrics, output, self.root_dir)
            await self.store.call(self.store.record_metrics, execution, points)
        except Exception:
            self.log.exception("model-monitor: no metrics for execution %s", execution["id"])

    async def _finish(self, execution_id: str, outcome: RunOutcome) -> None:
        # Messages reach the panel, alerts and webhooks: no absolute server paths in them.
        changes: dict[str, Any] = {
            "state": outcome.state,
            "message": without_root(outcome.message, self.root_dir),
            "violations": outcome.violations,
            "segments": outcome.segments,
        }
        if outcome.state.startswith("completed"):
            changes["progress"] = 1.0
        await self.store.call(self.store.update_running, execution_id, **changes)

    # -- requests from handlers ---------------------------------------------------------------

    async def run_now(
        self, monitor: MonitorRow, window: tuple[datetime, datetime] | None = None
    ) -> ExecutionRow | None:
        """Enqueue a manual run of ``monitor`` (over ``window`` or its latest full window)."""
        now = datetime.now(timezone.utc)
        fields = plan_execution(monitor, "manual", now, window)
        await self.store.call(self.store.create_execution, fields)
        await self.dispatch()
        return await self.store.call(self.store.get_execution, fields["id"])

    async def cancel(self, execution_id: str) -> ExecutionRow | None:
        """Cancel a due or running execution (``store.Conflict`` if it has ended)."""
        execution = await self.store.call(self.store.cancel_execution, execution_id)
        if execution is not None and execution_id in self._running:
            await self._stop_backend_run(execution)
        return execution

    async def _cancel_running(self, execution_id: str, message: str) -> None:
        await self.store.call(
            self.store.update_running, execution_id, state="cancelled", message=message
        )
        execution = await self.store.call(self.store.get_execution, execution_id)
        if execution is not None:
            await self._stop_backend_run(execution)

    async def _stop_backend_run(self, execution: ExecutionRow) -> None:
        monitor = await self.store.call(self.store.get_monitor, execution["monitor_id"])
        if monitor is not None:
            await self.backends[monitor["backend"]].cancel(execution["id"])
