"""Custom monitors (SageMaker's bring your own container): validated by the REST API and run by a
real server's local backend through the engine, their outputs read back into executions, metric
history and alerts as a data-quality monitor's are."""

import pytest
from demo import build_demo
from test_end_to_end import definition, wait_final

# As SageMaker's BYOC examples write one: read dataset_source, write constraint_violations.json
# to output_path and, when publish_cloudwatch_metrics is Enabled, a CloudWatch-format metric.
MONITOR = """
import glob
import json
import os
import sys

records = 0
for path in glob.glob(os.path.join(os.environ["dataset_source"], "**", "*.jsonl"), recursive=True):
    with open(path) as f:
        records += sum(1 for line in f if line.strip())
limit = int(sys.argv[sys.argv.index("--min-records") + 1])
violations = []
if records < limit:
    violations.append({"feature_name": "records", "constraint_check_type": "baseline_drift_check",
                       "description": f"{records} records, fewer than {limit}"})
with open(os.path.join(os.environ["output_path"], "constraint_violations.json"), "w") as f:
    json.dump({"violations": violations}, f)
if os.environ["publish_cloudwatch_metrics"] == "Enabled":
    folder = os.environ["CLOUDWATCH_METRICS_DIRECTORY"]
    with open(os.path.join(folder, "custom.jsonl"), "w") as f:
        f.write(json.dumps({"MetricName": "record_count", "Value": records}) + "\\n")
"""

WINDOW = {"window_start": "2026-11-01T18:00:00Z", "window_end": "2026-11-02T00:00:00Z"}


@pytest.fixture
def demo(jp_root_dir):
    generate = build_demo(jp_root_dir)
    (jp_root_dir / "monitors").mkdir()
    (jp_root_dir / "monitors" / "count_records.py").write_text(MONITOR)
    return generate


def custom(demo, **settings):
    program = {"script": "monitors/count_records.py", "arguments": ["--min-records", "10000000"]}
    return definition(demo, monitor_type="custom", custom_monitor={**program, **settings})


async def test_a_custom_monitor_runs_and_its_results_come_back(api, demo, jp_root_dir):
    status, monitor = await api("POST", "monitors", body=custom(demo))
    assert status == 201, monitor
    assert monitor["custom_monitor"] == {
        "script": "monitors/count_records.py",
        "image": None,
        "arguments": ["--min-records", "10000000"],
    }
    _, execution = await api("POST", "monitors", monitor["id"], "runs", body=WINDOW)
    done = await wait_final(api, execution["id"])
    assert (done["state"], done["violations"]) == ("completed_with_violations", 1), done
    assert done["message"] == "1 violation"
    assert (jp_root_dir / done["output"] / "constraint_violations.json").is_file()

    _, history = await api("GET", "monitors", monitor["id"], "metrics")
    by_name = {series["name"]: series for series in history["series"]}
    (count,) = by_name["record_count"]["points"]
    assert count["value"] > 0 and count["execution_id"] == done["id"]
    assert by_name["dataset_violations"]["points"][0]["value"] == 1
    _, feed = await api("GET", "alerts")
    assert any(alert["execution_id"] == done["id"] for alert in feed["alerts"])


async def test_a_failing_program_fails_the_run_with_its_output(api, demo, jp_root_dir):
    (jp_root_dir / "monitors" / "broken.py").write_text("raise SystemExit('no model today')\n")
    body = custom(demo, script="monitors/broken.py", arguments=[])
    _, monitor = await api("POST", "monitors", body=body)
    _, execution = await api("POST", "monitors", monitor["id"], "runs", body=WINDOW)
    done = await wait_final(api, execution["id"])
    assert done["state"] == "failed"
    assert "no model today" in done["message"]
    assert "exited with 1" in done["message"]


@pytest.mark.parametrize(
    ("settings", "field", "message"),
    [
        ({"image": "monitor:1"}, "custom_monitor.script", "either script or image"),
        ({"script": None, "image": "-v/etc:/x"}, "custom_monitor.image", "container image"),
        ({"script": "monitors/none.py"}, "custom_monitor.script", "no such file"),
        ({"script": "../outside.py"}, "custom_monitor.script", "outside"),
        ({"arguments": "--all"}, "custom_monitor.arguments", "list"),
        ({"memory": 4}, "custom_monitor.memory", "unknown field"),
    ],
)
async def test_custom_settings_are_checked_with_their_field(api, demo, settings, field, message):
    status, error = await api("POST", "monitors", body=custom(demo, **settings))
    assert status == 400
    assert error["field"] == field
    assert message in error["message"]


async def test_only_custom_monitors_have_a_program(api, demo):
    body = definition(demo, custom_monitor={"script": "monitors/count_records.py"})
    status, error = await api("POST", "monitors", body=body)
    assert (status, error["field"]) == (400, "custom_monitor")
    body = definition(demo, monitor_type="custom")
    status, error = await api("POST", "monitors", body=body)
    assert (status, error["field"]) == (400, "custom_monitor")
