"""The scheduler: cron → due executions (catch-up policies), atomic claims, dispatch, cancel."""

import asyncio
import logging
import socket
from datetime import datetime, timedelta, timezone

import pytest
from croniter import croniter

from jupyterlab_model_monitor import scheduler as scheduler_module
from jupyterlab_model_monitor.backends import Backend, RunOutcome
from jupyterlab_model_monitor.scheduler import (
    Scheduler,
    fire_times,
    next_fire_time,
    plan_execution,
    select_runs,
)
from jupyterlab_model_monitor.store import Store

UTC = timezone.utc
T0 = datetime(2026, 11, 1, 0, 0, tzinfo=UTC)
LOG = logging.getLogger("test")


class FakeBackend(Backend):
    """Finishes each run when told to; records the jobs."""

    name = "local"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.jobs, self.release, self.cancelled = [], asyncio.Event(), []

    async def run(self, job, report):
        self.jobs.append(job)
        await report(0.5, "reading")
        await self.release.wait()
        return RunOutcome("completed_with_violations", "3 violations", 3)

    async def cancel(self, execution_id):
        self.cancelled.append(execution_id)
        self.release.set()


def at(hours, minutes=0):
    return T0 + timedelta(hours=hours, minutes=minutes)


def test_fire_times_walks_back_from_now_however_far_behind(monkeypatch):
    # #22 item 14: a per-minute monitor a year behind made the first tick take 14 s.
    steps = []

    class CountingCroniter(scheduler_module.croniter):
        def get_prev(self, *args, **kwargs):
            steps.append(1)
            return super().get_prev(*args, **kwargs)

    monkeypatch.setattr(scheduler_module, "croniter", CountingCroniter)
    now = datetime(2026, 11, 2, 12, 30, 15, tzinfo=timezone.utc)
    times = fire_times("* * * * *", now - timedelta(days=365), now, 100)
    assert len(times) == 100 and len(steps) == 100
    assert times[-1] == now.replace(second=0) and times[0] == times[-1] - timedelta(minutes=99)


@pytest.mark.parametrize("schedule", ["* * * * *", "*/7 * * * *", "0 */5 * * *", "15 9 * * 1"])
@pytest.mark.parametrize("limit", [1, 3, 1000])
def test_fire_times_are_the_forward_walk_s_latest(schedule, limit):
    first = next_fire_time(schedule, datetime(2026, 11, 1, tzinfo=timezone.utc))
    now = datetime(2026, 11, 9, 7, 0, tzinfo=timezone.utc)  # a fire time of some schedules
    forward, moment, iterator = [], first, croniter(schedule, first)
    while moment <= now:
        forward.append(moment)
        moment = iterator.get_next(datetime).astimezone(timezone.utc)
    assert fire_times(schedule, first, now, limit) == forward[-limit:]


def test_next_fire_time_and_fire_times():
    assert next_fire_time("0 * * * *", at(1)) == at(2)
    assert next_fire_time("0 * * * *", at(1, 30)) == at(2)
    assert fire_times("0 * * * *", at(1), at(4, 30), 100) == [at(1), at(2), at(3), at(4)]
    assert fire_times("0 * * * *", at(1), at(4, 30), 2) == [at(3), at(4)]
    assert fire_times("0 * * * *", at(5), at(4), 100) == []


def test_catch_up_policies():
    times, late = [at(1), at(2), at(3)], timedelta(minutes=5)
    assert select_runs("all", times, at(3, 1), late) == times
    assert select_runs("once", times, at(3, 59), late) == [at(3)]
    assert select_runs("skip", times, at(3, 1), late) == [at(3)]
    assert select_runs("skip", times, at(3, 30), late) == []
    assert select_runs("once", [], at(3), late) == []


def test_plan_execution_window_and_output():
    monitor = {"id": "m", "output": "monitoring/churn", "window_hours": 6}
    scheduled = plan_execution(monitor, "schedule", at(24))
    assert (scheduled["window_start"], scheduled["window_end"]) == (
        "2026-11-01T18:00:00Z",
        "2026-11-02T00:00:00Z",
    )
    assert scheduled["output"] == "monitoring/churn/2026/11/02/00"
    quarter = plan_execution(monitor, "schedule", at(24, 15))
    assert quarter["output"] == "monitoring/churn/2026/11/02/00-15"
    assert quarter["window_end"] == "2026-11-02T00:00:00Z"
    manual = plan_execution(monitor, "manual", at(5, 42), (at(1), at(2)))
    assert manual["window_start"] == "2026-11-01T01:00:00Z"
    # Named by when it was asked for, then the start of its id (#18 item 11).
    assert manual["output"] == f"monitoring/churn/manual/2026-11-01T05-42-00Z-{manual['id'][:8]}"


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "monitors.sqlite")
    yield store
    store.close()


@pytest.fixture
def root(tmp_path):
    (tmp_path / "root").mkdir()
    return tmp_path / "root"


def make_monitor(store, **fields):
    values = {
        "name": "churn",
        "dataset": "captures",
        "baseline_statistics": "statistics.json",
        "baseline_constraints": "constraints.json",
        "output": "monitoring/churn",
        "schedule": "0 * * * *",
        "window_hours": 1,
        "catch_up": "once",
        "backend": "local",
        "enabled": True,
        "header": False,
        "next_run_at": "2026-11-01T01:00:00Z",
    }
    return store.create_monitor({**values, **fields})


def scheduler(store, root, backend=None, **options):
    backends = {"local": backend or FakeBackend()}
    return Scheduler(store, backends, str(root), LOG, **options)


@pytest.mark.parametrize("policy, expected", [("all", 4), ("once", 1), ("skip", 0)])
async def test_enqueue_applies_catch_up_policy(store, root, policy, expected):
    monitor = make_monitor(store, catch_up=policy)
    inserted = await scheduler(store, root).enqueue_due(at(4, 30))
    assert len(inserted) == expected
    assert store.get_monitor(monitor["id"])["next_run_at"] == "2026-11-01T05:00:00Z"
    assert await scheduler(store, root).enqueue_due(at(4, 40)) == []


async def test_disabled_or_unscheduled_monitors_are_left_alone(store, root):
    make_monitor(store, enabled=False)
    make_monitor(store, name="manual-only", schedule=None, next_run_at=None)
    assert await scheduler(store, root).enqueue_due(at(10)) == []


async def test_two_servers_enqueue_and_claim_once(store, root, tmp_path):
    other_store = Store(tmp_path / "monitors.sqlite")
    make_monitor(store)
    first, second = scheduler(store, root), scheduler(other_store, root)
    second.claimer = "other-host:1"
    results = await asyncio.gather(first.enqueue_due(at(1, 1)), second.enqueue_due(at(1, 1)))
    assert sorted(len(r) for r in results) == [0, 1]
    await asyncio.gather(first.dispatch(), second.dispatch())
    assert len(first._running) + len(second._running) == 1
    for sched in (first, second):
        sched.backends["local"].release.set()
        await asyncio.gather(*sched._running.values())
    other_store.close()


async def test_dispatch_runs_and_records_outcome(store, root):
    make_monitor(store)
    backend = FakeBackend()
    sched = scheduler(store, root, backend)
    await sched.tick(at(1, 1))
    (execution,) = store.list_executions()
    assert execution["state"] == "running" and execution["claimed_by"] == sched.claimer
    await asyncio.sleep(0.05)
    running = store.get_execution(execution["id"])
    assert running["progress"] == 0.5 and running["message"] == "reading"
    job = backend.jobs[0]
    assert job.dataset == str(root.resolve() / "captures")
    assert job.output == str(root.resolve() / "monitoring/churn/2026/11/01/01")
    assert (job.window_start, job.window_end) == ("2026-11-01T00:00:00Z", "2026-11-01T01:00:00Z")
    backend.release.set()
    await asyncio.gather(*sched._running.values())
    done = store.get_execution(execution["id"])
    assert done["state"] == "completed_with_violations" and done["violations"] == 3
    assert done["progress"] == 1.0 and done["finished_at"]


async def test_concurrency_limit(store, root):
    monitor = make_monitor(store, catch_up="all")
    sched = scheduler(store, root, max_concurrent_runs=2)
    await sched.tick(at(4, 1))
    states = [e["state"] for e in store.list_executions(monitor["id"])]
    assert sorted(states) == ["due", "due", "running", "running"]
    sched.backends["local"].release.set()
    while any(e["state"] != "completed_with_violations" for e in store.list_executions()):
        await asyncio.sleep(0.02)


async def test_cancel_a_running_execution(store, root):
    monitor = make_monitor(store)
    backend = FakeBackend()
    sched = scheduler(store, root, backend)
    execution = await sched.run_now(monitor, (at(0), at(1)))
    assert execution["state"] == "running"
    cancelled = await sched.cancel(execution["id"])
    assert cancelled["state"] == "cancelled" and backend.cancelled == [execution["id"]]
    await asyncio.gather(*sched._running.values())
    assert store.get_execution(execution["id"])["state"] == "cancelled"


async def test_backend_exception_fails_the_run(store, root):
    class Broken(FakeBackend):
        async def run(self, job, report):
            raise RuntimeError("boom")

    monitor = make_monitor(store)
    sched = scheduler(store, root, Broken())
    execution = await sched.run_now(monitor)
    await asyncio.gather(*sched._running.values())
    failed = store.get_execution(execution["id"])
    assert failed["state"] == "failed" and failed["message"] == "RuntimeError: boom"


async def test_escaping_path_fails_the_run(store, root, tmp_path):
    (root / "captures").symlink_to(tmp_path)  # made after the monitor was validated
    monitor = make_monitor(store)
    sched = scheduler(store, root)
    execution = await sched.run_now(monitor)
    await asyncio.gather(*sched._running.values())
    failed = store.get_execution(execution["id"])
    assert failed["state"] == "failed" and "outside the server root" in failed["message"]


async def test_loop_fails_orphans_and_stops(store, root):
    monitor = make_monitor(store, schedule=None, next_run_at=None)
    orphan = store.create_execution(plan_execution(monitor, "manual", at(1)))
    store.claim_execution(orphan["id"], f"{socket.gethostname()}:999999999")
    sched = scheduler(store, root, poll_interval=0.01)
    sched.start()
    await asyncio.sleep(0.1)
    running = await sched.run_now(monitor)
    due = store.create_execution(plan_execution(monitor, "manual", at(2)))
    await sched.stop()
    assert store.get_execution(orphan["id"])["state"] == "failed"
    assert store.get_execution(running["id"])["state"] == "cancelled"
    await sched.dispatch()
    assert store.get_execution(due["id"])["state"] == "due"  # left for the next server
