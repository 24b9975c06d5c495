"""GET /model-monitor/health, and that authentication is enforced on a real socket."""

import asyncio
import json
import urllib.error
import urllib.request

from jupyterlab_model_monitor import __version__


async def test_health_returns_version(jp_fetch):
    response = await jp_fetch("model-monitor", "health")
    assert response.code == 200
    body = json.loads(response.body)
    assert body["status"] == "ok" and body["version"] == __version__
    assert set(body["backends"]) == {"local"}


def _raw_get(url, headers=None):
    """A plain HTTP GET with no Jupyter client logic; returns (status, body)."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


async def _get_off_loop(url, headers=None):
    # The server runs on this event loop: a blocking call must happen in another thread.
    return await asyncio.get_running_loop().run_in_executor(None, _raw_get, url, headers)


async def test_health_refuses_requests_without_token(jp_serverapp, jp_fetch):
    await jp_fetch("model-monitor", "health")  # the server is listening
    url = f"{jp_serverapp.connection_url.rstrip('/')}/model-monitor/health"
    status, _ = await _get_off_loop(url)
    assert status in (401, 403)
    status, _ = await _get_off_loop(url, {"Authorization": "token wrong"})
    assert status in (401, 403)
    token = jp_serverapp.identity_provider.token
    status, body = await _get_off_loop(url, {"Authorization": f"token {token}"})
    assert status == 200
    assert json.loads(body)["version"] == __version__
