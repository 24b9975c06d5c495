"""jupyterlab-model-monitor: data-quality monitoring for models in production, inside JupyterLab."""

try:
    from ._version import __version__
except ImportError:  # running from a source tree that was never built
    import warnings

    warnings.warn("Importing 'jupyterlab_model_monitor' outside a proper installation.", stacklevel=2)
    __version__ = "dev"

from .handlers import setup_handlers


def _jupyter_labextension_paths():
    return [{"src": "labextension", "dest": "jupyterlab-model-monitor"}]


def _jupyter_server_extension_points():
    return [{"module": "jupyterlab_model_monitor"}]


def _load_jupyter_server_extension(server_app):
    """Register the REST handlers under /model-monitor/."""
    setup_handlers(server_app.web_app)
    server_app.log.info("jupyterlab_model_monitor %s: server extension loaded", __version__)
