"""The fair peer variants compute what they claim: `python -m pytest bench` (needs bench/.venv from
`python bench/run.py` and a built CLI, `npm run build:cli`; skipped otherwise).

On the 10 MB benchmark data, each fair peer (DuckDB, polars, pandas) on each input (capture files,
plain CSV) must agree with our statistics.json of the same input (bench/fair_check.py): rows,
present and missing counts, inferred types, min, max, mean, distinct counts within sketch error and
the categorical bucket counts. A summary with one wrong missing count must fail the check.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import fair_check  # noqa: E402

ROOT = BENCH.parent
PYTHON = BENCH / ".venv" / "bin" / "python"
CLI = ROOT / "dist" / "model-monitor.cjs"
DATA = BENCH / "data" / "10MB"
FAIR_PEERS = ["duckdb", "polars", "pandas"]
INPUTS = ["capture", "csv"]

pytestmark = pytest.mark.skipif(
    not (PYTHON.exists() and CLI.exists() and shutil.which("node")),
    reason="needs bench/.venv (python bench/run.py), node and dist/model-monitor.cjs",
)


@pytest.fixture(scope="module")
def data() -> Path:
    generate = [str(PYTHON), str(BENCH / "generate.py"), "--size", "10MB"]
    subprocess.run(generate, check=True, capture_output=True)
    return DATA


@pytest.fixture(scope="module")
def our_statistics(data: Path, tmp_path_factory) -> dict[str, Path]:
    """Our baseline statistics.json of each input kind."""
    files = {}
    for kind in INPUTS:
        out = tmp_path_factory.mktemp(f"ours-{kind}")
        dataset = ["--dataset", str(data / "baseline" / "capture")]
        if kind == "csv":
            dataset = ["--dataset", str(data / "baseline" / "data.csv"), "--header"]
        cmd = ["node", str(CLI), "baseline", *dataset, "--output", str(out), "--workers", "1"]
        subprocess.run(cmd + ["--progress", "none"], check=True, capture_output=True)
        files[kind] = out / "statistics.json"
    return files


def peer_summary(peer: str, kind: str, data: Path, out: Path) -> Path:
    cmd = [str(PYTHON), str(BENCH / "peers.py"), peer, "baseline", "--input", kind]
    subprocess.run(cmd + ["--data", str(data), "--out", str(out)], check=True, capture_output=True)
    return out / "summary.json"


@pytest.mark.parametrize("kind", INPUTS)
@pytest.mark.parametrize("peer", FAIR_PEERS)
def test_fair_peer_agrees_with_ours(peer, kind, data, our_statistics, tmp_path):
    summary = peer_summary(peer, kind, data, tmp_path)
    result = fair_check.check(summary, our_statistics[kind])
    assert result["columns"] == 26
    assert result["ok"], result["problems"]


def test_check_rejects_a_wrong_missing_count(data, our_statistics, tmp_path):
    summary = peer_summary("duckdb", "csv", data, tmp_path)
    broken = json.loads(summary.read_text())
    broken["columns"]["num_01"]["missing"] += 1
    summary.write_text(json.dumps(broken))
    result = fair_check.check(summary, our_statistics["csv"])
    assert not result["ok"]
    assert any("num_01: missing" in problem for problem in result["problems"])
