"""Jupyter server configuration for the Galata end-to-end tests (never use it for real work)."""

import os
from tempfile import mkdtemp

from jupyterlab.galata import configure_jupyter_server

c = get_config()  # noqa: F821  (provided by Jupyter's config loader)

configure_jupyter_server(c)
# A port of its own, so a developer's JupyterLab on 8888 does not get in the way.
c.ServerApp.port = int(os.environ.get("E2E_PORT", "8899"))
# Containers and CI runners often run as root.
c.ServerApp.allow_root = True
# A fresh monitors database per test server: never the user's own, and no monitors left over.
c.ModelMonitorApp.db_path = os.path.join(mkdtemp(prefix="galata-model-monitor-"), "monitors.sqlite")
# Runs started by the tests are picked up quickly.
c.ModelMonitorApp.poll_interval = 1.0
# The spark backend (Spark local mode) next to the local one: test/e2e/tests/spark.spec.ts.
from jupyterlab_model_monitor.backends.local import LocalBackend  # noqa: E402
from jupyterlab_model_monitor.backends.spark import SparkBackend  # noqa: E402

c.ModelMonitorApp.backend_classes = [LocalBackend, SparkBackend]
