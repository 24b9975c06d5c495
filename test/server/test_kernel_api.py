"""The kernel API on a real SQLite store (store.Store): read-only, with or without pandas."""

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from demo import require_cli

import jupyterlab_model_monitor as mm
from jupyterlab_model_monitor import kernel_api
from jupyterlab_model_monitor.store import Store


@pytest.fixture
def pandas():
    return pytest.importorskip("pandas")


MONITOR = {
    "name": "churn",
    "dataset": "captures/churn",
    "header": False,
    "baseline_statistics": "baseline/statistics.json",
    "baseline_constraints": "baseline/constraints.json",
    "output": "monitoring/churn",
    "window_hours": 1,
    "catch_up": "once",
    "backend": "local",
    "enabled": True,
}
STATISTICS = {
    "version": 0.0,
    "dataset": {"item_count": 20},
    "features": [
        {
            "name": "score",
            "inferred_type": "Fractional",
            "numerical_statistics": {
                "common": {"num_present": 19, "num_missing": 1},
                "mean": 0.5,
                "sum": 9.5,
                "std_dev": 0.1,
                "min": 0.1,
                "max": 0.9,
            },
        },
        {
            "name": "plan",
            "inferred_type": "String",
            "string_statistics": {
                "common": {"num_present": 20, "num_missing": 0},
                "distinct_count": 2,
            },
        },
    ],
}
VIOLATIONS = {
    "violations": [
        {
            "feature_name": "score",
            "constraint_check_type": "baseline_drift_check",
            "description": "Baseline drift distance: 0.4 exceeds threshold: 0.1",
        }
    ]
}


@pytest.fixture
def server(tmp_path, monkeypatch):
    """A store with two monitors and three executions of `churn`, outputs under a server root."""
    root = tmp_path / "root"
    store = Store(tmp_path / "db" / "monitors.sqlite")
    churn = store.create_monitor(MONITOR)
    store.create_monitor({**MONITOR, "name": "fraud", "output": "monitoring/fraud"})
    executions = []
    for hour, state in (("01", "completed_with_violations"), ("02", "failed"), ("03", "due")):
        output = f"monitoring/churn/2026/11/01/{hour}"
        execution = store.create_execution(
            {
                "monitor_id": churn["id"],
                "trigger": "schedule",
                "scheduled_for": f"2026-11-01T{hour}:00:00Z",
                "output": output,
            }
        )
        if state != "due":
            store.claim_execution(execution["id"], "test")
            store.update_running(execution["id"], state=state, message=f"{state} run")
        executions.append(execution)
    first = root / executions[0]["output"]
    first.mkdir(parents=True)
    (first / "statistics.json").write_text(json.dumps(STATISTICS))
    (first / "constraint_violations.json").write_text(json.dumps(VIOLATIONS))
    store.close()
    monkeypatch.setenv(kernel_api.DB_ENV, str(tmp_path / "db" / "monitors.sqlite"))
    monkeypatch.setenv(kernel_api.ROOT_ENV, str(root))
    return {"root": root, "churn": churn, "executions": executions, "db": tmp_path / "db"}


def test_lists_monitors_and_executions_as_data_frames(server, pandas):
    monitors = mm.list_monitors()
    assert isinstance(monitors, pandas.DataFrame)
    assert list(monitors["name"]) == ["churn", "fraud"]
    assert bool(monitors.loc[0, "enabled"]) is True
    runs = mm.list_executions("churn")
    assert list(runs["id"]) == [e["id"] for e in reversed(server["executions"])]  # newest first
    assert list(runs["state"]) == ["due", "failed", "completed_with_violations"]
    assert set(runs["monitor_name"]) == {"churn"}
    assert list(mm.list_executions(server["churn"]["id"], limit=1)["state"]) == ["due"]
    assert mm.list_executions("fraud").empty
    assert len(mm.list_executions()) == 3
    with pytest.raises(KeyError, match="no monitor named or with id 'nope'"):
        mm.list_executions("nope")


def test_loads_an_executions_statistics_and_violations(server, pandas):
    run = mm.list_executions("churn").iloc[-1]  # a pandas row
    statistics = mm.load_statistics(run)
    assert list(statistics["name"]) == ["score", "plan"]
    assert statistics.loc[0, "num_missing"] == 1 and statistics.loc[0, "max"] == 0.9
    assert statistics.loc[1, "distinct_count"] == 2 and pandas.isna(statistics.loc[1, "mean"])
    violations = mm.load_violations(run["id"])  # an id works too
    assert violations.to_dict("records") == VIOLATIONS["violations"]
    folder = server["root"] / run["output"]
    assert mm.load_violations(folder).equals(violations)  # and a folder, or a file
    assert mm.load_statistics(folder / "statistics.json").equals(statistics)


def test_writes_an_executions_report(server, tmp_path):
    require_cli()
    run = server["executions"][0]  # the one with results
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(STATISTICS))
    path = mm.report(run, baseline, tmp_path / "out" / "churn.html", title="churn <01h>")
    html = path.read_text()
    assert path == tmp_path / "out" / "churn.html"
    assert "<title>churn &lt;01h&gt;</title>" in html
    # The run's violations file, found beside its statistics.
    assert "Baseline drift distance: 0.4 exceeds threshold: 0.1" in html
    assert "<script" not in html
    with pytest.raises(RuntimeError, match="cannot read .*nowhere.json"):
        mm.report(run, tmp_path / "nowhere.json", tmp_path / "r.html")


def test_explains_an_execution_without_results(server, pandas):
    failed = mm.list_executions("churn").iloc[1].to_dict()
    with pytest.raises(FileNotFoundError, match="state failed: failed run"):
        mm.load_statistics(failed)
    with pytest.raises(FileNotFoundError, match="neither a file or folder nor an execution id"):
        mm.load_statistics("no-such-thing")
    with pytest.raises(TypeError, match="got int"):
        mm.load_violations(42)


def test_lists_of_dicts_without_pandas(server, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now raises ImportError
    monitors = mm.list_monitors()
    assert isinstance(monitors, list) and monitors[0]["name"] == "churn"
    run = mm.list_executions("churn")[-1]
    assert mm.load_violations(run) == VIOLATIONS["violations"]
    assert mm.load_statistics(run)[1]["distinct_count"] == 2


def test_reads_the_store_without_writing_it(server):
    database = server["db"] / "monitors.sqlite"
    before = database.read_bytes()
    mm.list_monitors()
    mm.list_executions("churn")
    # SQLite readers of a WAL store may add its -shm/-wal companions, never touch the database.
    assert database.read_bytes() == before
    with kernel_api._open_store(database) as store:
        assert store.read_only
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.db.execute("DELETE FROM monitors")


def test_webhook_urls_stay_shortened(tmp_path):
    # The whole URLs, which often hold a secret, are the server's to send; a notebook lists them
    # as the REST API does.
    db = tmp_path / "monitors.sqlite"
    hook = {"url": "https://hooks.example.com/services/T000/SECRET", "format": "slack"}
    with Store(db) as store:
        store.create_monitor({**MONITOR, "alerts": {"notify": True, "webhooks": [hook]}})
    monitors = kernel_api.list_monitors(db)
    shown = monitors["alerts"][0] if hasattr(monitors, "columns") else monitors[0]["alerts"]
    assert shown["webhooks"] == [{**hook, "url": "https://hooks.example.com/…"}]


def test_missing_store_is_named(tmp_path, monkeypatch):
    monkeypatch.setenv(kernel_api.DB_ENV, str(tmp_path / "none.sqlite"))
    with pytest.raises(FileNotFoundError, match=r"no Model Monitor store at .*none.sqlite"):
        mm.list_monitors()
    assert not (tmp_path / "none.sqlite").exists()


def test_finds_the_store_where_the_server_does(monkeypatch):
    from jupyterlab_model_monitor.app import ModelMonitorApp

    monkeypatch.delenv(kernel_api.DB_ENV, raising=False)
    assert kernel_api.default_db_path() == ModelMonitorApp().db_path


def test_outputs_are_relative_to_the_server_root(tmp_path, monkeypatch):
    monkeypatch.delenv(kernel_api.ROOT_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    assert kernel_api.server_root("/somewhere") == "/somewhere"
    # No running server holds this folder: the working folder.
    assert kernel_api.server_root() == os.path.realpath(tmp_path)


def test_outputs_are_relative_to_the_running_server_holding_the_kernel(tmp_path, monkeypatch):
    """Jupyter servers announce their root in runtime files; the deepest one holding cwd wins."""
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    roots = {"lab": tmp_path / "lab", "nested": tmp_path / "lab" / "team", "other": tmp_path / "x"}
    for name, root in roots.items():
        root.mkdir(parents=True, exist_ok=True)
        info = {"pid": os.getpid(), "root_dir": str(root), "url": f"http://localhost/{name}/"}
        (runtime / f"jpserver-{name}.json").write_text(json.dumps(info))
    notebooks = roots["nested"] / "notebooks"
    notebooks.mkdir()
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(runtime))
    monkeypatch.delenv(kernel_api.ROOT_ENV, raising=False)
    monkeypatch.chdir(notebooks)
    assert kernel_api.server_root() == os.path.realpath(roots["nested"])
    monkeypatch.setenv(kernel_api.ROOT_ENV, str(tmp_path))  # the variable overrides
    assert kernel_api.server_root() == str(tmp_path)


def test_numeric_features_get_their_distinct_count(tmp_path, pandas):
    # #18 item 6: distinct_count was NaN for numeric features; the engine writes theirs as
    # numerical_statistics.approximate_num_distinct_values.
    node, cli = require_cli()
    (tmp_path / "t.csv").write_text("x,s\n1,a\n2,b\n2,a\n3,c\n")
    arguments = ["baseline", "--dataset", "t.csv", "--header", "--output", "b"]
    subprocess.run([node, cli, *arguments], cwd=tmp_path, check=True, capture_output=True)
    statistics = mm.load_statistics(tmp_path / "b" / "statistics.json")
    assert statistics.set_index("name")["distinct_count"].to_dict() == {"x": 3, "s": 3}


async def test_kernels_of_the_server_read_its_store(api, definition, db_file, jp_root_dir):
    # #18 item 6: list_monitors() read the default store, empty while the panel showed monitors.
    _, created = await api("POST", "monitors", body=definition)
    assert os.environ[kernel_api.DB_ENV] == str(db_file)
    assert os.path.realpath(os.environ[kernel_api.ROOT_ENV]) == os.path.realpath(jp_root_dir)
    listed = mm.list_monitors()
    names = list(listed["name"]) if hasattr(listed, "columns") else [m["name"] for m in listed]
    assert names == [created["name"]]
