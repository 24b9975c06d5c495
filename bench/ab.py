"""Interleaved A/B timing of two or more builds of the CLI on the same command.

    python bench/ab.py --rounds 9 old=/tmp/old/model-monitor.cjs new=dist/model-monitor.cjs -- \\
        baseline --workers 1 --progress none --dataset bench/data/100MB/baseline/data.csv --header

After a warm-up round, each round runs every build once, in turn, so a machine that speeds up or
slows down during the measurement weighs on each build alike; on a shared machine this separates a
change of a few percent that separate runs of bench/run.py cannot. Each run writes to its own
`--output` folder (added here), and the report gives, per build, the median and minimum wall time
and the median CPU time (user + sys of the run and its threads), then each build's outputs compared
byte for byte with the first build's. Build a commit's CLI with `npm run build:cli` and copy `dist/`
aside.
"""

from __future__ import annotations

import argparse
import filecmp
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=9, help="runs of each build (default 9)")
    parser.add_argument("builds", nargs="+", help="NAME=path/to/model-monitor.cjs, two or more")
    if "--" not in argv:
        parser.error("give the builds, then -- and the CLI arguments")
    split = argv.index("--")
    args = parser.parse_args(argv[:split])
    args.command = argv[split + 1 :]
    if len(args.builds) < 2 or not args.command or "--output" in args.command:
        parser.error("give two or more NAME=CLI builds, then -- and a command without --output")
    args.builds = [build.split("=", 1) for build in args.builds]
    if any(len(build) != 2 for build in args.builds):
        parser.error("each build is NAME=path/to/model-monitor.cjs")
    return args


def timed_run(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run; fails with its stderr when the run fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def differing_outputs(first: Path, other: Path) -> list[str]:
    """Files of `first` that `other` lacks or writes differently."""
    names = sorted(p.name for p in first.iterdir() if p.is_file())
    return [
        n
        for n in names
        if not (other / n).is_file() or not filecmp.cmp(first / n, other / n, shallow=False)
    ]


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in args.builds}
    with tempfile.TemporaryDirectory(prefix="ab-") as scratch:
        outputs = {name: Path(scratch) / name for name, _ in args.builds}
        # Round 0 is a warm-up, not counted: it writes each build's code cache and warms the files.
        for round in range(args.rounds + 1):
            for name, cli in args.builds:
                cmd = ["node", cli, *args.command, "--output", str(outputs[name])]
                measured = timed_run(cmd)
                if round > 0:
                    times[name].append(measured)
        width = max(len(name) for name in times)
        for name, runs in times.items():
            walls = [wall for wall, _ in runs]
            cpus = [cpu for _, cpu in runs]
            print(
                f"{name:<{width}}  wall median {statistics.median(walls):.3f} s, "
                f"min {min(walls):.3f} s; CPU median {statistics.median(cpus):.3f} s "
                f"({len(runs)} runs)"
            )
        first, *others = args.builds
        for name, _ in others:
            differing = differing_outputs(outputs[first[0]], outputs[name])
            verdict = "identical" if not differing else "differ: " + ", ".join(differing)
            print(f"outputs of {name} vs {first[0]}: {verdict}")


if __name__ == "__main__":
    main(sys.argv[1:])
