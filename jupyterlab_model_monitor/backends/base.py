"""The interface every backend implements."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from traitlets.config import LoggingConfigurable


@dataclass(frozen=True)
class RunJob:
    """One monitoring run, with absolute paths already confined to the server root."""

    execution_id: str
    dataset: str
    dataset_format: str | None
    header: bool
    baseline_statistics: str
    baseline_constraints: str
    output: str
    window_start: str | None = None  # ISO UTC, inclusive
    window_end: str | None = None  # ISO UTC, exclusive
    monitor_type: str = "data-quality"
    model_quality: dict[str, Any] | None = None  # validation.QUALITY_FIELDS, ground_truth absolute
    root: str | None = None  # every file read or written must resolve under it, when set
    monitor_name: str | None = None  # the MonitoringSchedule dimension of its metrics
    record_preprocessor_script: str | None = None  # absolute, confined; SageMaker's script
    post_analytics_processor_script: str | None = None  # absolute, confined; SageMaker's script
    custom_monitor: dict[str, Any] | None = None  # validation's custom_monitor, its script absolute
    batch_capture: dict[str, Any] | None = None  # {"s3_map": {s3 prefix: absolute folder}}
    segment: dict[str, Any] | None = None  # validation's segment: by, max_segments, baseline


@dataclass(frozen=True)
class BaselineJob:
    """One baseline job (statistics.json + suggested constraints.json), paths absolute."""

    job_id: str
    dataset: str
    dataset_format: str | None
    header: bool
    output: str
    root: str | None = None  # every file read or written must resolve under it, when set
    segment: dict[str, Any] | None = None  # {"by", "max_segments"}: segment baselines too


@dataclass(frozen=True)
class RunOutcome:
    """How a run ended: ``completed``, ``completed_with_violations``, ``failed``, ``cancelled``."""

    state: str
    message: str = ""
    violations: int | None = None
    segments: dict[str, Any] | None = None  # a segmented run's summary (segments.py)


# ``report(progress, message)``: progress in [0, 1] or None, a message or None.
Report = Callable[[float | None, str | None], Awaitable[None]]


class Backend(LoggingConfigurable):
    """Runs jobs somewhere. Subclasses set ``name`` and implement :meth:`run` and :meth:`cancel`
    (and :meth:`baseline` if they can compute baselines).

    ``run`` awaits the job to its end and returns a :class:`RunOutcome`; it calls
    ``report(progress, message)`` (progress in [0, 1]) as the job advances. ``cancel`` stops a job
    started by this backend; ``run`` then returns soon after.
    """

    name = ""

    def problem(self) -> str | None:
        """Why this backend cannot run jobs here (shown to users), or ``None`` when it can."""
        return None

    async def run(self, job: RunJob, report: Report) -> RunOutcome:
        raise NotImplementedError

    async def baseline(self, job: BaselineJob, report: Report) -> RunOutcome:
        """Compute a baseline (a :class:`BaselineJob`); same contract as :meth:`run`."""
        return RunOutcome("failed", f"the {self.name} backend cannot compute baselines")

    async def cancel(self, execution_id: str) -> None:
        raise NotImplementedError
