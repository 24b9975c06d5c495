"""One command for the whole benchmark: `make bench` or `python bench/run.py [options]`.

1. Creates bench/.venv (and bench/.venv/peers/<name> for peers whose pins clash with the core set)
   and installs the peers from PyPI; downloads Deequ from Maven Central with `mvn dependency:get`.
   A peer that cannot be installed is skipped with the reason recorded.
2. Generates the data (bench/generate.py, seeded) unless it is already there.
3. Runs every measurement in a fresh subprocess: one warm-up run (excluded) and --repeat timed runs,
   polling /proc for the peak RSS of the whole process tree (Spark's JVM, Node's workers) and taking
   the CPU time (user + sys) of the whole tree from the kernel's accounting of reaped children.
   Two input kinds per task: every tool in the capture rows reads the capture files, every tool in
   the CSV rows the plain CSV.
4. Checks that the fair peers compute what they claim (bench/fair_check.py, against our
   statistics.json) and the accuracy of our statistics.json (and the peers') against exact values.
5. Judges the engine's speed targets on this run's figures (bench/targets.py).
6. Writes bench/results/<timestamp>.json, a Vega-Lite chart (.vl.json and .svg) and the table in
   bench/README.md between the markers.

Options: --size 100MB,1GB (one or more of 10MB, 100MB, 1GB), --repeat N, --peers duckdb,pandas,...,
--slow-all-sizes, --small-repeat N (ours and `node -e 0` on a 2 MB input; 0 skips), --skip-install.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shlex
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
# Fair variants do the work our engine does (bench/fair_stats.py) on each input; light variants
# are the lighter queries of earlier runs (handed the types, fewer value counts); the others
# profile in their own way, roughly comparable to ours.
FAIR_PEERS = ["duckdb", "polars", "pandas"]
LIGHT_PEERS = ["duckdb-light", "polars-light", "pandas-light"]
OWN_WAY_PEERS = ["whylogs", "pydeequ", "evidently"]
ALL_PEERS = FAIR_PEERS + LIGHT_PEERS + OWN_WAY_PEERS
INPUT_KINDS = {"capture": "capture JSON lines", "csv": "plain CSV"}
# The limit fair_stats.py gives DuckDB (BENCH_DUCKDB_MEMORY_LIMIT), written into each result.
DUCKDB_LIMIT = os.environ.get("BENCH_DUCKDB_MEMORY_LIMIT", "500MB")
# Fair peers read both inputs (one row per input); the others one input each.
PEER_INPUT = {
    (
        "duckdb",
        "capture",
    ): f"read_json + string_split in SQL, all text, memory_limit {DUCKDB_LIMIT}",
    ("duckdb", "csv"): f"read_csv all_varchar, memory_limit {DUCKDB_LIMIT}",
    ("polars", "capture"): "lines + json_path_match + split, all text, streaming",
    ("polars", "csv"): "scan_csv all text, streaming",
    ("pandas", "capture"): "json.loads per line + read_csv, all str",
    ("pandas", "csv"): "read_csv, all str",
    ("duckdb-light", "capture"): "read_json + string_split in SQL, typed, in memory",
    ("polars-light", "csv"): "read_csv, typed",
    ("pandas-light", "csv"): "read_csv (C engine), typed",
    ("whylogs", "csv"): "pandas.read_csv + why.log",
    ("evidently", "csv"): "pandas.read_csv + Report",
    ("pydeequ", "csv"): "Spark local[2], explicit schema",
}
PEER_WORK = {
    **{peer: "fair" for peer in FAIR_PEERS},
    **{peer: "lighter" for peer in LIGHT_PEERS},
    "whylogs": "own (sketches, comparable)",
    "pydeequ": "own (Deequ, comparable)",
    "evidently": "own (report, heavier)",
}
SLOW_PEERS = {"pydeequ", "evidently"}  # minutes per run at 100 MB: fewer timed runs (--slow-repeat)
NUMPY_PEERS = {*FAIR_PEERS, *LIGHT_PEERS, "whylogs", "evidently"}


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


def become_subreaper() -> None:
    """Processes orphaned by a measured run (a JVM outliving its Python parent) are re-parented
    to us rather than to init, so that their CPU time reaches our children's accounting."""
    import ctypes

    pr_set_child_subreaper = 36
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_child_subreaper, 1, 0, 0, 0)


def reap_orphans(timeout: float = 30.0) -> None:
    """Wait for descendants left running after the measured process exited (see above)."""
    import psutil

    deadline = time.perf_counter() + timeout
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return  # no children left
        if pid:
            continue
        if time.perf_counter() > deadline:
            for orphan in psutil.Process().children():
                orphan.kill()
        time.sleep(0.02)


def children_cpu() -> tuple[float, float]:
    """User and system CPU seconds of all reaped descendants so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime, usage.ru_stime


def kill_tree(process) -> None:
    for member in [process, *process.children(recursive=True)]:
        member.kill()


def measure(cmd: list[str], env: dict, log_dir: Path, label: str, timeout: float) -> dict:
    """Run cmd once in a fresh process: wall time, CPU time (user + sys of every process of the
    tree, from the kernel's accounting once they are reaped) and peak RSS of the tree."""
    import psutil

    log_dir.mkdir(parents=True, exist_ok=True)
    with open(log_dir / f"{label}.out", "w") as out, open(log_dir / f"{label}.err", "w") as err:
        user_before, sys_before = children_cpu()
        started = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=ROOT)
        process = psutil.Process(child.pid)
        peak = 0
        while child.poll() is None:
            peak = max(peak, tree_rss(process))
            if time.perf_counter() - started > timeout:
                kill_tree(process)
                child.wait()
                reap_orphans()
                return {"ok": False, "error": f"timeout after {timeout:.0f} s"}
            time.sleep(0.02)
        seconds = time.perf_counter() - started
        reap_orphans()
        user_after, sys_after = children_cpu()
    if child.returncode != 0:
        tail = (log_dir / f"{label}.err").read_text()[-600:]
        return {"ok": False, "error": f"exit {child.returncode}: {tail}"}
    result = {
        "ok": True,
        "seconds": seconds,
        "cpu_seconds": (user_after - user_before) + (sys_after - sys_before),
        "user_seconds": user_after - user_before,
        "sys_seconds": sys_after - sys_before,
        "peak_rss_mb": peak / 2**20,
    }
    try:  # our CLI prints a JSON summary with its own elapsedMs (without Node's start-up)
        result["engine_ms"] = json.loads((log_dir / f"{label}.out").read_text())["elapsedMs"]
    except (json.JSONDecodeError, KeyError, TypeError):
        pass
    return result


def snapshot_cli(run_dir: Path) -> dict:
    """Copy the built CLI (its launcher and bundle) and its worker entry: a rebuild during the run
    then changes nothing. The launcher's code cache is written by the warm-up run."""
    global CLI
    target = run_dir / "cli"
    target.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    for name in ("model-monitor.cjs", "model-monitor-cli.cjs", "model-monitor-worker.cjs"):
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
        return self.args.slow_repeat if spec["meta"]["tool"] in SLOW_PEERS else self.args.repeat

    def runs_of(self, spec: dict) -> int:
        return self.repeat_of(spec) + 1  # with the warm-up

    def one(self, spec: dict, attempt: int) -> dict:
        meta = spec["meta"]
        warmup = attempt == 0
        what = "warmup" if warmup else str(attempt)
        label = f"{meta['size']}-{slug(spec['name'])}-{spec['task']}-{meta['input_kind']}-{what}"
        result = measure(spec["cmd"], spec["env"], self.run_dir / "logs", label, self.args.timeout)
        self.done += 1
        what = "warm-up" if warmup else f"run {attempt}/{self.repeat_of(spec)}"
        if result["ok"]:
            detail = (
                f"{result['seconds']:.2f} s wall, {result['cpu_seconds']:.2f} s CPU, "
                f"peak RSS {result['peak_rss_mb']:.0f} MB"
            )
        else:
            detail = f"FAILED {result['error'][:300]}"
        where = f"{meta['size']} {meta['input_kind']}"
        log(f"[{self.done}/{self.total}] {spec['name']} {spec['task']} {where} {what}: {detail}")
        return result

    def run(self, specs: list[dict]) -> list[dict]:
        """Each spec: name, task, cmd, env, meta. Adds one result entry per spec."""
        runs: dict[int, list[dict]] = {i: [] for i in range(len(specs))}
        failed: dict[int, str] = {}
        rounds = max((self.repeat_of(spec) for spec in specs), default=0)
        for attempt in range(rounds + 1):
            for i, spec in enumerate(specs):
                if i in failed or attempt > self.repeat_of(spec):
                    continue
                result = self.one(spec, attempt)
                if not result["ok"]:
                    failed[i] = result["error"]
                    self.done += self.repeat_of(spec) - attempt
                elif attempt > 0:
                    runs[i].append(result)
        entries = [
            entry(spec, runs[i], failed.get(i)) for i, spec in enumerate(specs)
        ]  # fmt: skip
        self.results += entries
        return entries


def entry(spec: dict, runs: list[dict], error: str | None) -> dict:
    """One result row: medians of the timed runs of one spec."""
    base = {"name": spec["name"], "task": spec["task"], **spec["meta"]}
    if error is not None:
        return {**base, "ok": False, "error": error}
    seconds = [r["seconds"] for r in runs]
    cpu = [r["cpu_seconds"] for r in runs]
    median = statistics.median(seconds)
    engine_ms = [r["engine_ms"] for r in runs if "engine_ms" in r]
    return {
        **base,
        "ok": True,
        "seconds_median": median,
        "seconds_min": min(seconds),
        "seconds_all": seconds,
        "cpu_seconds_median": statistics.median(cpu),
        "cpu_seconds_all": cpu,
        "user_seconds_all": [r["user_seconds"] for r in runs],
        "sys_seconds_all": [r["sys_seconds"] for r in runs],
        "runs": len(seconds),
        "engine_ms_reported": engine_ms or None,
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "rows_per_s": spec["meta"]["rows"] / median,
        "mb_per_s": spec["meta"]["input_bytes"] / 2**20 / median,
    }


def slug(name: str) -> str:
    return name.replace(" ", "_").replace(",", "")


def latest_lab_render() -> dict | None:
    """The newest 500-feature render measurement (`make bench` makes one before this run)."""
    files = sorted(RESULTS.glob("lab-render-*.json"))
    if not files:
        return None
    return {**json.loads(files[-1].read_text()), "file": f"results/{files[-1].name}"}


# ---------------------------------------------------------------------------------------------
# What is run: per size, task (baseline, monitor) and input kind (capture, csv).

OUR_VARIANTS = [("ours", 2), ("ours, 1 worker", 1)]
# Two 1-worker runs at once, each on the whole input: how much two busy cores of this machine
# give over one, for this very work (shared caches and memory bandwidth can cost both runs time).
# Our 1 → 2 worker speed-up is read against that ceiling, not against 2.
OUR_PAIR = "ours, two 1-worker runs at once"
# The cost of a record preprocessor that rebuilds the default row (same statistics), 1 worker.
PREPROCESSOR_VARIANTS = {
    "ours, Python preprocessor": BENCH / "preprocessors" / "rebuild_row.py",
    "ours, JS preprocessor": BENCH / "preprocessors" / "rebuild_row.js",
}
OUR_INPUT_FILE = {"capture": "capture", "csv": "data.csv", "arrow": "data.arrow"}


class Plan:
    """The commands of one size: where each writes, and our prepared baselines for `monitor`."""

    def __init__(self, args: argparse.Namespace, size: str, root: Path, run_dir: Path):
        self.args = args
        self.size = size
        self.root = root
        self.dir = run_dir / size
        self.manifest = json.loads((root / "manifest.json").read_text())

    def prepare(self) -> None:
        """Our baseline files for the monitoring task, from each input kind (untimed)."""
        for kind in INPUT_KINDS:
            prep = self.prep_dir(kind)
            cmd = our_command("baseline", self.root / "baseline", prep, 1, kind, prep)
            subprocess.run(cmd, check=True, capture_output=True)

    def prep_dir(self, kind: str) -> Path:
        return self.dir / f"ours-prep-{kind}"

    def out_dir(self, name: str, task: str, kind: str) -> Path:
        return self.dir / f"{slug(name)}-{task}-{kind}"

    def meta(self, tool: str, task: str, kind: str, input_text: str) -> dict:
        info = self.manifest["datasets"]["baseline" if task == "baseline" else "current"]
        input_bytes = info[f"{kind}_bytes"]
        if tool == "evidently" and task == "monitor":  # Evidently compares with reference data
            input_bytes += self.manifest["datasets"]["baseline"]["csv_bytes"]
        return {
            "tool": tool,
            "variant": "ours" if tool == "ours" else PEER_WORK[tool],
            "input_kind": kind,
            "input": input_text,
            "input_bytes": input_bytes,
            "rows": info["rows"],
            "size": self.size,
        }

    def ours(self, task: str, kind: str, name: str, workers: int, extra: tuple = ()) -> dict:
        dataset = self.root / ("baseline" if task == "baseline" else "current")
        out = self.out_dir(name, task, kind)
        cmd = our_command(task, dataset, out, workers, kind, self.prep_dir(kind)) + list(extra)
        text = INPUT_KINDS.get(kind, "Arrow IPC")
        meta = {**self.meta("ours", task, kind, text), "workers": workers}
        return {"name": name, "task": task, "cmd": cmd, "env": dict(os.environ), "meta": meta}

    def pair(self, task: str, kind: str) -> dict:
        """Two copies of the 1-worker command at once; it fails when either does."""
        one = self.ours(task, kind, "ours, 1 worker", 1)["cmd"]
        at = one.index("--output") + 1
        out = self.out_dir(OUR_PAIR, task, kind)
        first, second = (one[:at] + [str(out / side)] + one[at + 1 :] for side in "ab")
        script = f"{shlex.join(first)} & first=$!; {shlex.join(second)} & second=$!; "
        script += "wait $first && wait $second"
        meta = self.meta("ours", task, kind, INPUT_KINDS[kind] + ", read twice")
        meta = {**meta, "workers": 1, "input_bytes": 2 * meta["input_bytes"]}
        meta["rows"] *= 2
        cmd = ["sh", "-c", script]
        return {"name": OUR_PAIR, "task": task, "cmd": cmd, "env": dict(os.environ), "meta": meta}

    def peer(self, task: str, kind: str, peer: str) -> dict:
        out = self.out_dir(peer, task, kind)
        cmd = [peer_python(peer), str(BENCH / "peers.py"), peer, task, "--data", str(self.root)]
        cmd += ["--out", str(out)]
        if peer in FAIR_PEERS:
            cmd += ["--input", kind]
        if task == "monitor":
            summary = self.out_dir(peer, "baseline", kind) / "summary.json"
            cmd += ["--baseline-summary", str(summary)]
        meta = self.meta(peer, task, kind, PEER_INPUT[(peer, kind)])
        return {"name": peer, "task": task, "cmd": cmd, "env": peer_env(peer), "meta": meta}

    def specs(self, task: str, peers: list[str]) -> list[dict]:
        """Every command of one task at this size, capture rows first, then CSV rows."""
        specs = []
        for kind in INPUT_KINDS:
            specs += [self.ours(task, kind, name, workers) for name, workers in OUR_VARIANTS]
            if task == "baseline":
                specs.append(self.pair(task, kind))
            specs += [self.peer(task, kind, p) for p in peers if (p, kind) in PEER_INPUT]
        if task == "baseline":
            specs.append(self.ours(task, "arrow", "ours, Arrow input", 2))
            for name, script in PREPROCESSOR_VARIANTS.items():
                extra = ("--preprocessor", str(script))
                specs.append(self.ours(task, "capture", name, 1, extra))
        return specs


def peers_at(args: argparse.Namespace, size: str, peers: list[str]) -> list[str]:
    """Slow peers run at the first size only, unless --slow-all-sizes (an hour per run at 1 GB)."""
    if args.slow_all_sizes or size == args.size[0]:
        return peers
    return [p for p in peers if p not in SLOW_PEERS]


# ---------------------------------------------------------------------------------------------
# Derived figures: ratios, scaling, memory by size, fair checks, accuracy.


def find(results: list[dict], name: str, task: str, kind: str, size: str) -> dict | None:
    for r in results:
        if (r["name"], r["task"], r["input_kind"], r["size"]) == (name, task, kind, size):
            return r if r["ok"] else None
    return None


# The engine's default worker count (src/engine/pipeline/runOptions.ts SMALL_INPUT_BYTES): one
# thread under 128 MiB of input, all cores above.
SMALL_INPUT_BYTES = 128 * 1024 * 1024


def our_default(results: list[dict], task: str, kind: str, size: str) -> dict | None:
    """Our run as a user gets it with no --workers: the variant with the engine's default count."""
    two = find(results, "ours", task, kind, size)
    one = find(results, "ours, 1 worker", task, kind, size)
    small = (two or one or {}).get("input_bytes", 0) < SMALL_INPUT_BYTES
    return one if small else two


def add_ratios(results: list[dict]) -> dict:
    """Peer time ÷ ours (our default worker count, same size, task and input kind), wall and CPU."""
    ratios = {}
    for r in results:
        ours = our_default(results, r["task"], r["input_kind"], r["size"])
        if not r["ok"] or r["tool"] == "ours" or ours is None:
            continue
        r["wall_ratio"] = r["seconds_median"] / ours["seconds_median"]
        r["cpu_ratio"] = r["cpu_seconds_median"] / ours["cpu_seconds_median"]
        r["ratio_against"] = ours["name"]
        ours["ratio_base"] = True
        key = f"{r['size']} {r['task']} {r['input_kind']} {r['name']}"
        ratios[key] = {"wall": r["wall_ratio"], "cpu": r["cpu_ratio"], "against": ours["name"]}
    return ratios


def preprocessor_cost(results: list[dict], sizes: list[str]) -> list[dict]:
    """Baseline on captures with a preprocessor ÷ without (1 worker each), wall and CPU time."""
    rows = []
    for size in sizes:
        plain = find(results, "ours, 1 worker", "baseline", "capture", size)
        for name in PREPROCESSOR_VARIANTS:
            run = find(results, name, "baseline", "capture", size)
            if plain and run:
                rows.append(
                    {
                        "size": size,
                        "variant": name,
                        "wall_ratio": run["seconds_median"] / plain["seconds_median"],
                        "cpu_ratio": run["cpu_seconds_median"] / plain["cpu_seconds_median"],
                        "rows_per_s": run["rows_per_s"],
                    }
                )
    return rows


def scaling(results: list[dict], sizes: list[str]) -> list[dict]:
    """Ours from 1 to 2 workers: wall time with 1 ÷ with 2, and CPU time with 2 ÷ with 1; where
    measured, the machine's ceiling (two 1-worker runs at once do twice the work in this wall time:
    2 × one run's time ÷ theirs) and the share of it our speed-up reaches."""
    rows = []
    for size in sizes:
        for task in ("baseline", "monitor"):
            for kind in INPUT_KINDS:
                two = find(results, "ours", task, kind, size)
                one = find(results, "ours, 1 worker", task, kind, size)
                if not (two and one):
                    continue
                row = {
                    "size": size,
                    "task": task,
                    "input_kind": kind,
                    "wall_speedup": one["seconds_median"] / two["seconds_median"],
                    "cpu_growth": two["cpu_seconds_median"] / one["cpu_seconds_median"],
                }
                pair = find(results, OUR_PAIR, task, kind, size)
                if pair:
                    row["machine_ceiling"] = 2 * one["seconds_median"] / pair["seconds_median"]
                    row["share_of_ceiling"] = row["wall_speedup"] / row["machine_ceiling"]
                rows.append(row)
    return rows


def memory_by_input_size(results: list[dict], plans: dict[str, Plan]) -> list[dict]:
    """Our baseline task on the capture files at each size, by worker count."""
    rows = []
    for size, plan in plans.items():
        info = plan.manifest["datasets"]["baseline"]
        for name, workers in OUR_VARIANTS:
            run = find(results, name, "baseline", "capture", size)
            if run:
                rows.append(
                    {
                        "size": size,
                        "workers": workers,
                        "capture_mb": info["capture_bytes"] / 2**20,
                        "rows": info["rows"],
                        "seconds": run["seconds_median"],
                        "cpu_seconds": run["cpu_seconds_median"],
                        "peak_rss_mb": run["peak_rss_mb"],
                    }
                )
    return sorted(rows, key=lambda row: (row["capture_mb"], -row["workers"]))


def fair_checks(plans: dict[str, Plan], peers: list[str]) -> list[dict]:
    """Each fair peer's summary against our statistics.json of the same rows and input kind."""
    import fair_check

    checks = []
    for size, plan in plans.items():
        for task in ("baseline", "monitor"):
            for kind in INPUT_KINDS:
                ours = plan.out_dir("ours", task, kind) / "statistics.json"
                for peer in (p for p in peers if p in FAIR_PEERS):
                    summary = plan.out_dir(peer, task, kind) / "summary.json"
                    if not (ours.exists() and summary.exists()):
                        continue
                    result = fair_check.check(summary, ours)
                    checks.append(
                        {"size": size, "task": task, "input_kind": kind, "peer": peer, **result}
                    )
                    if not result["ok"]:
                        log(f"FAIR CHECK FAILED {peer} {size} {task} {kind}: {result['problems']}")
    return checks


# A small input, where Node's start-up and V8's warm-up are most of our cost (the 2 MB target of
# bench/targets.py), measured beside Node doing nothing; more timed runs, as each is short.
SMALL_SIZE = "2MB"


def small_input(args: argparse.Namespace, run_dir: Path) -> dict:
    import generate

    log(f"data {SMALL_SIZE}: generating (seeded) unless present")
    plan = Plan(args, SMALL_SIZE, generate.generate(SMALL_SIZE, args.seed), run_dir)
    plan.prepare()
    tasks = ("baseline", "monitor")
    specs = [plan.ours(task, kind, "ours", 1) for task in tasks for kind in INPUT_KINDS]
    specs.append(
        {
            "name": "node -e 0",
            "task": "start-up",
            "cmd": ["node", "-e", "0"],
            "env": dict(os.environ),
            "meta": {
                "tool": "node",
                "variant": "Node alone",
                "input_kind": "none",
                "input": "nothing",
                "input_bytes": 0,
                "rows": 0,
                "size": SMALL_SIZE,
            },
        }
    )
    runner = Runner(argparse.Namespace(**{**vars(args), "repeat": args.small_repeat}), run_dir)
    runner.total = sum(runner.runs_of(spec) for spec in specs)
    return {"size": SMALL_SIZE, "repeat": args.small_repeat, "measurements": runner.run(specs)}


def accuracy_of(plan: Plan, peers: list[str]) -> dict:
    """Accuracy of the baseline statistics of the first size against exact values."""
    import accuracy

    log("accuracy: exact values with numpy/polars")
    exact = accuracy.Exact(plan.root / "baseline", plan.manifest["columns"])
    results = {}
    for name, _ in OUR_VARIANTS:
        stats_file = plan.out_dir(name, "baseline", "capture") / "statistics.json"
        if stats_file.exists():
            results[name] = accuracy.ours(stats_file, exact)
    for peer in peers:
        for kind in INPUT_KINDS:
            summary_file = plan.out_dir(peer, "baseline", kind) / "summary.json"
            if summary_file.exists() and peer != "evidently":
                results[f"{peer}, {kind}"] = accuracy.peer(summary_file, exact)
    if CONFORMANCE_CSV.exists():
        conf_out = plan.dir / "conformance"
        cmd = ["node", str(CLI), "baseline", "--dataset", str(CONFORMANCE_CSV), "--header"]
        subprocess.run(
            cmd + ["--output", str(conf_out), "--workers", "1"], check=True, capture_output=True
        )
        results["ours on the intro example CSV (2,333 rows)"] = accuracy.conformance_csv(
            CONFORMANCE_CSV, conf_out / "statistics.json"
        )
    return results


def run_all(args: argparse.Namespace, skipped: dict) -> dict:
    import generate
    import report
    import targets

    started = datetime.now(timezone.utc)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    run_dir = BENCH / "data" / "runs" / stamp
    run_dir.mkdir(parents=True, exist_ok=True)
    if not CLI.exists():
        sys.exit(f"{CLI} is missing: run `make install` (or `npm run build:cli`) first")
    cli = snapshot_cli(run_dir)
    become_subreaper()
    machine = machine_info()
    log(
        f"machine: {machine['nproc']} cores, {machine['cpu_model']}, {machine['memory_gb']} GB, "
        f"load {machine['loadavg_at_start']}"
    )
    plans = {}
    for size in args.size:
        log(f"data {size}: generating (seeded) unless present")
        plans[size] = Plan(args, size, generate.generate(size, args.seed), run_dir)
        plans[size].prepare()

    small = small_input(args, run_dir) if args.small_repeat > 0 else None
    peers = [p for p in args.peers if p not in skipped]
    runner = Runner(args, run_dir)
    groups = [
        plan.specs(task, peers_at(args, size, peers))
        for size, plan in plans.items()
        for task in ("baseline", "monitor")  # monitor reads the peers' baseline summaries
    ]
    runner.total = sum(runner.runs_of(spec) for group in groups for spec in group)
    for group in groups:
        runner.run(group)

    first = plans[args.size[0]]
    result = {
        "started": started.isoformat(),
        "finished": None,
        "machine": machine,
        "versions": versions(),
        "cli": cli,
        "parameters": {
            "sizes": args.size,
            "seed": args.seed,
            "repeat": args.repeat,
            "slow_repeat": args.slow_repeat,
            "slow_peers": sorted(SLOW_PEERS),
            "slow_all_sizes": args.slow_all_sizes,
            "warmup_runs": 1,
        },
        "data": {size: plan.manifest for size, plan in plans.items()},
        "skipped": skipped,
        "measurements": runner.results,
        "peer_time_over_ours": add_ratios(runner.results),
        "our_scaling_1_to_2_workers": scaling(runner.results, args.size),
        "preprocessor_cost": preprocessor_cost(runner.results, args.size),
        "memory_by_input_size": memory_by_input_size(runner.results, plans),
        "fair_checks": fair_checks(plans, peers),
        "accuracy": accuracy_of(first, peers),
        "lab_render": latest_lab_render(),
        "small_input": small,
    }
    result["targets"] = targets.evaluate(result)
    result["finished"] = datetime.now(timezone.utc).isoformat()
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{stamp}.json"
    path.write_text(json.dumps(result, indent=1) + "\n")
    log(f"results: {path.relative_to(ROOT)}")
    report.write(result, RESULTS / stamp, BENCH / "README.md")
    log("README table and chart updated")
    print(report.tables(result), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark model-monitor against its peers.")
    parser.add_argument(
        "--size",
        default="100MB,1GB",
        help="capture size per dataset, comma-separated: 10MB, 100MB, 1GB",
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
    parser.add_argument(
        "--slow-all-sizes",
        action="store_true",
        help="run PyDeequ and Evidently at every size (default: the first size only)",
    )
    parser.add_argument(
        "--small-repeat",
        type=int,
        default=9,
        help=f"timed runs of ours and of `node -e 0` on the {SMALL_SIZE} input (0: skip them)",
    )
    parser.add_argument("--peers", default=",".join(ALL_PEERS), help="comma-separated; default all")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per run")
    parser.add_argument(
        "--skip-install", action="store_true", help="use the environments as they are"
    )
    args = parser.parse_args()
    args.size = [s for s in args.size.upper().split(",") if s]
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
