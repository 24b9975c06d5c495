"""One command for the whole benchmark: `make bench` or `python bench/run.py [options]`.

1. Creates bench/.venv (and bench/.venv/peers/<name> for peers whose pins clash with the core set)
   and installs the peers from PyPI; downloads Deequ from Maven Central with `mvn dependency:get`.
   A peer that cannot be installed is skipped with the reason recorded.
2. Generates the data (bench/generate.py, seeded) unless it is already there.
3. Runs every measurement in a fresh subprocess: one warm-up run (excluded) and --repeat timed runs,
   polling /proc for the peak RSS of the whole process tree (Spark's JVM, Node's workers).
4. Checks the accuracy of our statistics.json (and the peers' approximations) against exact values.
5. Writes bench/results/<timestamp>.json, a Vega-Lite chart (.vl.json and .svg) and the table in
   bench/README.md between the markers.

Options: --size 100MB|1GB|10MB, --memory-size 1GB|none, --repeat N, --peers duckdb,pandas,...,
--skip-install.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
VENV = BENCH / ".venv"
RESULTS = BENCH / "results"
CLI = ROOT / "dist" / "model-monitor.cjs"
CONFORMANCE_CSV = (
    ROOT.parent
    / "shared/conformance/amazon-sagemaker-examples/model_monitor_introduction"
    / "training-dataset-with-header.csv"
)
DEEQU_ARTIFACT = "com.amazon.deequ:deequ:2.0.7-spark-3.5"

# Core environment: our accuracy checks, DuckDB, pandas, polars, PyDeequ (+ pyspark) and the chart.
CORE_REQUIREMENTS = [
    "duckdb==2.0.1",
    "numpy==2.4.6",
    "pandas==3.1.1",
    "polars==2.1.0",
    "pyarrow==26.0.1",
    "psutil==7.2.2",
    "threadpoolctl==3.8.0",
    "vl-convert-python==1.9.0.post1",
    "pyspark==3.5.9",
    "pydeequ==1.7.0",
]
# Peers whose releases need older numpy/pandas get their own environment, as their users would.
PEER_REQUIREMENTS = {
    "whylogs": ["whylogs[viz]==1.6.4", "numpy<2", "pandas<2.3"],  # np.unicode_ and IPython in viz
    "evidently": ["evidently==0.7.23", "pandas<3"],  # imports a pandas-2-only helper
}
ALL_PEERS = ["duckdb", "polars", "pandas", "whylogs", "pydeequ", "evidently"]
PEER_INPUT = {
    "duckdb": "capture JSON lines (read_json + string_split in SQL)",
    "pandas": "plain CSV (read_csv, C engine)",
    "polars": "plain CSV (read_csv)",
    "whylogs": "plain CSV (pandas.read_csv + why.log)",
    "evidently": "plain CSV (pandas.read_csv + Report)",
    "pydeequ": "plain CSV (Spark local[2], explicit schema)",
}
SLOW_PEERS = {"pydeequ", "evidently"}  # minutes per run at 100 MB: fewer timed runs (--slow-repeat)
NUMPY_PEERS = {"pandas", "polars", "whylogs", "evidently", "duckdb"}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------------------------------------
# Environments (stage 1 runs with any Python 3.10+, stdlib only)


def pip_install(venv: Path, requirements: list[str]) -> str | None:
    """Create venv and install requirements unless done already; return an error text or None."""
    marker = venv / f".installed-{hashlib.sha256(' '.join(requirements).encode()).hexdigest()[:12]}"
    if marker.exists():
        return None
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    log(f"pip install into {venv.relative_to(BENCH)}: {' '.join(requirements)}")
    pip = [
        str(venv / "bin" / "python"),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]
    done = subprocess.run(pip + requirements, capture_output=True, text=True)
    if done.returncode != 0:
        return (done.stderr or done.stdout).strip()[-800:]
    marker.touch()
    return None


def deequ_jar() -> tuple[str | None, str | None]:
    """Deequ's jar from Maven Central (via the local Maven repository); (path, error)."""
    group, artifact, version = DEEQU_ARTIFACT.split(":")
    jar = Path.home() / ".m2/repository" / group.replace(".", "/") / artifact / version
    jar = jar / f"{artifact}-{version}.jar"
    if jar.exists():
        return str(jar), None
    if not shutil.which("mvn"):
        return None, "mvn not found (needed to fetch Deequ from Maven Central)"
    log(f"mvn dependency:get {DEEQU_ARTIFACT}")
    done = subprocess.run(
        ["mvn", "-q", "dependency:get", f"-Dartifact={DEEQU_ARTIFACT}"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not jar.exists():
        return None, f"mvn dependency:get {DEEQU_ARTIFACT} failed: {done.stdout[-400:]}"
    return str(jar), None


def setup(args: argparse.Namespace) -> dict:
    """Install everything; return {peer: reason} for the peers that cannot run."""
    skipped: dict[str, str] = {}
    if not args.skip_install:
        error = pip_install(VENV, CORE_REQUIREMENTS)
        if error:
            sys.exit(f"cannot install the core benchmark environment:\n{error}")
        for peer, requirements in PEER_REQUIREMENTS.items():
            if peer in args.peers:
                error = pip_install(VENV / "peers" / peer, requirements)
                if error:
                    skipped[peer] = f"pip install failed: {error}"
    if "pydeequ" in args.peers:
        if not shutil.which("java"):
            skipped["pydeequ"] = "no Java runtime on this machine"
        else:
            jar, error = deequ_jar()
            if error:
                skipped["pydeequ"] = error
            else:
                os.environ["BENCH_DEEQU_JARS"] = jar
    return skipped


# ---------------------------------------------------------------------------------------------
# Measurement (stage 2 runs inside bench/.venv: psutil is there)


def tree_rss(process) -> int:
    import psutil

    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            pass
    return total


def measure(cmd: list[str], env: dict, log_dir: Path, label: str, timeout: float) -> dict:
    """Run cmd once in a fresh process; wall time and peak RSS of its process tree."""
    import psutil

    log_dir.mkdir(parents=True, exist_ok=True)
    with open(log_dir / f"{label}.out", "w") as out, open(log_dir / f"{label}.err", "w") as err:
        started = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=ROOT)
        process = psutil.Process(child.pid)
        peak = 0
        while child.poll() is None:
            peak = max(peak, tree_rss(process))
            if time.perf_counter() - started > timeout:
                for member in [process, *process.children(recursive=True)]:
                    member.kill()
                child.wait()
                return {"ok": False, "error": f"timeout after {timeout:.0f} s"}
            time.sleep(0.02)
        seconds = time.perf_counter() - started
    if child.returncode != 0:
        tail = (log_dir / f"{label}.err").read_text()[-600:]
        return {"ok": False, "error": f"exit {child.returncode}: {tail}"}
    result = {"ok": True, "seconds": seconds, "peak_rss_mb": peak / 2**20}
    try:  # our CLI prints a JSON summary with its own elapsedMs (without Node's start-up)
        result["engine_ms"] = json.loads((log_dir / f"{label}.out").read_text())["elapsedMs"]
    except (json.JSONDecodeError, KeyError, TypeError):
        pass
    return result


def snapshot_cli(run_dir: Path) -> dict:
    """Copy the built CLI and its worker entry: a rebuild during the run then changes nothing."""
    global CLI
    target = run_dir / "cli"
    target.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    for name in ("model-monitor.cjs", "model-monitor-worker.cjs"):
        shutil.copy2(CLI.parent / name, target / name)
        digest.update((target / name).read_bytes())
    built = datetime.fromtimestamp(CLI.stat().st_mtime, timezone.utc).isoformat()
    CLI = target / "model-monitor.cjs"
    git = ["git", "-C", str(ROOT)]
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run([*git, "status", "--porcelain"], capture_output=True, text=True)
    return {
        "sha256": digest.hexdigest()[:16],
        "built": built,
        "git_head": commit.stdout.strip(),
        "work_tree_dirty": bool(dirty.stdout.strip()),
    }


def our_command(
    task: str, dataset: Path, out: Path, workers: int, fmt: str, base: Path
) -> list[str]:
    cmd = [
        "node",
        str(CLI),
        task,
        "--output",
        str(out),
        "--workers",
        str(workers),
        "--progress",
        "none",
    ]
    if fmt == "capture":
        cmd += ["--dataset", str(dataset / "capture")]
    elif fmt == "csv":
        cmd += ["--dataset", str(dataset / "data.csv"), "--header"]
    else:
        cmd += ["--dataset", str(dataset / "data.arrow")]
    if task == "monitor":
        cmd += [
            "--baseline-statistics",
            str(base / "statistics.json"),
            "--baseline-constraints",
            str(base / "constraints.json"),
        ]
    return cmd


def peer_python(peer: str) -> str:
    venv = VENV / "peers" / peer if peer in PEER_REQUIREMENTS else VENV
    return str(venv / "bin" / "python")


def peer_env(peer: str) -> dict:
    env = dict(os.environ)
    if peer in NUMPY_PEERS:
        # Set on some machines for old OpenBLAS builds; they slow a current numpy (env README).
        env.pop("OPENBLAS_CORETYPE", None)
        env.pop("OPENBLAS_L2_SIZE", None)
    if peer == "pydeequ":
        env["SPARK_VERSION"] = "3.5"
        env["SPARK_LOCAL_IP"] = "127.0.0.1"
        env["PYSPARK_PYTHON"] = peer_python(peer)
    return env


def machine_info() -> dict:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(Path("/proc/meminfo").read_text().split()[1])
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    java = []
    if shutil.which("java"):
        java = subprocess.run(
            ["java", "-version"], capture_output=True, text=True
        ).stderr.splitlines()
    blas = subprocess.run(
        [str(VENV / "bin/python"), "-c", "import numpy, threadpoolctl, json; "
         "print(json.dumps(threadpoolctl.threadpool_info()))"],
        capture_output=True, text=True, env=peer_env("pandas"),
    )  # fmt: skip
    try:
        blas_info = [
            {k: i.get(k) for k in ("internal_api", "version", "architecture")}
            for i in json.loads(blas.stdout)
        ]
    except json.JSONDecodeError:
        blas_info = []
    return {
        "nproc": os.cpu_count(),
        "cpu_model": cpu,
        "memory_gb": round(mem_kb / 2**20, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "node": node,
        "java": java[0] if java else None,
        "loadavg_at_start": os.getloadavg(),
        "openblas_env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")},
        "blas_for_numpy_peers": blas_info,
        "shared_machine_note": "2-core machine shared with other engineers' test runs"
        if os.cpu_count() <= 2
        else "",
    }


def versions() -> dict:
    found = {}
    checks = {
        "duckdb": (VENV, "duckdb"),
        "pandas": (VENV, "pandas"),
        "polars": (VENV, "polars"),
        "pyspark": (VENV, "pyspark"),
        "pydeequ": (VENV, "pydeequ"),
        "whylogs": (VENV / "peers/whylogs", "whylogs"),
        "evidently": (VENV / "peers/evidently", "evidently"),
    }
    for name, (venv, module) in checks.items():
        if not (venv / "bin/python").exists():  # a peer left out of this run
            found[name] = None
            continue
        code = f"import importlib.metadata as m; print(m.version('{module}'))"
        done = subprocess.run(
            [str(venv / "bin/python"), "-c", code], capture_output=True, text=True
        )
        found[name] = done.stdout.strip() or None
    found["deequ"] = DEEQU_ARTIFACT
    package = json.loads((ROOT / "package.json").read_text())
    found["jupyterlab-model-monitor"] = package.get("version")
    return found


class Runner:
    """Runs series of measurements round-robin: warm-ups first, then timed round 1 of every
    command, round 2, ... so that load from other processes on a shared machine spreads over all
    tools instead of hitting one of them."""

    def __init__(self, args: argparse.Namespace, run_dir: Path):
        self.args = args
        self.run_dir = run_dir
        self.results: list[dict] = []
        self.total = 0
        self.done = 0

    def repeat_of(self, spec: dict) -> int:
        if "repeat" in spec:
            return spec["repeat"]
        return self.args.slow_repeat if spec["name"] in SLOW_PEERS else self.args.repeat

    def one(self, spec: dict, attempt: int) -> dict:
        name, task = spec["name"], spec["task"]
        warmup = attempt == 0
        label = f"{name}-{task}-{'warmup' if warmup else attempt}".replace(" ", "_")
        result = measure(spec["cmd"], spec["env"], self.run_dir / "logs", label, self.args.timeout)
        self.done += 1
        what = "warm-up" if warmup else f"run {attempt}/{self.repeat_of(spec)}"
        if result["ok"]:
            detail = f"{result['seconds']:.2f} s, peak RSS {result['peak_rss_mb']:.0f} MB"
        else:
            detail = f"FAILED {result['error'][:300]}"
        log(f"[{self.done}/{self.total}] {name} {task} {what}: {detail}")
        return result

    def run(self, specs: list[dict], record: bool = True) -> list[dict]:
        """Each spec: name, task, cmd, env, meta (optional: repeat, warmup). Returns one result
        entry per spec; `record` adds them to the results table."""
        runs: dict[int, list[dict]] = {i: [] for i in range(len(specs))}
        failed: dict[int, str] = {}
        rounds = max((self.repeat_of(spec) for spec in specs), default=0)
        for attempt in range(rounds + 1):
            for i, spec in enumerate(specs):
                if i in failed or attempt > self.repeat_of(spec):
                    continue
                if attempt == 0 and not spec.get("warmup", True):
                    continue
                result = self.one(spec, attempt)
                if not result["ok"]:
                    failed[i] = result["error"]
                    self.done += self.repeat_of(spec) - attempt
                elif attempt > 0:
                    runs[i].append(result)
        entries = []
        for i, spec in enumerate(specs):
            base = {"name": spec["name"], "task": spec["task"], **spec["meta"]}
            if i in failed:
                entries.append({**base, "ok": False, "error": failed[i]})
                continue
            seconds = [r["seconds"] for r in runs[i]]
            median = statistics.median(seconds)
            engine_ms = [r["engine_ms"] for r in runs[i] if "engine_ms" in r]
            entries.append(
                {
                    **base,
                    "ok": True,
                    "seconds_median": median,
                    "seconds_min": min(seconds),
                    "seconds_all": seconds,
                    "runs": len(seconds),
                    "engine_ms_reported": engine_ms or None,
                    "peak_rss_mb": max(r["peak_rss_mb"] for r in runs[i]),
                    "rows_per_s": spec["meta"]["rows"] / median,
                    "mb_per_s": spec["meta"]["input_bytes"] / 2**20 / median,
                }
            )
        if record:
            self.results += entries
        return entries


MEMORY_VARIANTS = [("ours", 2), ("ours, 1 worker", 1)]


def memory_sizes(args: argparse.Namespace) -> list[str]:
    """The other input size at which our peak RSS is measured (1 GB, or 100 MB for a 1 GB run)."""
    if args.memory_size == "NONE":
        return []
    other = args.memory_size if args.memory_size != args.size else "100MB"
    return [] if other == args.size else [other]


def memory_by_input_size(
    args: argparse.Namespace, runner: Runner, roots: dict, prep: Path
) -> list[dict]:
    """Our baseline task (capture input) at each generated size: the main size's timed runs, and
    one run per worker count at the other size (no warm-up: what is compared is peak RSS)."""
    rows = []
    for size, root in roots.items():
        info = json.loads((root / "manifest.json").read_text())["datasets"]["baseline"]
        for name, workers in MEMORY_VARIANTS:
            if size == args.size:
                run = next(
                    (r for r in runner.results if r["name"] == name and r["task"] == "baseline"),
                    None,
                )
            else:
                out = runner.run_dir / f"ours-{size}-{workers}w-baseline"
                cmd = our_command("baseline", root / "baseline", out, workers, "capture", prep)
                meta = {
                    "tool": "ours",
                    "workers": workers,
                    "input": "capture JSON lines",
                    "input_bytes": info["capture_bytes"],
                    "rows": info["rows"],
                    "size": size,
                }
                spec = {
                    "name": f"{name} ({size})",
                    "task": "baseline",
                    "cmd": cmd,
                    "env": dict(os.environ),
                    "meta": meta,
                    "repeat": 1,
                    "warmup": False,
                }
                run = runner.run([spec], record=False)[0]
            if run and run.get("ok"):
                rows.append(
                    {
                        "size": size,
                        "workers": workers,
                        "capture_mb": info["capture_bytes"] / 2**20,
                        "rows": info["rows"],
                        "seconds": run["seconds_median"],
                        "peak_rss_mb": run["peak_rss_mb"],
                    }
                )
    return sorted(rows, key=lambda row: (row["capture_mb"], -row["workers"]))


def latest_lab_render() -> dict | None:
    """The newest 500-feature render measurement (`make bench` makes one before this run)."""
    files = sorted(RESULTS.glob("lab-render-*.json"))
    if not files:
        return None
    return {**json.loads(files[-1].read_text()), "file": f"results/{files[-1].name}"}


def run_all(args: argparse.Namespace, skipped: dict) -> dict:
    import accuracy
    import generate
    import report

    started = datetime.now(timezone.utc)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    run_dir = BENCH / "data" / "runs" / stamp
    run_dir.mkdir(parents=True, exist_ok=True)
    if not CLI.exists():
        sys.exit(f"{CLI} is missing: run `make install` (or `npm run build:cli`) first")
    cli = snapshot_cli(run_dir)
    machine = machine_info()
    log(
        f"machine: {machine['nproc']} cores, {machine['cpu_model']}, {machine['memory_gb']} GB, "
        f"load {machine['loadavg_at_start']}"
    )

    sizes = [args.size] + memory_sizes(args)
    roots = {}
    for size in sizes:
        log(f"data {size}: generating (seeded) unless present")
        roots[size] = generate.generate(size, args.seed)
    root = roots[args.size]
    manifest = json.loads((root / "manifest.json").read_text())
    names = manifest["columns"]
    base_info, current_info = manifest["datasets"]["baseline"], manifest["datasets"]["current"]

    # Our baseline files for the monitoring task (untimed preparation).
    prep = run_dir / "ours-prep"
    subprocess.run(
        our_command("baseline", root / "baseline", prep, 1, "capture", prep),
        check=True,
        capture_output=True,
    )

    peers = [p for p in args.peers if p not in skipped]
    runner = Runner(args, run_dir)
    our_variants = [("ours", 2, "capture"), ("ours, 1 worker", 1, "capture")]
    baseline_only = [("ours, CSV input", 2, "csv"), ("ours, Arrow input", 2, "arrow")]
    n_series = 2 * len(our_variants) + len(baseline_only) + 2 * len(peers)
    n_slow = 2 * len(SLOW_PEERS & set(peers))
    runner.total = (n_series - n_slow) * (args.repeat + 1) + n_slow * (args.slow_repeat + 1)
    runner.total += len(MEMORY_VARIANTS) * (len(sizes) - 1)

    out_dirs: dict[tuple[str, str], Path] = {}
    for task, info, dataset in (
        ("baseline", base_info, root / "baseline"),
        ("monitor", current_info, root / "current"),
    ):
        specs = []
        variants = our_variants + (baseline_only if task == "baseline" else [])
        for name, workers, fmt in variants:
            out = run_dir / f"{name.replace(' ', '_').replace(',', '')}-{task}"
            input_bytes = {
                "capture": info["capture_bytes"],
                "csv": info["csv_bytes"],
                "arrow": info["arrow_bytes"],
            }[fmt]
            meta = {
                "tool": "ours",
                "workers": workers,
                "input": {
                    "capture": "capture JSON lines",
                    "csv": "plain CSV",
                    "arrow": "Arrow IPC",
                }[fmt],
                "input_bytes": input_bytes,
                "rows": info["rows"],
                "size": args.size,
            }
            cmd = our_command(task, dataset, out, workers, fmt, prep)
            specs.append(
                {"name": name, "task": task, "cmd": cmd, "env": dict(os.environ), "meta": meta}
            )
            out_dirs[(name, task)] = out
        for peer in peers:
            out = run_dir / f"{peer}-{task}"
            cmd = [
                peer_python(peer),
                str(BENCH / "peers.py"),
                peer,
                task,
                "--data",
                str(root),
                "--out",
                str(out),
            ]
            if task == "monitor":
                cmd += ["--baseline-summary", str(run_dir / f"{peer}-baseline" / "summary.json")]
            uses_capture = peer == "duckdb"
            input_bytes = info["capture_bytes"] if uses_capture else info["csv_bytes"]
            if peer == "evidently" and task == "monitor":
                input_bytes += base_info["csv_bytes"]  # Evidently compares against reference data
            meta = {
                "tool": peer,
                "input": PEER_INPUT[peer],
                "input_bytes": input_bytes,
                "rows": info["rows"],
                "size": args.size,
            }
            specs.append(
                {"name": peer, "task": task, "cmd": cmd, "env": peer_env(peer), "meta": meta}
            )
            out_dirs[(peer, task)] = out
        runner.run(specs)

    memory = memory_by_input_size(args, runner, roots, prep)

    log("accuracy: exact values with numpy/polars")
    exact = accuracy.Exact(root / "baseline", names)
    accuracy_results = {}
    for name in ("ours", "ours, 1 worker"):
        stats_file = out_dirs[(name, "baseline")] / "statistics.json"
        if stats_file.exists():
            accuracy_results[name] = accuracy.ours(stats_file, exact)
    for peer in peers:
        summary_file = out_dirs[(peer, "baseline")] / "summary.json"
        if summary_file.exists() and peer != "evidently":
            accuracy_results[peer] = accuracy.peer(summary_file, exact)
    if CONFORMANCE_CSV.exists():
        conf_out = run_dir / "conformance"
        cmd = ["node", str(CLI), "baseline", "--dataset", str(CONFORMANCE_CSV), "--header"]
        subprocess.run(
            cmd + ["--output", str(conf_out), "--workers", "1"], check=True, capture_output=True
        )
        accuracy_results["ours on the intro example CSV (2,333 rows)"] = accuracy.conformance_csv(
            CONFORMANCE_CSV, conf_out / "statistics.json"
        )

    headline = {(r["task"]): r for r in runner.results if r["name"] == "ours" and r["ok"]}
    ratios = {}
    for r in runner.results:
        if r["ok"] and r["tool"] != "ours" and r["task"] in headline:
            r["our_speedup"] = r["seconds_median"] / headline[r["task"]]["seconds_median"]
            ratios[f"{r['name']} {r['task']}"] = r["our_speedup"]
    scaling = {}
    for task in ("baseline", "monitor"):
        one = next(
            (
                r
                for r in runner.results
                if r["name"] == "ours, 1 worker" and r["task"] == task and r["ok"]
            ),
            None,
        )
        if one and task in headline:
            scaling[task] = one["seconds_median"] / headline[task]["seconds_median"]

    result = {
        "started": started.isoformat(),
        "finished": datetime.now(timezone.utc).isoformat(),
        "machine": machine,
        "versions": versions(),
        "cli": cli,
        "parameters": {
            "size": args.size,
            "seed": args.seed,
            "repeat": args.repeat,
            "slow_repeat": args.slow_repeat,
            "slow_peers": sorted(SLOW_PEERS),
            "warmup_runs": 1,
        },
        "data": manifest,
        "skipped": skipped,
        "measurements": runner.results,
        "our_speedup_vs_peer": ratios,
        "our_scaling_1_to_2_workers": scaling,
        "memory_by_input_size": memory,
        "accuracy": accuracy_results,
        "lab_render": latest_lab_render(),
    }
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{stamp}.json"
    path.write_text(json.dumps(result, indent=1) + "\n")
    log(f"results: {path.relative_to(ROOT)}")
    report.write(result, RESULTS / stamp, BENCH / "README.md")
    log("README table and chart updated")
    print(report.table(result), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark model-monitor against its peers.")
    parser.add_argument(
        "--size", default="100MB", help="capture size per dataset: 10MB, 100MB, 1GB"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed runs per measurement (after a warm-up)"
    )
    parser.add_argument(
        "--slow-repeat",
        type=int,
        default=1,
        help="timed runs for PyDeequ and Evidently (minutes each)",
    )
    parser.add_argument("--peers", default=",".join(ALL_PEERS), help="comma-separated; default all")
    parser.add_argument(
        "--memory-size",
        default="1GB",
        help="also run our baseline once at this size to compare peak RSS ('none' to skip)",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per run")
    parser.add_argument(
        "--skip-install", action="store_true", help="use the environments as they are"
    )
    args = parser.parse_args()
    args.size = args.size.upper()
    args.memory_size = args.memory_size.upper()
    args.peers = [p for p in args.peers.split(",") if p]
    unknown = set(args.peers) - set(ALL_PEERS)
    if unknown:
        parser.error(f"unknown peers: {', '.join(sorted(unknown))}")

    if os.environ.get("BENCH_STAGE") != "venv":
        skipped = setup(args)
        os.environ["BENCH_STAGE"] = "venv"
        os.environ["BENCH_SKIPPED"] = json.dumps(skipped)
        python = str(VENV / "bin" / "python")
        os.execv(python, [python, str(Path(__file__).resolve()), *sys.argv[1:]])
    sys.path.insert(0, str(BENCH))
    run_all(args, json.loads(os.environ.get("BENCH_SKIPPED", "{}")))


if __name__ == "__main__":
    main()
