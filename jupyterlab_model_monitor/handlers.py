"""REST handlers under /model-monitor/. Every handler requires Jupyter's authentication."""

import json

import tornado
from jupyter_server.base.handlers import APIHandler
from jupyter_server.utils import url_path_join


class HealthHandler(APIHandler):
    """GET /model-monitor/health: tells the frontend that the server part is present, and its version."""

    @tornado.web.authenticated
    def get(self):
        from . import __version__

        self.finish(json.dumps({"status": "ok", "version": __version__}))


def setup_handlers(web_app):
    base_url = web_app.settings["base_url"]
    route = url_path_join(base_url, "model-monitor", "health")
    web_app.add_handlers(".*$", [(route, HealthHandler)])
