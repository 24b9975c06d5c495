"""The extension app: configuration traits, and the scheduler loop started and stopped with it."""

import asyncio
import os
import shutil
import subprocess
import sysconfig

import pytest

from jupyterlab_model_monitor.backends.local import LocalBackend
from jupyterlab_model_monitor.engine import reach_scripts_from_terminals


@pytest.fixture
def jp_server_config(db_file):
    return {
        "ServerApp": {"jpserver_extensions": {"jupyterlab_model_monitor": True}},
        "ModelMonitorApp": {"db_path": str(db_file), "poll_interval": 0.05},
        "LocalBackend": {"cancel_grace_seconds": 1.5},
    }


async def test_configuration_reaches_the_services(extension, db_file, jp_root_dir):
    assert extension.store.path == str(db_file)
    assert extension.scheduler.poll_interval == 0.05
    assert extension.root_dir == str(jp_root_dir.resolve())
    backend = extension.backends["local"]
    assert isinstance(backend, LocalBackend) and backend.cancel_grace_seconds == 1.5


async def test_start_hook_runs_the_loop_and_stop_ends_it(extension, jp_serverapp, db_file):
    calls = []
    original = extension.scheduler.tick

    async def counting_tick(now=None):
        calls.append(now)
        await original(now)

    extension.scheduler.tick = counting_tick
    await extension._start_jupyter_server_extension(jp_serverapp)
    await asyncio.sleep(0.3)
    assert len(calls) >= 2 and db_file.exists()
    await extension.scheduler.stop()
    assert extension.scheduler._loop_task.done()


def test_the_cli_is_reachable_from_lab_terminals_of_an_unactivated_environment(tmp_path):
    # #18 item 7: the empty panel's `model-monitor baseline ...` was "command not found" in a
    # terminal of a server started without activating its environment.
    scripts = sysconfig.get_path("scripts")
    environ = {"PATH": "/usr/bin:/bin"}
    reach_scripts_from_terminals(environ)
    assert environ["PATH"] == f"/usr/bin:/bin:{scripts}"  # appended: /usr/bin still wins
    found = shutil.which("model-monitor", path=environ["PATH"])
    assert found == os.path.join(scripts, "model-monitor")
    answer = subprocess.run([found, "--help"], capture_output=True, text=True, check=True)
    assert "Usage: model-monitor" in answer.stdout
    reach_scripts_from_terminals(environ)
    assert environ["PATH"].count(scripts) == 1
