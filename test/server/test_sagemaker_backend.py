"""The sagemaker backend against botocore's real service model, with botocore's Stubber.

AWS is not reachable here: the Stubber answers instead, after botocore has validated every
request against the SageMaker and S3 API models (a wrong field or type fails the test).
"""

import asyncio
import dataclasses
import io
import json
import os
from datetime import datetime, timezone

import pytest

boto3 = pytest.importorskip("boto3")
from botocore.exceptions import ParamValidationError  # noqa: E402
from botocore.response import StreamingBody  # noqa: E402
from botocore.stub import ANY, Stubber  # noqa: E402

from jupyterlab_model_monitor.backends import RunJob  # noqa: E402
from jupyterlab_model_monitor.backends.sagemaker import (  # noqa: E402
    SageMakerBackend,
    analysis_window,
)

EXECUTION = "0123456789abcdef0123456789abcdef"
SCHEDULE = f"mm-{EXECUTION}"
NOW = datetime(2026, 11, 2, 0, 0, 30, tzinfo=timezone.utc)
JOB_ARN = "arn:aws:sagemaker:us-east-1:123456789012:processing-job/model-monitoring-abc"
REPORTS = f"s3://bucket/mm/{EXECUTION}/reports"
VIOLATIONS = {
    "violations": [
        {"feature_name": "age", "constraint_check_type": "baseline_drift_check", "description": "d"}
    ]
}


@pytest.fixture
def job(tmp_path):
    (tmp_path / "statistics.json").write_text('{"version": 0.0}')
    (tmp_path / "constraints.json").write_text('{"version": 0.0}')
    return RunJob(
        execution_id=EXECUTION,
        dataset=str(tmp_path / "captures" / "churn-endpoint"),
        dataset_format=None,
        header=False,
        baseline_statistics=str(tmp_path / "statistics.json"),
        baseline_constraints=str(tmp_path / "constraints.json"),
        output=str(tmp_path / "out"),
        window_start="2026-11-01T18:00:00Z",
        window_end="2026-11-02T00:00:00Z",
    )


@pytest.fixture
def backend():
    backend = SageMakerBackend(
        role_arn="arn:aws:iam::123456789012:role/ModelMonitor",
        s3_uri="s3://bucket/mm",
        image_uri="156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer",
        region="us-east-1",
        poll_seconds=0,
        use_job_definition=False,  # the inline path; the job-definition tests switch it on
    )
    session = boto3.session.Session(
        aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1"
    )
    backend._clients = {"sagemaker": session.client("sagemaker"), "s3": session.client("s3")}
    return backend


@pytest.fixture
def stubs(backend):
    sagemaker = Stubber(backend._clients["sagemaker"])
    s3 = Stubber(backend._clients["s3"])
    with sagemaker, s3:
        yield sagemaker, s3
    sagemaker.assert_no_pending_responses()
    s3.assert_no_pending_responses()


def body(document):
    raw = json.dumps(document).encode()
    return StreamingBody(io.BytesIO(raw), len(raw))


def execution_summary(status, **extra):
    return {
        "MonitoringScheduleName": SCHEDULE,
        "ScheduledTime": NOW,
        "CreationTime": NOW,
        "LastModifiedTime": NOW,
        "MonitoringExecutionStatus": status,
        **extra,
    }


def processing_job():
    return {
        "ProcessingJobName": "model-monitoring-abc",
        "ProcessingJobArn": JOB_ARN,
        "ProcessingJobStatus": "Completed",
        "CreationTime": NOW,
        "ProcessingResources": {
            "ClusterConfig": {
                "InstanceCount": 1,
                "InstanceType": "ml.m5.xlarge",
                "VolumeSizeInGB": 20,
            }
        },
        "AppSpecification": {"ImageUri": "image"},
        "ProcessingOutputConfig": {
            "Outputs": [
                {
                    "OutputName": "monitoring_output",
                    "S3Output": {
                        "S3Uri": REPORTS,
                        "LocalPath": "/opt/ml/processing/output",
                        "S3UploadMode": "EndOfJob",
                    },
                }
            ]
        },
    }


def expect_upload(s3):
    for kind in ("statistics", "constraints"):
        key = f"mm/{EXECUTION}/baseline/{kind}.json"
        s3.add_response("put_object", {}, {"Bucket": "bucket", "Key": key, "Body": ANY})


def expect_listing(sagemaker, *summaries):
    for summary in summaries:
        sagemaker.add_response(
            "list_monitoring_executions",
            {"MonitoringExecutionSummaries": summary},
            {"MonitoringScheduleName": SCHEDULE},
        )


class Reports(list):
    async def __call__(self, progress, message):
        self.append((progress, message))


def test_window_in_whole_hours_before_now(job):
    assert analysis_window(job, NOW) == ("-PT6H", "-PT0H")


def test_schedule_request_matches_the_service_model(backend, job):
    uris = {"statistics": "s3://b/s.json", "constraints": "s3://b/c.json"}
    request = backend.schedule_request(job, uris, NOW)
    config = request["MonitoringScheduleConfig"]
    assert config["ScheduleConfig"] == {
        "ScheduleExpression": "NOW",
        "DataAnalysisStartTime": "-PT6H",
        "DataAnalysisEndTime": "-PT0H",
    }
    definition = config["MonitoringJobDefinition"]
    endpoint = definition["MonitoringInputs"][0]["EndpointInput"]
    assert endpoint["EndpointName"] == "churn-endpoint"
    assert json.loads(definition["Environment"]["dataset_format"]) == {
        "sagemakerCaptureJson": {"captureIndexNames": ["endpointInput", "endpointOutput"]}
    }
    client = backend._clients["sagemaker"]
    with Stubber(client) as stub:  # botocore validates the request against the real model
        stub.add_response("create_monitoring_schedule", {"MonitoringScheduleArn": "arn:x"}, request)
        client.create_monitoring_schedule(**request)
        broken = {**request, "MonitoringScheduleConfig": {**config, "ScheduleConfig": {}}}
        stub.add_response("create_monitoring_schedule", {"MonitoringScheduleArn": "arn:x"})
        with pytest.raises(ParamValidationError, match="ScheduleExpression"):
            client.create_monitoring_schedule(**broken)


async def test_a_run_with_violations(backend, stubs, job, tmp_path):
    sagemaker, s3 = stubs
    expect_upload(s3)
    uris = {
        "statistics": f"s3://bucket/mm/{EXECUTION}/baseline/statistics.json",
        "constraints": f"s3://bucket/mm/{EXECUTION}/baseline/constraints.json",
    }
    sagemaker.add_response(
        "create_monitoring_schedule",
        {"MonitoringScheduleArn": "arn:s"},
        backend.schedule_request(job, uris, NOW),
    )
    expect_listing(
        sagemaker,
        [],
        [execution_summary("InProgress", ProcessingJobArn=JOB_ARN)],
        [execution_summary("CompletedWithViolations", ProcessingJobArn=JOB_ARN)],
    )
    sagemaker.add_response(
        "describe_processing_job", processing_job(), {"ProcessingJobName": "model-monitoring-abc"}
    )
    prefix = f"mm/{EXECUTION}/reports"
    s3.add_response(
        "get_object",
        {"Body": body({"version": 0.0})},
        {"Bucket": "bucket", "Key": f"{prefix}/statistics.json"},
    )
    s3.add_response(
        "get_object",
        {"Body": body(VIOLATIONS)},
        {"Bucket": "bucket", "Key": f"{prefix}/constraint_violations.json"},
    )
    sagemaker.add_response("delete_monitoring_schedule", {}, {"MonitoringScheduleName": SCHEDULE})

    reports = Reports()
    outcome = await backend.run(job, reports, now=NOW)
    assert (outcome.state, outcome.violations) == ("completed_with_violations", 1)
    out = tmp_path / "out"
    assert json.loads((out / "constraint_violations.json").read_text()) == VIOLATIONS
    assert (out / "statistics.json").is_file()
    assert (0.5, "SageMaker: InProgress") in reports


async def test_a_failed_execution(backend, stubs, job):
    sagemaker, s3 = stubs
    expect_upload(s3)
    sagemaker.add_response("create_monitoring_schedule", {"MonitoringScheduleArn": "arn:s"})
    failed = execution_summary("Failed", FailureReason="No data captured in the window")
    expect_listing(sagemaker, [failed])
    sagemaker.add_response("delete_monitoring_schedule", {}, {"MonitoringScheduleName": SCHEDULE})
    outcome = await backend.run(job, Reports(), now=NOW)
    assert (outcome.state, outcome.message) == ("failed", "Failed: No data captured in the window")


async def test_an_api_error_fails_the_run(backend, stubs, job):
    sagemaker, s3 = stubs
    expect_upload(s3)
    sagemaker.add_client_error(
        "create_monitoring_schedule", "ResourceLimitExceeded", "too many schedules"
    )
    sagemaker.add_client_error("delete_monitoring_schedule", "ResourceNotFound", "none")
    outcome = await backend.run(job, Reports(), now=NOW)
    assert outcome.state == "failed" and "ResourceLimitExceeded" in outcome.message


async def test_cancel_stops_the_processing_job(backend, stubs, job):
    sagemaker, s3 = stubs
    expect_upload(s3)
    sagemaker.add_response("create_monitoring_schedule", {"MonitoringScheduleArn": "arn:s"})
    expect_listing(sagemaker, [execution_summary("InProgress", ProcessingJobArn=JOB_ARN)])
    sagemaker.add_response("stop_processing_job", {}, {"ProcessingJobName": "model-monitoring-abc"})
    sagemaker.add_response("delete_monitoring_schedule", {}, {"MonitoringScheduleName": SCHEDULE})

    async def cancel_when_running(progress, message):
        if message == "SageMaker: InProgress":
            await backend.cancel(EXECUTION)

    outcome = await backend.run(job, cancel_when_running, now=NOW)
    assert outcome.state == "cancelled"


def test_problem_names_what_is_missing():
    assert "role_arn" in SageMakerBackend().problem()
    assert "s3_uri" in SageMakerBackend(role_arn="r").problem()


async def test_an_execution_that_never_ends_times_out(backend, stubs, job):
    sagemaker, s3 = stubs
    backend.max_runtime_seconds, backend.start_timeout_seconds, backend.poll_seconds = 1, 0, 1.1
    expect_upload(s3)
    sagemaker.add_response("create_monitoring_schedule", {"MonitoringScheduleArn": "arn:s"})
    expect_listing(sagemaker, [execution_summary("Pending")])
    sagemaker.add_response("delete_monitoring_schedule", {}, {"MonitoringScheduleName": SCHEDULE})
    outcome = await backend.run(job, Reports(), now=NOW)
    assert outcome.state == "failed" and "did not end in time" in outcome.message


# -- the job-definition path (CreateDataQualityJobDefinition + MonitoringJobDefinitionName) --

DEFINITION_ARN = "arn:aws:sagemaker:us-east-1:123456789012:data-quality-job-definition"
UPLOADED = {
    "statistics": f"s3://bucket/mm/{EXECUTION}/baseline/statistics.json",
    "constraints": f"s3://bucket/mm/{EXECUTION}/baseline/constraints.json",
}


def test_definition_request_matches_the_service_model(backend, job):
    request = backend.data_quality_definition_request(job, UPLOADED)
    assert request["JobDefinitionName"] == SCHEDULE
    assert request["DataQualityBaselineConfig"] == {
        "StatisticsResource": {"S3Uri": UPLOADED["statistics"]},
        "ConstraintsResource": {"S3Uri": UPLOADED["constraints"]},
    }
    assert request["DataQualityJobInput"]["EndpointInput"]["EndpointName"] == "churn-endpoint"
    output = request["DataQualityJobOutputConfig"]["MonitoringOutputs"][0]["S3Output"]
    assert output["S3Uri"] == REPORTS
    schedule = backend.schedule_request(job, UPLOADED, NOW, definition_name=SCHEDULE)
    config = schedule["MonitoringScheduleConfig"]
    assert config["MonitoringJobDefinitionName"] == SCHEDULE
    assert config["MonitoringType"] == "DataQuality"
    assert "MonitoringJobDefinition" not in config
    client = backend._clients["sagemaker"]
    with Stubber(client) as stub:  # botocore validates both requests against the real model
        stub.add_response(
            "create_data_quality_job_definition", {"JobDefinitionArn": "arn:d"}, request
        )
        client.create_data_quality_job_definition(**request)
        stub.add_response(
            "create_monitoring_schedule", {"MonitoringScheduleArn": "arn:s"}, schedule
        )
        client.create_monitoring_schedule(**schedule)
        broken = {k: v for k, v in request.items() if k != "DataQualityJobInput"}
        stub.add_response("create_data_quality_job_definition", {"JobDefinitionArn": "arn:d"})
        with pytest.raises(ParamValidationError, match="DataQualityJobInput"):
            client.create_data_quality_job_definition(**broken)


def expect_definition(backend, sagemaker, job):
    sagemaker.add_response(
        "create_data_quality_job_definition",
        {"JobDefinitionArn": f"{DEFINITION_ARN}/{SCHEDULE}"},
        backend.data_quality_definition_request(job, UPLOADED),
    )


def expect_definition_deleted(sagemaker):
    sagemaker.add_response(
        "delete_data_quality_job_definition", {}, {"JobDefinitionName": SCHEDULE}
    )


async def test_a_run_through_a_job_definition(backend, stubs, job, tmp_path):
    backend.use_job_definition = True
    sagemaker, s3 = stubs
    expect_upload(s3)
    expect_definition(backend, sagemaker, job)
    sagemaker.add_response(
        "create_monitoring_schedule",
        {"MonitoringScheduleArn": "arn:s"},
        backend.schedule_request(job, UPLOADED, NOW, definition_name=SCHEDULE),
    )
    expect_listing(
        sagemaker, [execution_summary("CompletedWithViolations", ProcessingJobArn=JOB_ARN)]
    )
    sagemaker.add_response(
        "describe_processing_job", processing_job(), {"ProcessingJobName": "model-monitoring-abc"}
    )
    prefix = f"mm/{EXECUTION}/reports"
    s3.add_response(
        "get_object",
        {"Body": body({"version": 0.0})},
        {"Bucket": "bucket", "Key": f"{prefix}/statistics.json"},
    )
    s3.add_response(
        "get_object",
        {"Body": body(VIOLATIONS)},
        {"Bucket": "bucket", "Key": f"{prefix}/constraint_violations.json"},
    )
    sagemaker.add_response("delete_monitoring_schedule", {}, {"MonitoringScheduleName": SCHEDULE})
    expect_definition_deleted(sagemaker)

    outcome = await backend.run(job, Reports(), now=NOW)
    assert (outcome.state, outcome.violations) == ("completed_with_violations", 1)
    assert json.loads((tmp_path / "out" / "constraint_violations.json").read_text()) == VIOLATIONS


async def test_the_definition_is_deleted_when_the_schedule_cannot_be_created(backend, stubs, job):
    backend.use_job_definition = True
    sagemaker, s3 = stubs
    expect_upload(s3)
    expect_definition(backend, sagemaker, job)
    sagemaker.add_client_error(
        "create_monitoring_schedule", "ResourceLimitExceeded", "too many schedules"
    )
    sagemaker.add_client_error("delete_monitoring_schedule", "ResourceNotFound", "none")
    expect_definition_deleted(sagemaker)
    outcome = await backend.run(job, Reports(), now=NOW)
    assert outcome.state == "failed" and "ResourceLimitExceeded" in outcome.message


async def test_a_definition_in_use_is_deleted_on_retry(backend, stubs, job):
    backend.use_job_definition = True
    sagemaker, s3 = stubs
    expect_upload(s3)
    expect_definition(backend, sagemaker, job)
    sagemaker.add_response("create_monitoring_schedule", {"MonitoringScheduleArn": "arn:s"})
    expect_listing(sagemaker, [execution_summary("Failed", FailureReason="no data")])
    sagemaker.add_response("delete_monitoring_schedule", {}, {"MonitoringScheduleName": SCHEDULE})
    sagemaker.add_client_error(
        "delete_data_quality_job_definition", "ResourceInUse", "schedule is being deleted"
    )
    expect_definition_deleted(sagemaker)
    outcome = await backend.run(job, Reports(), now=NOW)
    assert (outcome.state, outcome.message) == ("failed", "Failed: no data")


async def test_no_definition_when_the_definition_cannot_be_created(backend, stubs, job):
    backend.use_job_definition = True
    sagemaker, s3 = stubs
    expect_upload(s3)
    sagemaker.add_client_error(
        "create_data_quality_job_definition", "ResourceLimitExceeded", "too many definitions"
    )
    sagemaker.add_client_error("delete_monitoring_schedule", "ResourceNotFound", "none")
    outcome = await backend.run(job, Reports(), now=NOW)  # no delete_data_quality_… expected
    assert outcome.state == "failed" and "too many definitions" in outcome.message


def test_processor_scripts_are_uploaded_and_named_in_both_request_shapes(backend, stubs, job):
    """SageMaker runs the monitor's scripts itself: they go to S3 with the baseline, and the app
    specification names them (inline schedule and job definition), as botocore's model allows."""
    folder = os.path.dirname(job.baseline_statistics)
    scripts = {}
    for field, name in (
        ("record_preprocessor_script", "preprocessor.py"),
        ("post_analytics_processor_script", "postprocessor.py"),
    ):
        scripts[field] = os.path.join(folder, name)
        with open(scripts[field], "w") as file:
            file.write("def preprocess_handler(r):\n    return {}\n")
    with_scripts = dataclasses.replace(job, **scripts)
    sagemaker, s3 = stubs
    expect_upload(s3)
    for name in ("preprocessor.py", "postprocessor.py"):
        key = f"mm/{EXECUTION}/scripts/{name}"
        s3.add_response("put_object", {}, {"Bucket": "bucket", "Key": key, "Body": ANY})
    uris = asyncio.run(backend._upload_baseline(with_scripts))
    expected = {
        "RecordPreprocessorSourceUri": f"s3://bucket/mm/{EXECUTION}/scripts/preprocessor.py",
        "PostAnalyticsProcessorSourceUri": f"s3://bucket/mm/{EXECUTION}/scripts/postprocessor.py",
    }
    inline = backend.schedule_request(with_scripts, uris, NOW)
    app = inline["MonitoringScheduleConfig"]["MonitoringJobDefinition"][
        "MonitoringAppSpecification"
    ]
    assert app == {"ImageUri": backend.image_uri, **expected}
    definition = backend.data_quality_definition_request(with_scripts, uris)
    assert (
        definition["DataQualityAppSpecification"]["RecordPreprocessorSourceUri"]
        == (expected["RecordPreprocessorSourceUri"])
    )
    client = backend._clients["sagemaker"]  # botocore validates both against the real model
    sagemaker.add_response("create_monitoring_schedule", {"MonitoringScheduleArn": "arn:s"}, inline)
    client.create_monitoring_schedule(**inline)
    sagemaker.add_response(
        "create_data_quality_job_definition", {"JobDefinitionArn": "arn:d"}, definition
    )
    client.create_data_quality_job_definition(**definition)
    # Without scripts the requests are as before: no script keys at all.
    plain = backend.schedule_request(job, UPLOADED, NOW)
    plain_app = plain["MonitoringScheduleConfig"]["MonitoringJobDefinition"]
    assert plain_app["MonitoringAppSpecification"] == {"ImageUri": backend.image_uri}
