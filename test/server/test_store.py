"""store.Store on a real SQLite file: schema, WAL, atomic claims, conflicts."""

import sqlite3

import pytest

from jupyterlab_model_monitor.store import MIGRATIONS, Conflict, Store

MONITOR = {
    "name": "churn",
    "dataset": "captures/churn-endpoint",
    "dataset_format": "sagemaker_capture_json",
    "header": False,
    "baseline_statistics": "baseline/statistics.json",
    "baseline_constraints": "baseline/constraints.json",
    "output": "monitoring/churn",
    "schedule": "0 * * * *",
    "window_hours": 1,
    "catch_up": "once",
    "backend": "local",
    "enabled": True,
    "next_run_at": "2026-11-01T01:00:00Z",
}


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "data" / "model-monitor.sqlite"


@pytest.fixture
def store(db_path):
    store = Store(db_path)
    yield store
    store.close()


def _run(monitor, when="2026-11-01T01:00:00Z", trigger="schedule"):
    return {"monitor_id": monitor["id"], "trigger": trigger, "scheduled_for": when, "output": "o"}


def test_creates_file_with_wal_and_schema_version(store, db_path):
    assert store.schema_version() == len(MIGRATIONS)
    assert db_path.exists()
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_run_once(store, db_path):
    store.create_monitor(MONITOR)
    again = Store(db_path)
    assert again.schema_version() == len(MIGRATIONS)
    assert [m["name"] for m in again.list_monitors()] == ["churn"]
    again.close()


def test_upgrades_an_older_schema(db_path):
    db_path.parent.mkdir(parents=True)
    old = sqlite3.connect(db_path)
    old.executescript(
        "CREATE TABLE schema_version (version INTEGER); INSERT INTO schema_version VALUES (0);"
    )
    old.close()
    store = Store(db_path)
    assert store.schema_version() == len(MIGRATIONS)
    store.close()


def test_refuses_a_newer_schema(db_path):
    db_path.parent.mkdir(parents=True)
    newer = sqlite3.connect(db_path)
    newer.executescript(
        "CREATE TABLE schema_version (version INTEGER); INSERT INTO schema_version VALUES (99);"
    )
    newer.close()
    with pytest.raises(RuntimeError, match="upgrade"):
        Store(db_path).schema_version()


def test_monitor_crud(store):
    monitor = store.create_monitor(MONITOR)
    assert monitor["enabled"] is True and monitor["header"] is False
    assert store.get_monitor(monitor["id"])["name"] == "churn"
    updated = store.update_monitor(monitor["id"], {"enabled": False, "id": "ignored"})
    assert updated["enabled"] is False and updated["id"] == monitor["id"]
    assert store.update_monitor("missing", {"enabled": True}) is None
    assert store.delete_monitor(monitor["id"]) is True
    assert store.get_monitor(monitor["id"]) is None
    assert store.delete_monitor(monitor["id"]) is False


def test_duplicate_name_is_a_conflict(store):
    store.create_monitor(MONITOR)
    with pytest.raises(Conflict) as info:
        store.create_monitor(MONITOR)
    assert info.value.field == "name"
    other = store.create_monitor({**MONITOR, "name": "other"})
    with pytest.raises(Conflict):
        store.update_monitor(other["id"], {"name": "churn"})


def test_claim_is_atomic_across_two_connections(store, db_path):
    monitor = store.create_monitor(MONITOR)
    execution = store.create_execution(_run(monitor))
    second = Store(db_path)
    assert store.claim_execution(execution["id"], "server-a") is True
    assert second.claim_execution(execution["id"], "server-b") is False
    assert second.get_execution(execution["id"])["claimed_by"] == "server-a"
    second.close()


def test_advance_schedule_only_once(store, db_path):
    monitor = store.create_monitor(MONITOR)
    second = Store(db_path)
    runs = [_run(monitor)]
    old, new = MONITOR["next_run_at"], "2026-11-01T02:00:00Z"
    assert len(store.advance_schedule(monitor["id"], old, new, runs)) == 1
    assert second.advance_schedule(monitor["id"], old, new, runs) == []
    assert len(store.list_executions(monitor["id"])) == 1
    assert store.get_monitor(monitor["id"])["next_run_at"] == new
    second.close()


def test_scheduled_run_is_unique_per_time(store):
    monitor = store.create_monitor(MONITOR)
    store.create_execution(_run(monitor))
    store.create_execution(_run(monitor))
    store.create_execution(_run(monitor, trigger="manual"))
    assert len(store.list_executions(monitor["id"])) == 2


def test_cancel_and_finish(store):
    monitor = store.create_monitor(MONITOR)
    execution = store.create_execution(_run(monitor))
    store.claim_execution(execution["id"], "me")
    assert store.update_running(execution["id"], progress=0.5) is True
    assert store.cancel_execution(execution["id"])["state"] == "cancelled"
    # the backend finishing later does not overwrite the cancellation
    assert store.update_running(execution["id"], state="completed") is False
    assert store.get_execution(execution["id"])["state"] == "cancelled"
    with pytest.raises(Conflict):
        store.cancel_execution(execution["id"])
    assert store.cancel_execution("missing") is None


def test_delete_refused_while_running_and_cascades(store):
    monitor = store.create_monitor(MONITOR)
    execution = store.create_execution(_run(monitor))
    with pytest.raises(Conflict):
        store.delete_monitor(monitor["id"])
    store.cancel_execution(execution["id"])
    assert store.delete_monitor(monitor["id"]) is True
    assert store.get_execution(execution["id"]) is None


def test_fail_orphans(store):
    monitor = store.create_monitor(MONITOR)
    dead = store.create_execution(_run(monitor, "2026-11-01T01:00:00Z"))
    alive = store.create_execution(_run(monitor, "2026-11-01T02:00:00Z"))
    store.claim_execution(dead["id"], "host:1")
    store.claim_execution(alive["id"], "host:2")
    assert store.fail_orphans("executions", "host:", lambda claimer: claimer == "host:2") == [
        dead["id"]
    ]
    assert store.get_execution(dead["id"])["state"] == "failed"
    assert store.get_execution(alive["id"])["state"] == "running"


def test_fail_orphan_baseline_jobs(store):
    fields = {"dataset": "d", "header": False, "output": "o", "backend": "local"}
    dead = store.create_baseline({**fields, "claimed_by": "host:1"})
    alive = store.create_baseline({**fields, "output": "p", "claimed_by": "host:2"})
    assert store.fail_orphans("baselines", "host:", lambda claimer: claimer == "host:2") == [
        dead["id"]
    ]
    failed = store.get_baseline(dead["id"])
    assert failed["state"] == "failed" and failed["finished_at"]
    assert failed["message"] == "the server stopped during the job"
    assert store.get_baseline(alive["id"])["state"] == "running"


def test_a_read_only_store_reads_what_the_server_wrote(store, db_path):
    monitor = store.create_monitor(MONITOR)
    execution = store.create_execution(_run(monitor))
    with Store(db_path, read_only=True) as reader:
        assert reader.list_monitors() == [monitor]
        assert reader.get_execution(execution["id"]) == store.get_execution(execution["id"])
        assert reader.schema_version() == len(MIGRATIONS)
        # Written after the reader opened: it sees the server's latest commits (WAL).
        store.update_monitor(monitor["id"], {"enabled": False})
        assert reader.get_monitor(monitor["id"])["enabled"] is False


def test_a_read_only_store_refuses_writes(db_path):
    with Store(db_path) as server:
        monitor = server.create_monitor(MONITOR)
    before = db_path.read_bytes()
    with Store(db_path, read_only=True) as reader:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.create_monitor({**MONITOR, "name": "other"})
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.update_running("any", state="failed")
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.db.execute("DELETE FROM monitors")
        assert [m["id"] for m in reader.list_monitors()] == [monitor["id"]]
    assert db_path.read_bytes() == before


def test_a_read_only_store_creates_and_migrates_nothing(tmp_path):
    missing = tmp_path / "nowhere" / "monitors.sqlite"
    with Store(missing, read_only=True) as reader:
        with pytest.raises(sqlite3.OperationalError, match="unable to open"):
            reader.list_monitors()
    assert not missing.parent.exists()
    old = tmp_path / "old.sqlite"
    sqlite3.connect(old).executescript(
        "CREATE TABLE schema_version (version INTEGER); INSERT INTO schema_version VALUES (1);"
    )
    with Store(old, read_only=True) as reader:
        assert reader.schema_version() == 1


async def test_call_runs_off_the_event_loop(store):
    import threading

    thread = await store.call(threading.current_thread)
    assert thread is not threading.current_thread()
    assert await store.call(store.list_monitors) == []
