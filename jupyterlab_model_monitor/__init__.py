"""jupyterlab-model-monitor: data-quality monitoring for models in production, inside JupyterLab."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from IPython.core.interactiveshell import InteractiveShell

try:
    from ._version import __version__
except ImportError:  # running from a source tree that was never built
    import warnings

    warnings.warn("'jupyterlab_model_monitor' is not properly installed.", stacklevel=2)
    __version__ = "dev"


def _jupyter_labextension_paths() -> list[dict[str, str]]:
    return [{"src": "labextension", "dest": "jupyterlab-model-monitor"}]


def _jupyter_server_extension_points() -> list[dict[str, Any]]:
    from .app import ModelMonitorApp

    return [{"module": "jupyterlab_model_monitor", "app": ModelMonitorApp}]


# The notebook side: `display(statistics=…, baseline=…)` (a callable module), the kernel API and
# `%load_ext jupyterlab_model_monitor` (magics.py).
from . import display  # noqa: E402
from .kernel_api import (  # noqa: E402
    list_executions,
    list_monitors,
    load_statistics,
    load_violations,
    report,
)


def load_ipython_extension(ipython: "InteractiveShell") -> None:
    from .magics import load_ipython_extension as load

    load(ipython)


__all__ = [
    "__version__",
    "display",
    "list_executions",
    "list_monitors",
    "load_ipython_extension",
    "load_statistics",
    "load_violations",
    "report",
]
