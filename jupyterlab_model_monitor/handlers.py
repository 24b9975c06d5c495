"""REST handlers under /model-monitor/. Every handler requires Jupyter's authentication.

Errors are JSON ``{"message": ..., "field": ...}`` (``field`` names the offending request field,
or is null): 400 for invalid input, 404 for unknown ids, 409 for conflicts with the stored state.
"""

import asyncio
import functools
import json
import math
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, NoReturn, ParamSpec, TypeVar, cast

import tornado
from jupyter_server.base.handlers import APIHandler
from tornado.http1connection import HTTP1Connection

from .alerts import public_monitor
from .baselines import validate_baseline_request
from .capture_summary import summarise_captures
from .engine_process import EngineUnavailable
from .errors import ValidationError
from .metrics import series
from .paths import PathError, confine
from .record_query import MAX_RESULT_ROWS, query_page, validate_query
from .rows import ExecutionRow, MonitorRow
from .scheduler import Scheduler, next_run_fields
from .store import Conflict, Store, to_iso
from .validation import (
    parse_time,
    relative_path,
    validate_acknowledgement,
    validate_monitor,
    validate_run_request,
)

if TYPE_CHECKING:
    from .app import ModelMonitorApp

ID = r"([0-9a-f]{32})"
MAX_LIST_LIMIT = 1000
MAX_METRIC_POINTS = 100_000
MAX_SCANNED_RECORDS = 10_000_000
MAX_RECORDS_PAGE = 500
# Monitor definitions and run requests are a few KB; nothing we accept comes near this.
MAX_BODY_BYTES = 1 << 20

H = TypeVar("H", bound="ModelMonitorHandler")
P = ParamSpec("P")
T = TypeVar("T")


class ApiError(tornado.web.HTTPError):
    def __init__(self, status_code: int, message: str, field: str | None = None) -> None:
        super().__init__(status_code, message)
        self.message, self.field = message, field


def translate_errors(
    method: Callable[Concatenate[H, P], Awaitable[T]],
) -> Callable[Concatenate[H, P], Awaitable[T]]:
    """Turn the domain's exceptions into HTTP errors with a JSON body."""

    @functools.wraps(method)
    async def wrapper(self: H, /, *args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return await method(self, *args, **kwargs)
        except (ValidationError, PathError) as error:
            raise ApiError(400, str(error), error.field) from error
        except Conflict as error:
            raise ApiError(409, str(error), error.field) from error
        except sqlite3.OperationalError as error:
            if not is_locked(error):
                raise
            # Another process holds the database past the busy timeout: try again, not a bug.
            raise ApiError(503, "the monitor database is locked by another process") from error

    return wrapper


def is_locked(error: Exception) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def _not_a_json_number(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is out of range for a double")
    return value


def _finite(value: Any) -> Any:
    """``value`` with every non-finite float as None (JSON has no NaN or Infinity)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


@tornado.web.stream_request_body
class ModelMonitorHandler(APIHandler):
    """Access to the extension's services, JSON in and out.

    The body is streamed so that its size is checked before it is read: ``prepare`` runs once the
    headers are in (after Jupyter's authentication and XSRF checks), and refuses a body over
    ``MAX_BODY_BYTES``; Tornado would otherwise buffer up to the server's limit (hundreds of MB).
    """

    async def prepare(self) -> None:  # type: ignore[override]  # as APIHandler.prepare
        await super().prepare()
        self._body = bytearray()
        declared = self.request.headers.get("Content-Length", "0")
        if not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
            raise ApiError(413, f"the request body is larger than {MAX_BODY_BYTES} bytes")
        # A chunked body has no Content-Length: Tornado closes the connection past this size.
        # (Tornado serves HTTP/1 only: its connections are HTTP1Connection.)
        cast(HTTP1Connection, self.request.connection).set_max_body_size(MAX_BODY_BYTES)

    def data_received(self, chunk: bytes) -> None:
        self._body.extend(chunk)

    @property
    def extension(self) -> "ModelMonitorApp":
        return self.settings["jupyterlab_model_monitor"]

    @property
    def store(self) -> Store:
        return self.extension.store

    @property
    def scheduler(self) -> Scheduler:
        return self.extension.scheduler

    def json_body(self) -> Any:
        if not self._body:
            return None
        try:
            # NaN, Infinity and 1e400 are refused: Python reads them, but no JSON client can.
            return json.loads(
                bytes(self._body),
                parse_constant=_not_a_json_number,
                parse_float=_finite_float,
            )
        except ValueError as error:
            raise ApiError(400, f"the request body is not valid JSON: {error}") from error
        except RecursionError as error:
            raise ApiError(400, "the request body is not valid JSON: nested too deeply") from error

    def send_json(self, payload: Any, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        try:
            text = json.dumps(payload, allow_nan=False)
        except ValueError:
            # A non-finite number stored before bodies were checked: null, never a bare NaN.
            text = json.dumps(_finite(payload), allow_nan=False)
        self.finish(text)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        error = kwargs.get("exc_info", (None, None, None))[1]
        if isinstance(error, ApiError):
            self.set_header("Content-Type", "application/json")
            if status_code == 503:
                self.set_header("Retry-After", "5")
            self.finish(json.dumps({"message": error.message, "field": error.field}))
        else:
            super().write_error(status_code, **kwargs)

    def limit_argument(self, default: int, maximum: int, name: str = "limit") -> int:
        """The ``?limit=`` (or ``name``) query argument, an integer from 1 to ``maximum``."""
        limit = self.get_query_argument(name, str(default))
        # isdigit() alone takes "²"; int() refuses it, and more than 4,300 digits.
        plain = limit.isascii() and limit.isdigit() and len(limit) <= len(str(maximum))
        if not plain or not 1 <= int(limit) <= maximum:
            raise ValidationError(f"an integer from 1 to {maximum}", name)
        return int(limit)

    def offset_argument(self, maximum: int) -> int:
        """The ``?offset=`` query argument, an integer from 0 to ``maximum`` (default 0)."""
        offset = self.get_query_argument("offset", "0")
        plain = offset.isascii() and offset.isdigit() and len(offset) <= len(str(maximum))
        if not plain or not 0 <= int(offset) <= maximum:
            raise ValidationError(f"an integer from 0 to {maximum}", "offset")
        return int(offset)

    def time_argument(self, name: str) -> str | None:
        """An optional ISO time query argument, normalised to the stored form."""
        value = self.get_query_argument(name, None)
        return None if value is None else to_iso(parse_time(value, name))

    async def monitor_or_404(self, monitor_id: str) -> MonitorRow:
        monitor = await self.store.call(self.store.get_monitor, monitor_id)
        if monitor is None:
            raise ApiError(404, f"no monitor with id {monitor_id}")
        return monitor

    async def baseline_or_404(self, job_id: str) -> dict[str, Any]:
        job = await self.store.call(self.store.get_baseline, job_id)
        if job is None:
            raise ApiError(404, f"no baseline job with id {job_id}")
        return job

    async def execution_or_404(self, execution_id: str) -> ExecutionRow:
        execution = await self.store.call(self.store.get_execution, execution_id)
        if execution is None:
            raise ApiError(404, f"no execution with id {execution_id}")
        return execution


class HealthHandler(ModelMonitorHandler):
    """GET: the server part is present; its version, and the backends that can run here."""

    @tornado.web.authenticated
    def get(self) -> None:
        from . import __version__

        backends = {name: b.problem() for name, b in self.extension.backends.items()}
        self.send_json({"status": "ok", "version": __version__, "backends": backends})


class MonitorsHandler(ModelMonitorHandler):
    """GET: all monitors. POST: create one (201)."""

    @tornado.web.authenticated
    @translate_errors
    async def get(self) -> None:
        monitors = await self.store.call(self.store.list_monitors)
        self.send_json({"monitors": [public_monitor(m) for m in monitors]})

    @tornado.web.authenticated
    @translate_errors
    async def post(self) -> None:
        # Off the event loop: validation resolves paths on the file system.
        fields = await asyncio.to_thread(
            validate_monitor, self.json_body(), self.extension.root_dir, self.extension.backends
        )
        fields.update(next_run_fields(fields))
        monitor = await self.store.call(self.store.create_monitor, fields)
        assert monitor is not None  # just created
        self.send_json(public_monitor(monitor), status=201)


class MonitorHandler(ModelMonitorHandler):
    """GET, PATCH (partial update) or DELETE (204) one monitor."""

    @tornado.web.authenticated
    @translate_errors
    async def get(self, monitor_id: str) -> None:
        self.send_json(public_monitor(await self.monitor_or_404(monitor_id)))

    @tornado.web.authenticated
    @translate_errors
    async def patch(self, monitor_id: str) -> None:
        monitor = await self.monitor_or_404(monitor_id)
        root, backends = self.extension.root_dir, self.extension.backends
        changes = await asyncio.to_thread(
            functools.partial(validate_monitor, partial=True, current=monitor),
            self.json_body(),
            root,
            backends,
        )
        changes.update(next_run_fields(monitor, changes))
        updated = await self.store.call(self.store.update_monitor, monitor_id, changes)
        if updated is None:
            raise ApiError(404, f"no monitor with id {monitor_id}")
        self.send_json(public_monitor(updated))

    @tornado.web.authenticated
    @translate_errors
    async def delete(self, monitor_id: str) -> None:
        if not await self.store.call(self.store.delete_monitor, monitor_id):
            raise ApiError(404, f"no monitor with id {monitor_id}")
        self.set_status(204)
        self.finish()


class RunsHandler(ModelMonitorHandler):
    """POST: run a monitor now (202), optionally over ``{window_start, window_end}``."""

    @tornado.web.authenticated
    @translate_errors
    async def post(self, monitor_id: str) -> None:
        monitor = await self.monitor_or_404(monitor_id)
        window = validate_run_request(self.json_body())
        execution = await self.scheduler.run_now(monitor, window)
        self.send_json(execution, status=202)


class MetricsHandler(ModelMonitorHandler):
    """GET: a monitor's metric history as time series (``?feature=&metric=&since=&limit=``)."""

    @tornado.web.authenticated
    @translate_errors
    async def get(self, monitor_id: str) -> None:
        await self.monitor_or_404(monitor_id)
        rows = await self.store.call(
            self.store.query_metrics,
            monitor_id,
            feature=self.get_query_argument("feature", None),
            metric=self.get_query_argument("metric", None),
            since=self.time_argument("since"),
            limit=self.limit_argument(MAX_METRIC_POINTS, MAX_METRIC_POINTS),
        )
        self.send_json({"monitor_id": monitor_id, "series": series(rows)})


class ExecutionsHandler(ModelMonitorHandler):
    """GET: executions, newest first; ``?monitor_id=`` filters, ``?limit=`` (default 100)."""

    @tornado.web.authenticated
    @translate_errors
    async def get(self) -> None:
        monitor_id = self.get_query_argument("monitor_id", None)
        if monitor_id is not None:
            await self.monitor_or_404(monitor_id)
        limit = self.limit_argument(100, MAX_LIST_LIMIT)
        executions = await self.store.call(self.store.list_executions, monitor_id, limit)
        self.send_json({"executions": executions})


class AlertsHandler(ModelMonitorHandler):
    """GET: alerts, oldest first, and a ``cursor`` to poll with.

    ``?since=<cursor>`` (an alert id) gives the alerts raised after it; ``?since=<ISO time>`` those
    raised at or after that time; no ``since`` gives the newest ``limit`` ones. The frontend polls
    with the last ``cursor`` and shows a notification for each new alert whose ``notify`` is true.
    """

    @tornado.web.authenticated
    @translate_errors
    async def get(self) -> None:
        since = self.get_query_argument("since", None)
        after = alert_cursor(since)
        at = self.time_argument("since") if since is not None and after is None else None
        monitor_id = self.get_query_argument("monitor_id", None)
        limit = self.limit_argument(100, MAX_LIST_LIMIT)
        alerts = await self.store.call(
            self.store.list_alerts, after=after, since=at, monitor_id=monitor_id, limit=limit
        )
        cursor = alerts[-1]["id"] if alerts else after
        if cursor is None:
            cursor = await self.store.call(self.store.last_alert_id)
        unread = await self.store.call(self.store.unread_alerts)
        self.send_json({"alerts": alerts, "cursor": max(cursor, after or 0), "unread": unread})


class AcknowledgeAlertsHandler(ModelMonitorHandler):
    """POST ``{"ids": [alert ids]}`` or ``{"up_to": alert id}``: mark alerts read, for every open
    Lab. Answers how many were unread and how many unread are left."""

    @tornado.web.authenticated
    @translate_errors
    async def post(self) -> None:
        ids, up_to = validate_acknowledgement(self.json_body())
        acknowledged = await self.store.call(self.store.acknowledge_alerts, ids=ids, up_to=up_to)
        unread = await self.store.call(self.store.unread_alerts)
        self.send_json({"acknowledged": acknowledged, "unread": unread})


def alert_cursor(since: str | None) -> int | None:
    """An alert id given as ``since`` (plain digits), or None for anything else (a time)."""
    if since is None or not (since.isascii() and since.isdigit()):
        return None
    if len(since) > 18:  # past SQLite's 64-bit integers (found by test_rest_fuzz.py)
        raise ValidationError("an alert id (at most 18 digits) or an ISO time", "since")
    return int(since)


class ExecutionHandler(ModelMonitorHandler):
    """GET one execution."""

    @tornado.web.authenticated
    @translate_errors
    async def get(self, execution_id: str) -> None:
        self.send_json(await self.execution_or_404(execution_id))


class CancelHandler(ModelMonitorHandler):
    """POST: cancel a due or running execution; 409 once it has ended."""

    @tornado.web.authenticated
    @translate_errors
    async def post(self, execution_id: str) -> None:
        await self.execution_or_404(execution_id)
        self.send_json(await self.scheduler.cancel(execution_id))


class BackendsHandler(ModelMonitorHandler):
    """GET: the configured backends, whether each can run here, and why not."""

    @tornado.web.authenticated
    def get(self) -> None:
        backends = [
            {"name": name, "available": backend.problem() is None, "reason": backend.problem()}
            for name, backend in self.extension.backends.items()
        ]
        self.send_json({"backends": backends})


class CaptureSummaryHandler(ModelMonitorHandler):
    """GET ``?path=``: time range, records per hour, encodings, content types of captures."""

    @tornado.web.authenticated
    @translate_errors
    async def get(self) -> None:
        root = self.extension.root_dir
        limit = self.limit_argument(1_000_000, MAX_SCANNED_RECORDS, name="max_records")
        path = self.get_query_argument("path", "")
        absolute, relative = await asyncio.to_thread(_capture_path, root, path)
        try:
            summary = await summarise_captures(str(absolute), relative, root, limit)
        except EngineUnavailable as error:
            raise ApiError(503, str(error)) from error
        self.send_json(summary)


class RecordsHandler(ModelMonitorHandler):
    """GET ``?run=&feature=&match=``: a page of the run's rows behind a number (record_query.py)."""

    @tornado.web.authenticated
    @translate_errors
    async def get(self) -> None:
        root = self.extension.root_dir
        argument = self.get_query_argument
        run = relative_path(argument("run", ""), "run", root)
        query = validate_query(
            run,
            argument("feature", ""),
            argument("match", ""),
            argument("lower", None),
            argument("upper", None),
            argument("include_upper", None),
        )
        offset = self.offset_argument(MAX_RESULT_ROWS)
        limit = self.limit_argument(100, MAX_RECORDS_PAGE)
        try:
            page = await query_page(root, query, offset, limit)
        except EngineUnavailable as error:
            raise ApiError(503, str(error)) from error
        self.send_json(page)


def _capture_path(root: str, path: str) -> tuple[Path, str]:
    relative = relative_path(path, "path", root)
    absolute = confine(root, relative, "path")
    if not absolute.exists():
        raise ValidationError(f"no such file or folder: {relative}", "path")
    return absolute, relative


class BaselinesHandler(ModelMonitorHandler):
    """GET: baseline jobs, newest first. POST: start one (202)."""

    @tornado.web.authenticated
    @translate_errors
    async def get(self) -> None:
        limit = self.limit_argument(100, MAX_LIST_LIMIT)
        self.send_json({"baselines": await self.store.call(self.store.list_baselines, limit)})

    @tornado.web.authenticated
    @translate_errors
    async def post(self) -> None:
        root, backends = self.extension.root_dir, self.extension.backends
        fields = await asyncio.to_thread(
            validate_baseline_request, self.json_body(), root, backends
        )
        self.send_json(await self.extension.baselines.start(fields), status=202)


class BaselineHandler(ModelMonitorHandler):
    """GET one baseline job (poll it for progress)."""

    @tornado.web.authenticated
    @translate_errors
    async def get(self, job_id: str) -> None:
        job = await self.baseline_or_404(job_id)
        self.send_json(await asyncio.to_thread(self.extension.baselines.with_diagnostics, job))


class BaselineCancelHandler(ModelMonitorHandler):
    """POST: cancel a running baseline job; 409 once it has ended."""

    @tornado.web.authenticated
    @translate_errors
    async def post(self, job_id: str) -> None:
        await self.baseline_or_404(job_id)
        self.send_json(await self.extension.baselines.cancel(job_id))


default_handlers = [
    (r"/model-monitor/health", HealthHandler),
    (r"/model-monitor/monitors", MonitorsHandler),
    (rf"/model-monitor/monitors/{ID}", MonitorHandler),
    (rf"/model-monitor/monitors/{ID}/runs", RunsHandler),
    (rf"/model-monitor/monitors/{ID}/metrics", MetricsHandler),
    (r"/model-monitor/executions", ExecutionsHandler),
    (rf"/model-monitor/executions/{ID}", ExecutionHandler),
    (rf"/model-monitor/executions/{ID}/cancel", CancelHandler),
    (r"/model-monitor/alerts", AlertsHandler),
    (r"/model-monitor/alerts/acknowledge", AcknowledgeAlertsHandler),
    (r"/model-monitor/backends", BackendsHandler),
    (r"/model-monitor/captures/summary", CaptureSummaryHandler),
    (r"/model-monitor/records", RecordsHandler),
    (r"/model-monitor/baselines", BaselinesHandler),
    (rf"/model-monitor/baselines/{ID}", BaselineHandler),
    (rf"/model-monitor/baselines/{ID}/cancel", BaselineCancelHandler),
]
