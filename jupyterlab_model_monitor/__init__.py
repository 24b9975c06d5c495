"""jupyterlab-model-monitor: data-quality monitoring for models in production, inside JupyterLab."""

try:
    from ._version import __version__
except ImportError:  # running from a source tree that was never built
    import warnings

    warnings.warn("'jupyterlab_model_monitor' is not properly installed.", stacklevel=2)
    __version__ = "dev"


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "jupyterlab-model-monitor"}]


def _jupyter_server_extension_points():
    from .app import ModelMonitorApp

    return [{"module": "jupyterlab_model_monitor", "app": ModelMonitorApp}]
