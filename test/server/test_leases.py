"""#22 item 13: leases on running work. A server renews the lease of what it runs; any server
fails work whose lease has run out, so a run cannot stay `running` forever (and block DELETE)
when the process id of its dead server is reused. Real SQLite file, real server."""

import logging
import os
import socket
from datetime import datetime, timedelta, timezone

import pytest
from old_store import old_store

from jupyterlab_model_monitor.jobs import process_alive
from jupyterlab_model_monitor.leases import LeaseKeeper, new_claimer
from jupyterlab_model_monitor.scheduler import plan_execution
from jupyterlab_model_monitor.store import MIGRATIONS, Store, to_iso

NOW = datetime(2026, 11, 2, 12, 0, tzinfo=timezone.utc)
LOG = logging.getLogger("test")


@pytest.fixture
def store(tmp_path):
    store = Store(str(tmp_path / "db.sqlite"))
    yield store
    store.close()


def running(store, monitor, claimer, heartbeat):
    """A running execution of ``monitor`` claimed by ``claimer``, last renewed at ``heartbeat``."""
    execution = store.create_execution(plan_execution(monitor, "manual", NOW))
    assert store.claim_execution(execution["id"], claimer)
    heartbeat = None if heartbeat is None else to_iso(heartbeat)
    store.db.execute(
        "UPDATE executions SET heartbeat_at = ? WHERE id = ?", (heartbeat, execution["id"])
    )
    return execution["id"]


@pytest.fixture
def monitor(store):
    return store.create_monitor(
        {
            "name": "m",
            "dataset": "d",
            "dataset_format": None,
            "header": False,
            "baseline_statistics": "s.json",
            "baseline_constraints": "c.json",
            "output": "monitoring/m",
            "schedule": None,
            "window_hours": 1,
            "catch_up": "skip",
            "backend": "local",
            "enabled": True,
            "next_run_at": None,
        }
    )


async def call(function, *args, **kwargs):
    return function(*args, **kwargs)


async def test_expired_leases_fail_and_live_ones_do_not(store, monitor):
    store.call = call
    ours, theirs = new_claimer(), new_claimer()
    keeper = LeaseKeeper(store, ours, LOG, lease_seconds=60)
    seen = []

    async def listener(execution_id):
        seen.append(execution_id)

    keeper.listeners.append(listener)
    old = NOW - timedelta(minutes=5)
    dead = running(store, monitor, theirs, old)
    legacy = running(store, monitor, theirs, None)  # from before leases: its start counts
    store.db.execute("UPDATE executions SET started_at = ? WHERE id = ?", (to_iso(old), legacy))
    fresh = running(store, monitor, theirs, NOW - timedelta(seconds=30))
    mine = running(store, monitor, ours, old)  # renewed by the check itself
    failed = await keeper.check(now=NOW)
    assert sorted(failed["executions"]) == sorted([dead, legacy])
    assert sorted(seen) == sorted([dead, legacy])
    for execution_id, state in [
        (dead, "failed"),
        (legacy, "failed"),
        (fresh, "running"),
        (mine, "running"),
    ]:
        assert store.get_execution(execution_id)["state"] == state
    assert "lease" in store.get_execution(dead)["message"]


async def test_a_baseline_job_whose_lease_ran_out_fails(store):
    store.call = call
    job = store.create_baseline(
        {
            "dataset": "d",
            "dataset_format": None,
            "header": False,
            "output": "baseline",
            "backend": "local",
            "claimed_by": new_claimer(),
        }
    )
    keeper = LeaseKeeper(store, new_claimer(), LOG, lease_seconds=60)
    assert (await keeper.check(now=datetime.now(timezone.utc)))["baselines"] == []
    later = datetime.now(timezone.utc) + timedelta(minutes=2)
    assert (await keeper.check(now=later))["baselines"] == [job["id"]]
    assert store.get_baseline(job["id"])["state"] == "failed"


def test_a_claim_with_this_process_s_pid_but_not_its_own_is_dead():
    own = new_claimer()
    host = socket.gethostname()
    assert process_alive(own, own) is True
    assert process_alive(f"{host}:{os.getpid()}", own) is False  # a reused pid, old format
    assert process_alive(f"{host}:{os.getpid()}:0badc0de", own) is False


async def test_a_run_orphaned_under_a_reused_pid_can_be_deleted(api, definition, extension):
    # The attack: the server died mid-run and the new server got its pid; DELETE answered 409.
    _, created = await api("POST", "monitors", body=definition)
    store = extension.store
    reused = f"{socket.gethostname()}:{os.getpid()}"
    old = datetime.now(timezone.utc) - timedelta(minutes=10)
    monitor = await store.call(store.get_monitor, created["id"])
    await store.call(running, store, monitor, reused, old)
    assert (await api("DELETE", "monitors", created["id"]))[0] == 409
    failed = await extension.leases.check()
    assert len(failed["executions"]) == 1
    assert (await api("DELETE", "monitors", created["id"]))[0] == 204


def test_a_version_5_store_gets_the_lease_columns(tmp_path):
    path = tmp_path / "old.sqlite"
    old = old_store(path, 5)
    old.commit()
    old.close()
    store = Store(str(path))
    try:
        assert store.schema_version() == len(MIGRATIONS)
        for table in ("executions", "baselines"):
            columns = [row[1] for row in store.db.execute(f"PRAGMA table_info({table})")]
            assert "heartbeat_at" in columns
    finally:
        store.close()
