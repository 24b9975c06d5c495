"""Helpers of the install tests: the packages built once, fresh virtual environments, a PATH
without Node, and a Jupyter server started from such an environment."""

import json
import os
import pty
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
import tomllib

REPO = Path(__file__).resolve().parents[2]
NODE_PROGRAMS = {"node", "nodejs", "npm", "npx", "corepack"}


def version():
    return json.loads((REPO / "package.json").read_text())["version"]


def minimum_jupyterlab():
    """The oldest JupyterLab we support, as pyproject's `jupyterlab>=X.Y` declares it: "X.Y.0"."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    (lab,) = [d for d in project["dependencies"] if re.match(r"jupyterlab\b", d)]
    return re.search(r">=\s*(\d+\.\d+)", lab).group(1) + ".0"


def run(command, timeout=900, **kwargs):
    """Runs a command; on failure the assertion shows its output."""
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, **kwargs)
    assert result.returncode == 0, (
        f"{command} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    )
    return result


@pytest.fixture(scope="session")
def packages(tmp_path_factory):
    """The wheel and sdist of `python -m build` (the wheel is built from the sdist)."""
    out = tmp_path_factory.mktemp("packages")
    run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)])
    wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, os.listdir(out)
    return {"wheel": wheels[0], "sdist": sdists[0]}


@pytest.fixture(scope="session")
def path_without_node(tmp_path_factory):
    """A folder of links to every program of /usr/bin and /bin except Node's: a PATH as a data
    scientist's machine has it, where only the Python environment can bring Node."""
    folder = tmp_path_factory.mktemp("path-without-node")
    for directory in ("/usr/local/bin", "/usr/bin", "/bin"):
        if not os.path.isdir(directory):
            continue
        for name in os.listdir(directory):
            link = folder / name
            if name not in NODE_PROGRAMS and not link.exists():
                link.symlink_to(os.path.join(directory, name))
    assert shutil.which("node", path=str(folder)) is None
    return str(folder)


def make_venv(folder, *requirements):
    """A fresh virtual environment with `requirements` installed; returns its bin folder."""
    run([sys.executable, "-m", "venv", str(folder)])
    bin_dir = folder / "bin"
    run([str(bin_dir / "pip"), "install", "--quiet", *map(str, requirements)])
    return bin_dir


def environment(bin_dir, path_without_node, **extra):
    """The environment of a shell in which this venv's programs come first and no Node exists."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "VIRTUAL_ENV"))}
    env.update(PATH=f"{bin_dir}{os.pathsep}{path_without_node}", VIRTUAL_ENV=str(bin_dir.parent))
    env.update(extra)
    return env


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def copy_output(reader, log):
    """Copies what a process writes to its terminal into a log file, until it ends."""
    with log.open("wb") as out:
        while True:
            try:
                chunk = os.read(reader, 65536)
            except OSError:
                break
            if not chunk:
                break
            out.write(chunk)
            out.flush()
    os.close(reader)


class Server:
    """A Jupyter server (`jupyter lab` or `jupyter notebook`) from a fresh environment."""

    def __init__(self, bin_dir, env, app, root, log):
        self.port = free_port()
        self.token = "install-smoke"
        self.url = f"http://127.0.0.1:{self.port}/"
        data = root.parent / f"{app}-data"
        command = [
            str(bin_dir / "jupyter"),
            app,
            "--no-browser",
            "--allow-root",
            f"--ServerApp.port={self.port}",
            "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={root}",
            f"--ModelMonitorApp.db_path={data / 'monitors.sqlite'}",
        ]
        self.log = log
        # Started as a user starts it: in the folder, from a terminal. (Without a terminal, Jupyter
        # opens its terminals as login shells, and Debian's /etc/profile then resets PATH.)
        reader, terminal = pty.openpty()
        self.process = subprocess.Popen(
            command,
            cwd=root,
            env={**env, "JUPYTER_DATA_DIR": str(data), "JUPYTER_CONFIG_DIR": str(data / "config")},
            stdin=subprocess.DEVNULL,
            stdout=terminal,
            stderr=terminal,
        )
        os.close(terminal)
        threading.Thread(target=copy_output, args=(reader, log), daemon=True).start()

    def wait_ready(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            try:
                with urllib.request.urlopen(f"{self.url}api/status?token={self.token}", timeout=5):
                    return
            except OSError:
                time.sleep(0.5)
        raise AssertionError(f"the server did not start:\n{self.log.read_text()}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
