"""REST handlers under /model-monitor/. Every handler requires Jupyter's authentication.

Errors are JSON ``{"message": ..., "field": ...}`` (``field`` names the offending request field,
or is null): 400 for invalid input, 404 for unknown ids, 409 for conflicts with the stored state.
"""

import functools
import json

import tornado
from jupyter_server.base.handlers import APIHandler

from .paths import PathError
from .scheduler import next_run_fields
from .store import Conflict
from .validation import ValidationError, validate_monitor, validate_run_request

ID = r"([0-9a-f]{32})"
MAX_LIST_LIMIT = 1000


class ApiError(tornado.web.HTTPError):
    def __init__(self, status_code, message, field=None):
        super().__init__(status_code, message)
        self.message, self.field = message, field


def translate_errors(method):
    """Turn the domain's exceptions into HTTP errors with a JSON body."""

    @functools.wraps(method)
    async def wrapper(self, *args, **kwargs):
        try:
            return await method(self, *args, **kwargs)
        except (ValidationError, PathError) as error:
            raise ApiError(400, str(error), error.field) from error
        except Conflict as error:
            raise ApiError(409, str(error), error.field) from error

    return wrapper


class ModelMonitorHandler(APIHandler):
    """Access to the extension's services, JSON in and out."""

    @property
    def extension(self):
        return self.settings["jupyterlab_model_monitor"]

    @property
    def store(self):
        return self.extension.store

    @property
    def scheduler(self):
        return self.extension.scheduler

    def json_body(self):
        if not self.request.body:
            return None
        try:
            return json.loads(self.request.body)
        except ValueError as error:
            raise ApiError(400, f"the request body is not valid JSON: {error}") from error

    def send_json(self, payload, status=200):
        self.set_status(status)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(payload))

    def write_error(self, status_code, **kwargs):
        error = kwargs.get("exc_info", (None, None, None))[1]
        if isinstance(error, ApiError):
            self.set_header("Content-Type", "application/json")
            self.finish(json.dumps({"message": error.message, "field": error.field}))
        else:
            super().write_error(status_code, **kwargs)

    async def monitor_or_404(self, monitor_id):
        monitor = await self.store.call(self.store.get_monitor, monitor_id)
        if monitor is None:
            raise ApiError(404, f"no monitor with id {monitor_id}")
        return monitor

    async def execution_or_404(self, execution_id):
        execution = await self.store.call(self.store.get_execution, execution_id)
        if execution is None:
            raise ApiError(404, f"no execution with id {execution_id}")
        return execution


class HealthHandler(ModelMonitorHandler):
    """GET: the server part is present; its version, and the backends that can run here."""

    @tornado.web.authenticated
    def get(self):
        from . import __version__

        backends = {name: b.problem() for name, b in self.extension.backends.items()}
        self.send_json({"status": "ok", "version": __version__, "backends": backends})


class MonitorsHandler(ModelMonitorHandler):
    """GET: all monitors. POST: create one (201)."""

    @tornado.web.authenticated
    @translate_errors
    async def get(self):
        self.send_json({"monitors": await self.store.call(self.store.list_monitors)})

    @tornado.web.authenticated
    @translate_errors
    async def post(self):
        fields = validate_monitor(
            self.json_body(), self.extension.root_dir, self.extension.backends
        )
        fields.update(next_run_fields(fields))
        monitor = await self.store.call(self.store.create_monitor, fields)
        self.send_json(monitor, status=201)


class MonitorHandler(ModelMonitorHandler):
    """GET, PATCH (partial update) or DELETE (204) one monitor."""

    @tornado.web.authenticated
    @translate_errors
    async def get(self, monitor_id):
        self.send_json(await self.monitor_or_404(monitor_id))

    @tornado.web.authenticated
    @translate_errors
    async def patch(self, monitor_id):
        monitor = await self.monitor_or_404(monitor_id)
        root, backends = self.extension.root_dir, self.extension.backends
        changes = validate_monitor(self.json_body(), root, backends, partial=True)
        changes.update(next_run_fields(monitor, changes))
        updated = await self.store.call(self.store.update_monitor, monitor_id, changes)
        if updated is None:
            raise ApiError(404, f"no monitor with id {monitor_id}")
        self.send_json(updated)

    @tornado.web.authenticated
    @translate_errors
    async def delete(self, monitor_id):
        if not await self.store.call(self.store.delete_monitor, monitor_id):
            raise ApiError(404, f"no monitor with id {monitor_id}")
        self.set_status(204)
        self.finish()


class RunsHandler(ModelMonitorHandler):
    """POST: run a monitor now (202), optionally over ``{window_start, window_end}``."""

    @tornado.web.authenticated
    @translate_errors
    async def post(self, monitor_id):
        monitor = await self.monitor_or_404(monitor_id)
        window = validate_run_request(self.json_body())
        execution = await self.scheduler.run_now(monitor, window)
        self.send_json(execution, status=202)


class ExecutionsHandler(ModelMonitorHandler):
    """GET: executions, newest first; ``?monitor_id=`` filters, ``?limit=`` (default 100)."""

    @tornado.web.authenticated
    @translate_errors
    async def get(self):
        monitor_id = self.get_query_argument("monitor_id", None)
        if monitor_id is not None:
            await self.monitor_or_404(monitor_id)
        limit = self.get_query_argument("limit", "100")
        if not limit.isdigit() or not 1 <= int(limit) <= MAX_LIST_LIMIT:
            raise ValidationError(f"an integer from 1 to {MAX_LIST_LIMIT}", "limit")
        executions = await self.store.call(self.store.list_executions, monitor_id, int(limit))
        self.send_json({"executions": executions})


class ExecutionHandler(ModelMonitorHandler):
    """GET one execution."""

    @tornado.web.authenticated
    @translate_errors
    async def get(self, execution_id):
        self.send_json(await self.execution_or_404(execution_id))


class CancelHandler(ModelMonitorHandler):
    """POST: cancel a due or running execution; 409 once it has ended."""

    @tornado.web.authenticated
    @translate_errors
    async def post(self, execution_id):
        await self.execution_or_404(execution_id)
        self.send_json(await self.scheduler.cancel(execution_id))


default_handlers = [
    (r"/model-monitor/health", HealthHandler),
    (r"/model-monitor/monitors", MonitorsHandler),
    (rf"/model-monitor/monitors/{ID}", MonitorHandler),
    (rf"/model-monitor/monitors/{ID}/runs", RunsHandler),
    (r"/model-monitor/executions", ExecutionsHandler),
    (rf"/model-monitor/executions/{ID}", ExecutionHandler),
    (rf"/model-monitor/executions/{ID}/cancel", CancelHandler),
]
