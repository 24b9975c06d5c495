"""The ``spark`` backend: profiles data with Deequ on a Spark cluster, checks it with the engine.

A run is two subprocesses. ``spark-submit`` runs ``spark_job/profile_job.py`` on the configured
master (``local[*]`` by default); the job writes ``statistics.json`` and ``type_counts.json`` into
a hidden staging folder of the output. The engine's Node CLI then formats them exactly and, for a
monitoring run, checks them (``model-monitor check``) or, for a baseline, suggests constraints
(``model-monitor suggest``) into the output folder. Enable it in ``jupyter_server_config.py``::

    from jupyterlab_model_monitor.backends.local import LocalBackend
    from jupyterlab_model_monitor.backends.spark import SparkBackend
    c.ModelMonitorApp.backend_classes = [LocalBackend, SparkBackend]
    c.SparkBackend.master = "spark://spark-master:7077"

docs/spark.md describes clusters, jars and costs.
"""

import glob
import os
import shutil
import signal
import sys
from pathlib import Path
from typing import Any

from traitlets import Dict, Float, List, Unicode

from ..engine import engine_environment, find_cli, find_node, missing
from ..file_names import STATISTICS_FILE
from ..processes import ChildProcesses, parse_object
from .base import Backend, BaselineJob, Report, RunJob, RunOutcome
from .local import ProgressReader, count_text, rejected_text

JOB_FOLDER = Path(__file__).resolve().parents[1] / "spark_job"
DEEQU_VERSION = "2.0.7-spark-3.5"
DEEQU_PACKAGE = f"com.amazon.deequ:deequ:{DEEQU_VERSION}"
# `make spark` downloads the jar here (the virtual environment's share folder).
DEEQU_JAR_GLOB = os.path.join(
    sys.prefix, "share", "jupyterlab-model-monitor", "jars", "deequ-*.jar"
)
SPARK_SHARE = 0.9  # of a run's progress; checking and writing take the rest
SPARK_FORMATS = {"csv", "json", "parquet", "sagemaker_capture_json", "sagemakercapturejson"}


def pyspark_home() -> str | None:
    """The folder of the installed ``pyspark`` package (a complete SPARK_HOME), or None."""
    try:
        import pyspark
    except ImportError:
        return None
    return os.path.dirname(pyspark.__file__)


def default_deequ_jar() -> str | None:
    jars = sorted(glob.glob(DEEQU_JAR_GLOB))
    return jars[-1] if jars else None


class SparkProgress(ProgressReader):
    """The job's ``progress`` lines count the running stages' tasks, not bytes."""

    async def feed(self, line: str) -> None:
        event = parse_object(line)
        if event and event.get("type") == "progress" and event.get("tasksTotal"):
            share = min(event["tasksDone"] / event["tasksTotal"], 1.0)
            await self.report(SPARK_SHARE * share, None)
        else:
            await super().feed(line)

    def failure(self, code: int) -> str:
        return f"the Spark job exited with code {code}: {self.detail('no output')}"


class SparkBackend(Backend):
    """Runs the statistics of a job on Spark (Deequ), the checks with the Node engine."""

    name = "spark"

    master = Unicode("local[*]", help="Spark master URL: local[*], spark://…, yarn, k8s://…").tag(
        config=True
    )
    deploy_mode = Unicode(
        "client",
        help="spark-submit --deploy-mode. The output folder must be on storage both the driver and "
        "this server see (always true in client mode).",
    ).tag(config=True)
    spark_home = Unicode(
        None, allow_none=True, help="SPARK_HOME (default: the installed pyspark package)."
    ).tag(config=True)
    deequ_jar = Unicode(
        None,
        allow_none=True,
        help="Deequ's jar (default: the one `make spark` downloads into the environment).",
    ).tag(config=True)
    packages = List(
        Unicode(),
        default_value=[],
        help=f"Maven coordinates for --packages, e.g. {DEEQU_PACKAGE} instead of a jar file.",
    ).tag(config=True)
    conf = Dict(
        default_value={"spark.ui.enabled": "false", "spark.log.level": "WARN"},
        help="--conf key=value pairs (executor memory, cores, spark.pyspark.python, …).",
    ).tag(config=True)
    extra_args = List(Unicode(), default_value=[], help="More spark-submit arguments.").tag(
        config=True
    )
    python = Unicode(
        None,
        allow_none=True,
        help="PYSPARK_PYTHON for driver and executors (default: this server's Python).",
    ).tag(config=True)
    cancel_grace_seconds = Float(
        10.0, help="Seconds between SIGTERM and SIGKILL when a run is cancelled."
    ).tag(config=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._processes = ChildProcesses(new_session=True)  # to stop the JVM and Python workers
        self._cancelled: set[str] = set()

    # -- configuration ------------------------------------------------------------------------

    def _spark_home(self) -> str:
        """Spark's folder, or "" when there is none (:meth:`problem` says so)."""
        return self.spark_home or pyspark_home() or ""

    def _jar(self) -> str | None:
        return self.deequ_jar or default_deequ_jar()

    def problem(self) -> str | None:
        home = self._spark_home()
        if not home or not os.path.isfile(os.path.join(home, "bin", "spark-submit")):
            return "Spark not found: `pip install pyspark` or set SparkBackend.spark_home"
        if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
            return "Java not found: install a JDK 17 (Spark runs on the JVM)"
        jar = self._jar()
        if not self.packages and not (jar and os.path.isfile(jar)):
            return (
                "Deequ's jar is missing: run `make spark`, or set SparkBackend.deequ_jar "
                f"or SparkBackend.packages = ['{DEEQU_PACKAGE}']"
            )
        return missing(find_node(), find_cli())

    def submit_command(self, job_arguments: list[str]) -> list[str]:
        """The spark-submit command line of one profile job."""
        command = [os.path.join(self._spark_home(), "bin", "spark-submit")]
        command += ["--master", self.master, "--deploy-mode", self.deploy_mode]
        if self.packages:
            command += ["--packages", ",".join(self.packages)]
        jar = self._jar()
        if jar and os.path.isfile(jar):
            command += ["--jars", jar]
        for key, value in self.conf.items():
            command += ["--conf", f"{key}={value}"]
        command += ["--py-files", str(JOB_FOLDER / "capture_rows.py"), *self.extra_args]
        return [*command, str(JOB_FOLDER / "profile_job.py"), *job_arguments]

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env["SPARK_HOME"] = self._spark_home()
        env.setdefault("PYSPARK_PYTHON", self.python or sys.executable)
        return env

    # -- runs ---------------------------------------------------------------------------------

    async def run(self, job: RunJob, report: Report) -> RunOutcome:
        if job.monitor_type != "data-quality":  # validation refuses these monitors here
            return RunOutcome("failed", "the spark backend runs data-quality monitors only")
        staging = os.path.join(job.output, f".spark-{job.execution_id}")
        arguments = job_arguments(job, staging) + ["--feature-names", job.baseline_statistics]
        if job.window_start and job.window_end:
            arguments += ["--start", job.window_start, "--end", job.window_end]

        def check() -> list[str]:
            return [
                "check",
                "--statistics",
                os.path.join(staging, STATISTICS_FILE),
                "--type-counts",
                os.path.join(staging, "type_counts.json"),
                "--baseline-statistics",
                job.baseline_statistics,
                "--baseline-constraints",
                job.baseline_constraints,
                "--output",
                job.output,
            ]

        result = await self._profile_then(
            job.execution_id, arguments, staging, check(), job.root, report
        )
        if isinstance(result, RunOutcome):
            return result
        summary, checked = result
        violations = checked.get("violations", 0)
        message = f"{violations} violation{'' if violations == 1 else 's'}" + rejected(summary)
        state = "completed_with_violations" if violations else "completed"
        return RunOutcome(state, message, violations)

    async def baseline(self, job: BaselineJob, report: Report) -> RunOutcome:
        staging = os.path.join(job.output, f".spark-{job.job_id}")
        suggest = ["suggest", "--statistics", os.path.join(staging, STATISTICS_FILE)]
        suggest += ["--output", job.output]
        result = await self._profile_then(
            job.job_id, job_arguments(job, staging), staging, suggest, job.root, report
        )
        if isinstance(result, RunOutcome):
            return result
        summary, _ = result
        return RunOutcome(
            "completed",
            f"{count_text(summary.get('itemCount', '?'))} rows profiled on Spark"
            + rejected(summary),
        )

    async def _profile_then(
        self,
        job_id: str,
        arguments: list[str],
        staging: str,
        cli_arguments: list[str],
        root: str | None,
        report: Report,
    ) -> tuple[dict[str, Any], dict[str, Any]] | RunOutcome:
        """Profile on Spark, then run the engine CLI; (job summary, CLI summary) or an outcome."""
        problem = self.problem()
        if problem:
            return RunOutcome("failed", problem)
        format_problem = job_format_problem(arguments)
        if format_problem:
            return RunOutcome("failed", format_problem)
        os.makedirs(staging, exist_ok=True)
        try:
            await report(0.0, "starting Spark")
            reader = SparkProgress(report)
            code, _ = await self._run(
                job_id, self.submit_command(arguments), reader, self.environment()
            )
            if job_id in self._cancelled:
                return RunOutcome("cancelled", "cancelled; no output was written")
            if code != 0 or reader.summary is None:
                return RunOutcome("failed", reader.failure(code))
            await report(SPARK_SHARE, "checking")
            engine = ProgressReader(report)
            node, cli = find_node(), find_cli()
            if node is None or cli is None:  # found by problem() above, gone since
                raise RuntimeError(missing(node, cli))
            command = [node, cli, *cli_arguments]
            confinement = engine_environment(root)
            code, stdout = await self._run(job_id, command, engine, confinement)
            if job_id in self._cancelled:
                return RunOutcome("cancelled", "cancelled; no output was written")
            checked = parse_object(stdout) if code == 0 else None
            if checked is None:
                return RunOutcome("failed", engine.failure(code))
            return reader.summary, checked
        finally:
            self._cancelled.discard(job_id)
            shutil.rmtree(staging, ignore_errors=True)

    async def _run(
        self, job_id: str, command: list[str], reader: ProgressReader, env: dict[str, str]
    ) -> tuple[int, str]:
        """Runs a process, its output lines to ``reader``; (exit code, stdout)."""
        # spark-submit merges the Python driver's stderr into its stdout: read both.
        return await self._processes.run(job_id, command, env, reader.feed, feed_stdout=True)

    async def cancel(self, execution_id: str) -> None:
        if execution_id not in self._processes:
            return
        self._cancelled.add(execution_id)
        await self._processes.stop(execution_id, signal.SIGTERM, self.cancel_grace_seconds)


def job_arguments(job: RunJob | BaselineJob, staging: str) -> list[str]:
    arguments = ["--dataset", job.dataset, "--output", staging]
    if job.dataset_format:
        arguments += ["--dataset-format", job.dataset_format]
    if job.header:
        arguments.append("--header")
    if job.root:
        arguments += ["--confine-to", job.root]
    return arguments


def job_format_problem(arguments: list[str]) -> str | None:
    if "--dataset-format" not in arguments:
        return None
    name = arguments[arguments.index("--dataset-format") + 1]
    if name.lower().replace("-", "_") in SPARK_FORMATS:
        return None
    return f"the spark backend reads csv, json, parquet and sagemaker_capture_json, not {name}"


def rejected(summary: dict[str, Any]) -> str:
    """The run's losses for its message: rejected records, and files not read at all."""
    message = rejected_text(summary)
    unread = ((summary.get("diagnostics") or {}).get("counts") or {}).get("unreadable_file")
    if unread:
        message += f"; {unread} file{'' if unread == 1 else 's'} not read ({unreadable(summary)})"
    return message


def unreadable(summary: dict[str, Any]) -> str:
    examples = (summary.get("diagnostics") or {}).get("examples") or []
    first = next((e for e in examples if e.get("kind") == "unreadable_file"), None)
    return f"{first['file']}: {first['message']}" if first else "unreadable"
