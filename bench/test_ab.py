"""bench/ab.py times builds in turn and compares their outputs: `python -m pytest bench`.

Two stand-in "builds" (small Node scripts taking the CLI's --output) write one file each: equal
files are reported identical, a different one is named, and each build is run rounds + 1 times.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

AB = Path(__file__).resolve().parent / "ab.py"

pytestmark = pytest.mark.skipif(not shutil.which("node"), reason="needs node")

BUILD = """
const fs = require('fs'), path = require('path');
const out = process.argv[process.argv.indexOf('--output') + 1];
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'statistics.json'), %s);
fs.appendFileSync(%r, process.argv.slice(2).join(' ') + '\\n');
"""


def build(tmp_path: Path, name: str, content: str) -> Path:
    script = tmp_path / f"{name}.cjs"
    script.write_text(BUILD % (repr(content), str(tmp_path / f"{name}.log")))
    return script


def ab(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(AB), *args], capture_output=True, text=True)


def test_times_each_build_in_turn_and_compares_outputs(tmp_path):
    a = build(tmp_path, "a", "{}")
    b = build(tmp_path, "b", "{}")
    c = build(tmp_path, "c", '{"changed": 1}')
    done = ab("--rounds", "2", f"a={a}", f"b={b}", f"c={c}", "--", "baseline", "--header")

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines[:3]] == ["a", "b", "c"]
    assert all("(2 runs)" in line for line in lines[:3])
    assert lines[3] == "outputs of b vs a: identical"
    assert lines[4] == "outputs of c vs a: differ: statistics.json"
    # A warm-up round and two timed ones, each with the command and an --output of its own.
    runs = (tmp_path / "a.log").read_text().splitlines()
    assert len(runs) == 3
    assert all(run.startswith("baseline --header --output ") for run in runs)


def test_refuses_one_build_and_a_given_output(tmp_path):
    a = build(tmp_path, "a", "{}")
    assert ab(f"a={a}", "--", "baseline").returncode == 2
    assert ab(f"a={a}", f"b={a}", "--", "baseline", "--output", "x").returncode == 2
    assert ab(f"a={a}", f"b={a}").returncode == 2


def test_a_failing_run_stops_with_its_error(tmp_path):
    a = build(tmp_path, "a", "{}")
    broken = tmp_path / "broken.cjs"
    broken.write_text("console.error('no such dataset'); process.exit(3);")
    done = ab("--rounds", "1", f"a={a}", f"broken={broken}", "--", "baseline")
    assert done.returncode == 1
    assert "no such dataset" in done.stderr
