"""Jupyter server configuration for the Galata end-to-end tests (never use it for real work)."""

from jupyterlab.galata import configure_jupyter_server

c = get_config()  # noqa: F821  (provided by Jupyter's config loader)

configure_jupyter_server(c)
# A port of its own, so a developer's JupyterLab on 8888 does not get in the way.
c.ServerApp.port = 8899
# Containers and CI runners often run as root.
c.ServerApp.allow_root = True
