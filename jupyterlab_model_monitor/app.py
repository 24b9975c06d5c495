"""The Jupyter server extension: configuration, REST routes and the services behind them."""

import os

from jupyter_server.extension.application import ExtensionApp
from jupyter_server.serverapp import ServerApp
from traitlets import Bool, Float, Int, List, Type, Unicode, default

from . import kernel_api
from .alerts import Alerts
from .backends.base import Backend
from .backends.local import LocalBackend
from .baselines import BaselineJobs
from .engine import reach_scripts_from_terminals
from .handlers import default_handlers
from .leases import LeaseKeeper, new_claimer
from .scheduler import Scheduler
from .store import Store, default_path
from .webhooks import WebhookSender


class ModelMonitorApp(ExtensionApp):
    """Serves /model-monitor/* inside Jupyter Server and runs the scheduler.

    Configure it like any Jupyter app: ``--ModelMonitorApp.<option>=...`` on the command line, or
    ``c.ModelMonitorApp.<option> = ...`` in ``jupyter_server_config.py``.
    """

    name = "jupyterlab_model_monitor"
    load_other_extensions = True

    db_path = Unicode(help="The SQLite file of monitors and executions.").tag(config=True)
    scheduler_enabled = Bool(True, help="Run scheduled monitors from this server.").tag(config=True)
    poll_interval = Float(10.0, help="Seconds between two scheduler ticks.").tag(config=True)
    max_concurrent_runs = Int(2, help="Runs this server executes at once.").tag(config=True)
    max_catch_up = Int(100, help="Most missed runs enqueued at once (catch_up 'all').").tag(
        config=True
    )
    late_tolerance = Float(
        300.0, help="catch_up 'skip': a run later than this many seconds is dropped."
    ).tag(config=True)
    webhook_timeout = Float(10.0, help="Seconds a webhook POST may take.").tag(config=True)
    webhook_attempts = Int(3, help="Tries per webhook (network errors, 429, 5xx).").tag(config=True)
    webhook_backoff = Float(2.0, help="Seconds before the 2nd try; doubles after.").tag(config=True)
    lease_seconds = Float(
        60.0,
        help="A running execution or baseline job fails when the server running it has not "
        "renewed its lease for this long (it renews every lease_seconds / 3).",
    ).tag(config=True)
    webhook_allowed_networks = List(
        Unicode(),
        default_value=[],
        help="Networks (CIDR, e.g. 10.0.0.0/8 or 127.0.0.1/32) webhooks may reach besides public "
        "addresses. Loopback, private, link-local (cloud metadata) and other non-public addresses "
        "are refused unless listed here.",
    ).tag(config=True)
    backend_classes = List(
        Type(klass=Backend), default_value=[LocalBackend], help="Backends that can run monitors."
    ).tag(config=True)

    @default("db_path")
    def _default_db_path(self) -> str:
        return default_path()

    def initialize_settings(self) -> None:
        reach_scripts_from_terminals()
        assert self.serverapp is not None  # linked before settings are initialised
        self.root_dir = os.path.realpath(self.serverapp.root_dir)
        self.store = Store(self.db_path)
        # Kernels inherit the server's environment: the notebook API (kernel_api.py) then reads
        # this server's store and root, not the defaults (make demo uses another db_path).
        os.environ[kernel_api.DB_ENV] = os.path.abspath(self.db_path)
        os.environ[kernel_api.ROOT_ENV] = self.root_dir
        self.backends = {cls.name: cls(parent=self, log=self.log) for cls in self.backend_classes}
        self.claimer = new_claimer()
        self.leases = LeaseKeeper(self.store, self.claimer, self.log, self.lease_seconds)
        self.scheduler = Scheduler(
            self.store,
            self.backends,
            self.root_dir,
            self.log,
            poll_interval=self.poll_interval,
            max_concurrent_runs=self.max_concurrent_runs,
            max_catch_up=self.max_catch_up,
            late_tolerance=self.late_tolerance,
            claimer=self.claimer,
        )
        sender = WebhookSender(
            self.log,
            self.webhook_timeout,
            self.webhook_attempts,
            self.webhook_backoff,
            self.webhook_allowed_networks,
        )
        self.alerts = Alerts(self.store, self.root_dir, self.log, sender)
        self.scheduler.listeners.append(self.alerts.run_finished)
        self.baselines = BaselineJobs(
            self.store, self.backends, self.root_dir, self.log, self.claimer
        )
        self.leases.listeners.append(self.alerts.run_finished)
        for name, backend in self.backends.items():
            if backend.problem():
                self.log.warning(
                    "model-monitor: backend %s unavailable: %s", name, backend.problem()
                )
        self.log.info("model-monitor: store %s", self.db_path)

    def initialize_handlers(self) -> None:
        self.handlers.extend(default_handlers)

    async def _start_jupyter_server_extension(self, serverapp: ServerApp) -> None:
        for job_id in await self.baselines.fail_orphans():
            self.log.warning("model-monitor: baseline job %s failed: its server stopped", job_id)
        self.leases.start()
        if self.scheduler_enabled:
            self.scheduler.start()

    async def stop_extension(self) -> None:
        await self.leases.stop()
        await self.scheduler.stop()
        await self.alerts.stop()
        await self.baselines.stop()
        self.store.close()
