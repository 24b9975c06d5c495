"""The Makefile's Debian install recipes, run for real against stub `apt-get`, `sudo` and `id`.

PATH holds only the stubs (and `env`), so no real chromium, javac or mvn can be found: the recipes
must install, as root directly and as any other user through sudo, and skip what is there.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MAKE = shutil.which("make")

RECIPES = [
    ("chromium", "chromium", "chromium"),
    ("jdk", "default-jdk-headless", "javac"),
    ("maven", "maven", "mvn"),
]

LOGGING_STUB = """#!/bin/bash
echo "${0##*/} DEBIAN_FRONTEND=${DEBIAN_FRONTEND:-} $*" >> "$CALLS"
"""
SUDO_STUB = """#!/bin/bash
echo "sudo $*" >> "$CALLS"
exec "$@"
"""


def write_stub(folder, name, text):
    path = folder / name
    path.write_text(text)
    path.chmod(0o755)


def run_recipe(tmp_path, target, uid, present=()):
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    write_stub(stubs, "apt-get", LOGGING_STUB)
    write_stub(stubs, "sudo", SUDO_STUB)
    write_stub(stubs, "id", f'#!/bin/bash\n[ "$1" = -u ] && echo {uid}\n')
    for name in present:
        write_stub(stubs, name, "#!/bin/bash\n")
    os.symlink(shutil.which("env"), stubs / "env")
    calls = tmp_path / "calls.log"
    calls.touch()
    environment = {"PATH": str(stubs), "CALLS": str(calls), "HOME": str(tmp_path)}
    result = subprocess.run(
        [MAKE, "-s", "-C", str(REPO), target],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return calls.read_text().splitlines()


@pytest.mark.parametrize(("target", "package", "command"), RECIPES)
def test_root_runs_apt_get_directly_and_noninteractively(tmp_path, target, package, command):
    calls = run_recipe(tmp_path, target, uid=0)
    assert calls == [
        "apt-get DEBIAN_FRONTEND=noninteractive update -qq",
        f"apt-get DEBIAN_FRONTEND=noninteractive install -y -qq {package}",
    ]


@pytest.mark.parametrize(("target", "package", "command"), RECIPES)
def test_other_users_go_through_sudo(tmp_path, target, package, command):
    calls = run_recipe(tmp_path, target, uid=1000)
    assert calls == [
        "sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq",
        "apt-get DEBIAN_FRONTEND=noninteractive update -qq",
        f"sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq {package}",
        f"apt-get DEBIAN_FRONTEND=noninteractive install -y -qq {package}",
    ]


@pytest.mark.parametrize(("target", "package", "command"), RECIPES)
def test_nothing_is_installed_when_the_command_is_there(tmp_path, target, package, command):
    assert run_recipe(tmp_path, target, uid=0, present=[command]) == []


def test_chromium_browser_counts_as_chromium(tmp_path):
    assert run_recipe(tmp_path, "chromium", uid=1000, present=["chromium-browser"]) == []
