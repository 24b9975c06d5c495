"""The ``sagemaker`` backend: runs a monitor's window as a real SageMaker Model Monitor job.

Needs ``pip install "jupyterlab_model_monitor[sagemaker]"`` (boto3), AWS credentials (boto3's
usual chain), an execution role and an S3 prefix; **AWS has closed SageMaker Model Monitor to new
customers**, so this backend is for accounts that already use it. Enable it with::

    c.ModelMonitorApp.backend_classes = [LocalBackend, SageMakerBackend]
    c.SageMakerBackend.role_arn = "arn:aws:iam::123456789012:role/ModelMonitor"
    c.SageMakerBackend.s3_uri = "s3://my-bucket/model-monitor"
    c.SageMakerBackend.image_uri = (  # the analyzer image of your region
        "<account>.dkr.ecr.<region>.amazonaws.com/sagemaker-model-monitor-analyzer"
    )

A monitor using it names its endpoint by its ``dataset`` (``captures/<endpoint name>``: the last
path segment). The Jupyter scheduler stays the clock and the history; each run:

1. uploads the baseline ``statistics.json`` / ``constraints.json`` to
   ``<s3_uri>/<execution id>/baseline/`` (S3 PutObject);
2. creates a data-quality job definition ``mm-<execution id>`` (CreateDataQualityJobDefinition:
   baseline, endpoint input, report output, cluster, analyzer image, role);
3. creates a one-time monitoring schedule ``mm-<execution id>`` (CreateMonitoringSchedule,
   ``ScheduleExpression: "NOW"``, ``MonitoringType: DataQuality``) that references that
   definition by ``MonitoringJobDefinitionName``, whose analysis window is the run's window in
   whole hours relative to now (``DataAnalysisStartTime: "-PT7H"``…);
4. polls ListMonitoringExecutions until the execution ends, reporting its status;
5. reads the processing job's output location (DescribeProcessingJob) and downloads
   ``statistics.json`` and ``constraint_violations.json`` into the run's output folder;
6. deletes the one-time schedule (DeleteMonitoringSchedule), then its job definition
   (DeleteDataQualityJobDefinition, retried while SageMaker still reports it in use).

With ``SageMakerBackend.use_job_definition = False`` step 2 is skipped and the job is defined
inline in the schedule (``MonitoringScheduleConfig.MonitoringJobDefinition``), as before.

Cancel stops the processing job (StopProcessingJob). Calls are tested against botocore's service
model with its Stubber; AWS itself is not reachable from the tests.
"""

import asyncio
import json
import math
import os
import time
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from traitlets import Bool, Float, Int, Unicode

from ..file_names import STATISTICS_FILE, VIOLATIONS_FILE
from ..paths import open_confined, write_confined
from .base import Backend, Report, RunJob, RunOutcome

ENDPOINT_INPUT_PATH = "/opt/ml/processing/input/endpoint"
OUTPUT_PATH = "/opt/ml/processing/output"
TERMINAL = ("Completed", "CompletedWithViolations", "Failed", "Stopped")
RESULT_FILES = (STATISTICS_FILE, VIOLATIONS_FILE)
CAPTURE_FORMAT = {
    "sagemakerCaptureJson": {"captureIndexNames": ["endpointInput", "endpointOutput"]}
}
ANALYZER_ENVIRONMENT = {  # as the SageMaker Python SDK sets it for data quality (FORMATS §2)
    "dataset_format": json.dumps(CAPTURE_FORMAT),
    "dataset_source": ENDPOINT_INPUT_PATH,
    "output_path": OUTPUT_PATH,
    "publish_cloudwatch_metrics": "Disabled",
}


TAGS = ({"Key": "created-by", "Value": "jupyterlab-model-monitor"},)


# SageMaker's processor scripts: the RunJob field → the app specification's S3 URI key.
SCRIPT_URI_KEYS = {
    "record_preprocessor_script": "RecordPreprocessorSourceUri",
    "post_analytics_processor_script": "PostAnalyticsProcessorSourceUri",
}


def split_s3_uri(uri: str) -> tuple[str, str]:
    """``s3://bucket/a/b`` → (``bucket``, ``a/b``)."""
    parts = urlsplit(uri)
    if parts.scheme != "s3" or not parts.netloc:
        raise ValueError(f"not an s3:// URI: {uri}")
    return parts.netloc, parts.path.strip("/")


def schedule_name(execution_id: str) -> str:
    return f"mm-{execution_id}"[:63]


def hours_before(now: datetime, moment: datetime) -> int:
    """Whole hours from ``moment`` back to ``now`` (≥ 0), as SageMaker's offsets count them."""
    return max(0, math.floor((now - moment).total_seconds() / 3600))


def parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def analysis_window(job: RunJob, now: datetime) -> tuple[str, str]:
    """``(DataAnalysisStartTime, DataAnalysisEndTime)`` of the job's window, relative to now."""
    if job.window_start is None or job.window_end is None:  # the scheduler always sets one
        raise ValueError("a SageMaker run needs a window (window_start and window_end)")
    start = hours_before(now, parse_utc(job.window_start))
    end = hours_before(now, parse_utc(job.window_end))
    return f"-PT{max(start, end + 1)}H", f"-PT{end}H"


def endpoint_input(endpoint: str) -> dict[str, str]:
    return {
        "EndpointName": endpoint,
        "LocalPath": ENDPOINT_INPUT_PATH,
        "S3InputMode": "File",
        "S3DataDistributionType": "FullyReplicated",
    }


def s3_output(uri: str) -> dict[str, str]:
    return {"S3Uri": uri, "LocalPath": OUTPUT_PATH, "S3UploadMode": "EndOfJob"}


class SageMakerBackend(Backend):
    """Runs jobs as SageMaker Model Monitor executions (boto3)."""

    name = "sagemaker"

    region = Unicode(None, allow_none=True, help="AWS region (default: boto3's).").tag(config=True)
    role_arn = Unicode("", help="IAM role the monitoring jobs run as.").tag(config=True)
    s3_uri = Unicode("", help="s3://bucket/prefix for baselines and reports.").tag(config=True)
    image_uri = Unicode("", help="The region's sagemaker-model-monitor-analyzer image.").tag(
        config=True
    )
    instance_type = Unicode("ml.m5.xlarge", help="Processing instance type.").tag(config=True)
    instance_count = Int(1, help="Processing instances.").tag(config=True)
    volume_size_gb = Int(20, help="Processing volume size (GB).").tag(config=True)
    max_runtime_seconds = Int(3600, help="A job is stopped after this long.").tag(config=True)
    poll_seconds = Float(30.0, help="Seconds between two status polls.").tag(config=True)
    use_job_definition = Bool(
        True,
        help="Create a DataQualityJobDefinition per run and reference it from the schedule "
        "(False: define the job inline in the schedule).",
    ).tag(config=True)
    definition_delete_attempts = Int(
        5, help="Tries to delete a run's job definition while SageMaker reports it in use."
    ).tag(config=True)
    start_timeout_seconds = Int(
        1800, help="Seconds an execution may take to start, on top of max_runtime_seconds."
    ).tag(config=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._clients: dict[str, Any] = {}  # boto3 clients by service name
        self._cancelled: set[str] = set()
        self._jobs: dict[str, str] = {}  # execution id -> processing job name, once known

    def problem(self) -> str | None:
        try:
            import boto3  # noqa: F401
        except ImportError:
            return 'boto3 is missing: pip install "jupyterlab_model_monitor[sagemaker]"'
        missing = [n for n in ("role_arn", "s3_uri", "image_uri") if not getattr(self, n)]
        if missing:
            return f"configure SageMakerBackend.{', SageMakerBackend.'.join(missing)}"
        return None

    def client(self, service: str) -> Any:
        if service not in self._clients:
            import boto3

            self._clients[service] = boto3.client(service, region_name=self.region)
        return self._clients[service]

    async def call(self, service: str, operation: str, **params: Any) -> Any:
        """One AWS API call, off the event loop."""
        method = getattr(self.client(service), operation)
        return await asyncio.to_thread(method, **params)

    # -- request shapes ----------------------------------------------------------------------

    def schedule_request(
        self,
        job: RunJob,
        baseline_uris: Mapping[str, str],
        now: datetime,
        definition_name: str | None = None,
    ) -> dict[str, Any]:
        """The CreateMonitoringSchedule request of one run.

        With ``definition_name`` the schedule references that DataQualityJobDefinition;
        without it, the job is defined inline.
        """
        start, end = analysis_window(job, now)
        schedule = {
            "ScheduleExpression": "NOW",
            "DataAnalysisStartTime": start,
            "DataAnalysisEndTime": end,
        }
        config: dict[str, Any] = {"ScheduleConfig": schedule, "MonitoringType": "DataQuality"}
        if definition_name:
            config["MonitoringJobDefinitionName"] = definition_name
        else:
            config["MonitoringJobDefinition"] = self.job_definition(job, baseline_uris)
        return {
            "MonitoringScheduleName": schedule_name(job.execution_id),
            "MonitoringScheduleConfig": config,
            "Tags": list(TAGS),
        }

    def data_quality_definition_request(
        self, job: RunJob, baseline_uris: Mapping[str, str]
    ) -> dict[str, Any]:
        """The CreateDataQualityJobDefinition request of one run (the same job as inline)."""
        inline = self.job_definition(job, baseline_uris)
        return {
            "JobDefinitionName": schedule_name(job.execution_id),
            "DataQualityBaselineConfig": inline["BaselineConfig"],
            "DataQualityAppSpecification": {
                **inline["MonitoringAppSpecification"],
                "Environment": inline["Environment"],
            },
            "DataQualityJobInput": inline["MonitoringInputs"][0],
            "DataQualityJobOutputConfig": inline["MonitoringOutputConfig"],
            "JobResources": inline["MonitoringResources"],
            "RoleArn": self.role_arn,
            "StoppingCondition": inline["StoppingCondition"],
            "Tags": list(TAGS),
        }

    def job_definition(self, job: RunJob, baseline_uris: Mapping[str, str]) -> dict[str, Any]:
        """The data-quality job: baseline, endpoint input, report output, cluster, image."""
        endpoint = os.path.basename(job.dataset.rstrip("/"))
        reports = f"{self.s3_uri.rstrip('/')}/{job.execution_id}/reports"
        return {
            "BaselineConfig": {
                "StatisticsResource": {"S3Uri": baseline_uris["statistics"]},
                "ConstraintsResource": {"S3Uri": baseline_uris["constraints"]},
            },
            "MonitoringInputs": [{"EndpointInput": endpoint_input(endpoint)}],
            "MonitoringOutputConfig": {"MonitoringOutputs": [{"S3Output": s3_output(reports)}]},
            "MonitoringResources": {"ClusterConfig": self.cluster()},
            "MonitoringAppSpecification": {
                "ImageUri": self.image_uri,
                **{
                    SCRIPT_URI_KEYS[kind]: uri
                    for kind, uri in baseline_uris.items()
                    if kind in SCRIPT_URI_KEYS
                },
            },
            "StoppingCondition": {"MaxRuntimeInSeconds": self.max_runtime_seconds},
            "Environment": dict(ANALYZER_ENVIRONMENT),
            "RoleArn": self.role_arn,
        }

    def cluster(self) -> dict[str, Any]:
        return {
            "InstanceCount": self.instance_count,
            "InstanceType": self.instance_type,
            "VolumeSizeInGB": self.volume_size_gb,
        }

    # -- one run -----------------------------------------------------------------------------

    async def run(self, job: RunJob, report: Report, now: datetime | None = None) -> RunOutcome:
        if job.monitor_type != "data-quality":  # validation refuses these monitors here
            return RunOutcome("failed", "the sagemaker backend runs data-quality monitors only")
        problem = self.problem()
        if problem:
            return RunOutcome("failed", problem)
        name = schedule_name(job.execution_id)
        definition = None  # the job definition created by this run, to delete afterwards
        try:
            uris = await self._upload_baseline(job)
            if self.use_job_definition:
                request = self.data_quality_definition_request(job, uris)
                await self.call("sagemaker", "create_data_quality_job_definition", **request)
                definition = request["JobDefinitionName"]
            request = self.schedule_request(
                job, uris, now or datetime.now(timezone.utc), definition_name=definition
            )
            await self.call("sagemaker", "create_monitoring_schedule", **request)
            await report(0.1, "SageMaker: schedule created")
            summary = await self._wait(job.execution_id, name, report)
            return await self._outcome(job, summary)
        except Exception as error:  # botocore's ClientError, network errors
            return RunOutcome("failed", f"SageMaker: {type(error).__name__}: {error}")
        finally:
            self._cancelled.discard(job.execution_id)
            self._jobs.pop(job.execution_id, None)
            await self._delete_schedule(name)
            if definition:
                await self._delete_definition(definition)

    async def _upload_baseline(self, job: RunJob) -> dict[str, str]:
        """The run's baseline files and processor scripts in S3: {kind: S3 URI}."""
        bucket, prefix = split_s3_uri(self.s3_uri)
        uris: dict[str, str] = {}
        files = [
            ("statistics", job.baseline_statistics, "baseline/statistics.json"),
            ("constraints", job.baseline_constraints, "baseline/constraints.json"),
        ]
        for kind in SCRIPT_URI_KEYS:
            script = getattr(job, kind)
            if script:
                files.append((kind, script, f"scripts/{os.path.basename(script)}"))
        for kind, path, name in files:
            key = f"{prefix}/{job.execution_id}/{name}".lstrip("/")
            with open_confined(job.root, path, mode="rb") as file:
                body = file.read()
            await self.call("s3", "put_object", Bucket=bucket, Key=key, Body=body)
            uris[kind] = f"s3://{bucket}/{key}"
        return uris

    async def _wait(self, execution_id: str, name: str, report: Report) -> dict[str, Any] | None:
        """Poll the schedule's execution until it ends; its summary, or None if cancelled."""
        deadline = time.monotonic() + self.max_runtime_seconds + self.start_timeout_seconds
        while time.monotonic() < deadline:
            if execution_id in self._cancelled:
                await self._stop(execution_id)
                return None
            found = await self.call(
                "sagemaker", "list_monitoring_executions", MonitoringScheduleName=name
            )
            summaries = found["MonitoringExecutionSummaries"]
            if summaries:
                summary = summaries[0]
                if summary.get("ProcessingJobArn"):
                    self._jobs[execution_id] = summary["ProcessingJobArn"].rsplit("/", 1)[-1]
                status = summary["MonitoringExecutionStatus"]
                if status in TERMINAL:
                    return summary
                await report(0.5 if status == "InProgress" else 0.2, f"SageMaker: {status}")
            await asyncio.sleep(self.poll_seconds)
        raise TimeoutError(f"the execution of {name} did not end in time")

    async def _outcome(self, job: RunJob, summary: Mapping[str, Any] | None) -> RunOutcome:
        if summary is None:
            return RunOutcome("cancelled", "cancelled; the SageMaker job was stopped")
        status = summary["MonitoringExecutionStatus"]
        if status in ("Failed", "Stopped"):
            reason = summary.get("FailureReason") or "no reason given"
            return RunOutcome(
                "failed" if status == "Failed" else "cancelled", f"{status}: {reason}"
            )
        await self._download_results(job)
        path = os.path.join(job.output, VIOLATIONS_FILE)
        with open_confined(job.root, path, encoding="utf-8") as file:
            violations = len(json.load(file).get("violations", []))
        state = "completed_with_violations" if violations else "completed"
        return RunOutcome(state, f"SageMaker {status}: {violations} violations", violations)

    async def _download_results(self, job: RunJob) -> None:
        described = await self.call(
            "sagemaker", "describe_processing_job", ProcessingJobName=self._jobs[job.execution_id]
        )
        outputs = described["ProcessingOutputConfig"]["Outputs"]
        bucket, prefix = split_s3_uri(outputs[0]["S3Output"]["S3Uri"])
        os.makedirs(job.output, exist_ok=True)
        for name in RESULT_FILES:
            answer = await self.call("s3", "get_object", Bucket=bucket, Key=f"{prefix}/{name}")
            body = await asyncio.to_thread(answer["Body"].read)
            write_confined(job.root, job.output, name, body)

    async def _stop(self, execution_id: str) -> None:
        job_name = self._jobs.get(execution_id)
        if job_name:
            await self.call("sagemaker", "stop_processing_job", ProcessingJobName=job_name)

    async def _delete_schedule(self, name: str) -> None:
        try:
            await self.call("sagemaker", "delete_monitoring_schedule", MonitoringScheduleName=name)
        except Exception as error:
            self.log.warning("model-monitor: could not delete schedule %s: %s", name, error)

    async def _delete_definition(self, name: str) -> None:
        """Delete a run's job definition; SageMaker refuses while the schedule is being deleted."""
        for attempt in range(max(1, self.definition_delete_attempts)):
            if attempt:
                await asyncio.sleep(self.poll_seconds)
            try:
                await self.call(
                    "sagemaker", "delete_data_quality_job_definition", JobDefinitionName=name
                )
                return
            except Exception as error:
                code = getattr(error, "response", {}).get("Error", {}).get("Code")
                if code != "ResourceInUse":
                    self.log.warning(
                        "model-monitor: could not delete definition %s: %s", name, error
                    )
                    return
        self.log.warning("model-monitor: job definition %s is still in use; not deleted", name)

    async def cancel(self, execution_id: str) -> None:
        self._cancelled.add(execution_id)
