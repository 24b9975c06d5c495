"""A monitor on the sagemaker backend, through the real server: REST → scheduler → backend →
stubbed AWS (botocore Stubber; requests validated against the real API model) → results,
metrics and alerts in the store. AWS itself is not reachable here."""

import pytest

boto3 = pytest.importorskip("boto3")
from botocore.stub import Stubber  # noqa: E402
from test_end_to_end import wait_final  # noqa: E402
from test_sagemaker_backend import (  # noqa: E402
    JOB_ARN,
    VIOLATIONS,
    body,
    execution_summary,
    processing_job,
)

from jupyterlab_model_monitor.backends.local import LocalBackend  # noqa: E402
from jupyterlab_model_monitor.backends.sagemaker import SageMakerBackend  # noqa: E402

STATISTICS = {
    "version": 0.0,
    "dataset": {"item_count": 10},
    "features": [
        {
            "name": "age",
            "inferred_type": "Integral",
            "numerical_statistics": {"common": {"num_present": 9, "num_missing": 1}},
        }
    ],
}


@pytest.fixture
def jp_server_config(db_file):
    return {
        "ServerApp": {"jpserver_extensions": {"jupyterlab_model_monitor": True}},
        "ModelMonitorApp": {
            "db_path": str(db_file),
            "scheduler_enabled": False,
            "backend_classes": [LocalBackend, SageMakerBackend],
        },
        "SageMakerBackend": {
            "role_arn": "arn:aws:iam::123456789012:role/ModelMonitor",
            "s3_uri": "s3://bucket/mm",
            "image_uri": "image",
            "poll_seconds": 0,
        },
    }


def stub_run(sagemaker, s3):
    """The AWS answers of one run with violations (requests are validated, not compared)."""
    s3.add_response("put_object", {})
    s3.add_response("put_object", {})
    sagemaker.add_response("create_data_quality_job_definition", {"JobDefinitionArn": "arn:d"})
    sagemaker.add_response("create_monitoring_schedule", {"MonitoringScheduleArn": "arn:s"})
    for status in ("Pending", "InProgress", "CompletedWithViolations"):
        summary = execution_summary(status, ProcessingJobArn=JOB_ARN)
        sagemaker.add_response(
            "list_monitoring_executions", {"MonitoringExecutionSummaries": [summary]}
        )
    sagemaker.add_response("describe_processing_job", processing_job())
    s3.add_response("get_object", {"Body": body(STATISTICS)})
    s3.add_response("get_object", {"Body": body(VIOLATIONS)})
    sagemaker.add_response("delete_monitoring_schedule", {})
    sagemaker.add_response("delete_data_quality_job_definition", {})


async def test_sagemaker_monitor_runs_through_the_server(api, extension, jp_root_dir):
    backend = extension.backends["sagemaker"]
    session = boto3.session.Session(
        aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1"
    )
    backend._clients = {"sagemaker": session.client("sagemaker"), "s3": session.client("s3")}
    _, listed = await api("GET", "backends")
    assert {"name": "sagemaker", "available": True, "reason": None} in listed["backends"]
    (jp_root_dir / "s.json").write_text("{}")
    (jp_root_dir / "captures" / "churn-endpoint").mkdir(parents=True)  # the dataset must exist
    definition = {
        "name": "aws",
        "dataset": "captures/churn-endpoint",
        "backend": "sagemaker",
        "baseline_statistics": "s.json",
        "baseline_constraints": "s.json",
    }
    status, monitor = await api("POST", "monitors", body=definition)
    assert status == 201 and monitor["backend"] == "sagemaker"

    sagemaker, s3 = Stubber(backend._clients["sagemaker"]), Stubber(backend._clients["s3"])
    with sagemaker, s3:
        stub_run(sagemaker, s3)
        _, execution = await api("POST", "monitors", monitor["id"], "runs", body={})
        done = await wait_final(api, execution["id"])
        sagemaker.assert_no_pending_responses()
        s3.assert_no_pending_responses()
    assert done["state"] == "completed_with_violations", done["message"]
    assert done["violations"] == 1
    assert (jp_root_dir / done["output"] / "constraint_violations.json").is_file()
    _, history = await api("GET", "monitors", monitor["id"], "metrics", params={"feature": "age"})
    values = {s["name"]: s["points"][0]["value"] for s in history["series"]}
    assert values["feature_missing_age"] == 0.1 and values["feature_violations_age"] == 1
