"""Helpers to build the demo (data, captures, baseline) with the real engine CLI."""

import importlib.util
import subprocess
from pathlib import Path

import pytest

from jupyterlab_model_monitor.engine import find_cli, find_node

GENERATOR = Path(__file__).resolve().parents[2] / "examples" / "generate.py"
# The tests' demo starts here (the generator's default is relative to now): their windows, run
# folders and hour folders name these dates.
DEMO_START = ["--start", "2026-11-01T00:00:00Z"]


def load_generator():
    spec = importlib.util.spec_from_file_location("generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def require_cli():
    """The (node, cli) pair, or skip the test with the reason."""
    node, cli = find_node(), find_cli()
    if not (node and cli):
        pytest.skip("the engine CLI is not built (npm run build:cli) or node is missing")
    return node, cli


def build_demo(root):
    """Write the demo's data, captures and baseline under ``root``; returns the generator module."""
    node, cli = require_cli()
    generate = load_generator()
    generate.main(["--skip-engine", "--output", str(root), *DEMO_START])
    baseline = ["baseline", "--dataset", "data/training.csv", "--header", "--output", "baseline"]
    subprocess.run([node, cli, *baseline], cwd=root, check=True, capture_output=True)
    return generate
