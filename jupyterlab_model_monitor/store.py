"""The SQLite store of monitors and executions (stdlib ``sqlite3``, WAL, versioned schema).

Methods are synchronous and short. Server code calls them through :meth:`Store.call`, which runs
them on one dedicated thread, off Tornado's event loop; that thread owns the connection.
Several Jupyter servers may share one file: claims and schedule updates are single atomic
statements, so a run is never started twice. Kernels read it too (kernel_api.py), through a
read-only ``Store``.
"""

import asyncio
import functools
import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar, overload

from jupyter_core.paths import jupyter_data_dir

from .rows import ExecutionRow, MonitorRow
from .webhooks import redact

# Each entry upgrades the schema by one version (its statements run in one transaction).
# Never edit a released entry: append a new one.
MIGRATIONS = [
    (
        """CREATE TABLE monitors (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            dataset TEXT NOT NULL,
            dataset_format TEXT,
            header INTEGER NOT NULL DEFAULT 0,
            baseline_statistics TEXT NOT NULL,
            baseline_constraints TEXT NOT NULL,
            output TEXT NOT NULL,
            schedule TEXT,
            window_hours INTEGER NOT NULL DEFAULT 1,
            catch_up TEXT NOT NULL DEFAULT 'once',
            backend TEXT NOT NULL DEFAULT 'local',
            enabled INTEGER NOT NULL DEFAULT 1,
            next_run_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE executions (
            id TEXT PRIMARY KEY,
            monitor_id TEXT NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
            trigger TEXT NOT NULL,
            state TEXT NOT NULL,
            scheduled_for TEXT NOT NULL,
            window_start TEXT,
            window_end TEXT,
            output TEXT NOT NULL,
            created_at TEXT NOT NULL,
            started_at TEXT,
            finished_at TEXT,
            progress REAL NOT NULL DEFAULT 0,
            message TEXT,
            violations INTEGER,
            claimed_by TEXT
        )""",
        "CREATE INDEX executions_by_monitor ON executions(monitor_id, created_at)",
        "CREATE INDEX executions_by_state ON executions(state, scheduled_for)",
        """CREATE UNIQUE INDEX one_scheduled_run ON executions(monitor_id, scheduled_for)
            WHERE trigger = 'schedule'""",
    ),
    (  # 2: metric history (metrics.py)
        """CREATE TABLE metrics (
            monitor_id TEXT NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
            execution_id TEXT NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
            time TEXT NOT NULL,
            name TEXT NOT NULL,
            metric TEXT NOT NULL,
            feature TEXT,
            value REAL NOT NULL,
            PRIMARY KEY (execution_id, name)
        )""",
        "CREATE INDEX metrics_by_monitor ON metrics(monitor_id, metric, feature, time)",
    ),
    (  # 3: alert rules per monitor and alert history (alerts.py)
        "ALTER TABLE monitors ADD COLUMN alerts TEXT",
        """CREATE TABLE alerts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            monitor_id TEXT NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
            execution_id TEXT REFERENCES executions(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            message TEXT NOT NULL,
            notify INTEGER NOT NULL,
            violations TEXT NOT NULL,
            deliveries TEXT,
            created_at TEXT NOT NULL
        )""",
    ),
    (  # 4: baseline jobs (baselines.py)
        """CREATE TABLE baselines (
            id TEXT PRIMARY KEY,
            dataset TEXT NOT NULL,
            dataset_format TEXT,
            header INTEGER NOT NULL,
            output TEXT NOT NULL,
            backend TEXT NOT NULL,
            state TEXT NOT NULL,
            progress REAL NOT NULL DEFAULT 0,
            message TEXT,
            created_at TEXT NOT NULL,
            finished_at TEXT,
            claimed_by TEXT
        )""",
        "CREATE INDEX baselines_by_time ON baselines(created_at)",
    ),
    (  # 5: model-quality monitors (validation.py: monitor_type, model_quality)
        "ALTER TABLE monitors ADD COLUMN monitor_type TEXT NOT NULL DEFAULT 'data-quality'",
        "ALTER TABLE monitors ADD COLUMN model_quality TEXT",
    ),
    (  # 6: leases on running work (leases.py): renewed by the server running it
        "ALTER TABLE executions ADD COLUMN heartbeat_at TEXT",
        "ALTER TABLE baselines ADD COLUMN heartbeat_at TEXT",
    ),
    (  # 7: webhook URLs (often holding a secret) apart from the monitor settings
        """CREATE TABLE webhook_urls (
            monitor_id TEXT NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            url TEXT NOT NULL,
            PRIMARY KEY (monitor_id, position)
        )""",
        lambda connection: _move_webhook_urls(connection),
    ),
    (  # 8: alerts read in the Lab, and monitors whose alerts are muted for a while
        "ALTER TABLE alerts ADD COLUMN acknowledged_at TEXT",
        "ALTER TABLE alerts ADD COLUMN muted INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE monitors ADD COLUMN muted_until TEXT",
    ),
    (  # 9: SageMaker's processor scripts, run unchanged
        "ALTER TABLE monitors ADD COLUMN record_preprocessor_script TEXT",
        "ALTER TABLE monitors ADD COLUMN post_analytics_processor_script TEXT",
    ),
    (  # 10: custom monitors' program or container image
        "ALTER TABLE monitors ADD COLUMN custom_monitor TEXT",
    ),
    (  # 11: monitors of a batch transform's data capture
        "ALTER TABLE monitors ADD COLUMN batch_capture TEXT",
    ),
    (  # 12: segmented runs and baselines (segments.py), and what a run's segments found
        "ALTER TABLE monitors ADD COLUMN segment TEXT",
        "ALTER TABLE baselines ADD COLUMN segment TEXT",
        "ALTER TABLE executions ADD COLUMN segments TEXT",
    ),
]
# Running work, and when it started: the lease of a row from before migration 6 counts from then.
LEASED_TABLES = {"executions": "started_at", "baselines": "created_at"}
# Why running work of a server process that is gone failed (fail_orphans).
ORPHAN_MESSAGES = {
    "executions": "the server stopped during the run",
    "baselines": "the server stopped during the job",
}

# How long a statement waits for another process's lock before it fails (a 503 for a request).
BUSY_TIMEOUT_SECONDS = 10
ACTIVE_STATES = ("due", "running")
FINAL_STATES = ("completed", "completed_with_violations", "failed", "cancelled")
MONITOR_COLUMNS = (
    "name dataset dataset_format header baseline_statistics baseline_constraints output schedule "
    "window_hours catch_up backend enabled next_run_at alerts monitor_type model_quality "
    "muted_until record_preprocessor_script post_analytics_processor_script custom_monitor "
    "batch_capture segment"
).split()
EXECUTION_COLUMNS = (
    "state window_start window_end output started_at finished_at progress message violations "
    "claimed_by heartbeat_at segments"
).split()
BOOLEAN_COLUMNS = ("header", "enabled", "notify", "muted")
JSON_COLUMNS = (
    "alerts",
    "violations",
    "deliveries",
    "model_quality",
    "custom_monitor",
    "batch_capture",
    "segment",
    "segments",
)


T = TypeVar("T")


class Conflict(Exception):
    """The request clashes with the stored state (HTTP 409)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def default_path() -> str:
    """Where the server keeps the store unless ``ModelMonitorApp.db_path`` says otherwise."""
    return os.path.join(jupyter_data_dir(), "jupyterlab_model_monitor", "monitors.sqlite")


def utc_now() -> str:
    """Now, as the ISO text stored everywhere: ``2026-11-01T13:00:00Z`` (sortable as text)."""
    return to_iso(datetime.now(timezone.utc))


def to_iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _row_to_dict(row: sqlite3.Row | None) -> Any:
    """The row as a dict (its table's row type: MonitorRow, ExecutionRow, …), or None."""
    if row is None:
        return None
    item = dict(row)
    for key in BOOLEAN_COLUMNS:
        if key in item:
            item[key] = bool(item[key])
    for key in JSON_COLUMNS:
        if isinstance(item.get(key), str):  # executions.violations is a count, not JSON
            item[key] = json.loads(item[key])
    return item


def _json_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    """``values`` with the JSON columns encoded as text."""
    encode = {k: json.dumps(v) for k, v in values.items() if k in JSON_COLUMNS and v is not None}
    return {**values, **encode}


class Store:
    """Monitors and executions in one SQLite file.

    ``read_only``: opened as SQLite's ``mode=ro`` (which refuses every write), without creating
    or migrating anything; the file must exist. For readers beside the server (a kernel).
    """

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        self._connection: sqlite3.Connection | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="model-monitor-db")

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- connection and schema -------------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = self._connect()
        return self._connection

    def _connect(self) -> sqlite3.Connection:
        target = self.path
        if self.read_only:
            target = f"{Path(self.path).resolve().as_uri()}?mode=ro"  # only a URI can ask for it
        elif self.path != ":memory:":
            os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
        connection = sqlite3.connect(
            target,
            timeout=BUSY_TIMEOUT_SECONDS,
            isolation_level=None,
            check_same_thread=False,
            uri=self.read_only,
        )
        connection.row_factory = sqlite3.Row
        if not self.read_only:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA foreign_keys=ON")
            self._migrate(connection)
        return connection

    @staticmethod
    def _migrate(connection: sqlite3.Connection) -> None:
        with _transaction(connection):
            connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
            row = connection.execute("SELECT version FROM schema_version").fetchone()
            version = row[0] if row else 0
            if row is None:
                connection.execute("INSERT INTO schema_version VALUES (0)")
            if version > len(MIGRATIONS):
                raise RuntimeError(
                    f"the store has schema version {version}, newer than this "
                    f"jupyterlab_model_monitor ({len(MIGRATIONS)}): upgrade the package"
                )
            for number, statements in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in statements:
                    if callable(statement):
                        statement(connection)
                    else:
                        connection.execute(statement)
                connection.execute("UPDATE schema_version SET version = ?", (number,))

    def schema_version(self) -> int:
        return self.db.execute("SELECT version FROM schema_version").fetchone()[0]

    async def call(self, method: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``method(*args, **kwargs)`` on the store's thread and await its result."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._executor, functools.partial(method, *args, **kwargs)
        )

    def close(self) -> None:
        def _close() -> None:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

        self._executor.submit(_close).result()
        self._executor.shutdown(wait=True)

    # -- monitors ----------------------------------------------------------------------------

    def list_monitors(self) -> list[MonitorRow]:
        rows = self.db.execute("SELECT * FROM monitors ORDER BY created_at, name")
        return [self._with_webhook_urls(_row_to_dict(row)) for row in rows]

    def get_monitor(self, monitor_id: str) -> MonitorRow | None:
        row = self.db.execute("SELECT * FROM monitors WHERE id = ?", (monitor_id,)).fetchone()
        return self._with_webhook_urls(_row_to_dict(row))

    def create_monitor(self, fields: dict[str, Any]) -> MonitorRow | None:
        now = utc_now()
        values = {key: fields.get(key) for key in MONITOR_COLUMNS}
        values["monitor_type"] = values["monitor_type"] or "data-quality"
        values["alerts"], urls = _split_webhook_urls(values["alerts"])
        values = _json_columns(values)
        values.update(id=uuid.uuid4().hex, created_at=now, updated_at=now)
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        with self._unique_name(values["name"]), _transaction(self.db):
            self.db.execute(
                f"INSERT INTO monitors ({columns}) VALUES ({marks})", list(values.values())
            )
            _store_webhook_urls(self.db, values["id"], urls)
        return self.get_monitor(values["id"])

    def update_monitor(self, monitor_id: str, changes: dict[str, Any]) -> MonitorRow | None:
        changes = {key: value for key, value in changes.items() if key in MONITOR_COLUMNS}
        urls = None
        if "alerts" in changes:
            changes["alerts"], urls = _split_webhook_urls(changes["alerts"])
        changes = _json_columns({**changes, "updated_at": utc_now()})
        assignments = ", ".join(f"{key} = ?" for key in changes)
        with self._unique_name(changes.get("name")), _transaction(self.db):
            cursor = self.db.execute(
                f"UPDATE monitors SET {assignments} WHERE id = ?", [*changes.values(), monitor_id]
            )
            if cursor.rowcount and urls is not None:
                _store_webhook_urls(self.db, monitor_id, urls)
        return self.get_monitor(monitor_id) if cursor.rowcount else None

    @overload
    def _with_webhook_urls(self, monitor: MonitorRow) -> MonitorRow: ...
    @overload
    def _with_webhook_urls(self, monitor: None) -> None: ...
    def _with_webhook_urls(self, monitor: MonitorRow | None) -> MonitorRow | None:
        """``monitor`` with its webhooks' whole URLs, kept apart in ``webhook_urls``."""
        if monitor is None:
            return None
        alerts = monitor.get("alerts") or {}
        hooks = alerts.get("webhooks")
        if not hooks:
            return monitor
        rows = self.db.execute(
            "SELECT position, url FROM webhook_urls WHERE monitor_id = ?", (monitor["id"],)
        )
        urls = dict(rows.fetchall())
        whole = [{**hook, "url": urls.get(i, hook["url"])} for i, hook in enumerate(hooks)]
        return {**monitor, "alerts": {**alerts, "webhooks": whole}}

    def delete_monitor(self, monitor_id: str) -> bool:
        """Delete a monitor and its history; refused while one of its runs is due or running."""
        with _transaction(self.db):
            if self._active_count(monitor_id):
                raise Conflict("the monitor has a run in progress: cancel it first")
            cursor = self.db.execute("DELETE FROM monitors WHERE id = ?", (monitor_id,))
        return cursor.rowcount == 1

    def _active_count(self, monitor_id: str) -> int:
        query = (
            "SELECT COUNT(*) FROM executions WHERE monitor_id = ? AND state IN ('due', 'running')"
        )
        return self.db.execute(query, (monitor_id,)).fetchone()[0]

    @contextmanager
    def _unique_name(self, name: str | None) -> Iterator[None]:
        try:
            yield
        except sqlite3.IntegrityError as error:
            if "monitors.name" in str(error):
                raise Conflict(f"a monitor named '{name}' exists already", "name") from error
            raise

    # -- scheduling --------------------------------------------------------------------------

    def advance_schedule(
        self,
        monitor_id: str,
        expected_next: str | None,
        new_next: str,
        runs: list[dict[str, Any]],
    ) -> list[dict[str, Any]]:
        """Move a monitor's ``next_run_at`` from ``expected_next`` and enqueue ``runs``.

        Atomic: if another server advanced it first, nothing happens and ``[]`` is returned.
        """
        with _transaction(self.db):
            cursor = self.db.execute(
                "UPDATE monitors SET next_run_at = ? WHERE id = ? AND next_run_at IS ?",
                (new_next, monitor_id, expected_next),
            )
            if cursor.rowcount != 1:
                return []
            return [self._insert_execution(run) for run in runs]

    def create_execution(self, fields: dict[str, Any]) -> dict[str, Any]:
        with _transaction(self.db):
            return self._insert_execution(fields)

    def _insert_execution(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        values = {
            "id": fields.get("id") or uuid.uuid4().hex,
            "monitor_id": fields["monitor_id"],
            "trigger": fields["trigger"],
            "state": "due",
            "scheduled_for": fields["scheduled_for"],
            "window_start": fields.get("window_start"),
            "window_end": fields.get("window_end"),
            "output": fields["output"],
            "created_at": utc_now(),
        }
        columns, marks = ", ".join(values), ", ".join("?" for _ in values)
        self.db.execute(
            f"INSERT OR IGNORE INTO executions ({columns}) VALUES ({marks})", list(values.values())
        )
        return values

    def due_executions(self, limit: int) -> list[ExecutionRow]:
        rows = self.db.execute(
            "SELECT * FROM executions WHERE state = 'due' ORDER BY scheduled_for LIMIT ?", (limit,)
        )
        return [_row_to_dict(row) for row in rows]

    def claim_execution(self, execution_id: str, claimer: str) -> bool:
        """Mark a due execution running for ``claimer``; False if someone else got it first."""
        cursor = self.db.execute(
            "UPDATE executions SET state = 'running', started_at = ?, heartbeat_at = ?, "
            "claimed_by = ? WHERE id = ? AND state = 'due'",
            (utc_now(), utc_now(), claimer, execution_id),
        )
        return cursor.rowcount == 1

    # -- executions --------------------------------------------------------------------------

    def list_executions(
        self, monitor_id: str | None = None, limit: int = 100
    ) -> list[ExecutionRow]:
        query, params = "SELECT * FROM executions", []
        if monitor_id is not None:
            query, params = query + " WHERE monitor_id = ?", [monitor_id]
        rows = self.db.execute(
            query + " ORDER BY created_at DESC, rowid DESC LIMIT ?", [*params, limit]
        )
        return [_row_to_dict(row) for row in rows]

    def get_execution(self, execution_id: str) -> ExecutionRow | None:
        row = self.db.execute("SELECT * FROM executions WHERE id = ?", (execution_id,)).fetchone()
        return _row_to_dict(row)

    def update_running(self, execution_id: str, **changes: Any) -> bool:
        """Update a running execution (progress, outcome); ignored once it is no longer running."""
        changes = {key: value for key, value in changes.items() if key in EXECUTION_COLUMNS}
        if changes.get("segments") is not None:
            changes["segments"] = json.dumps(changes["segments"])
        if changes.get("state") in FINAL_STATES:
            changes.setdefault("finished_at", utc_now())
        assignments = ", ".join(f"{key} = ?" for key in changes)
        cursor = self.db.execute(
            f"UPDATE executions SET {assignments} WHERE id = ? AND state = 'running'",
            [*changes.values(), execution_id],
        )
        return cursor.rowcount == 1

    def cancel_execution(self, execution_id: str) -> ExecutionRow | None:
        """Cancel a due or running execution; :class:`Conflict` if it has finished already."""
        with _transaction(self.db):
            execution = self.get_execution(execution_id)
            if execution is None:
                return None
            if execution["state"] not in ACTIVE_STATES:
                raise Conflict(f"the execution is {execution['state']} already", "state")
            self.db.execute(
                "UPDATE executions SET state = 'cancelled', finished_at = ?, message = ? "
                "WHERE id = ?",
                (utc_now(), "cancelled by the user", execution_id),
            )
        return self.get_execution(execution_id)

    # -- metric history ----------------------------------------------------------------------

    def record_metrics(self, execution: ExecutionRow, points: list[dict[str, Any]]) -> int:
        """Store a run's metric values at its ``window_start`` (replacing earlier ones)."""
        time = execution["window_start"] or execution["scheduled_for"]
        rows = [
            (
                execution["monitor_id"],
                execution["id"],
                time,
                p["name"],
                p["metric"],
                p["feature"],
                p["value"],
            )
            for p in points
        ]
        with _transaction(self.db):
            self.db.executemany("INSERT OR REPLACE INTO metrics VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        return len(rows)

    def query_metrics(
        self,
        monitor_id: str,
        feature: str | None = None,
        metric: str | None = None,
        since: str | None = None,
        limit: int = 10000,
    ) -> list[dict[str, Any]]:
        """The newest ``limit`` metric values of a monitor (oldest first), optionally of one
        feature / metric: a history past the limit loses its oldest runs, not its latest."""
        query, params = "SELECT *, rowid AS row FROM metrics WHERE monitor_id = ?", [monitor_id]
        for column, value in (("feature", feature), ("metric", metric)):
            if value is not None:
                query, params = f"{query} AND {column} = ?", [*params, value]
        if since is not None:
            query, params = f"{query} AND time >= ?", [*params, since]
        newest = f"{query} ORDER BY time DESC, rowid DESC LIMIT ?"
        rows = self.db.execute(f"SELECT * FROM ({newest}) ORDER BY time, row", [*params, limit])
        return [{key: row[key] for key in row.keys() if key != "row"} for row in rows]

    # -- alerts ------------------------------------------------------------------------------

    def create_alert(self, fields: dict[str, Any]) -> dict[str, Any] | None:
        """Store an alert (``monitor_id, execution_id, kind, message, notify, violations``)."""
        values = {**fields, "created_at": utc_now()}
        values = _json_columns(values)
        columns, marks = ", ".join(values), ", ".join("?" for _ in values)
        cursor = self.db.execute(
            f"INSERT INTO alerts ({columns}) VALUES ({marks})", list(values.values())
        )
        return self.get_alert(cursor.lastrowid)

    def get_alert(self, alert_id: int | None) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM alerts WHERE id = ?", (alert_id,)).fetchone()
        return _row_to_dict(row)

    def set_alert_deliveries(self, alert_id: int, deliveries_json: str) -> None:
        self.db.execute(
            "UPDATE alerts SET deliveries = ? WHERE id = ?", (deliveries_json, alert_id)
        )

    def list_alerts(
        self,
        after: int | None = None,
        since: str | None = None,
        monitor_id: str | None = None,
        limit: int = 100,
    ) -> list[dict[str, Any]]:
        """Alerts oldest first: those with id > ``after``, or at/after time ``since``, or the
        newest ``limit`` ones."""
        query = "SELECT * FROM alerts WHERE 1 = 1"
        params: list[Any] = []
        for condition, value in (
            ("id > ?", after),
            ("created_at >= ?", since),
            ("monitor_id = ?", monitor_id),
        ):
            if value is not None:
                query, params = f"{query} AND {condition}", [*params, value]
        newest_first = after is None and since is None
        order = "DESC" if newest_first else "ASC"
        rows = self.db.execute(f"{query} ORDER BY id {order} LIMIT ?", [*params, limit])
        alerts = [_row_to_dict(row) for row in rows]
        return alerts[::-1] if newest_first else alerts

    def acknowledge_alerts(self, ids: list[int] | None = None, up_to: int | None = None) -> int:
        """Mark alerts read: those in ``ids``, or all up to id ``up_to``; returns how many were
        unread."""
        query = "UPDATE alerts SET acknowledged_at = ? WHERE acknowledged_at IS NULL"
        params: list[Any] = [utc_now()]
        if ids is not None:
            marks = ", ".join("?" for _ in ids)
            query, params = f"{query} AND id IN ({marks})", [*params, *ids]
        else:
            query, params = f"{query} AND id <= ?", [*params, up_to]
        return self.db.execute(query, params).rowcount

    def unread_alerts(self) -> int:
        return self.db.execute(
            "SELECT COUNT(*) FROM alerts WHERE acknowledged_at IS NULL"
        ).fetchone()[0]

    def last_alert_id(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(id), 0) FROM alerts").fetchone()[0]

    # -- baseline jobs -----------------------------------------------------------------------

    def create_baseline(self, fields: dict[str, Any]) -> dict[str, Any]:
        """Insert a running baseline job; :class:`Conflict` if one runs into the same output."""
        now = utc_now()
        values = {**fields, "id": uuid.uuid4().hex, "state": "running", "created_at": now}
        values = _json_columns({**values, "heartbeat_at": now})
        columns, marks = ", ".join(values), ", ".join("?" for _ in values)
        with _transaction(self.db):
            busy = self.db.execute(
                "SELECT 1 FROM baselines WHERE output = ? AND state = 'running'",
                (fields["output"],),
            ).fetchone()
            if busy:
                raise Conflict("a baseline job is writing to this output already", "output")
            self.db.execute(
                f"INSERT INTO baselines ({columns}) VALUES ({marks})", list(values.values())
            )
        job = self.get_baseline(values["id"])
        assert job is not None  # inserted above
        return job

    def get_baseline(self, job_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT * FROM baselines WHERE id = ?", (job_id,)).fetchone()
        return _row_to_dict(row)

    def list_baselines(self, limit: int = 100) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT * FROM baselines ORDER BY created_at DESC, rowid DESC LIMIT ?", (limit,)
        )
        return [_row_to_dict(row) for row in rows]

    def update_baseline(self, job_id: str, **changes: Any) -> bool:
        """Update a running baseline job; ignored once it has ended."""
        if changes.get("state", "running") != "running":
            changes["finished_at"] = utc_now()
        assignments = ", ".join(f"{key} = ?" for key in changes)
        cursor = self.db.execute(
            f"UPDATE baselines SET {assignments} WHERE id = ? AND state = 'running'",
            [*changes.values(), job_id],
        )
        return cursor.rowcount == 1

    # -- running work of servers that are gone (jobs.py) ------------------------------------

    def fail_orphans(
        self, table: str, claimer_prefix: str, is_alive: Callable[[str], bool]
    ) -> list[str]:
        """Fail the running work in ``table`` (executions or baselines) claimed by a server of
        this host (``claimer_prefix``) whose process is gone (after a crash); returns its ids."""
        rows = self.db.execute(
            f"SELECT id, claimed_by FROM {table} WHERE state = 'running' AND claimed_by LIKE ?",
            (claimer_prefix + "%",),
        ).fetchall()
        orphans = [row["id"] for row in rows if not is_alive(row["claimed_by"])]
        for item_id in orphans:
            self._fail_running(table, item_id, ORPHAN_MESSAGES[table])
        return orphans

    # -- leases (leases.py) -------------------------------------------------------------------

    def renew_leases(self, claimer: str) -> None:
        """Renew the lease of every running execution and baseline job ``claimer`` runs."""
        now = utc_now()
        for table in LEASED_TABLES:
            self.db.execute(
                f"UPDATE {table} SET heartbeat_at = ? WHERE state = 'running' AND claimed_by = ?",
                (now, claimer),
            )

    def fail_expired_leases(self, cutoff: str) -> dict[str, list[str]]:
        """Fail running work whose lease was last renewed before ``cutoff`` (ISO text): its
        server crashed or lost the database. Returns {table: [ids]}."""
        message = "its server stopped renewing its lease (it crashed or lost the database)"
        failed = {}
        with _transaction(self.db):
            for table in LEASED_TABLES:
                since = LEASED_TABLES[table]
                rows = self.db.execute(
                    f"SELECT id FROM {table} WHERE state = 'running' "
                    f"AND COALESCE(heartbeat_at, {since}) < ?",
                    (cutoff,),
                ).fetchall()
                failed[table] = [row["id"] for row in rows]
                for item_id in failed[table]:
                    self._fail_running(table, item_id, message)
        return failed

    def _fail_running(self, table: str, item_id: str, message: str) -> None:
        self.db.execute(
            f"UPDATE {table} SET state = 'failed', message = ?, finished_at = ? "
            "WHERE id = ? AND state = 'running'",
            (message, utc_now(), item_id),
        )


def _split_webhook_urls(
    alerts: dict[str, Any] | None,
) -> tuple[dict[str, Any] | None, list[str]]:
    """(``alerts`` with its webhook URLs redacted, the whole URLs): the monitors table holds
    settings that are listed, copied and shown; the URLs, which often hold a secret, go apart."""
    hooks = (alerts or {}).get("webhooks") or []
    if alerts is None or not hooks:
        return alerts, []
    shown = [{**hook, "url": redact(hook["url"])} for hook in hooks]
    return {**alerts, "webhooks": shown}, [hook["url"] for hook in hooks]


def _store_webhook_urls(
    connection: sqlite3.Connection, monitor_id: str, urls: Iterable[str]
) -> None:
    connection.execute("DELETE FROM webhook_urls WHERE monitor_id = ?", (monitor_id,))
    connection.executemany(
        "INSERT INTO webhook_urls (monitor_id, position, url) VALUES (?, ?, ?)",
        [(monitor_id, position, url) for position, url in enumerate(urls)],
    )


def _move_webhook_urls(connection: sqlite3.Connection) -> None:
    """Migration 7: the URLs stored in monitors.alerts before it move to webhook_urls."""
    rows = connection.execute("SELECT id, alerts FROM monitors WHERE alerts IS NOT NULL")
    for monitor_id, text in rows.fetchall():
        alerts, urls = _split_webhook_urls(json.loads(text))
        if urls:
            _store_webhook_urls(connection, monitor_id, urls)
            connection.execute(
                "UPDATE monitors SET alerts = ? WHERE id = ?", (json.dumps(alerts), monitor_id)
            )


@contextmanager
def _transaction(connection: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``: takes the write lock up front, so readers never upgrade."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
