"""Tests run against a real Jupyter server with the extension enabled (pytest-jupyter)."""

import json

import pytest

pytest_plugins = ("pytest_jupyter.jupyter_server",)


@pytest.fixture(autouse=True)
def restored_kernel_environment(monkeypatch):
    """The server sets these for its kernels (app.py): each test starts and ends without them."""
    from jupyterlab_model_monitor import kernel_api

    monkeypatch.delenv(kernel_api.DB_ENV, raising=False)
    monkeypatch.delenv(kernel_api.ROOT_ENV, raising=False)


@pytest.fixture(autouse=True, scope="session")
def engine_code_cache(tmp_path_factory):
    """The engine runs keep their V8 code caches out of the developer's ~/.cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("MODEL_MONITOR_CACHE_DIR", str(tmp_path_factory.mktemp("engine-code-cache")))
    yield
    mp.undo()


@pytest.fixture
def db_file(tmp_path):
    return tmp_path / "db" / "monitors.sqlite"


@pytest.fixture
def jp_server_config(db_file):
    return {
        "ServerApp": {"jpserver_extensions": {"jupyterlab_model_monitor": True}},
        "ModelMonitorApp": {
            "db_path": str(db_file),
            "scheduler_enabled": False,
            # The tests' webhook receivers listen on loopback, which is refused by default.
            "webhook_allowed_networks": ["127.0.0.0/8", "::1/128"],
        },
    }


@pytest.fixture
def extension(jp_serverapp):
    """The running ModelMonitorApp."""
    return jp_serverapp.extension_manager.extension_points["jupyterlab_model_monitor"].app


@pytest.fixture
def api(jp_fetch):
    """``await api(method, *path, body=None, params=None)`` → (status, parsed JSON or None).

    Error statuses are returned, not raised.
    """

    async def call(method, *path, body=None, params=None):
        kwargs = {"method": method, "raise_error": False, "params": params}
        if body is not None:
            kwargs["body"] = body if isinstance(body, str) else json.dumps(body)
        elif method in ("POST", "PATCH"):
            kwargs["body"] = ""
        response = await jp_fetch("model-monitor", *path, **kwargs)
        return response.code, json.loads(response.body) if response.body else None

    return call


@pytest.fixture
def baseline(jp_root_dir):
    """An empty baseline (statistics and constraints) under the server root."""
    folder = jp_root_dir / "baseline"
    folder.mkdir()
    (folder / "statistics.json").write_text('{"version": 0.0, "dataset": {}, "features": []}')
    (folder / "constraints.json").write_text('{"version": 0.0, "features": []}')
    return folder


@pytest.fixture
def definition(baseline, jp_root_dir):
    """A valid monitor definition (POST /monitors body); its capture folder exists, empty."""
    (jp_root_dir / "captures" / "churn-endpoint").mkdir(parents=True, exist_ok=True)
    return {
        "name": "churn",
        "dataset": "captures/churn-endpoint",
        "baseline_statistics": "baseline/statistics.json",
        "baseline_constraints": "baseline/constraints.json",
        "schedule": "0 * * * *",
    }
