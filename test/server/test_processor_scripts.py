"""SageMaker's processor scripts on monitors: validated by the REST API, run unchanged by the local
backend's engine on the server's Python (a real server, engine and Python)."""

import json
import sys

import pytest
from demo import build_demo
from test_end_to_end import definition, wait_final

# As SageMaker's documentation writes one: the default row (output, then input), keys zero-padded,
# with a sampling rule that keeps the records whose event id ends in an odd hexadecimal digit.
PREPROCESSOR = """
def preprocess_handler(inference_record, logger):
    if inference_record.event_metadata.event_id[-1] in "02468ace":
        return []
    output_data = inference_record.endpoint_output.data.rstrip("\\n")
    input_data = inference_record.endpoint_input.data.rstrip("\\n")
    cells = (output_data + "," + input_data).split(",")
    return {str(i).zfill(20): cell for i, cell in enumerate(cells)}
"""

POSTPROCESSOR = """
import json
import os
import sys

def postprocess_handler():
    seen = {name: os.environ.get(name) for name in ("output_path", "start_time", "end_time",
            "sagemaker_monitoring_schedule_name", "sagemaker_endpoint_name")}
    seen["python"] = sys.executable
    seen["outputs"] = sorted(os.listdir(os.environ["output_path"]))
    with open(os.path.join(os.environ["output_path"], "postprocessed.json"), "w") as f:
        json.dump(seen, f)
"""

WINDOW = {"window_start": "2026-11-01T18:00:00Z", "window_end": "2026-11-02T00:00:00Z"}


@pytest.fixture
def demo(jp_root_dir):
    generate = build_demo(jp_root_dir)
    (jp_root_dir / "scripts").mkdir()
    (jp_root_dir / "scripts" / "preprocessor.py").write_text(PREPROCESSOR)
    (jp_root_dir / "scripts" / "postprocessor.py").write_text(POSTPROCESSOR)
    (jp_root_dir / "scripts" / "notes.txt").write_text("not a script")
    return generate


async def run(api, monitor):
    _, execution = await api("POST", "monitors", monitor["id"], "runs", body=WINDOW)
    return await wait_final(api, execution["id"])


async def test_a_monitor_runs_sagemaker_scripts_unchanged(api, demo, jp_root_dir):
    _, plain = await api("POST", "monitors", body=definition(demo, name="plain"))
    scripts = {
        "record_preprocessor_script": "scripts/preprocessor.py",
        "post_analytics_processor_script": "scripts/postprocessor.py",
    }
    status, monitor = await api("POST", "monitors", body=definition(demo, **scripts))
    assert status == 201, monitor
    assert {key: monitor[key] for key in scripts} == scripts

    done_plain, done = await run(api, plain), await run(api, monitor)
    assert done["state"] == "completed_with_violations", done["message"]

    def item_count(execution):
        statistics = jp_root_dir / execution["output"] / "statistics.json"
        return json.loads(statistics.read_text())["dataset"]["item_count"]

    # The sampling kept about half of the records, and only those.
    assert 0.3 < item_count(done) / item_count(done_plain) < 0.7
    seen = json.loads((jp_root_dir / done["output"] / "postprocessed.json").read_text())
    assert seen["python"] == sys.executable  # the server's Python, where the user's packages are
    assert seen["output_path"] == str(jp_root_dir / done["output"])
    assert (seen["start_time"], seen["end_time"]) == (
        "2026-11-01T18:00:00Z",
        "2026-11-02T00:00:00Z",
    )
    assert seen["sagemaker_monitoring_schedule_name"] == "churn"
    assert seen["sagemaker_endpoint_name"] == demo.ENDPOINT
    assert {"statistics.json", "constraint_violations.json"} <= set(seen["outputs"])


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"record_preprocessor_script": "scripts/none.py"},
            "record_preprocessor_script",
            "no such",
        ),
        ({"record_preprocessor_script": "scripts/notes.txt"}, "record_preprocessor_script", ".py"),
        (
            {"post_analytics_processor_script": "scripts/x.js"},
            "post_analytics_processor_script",
            "",
        ),
        (
            {"record_preprocessor_script": "../outside.py"},
            "record_preprocessor_script",
            "outside",
        ),
    ],
)
async def test_scripts_are_checked_with_their_field(api, demo, jp_root_dir, fields, field, message):
    (jp_root_dir / "scripts" / "x.js").write_text("exports.preprocess_handler = r => r;")
    status, error = await api("POST", "monitors", body=definition(demo, **fields))
    assert status == 400
    assert error["field"] == field
    assert message in error["message"]


async def test_model_quality_monitors_take_no_scripts(api, demo, jp_root_dir):
    (jp_root_dir / "labels").mkdir()
    body = definition(
        demo,
        monitor_type="model-quality",
        model_quality={
            "problem_type": "Regression",
            "ground_truth": "labels",
            "inference_attribute": "0",
        },
        record_preprocessor_script="scripts/preprocessor.py",
    )
    status, error = await api("POST", "monitors", body=body)
    assert (status, error["field"]) == (400, "record_preprocessor_script")
