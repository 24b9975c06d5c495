"""%model_monitor in a real IPython shell, running the real engine CLI on small generated data."""

import json
import os
import random
import signal
import threading
import time

import pytest
from demo import require_cli
from IPython.core.error import UsageError
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from jupyterlab_model_monitor.display import (
    COMPARISON_MIME_TYPE,
    CONSTRAINTS_MIME_TYPE,
    STATISTICS_MIME_TYPE,
    VIOLATIONS_MIME_TYPE,
)
from jupyterlab_model_monitor.notebook_runs import ModelMonitorCancelled, ModelMonitorError


@pytest.fixture(scope="module")
def shell():
    require_cli()
    shell = InteractiveShell.instance()
    shell.run_line_magic("load_ext", "jupyterlab_model_monitor")
    return shell


def write_csv(path, rows, shift=0.0, seed=1):
    generator = random.Random(seed)
    lines = ["score,plan,calls"]
    for _ in range(rows):
        plan = generator.choice(["basic", "premium"])
        lines.append(f"{generator.random() + shift:.6f},{plan},{generator.randint(0, 5)}")
    path.write_text("\n".join(lines) + "\n")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """The kernel's working folder: the magics' relative paths start here."""
    write_csv(tmp_path / "training.csv", 400)
    write_csv(tmp_path / "drifted.csv", 200, shift=0.8, seed=2)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def mime_types(outputs):
    return [next(key for key in o.data if key != "text/plain") for o in outputs if len(o.data) > 1]


def progress_texts(outputs):
    return [o.data["text/plain"] for o in outputs if list(o.data) == ["text/plain"]]


def magic(shell, line):
    with capture_output() as captured:
        shell.run_line_magic("model_monitor", line)
    return captured


def test_baseline_shows_progress_then_the_statistics(shell, workdir):
    captured = magic(shell, "baseline --dataset training.csv --header --output base --workers 1")
    assert (workdir / "base" / "statistics.json").is_file()
    assert (workdir / "base" / "constraints.json").is_file()
    texts = progress_texts(captured.outputs)
    # One display, then updates of the same line (never a line per event).
    first, *updates = [o for o in captured.outputs if list(o.data) == ["text/plain"]]
    assert first.update is False and first.transient["display_id"]
    assert updates and all(o.update for o in updates)
    assert {o.transient["display_id"] for o in updates} == {first.transient["display_id"]}
    assert texts[-1].startswith("model-monitor baseline: done · 400 rows")
    assert texts[-1].endswith("→ base")
    assert mime_types(captured.outputs) == [STATISTICS_MIME_TYPE]


def test_monitor_shows_the_comparison_with_violations(shell, workdir):
    magic(shell, "baseline --dataset training.csv --header --output base")
    captured = magic(
        shell, "monitor --dataset drifted.csv --header --baseline base --output runs/one"
    )
    assert mime_types(captured.outputs) == [COMPARISON_MIME_TYPE]
    data = captured.outputs[-1].data[COMPARISON_MIME_TYPE]
    assert data["labels"] == {
        "baseline": os.path.join("base", "statistics.json"),
        "current": os.path.join("runs/one", "statistics.json"),
    }
    written = json.loads((workdir / "runs/one/constraint_violations.json").read_text())
    checks = {(v["feature_name"], v["constraint_check_type"]) for v in written["violations"]}
    assert ("score", "baseline_drift_check") in checks
    shown = {
        (v["feature_name"], v["constraint_check_type"]) for v in data["violations"]["violations"]
    }
    assert shown == checks
    plural = "" if len(checks) == 1 else "s"
    assert f"· {len(checks)} violation{plural} ·" in progress_texts(captured.outputs)[-1]


def test_segment_options_reach_the_engine(shell, workdir):
    magic(shell, "baseline --dataset training.csv --header --output base --segment-by plan")
    line = "monitor --dataset drifted.csv --header --baseline base --output runs/by-plan"
    magic(shell, f"{line} --segment-by plan --max-segments 1 --segment-baseline overall")
    segments = json.loads((workdir / "runs/by-plan/segments.json").read_text())
    assert segments["segment_by"] == "plan" and segments["max_segments"] == 1
    assert [s["kind"] for s in segments["segments"]] == ["value", "other"]
    assert {s["baseline"] for s in segments["segments"]} == {"overall"}
    base = json.loads((workdir / "base/segments.json").read_text())
    assert sorted(s["value"] for s in base["segments"]) == ["basic", "premium"]


def test_show_a_folder_a_file_and_a_comparison(shell, workdir):
    magic(shell, "baseline --dataset training.csv --header --output base")
    magic(shell, "monitor --dataset drifted.csv --header --baseline base --output run")
    assert mime_types(magic(shell, "show base").outputs) == [
        STATISTICS_MIME_TYPE,
        CONSTRAINTS_MIME_TYPE,
    ]
    assert mime_types(magic(shell, "show run").outputs) == [
        STATISTICS_MIME_TYPE,
        VIOLATIONS_MIME_TYPE,
    ]
    assert mime_types(magic(shell, "show run/constraint_violations.json").outputs) == [
        VIOLATIONS_MIME_TYPE
    ]
    assert mime_types(magic(shell, "show run --baseline base").outputs) == [COMPARISON_MIME_TYPE]


def test_show_explains_what_it_cannot_show(shell, workdir):
    with pytest.raises(ModelMonitorError, match="nowhere: no such file or folder"):
        magic(shell, "show nowhere")
    with pytest.raises(ModelMonitorError, match="no statistics.json, constraint_violations.json"):
        (workdir / "empty").mkdir()
        magic(shell, "show empty")
    with pytest.raises(ModelMonitorError, match="training.csv: line 1: not valid JSON"):
        magic(shell, "show training.csv")


def test_a_failing_run_shows_the_cli_message_without_a_traceback(shell, workdir):
    (workdir / "bad.csv").write_text("a,b,c\n1,x,2.5\n2,y\n3,z,4.5\n")
    with capture_output() as captured:
        result = shell.run_cell("%model_monitor baseline --dataset bad.csv --header --output out")
    assert isinstance(result.error_in_exec, ModelMonitorError)
    # The file, line and problem of the first bad record, and where the others are listed.
    assert "model-monitor baseline failed: 1 of 3 records could not be read" in captured.stdout
    assert "bad.csv:3: expected 3 fields, found 2 [column_count]" in captured.stdout
    assert os.path.join("out", "diagnostics.json") in captured.stdout
    assert "Traceback" not in captured.stdout + captured.stderr
    assert progress_texts(captured.outputs)[-1] == "model-monitor baseline: failed (exit 2)"
    assert not (workdir / "out" / "statistics.json").exists()


def test_usage_errors_and_help(shell, workdir):
    with pytest.raises(UsageError, match="the following arguments are required: --dataset"):
        magic(shell, "baseline --output base")
    with pytest.raises(UsageError, match="invalid choice: 'profile'"):
        magic(shell, "profile --dataset x")
    with pytest.raises(UsageError, match="No closing quotation"):
        magic(shell, 'show "unbalanced')
    with pytest.raises(UsageError, match=r"--baseline nope: nope/statistics.json not found"):
        magic(shell, "monitor --dataset drifted.csv --baseline nope --output run")
    assert not (workdir / "run").exists()
    help_text = magic(shell, "--help").stdout
    for command in ("baseline", "monitor", "show"):
        assert command in help_text
    assert "--baseline-statistics" not in help_text
    assert "--dataset-format" in magic(shell, "monitor --help").stdout
    # A usage error in a cell is IPython's one-line UsageError, not a traceback.
    with capture_output() as captured:
        shell.run_cell("%model_monitor baseline")
    assert "UsageError" in captured.stderr and "Traceback" not in captured.stderr


@pytest.mark.timeout(60)
def test_a_kernel_interrupt_cancels_the_run_and_leaves_no_output(shell, workdir):
    line = "0.5,basic,3\n"
    (workdir / "large.csv").write_text("score,plan,calls\n" + line * 3_000_000)  # 36 MB

    def interrupt_once_reading(published):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if any("reading [" in output["data"].get("text/plain", "") for output in published):
                os.kill(os.getpid(), signal.SIGINT)  # what a kernel interrupt does
                return
            time.sleep(0.02)

    with capture_output() as captured:
        # The live list the capturing display publisher appends to (captured.outputs is a copy).
        published = shell.display_pub.outputs
        watcher = threading.Thread(target=interrupt_once_reading, args=(published,))
        watcher.start()
        with pytest.raises(ModelMonitorCancelled, match=r"interrupted \(exit 130\)"):
            shell.run_line_magic(
                "model_monitor", "baseline --dataset large.csv --header --output big --workers 1"
            )
        watcher.join()
    assert progress_texts(captured.outputs)[-1] == "model-monitor baseline: cancelled"
    leftovers = list((workdir / "big").iterdir()) if (workdir / "big").exists() else []
    assert leftovers == []
