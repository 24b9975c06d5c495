"""Explore monitors and executions from a kernel.

>>> import jupyterlab_model_monitor as mm
>>> mm.list_monitors()                      # a pandas DataFrame (a list of dicts without pandas)
>>> runs = mm.list_executions("churn-model")
>>> mm.load_violations(runs.iloc[0])        # an execution (row, dict or id) or a path
>>> mm.report(runs.iloc[0], "baseline/statistics.json", "churn.html")   # a shareable report

It reads the SQLite store the Jupyter server writes, opened read-only, rather than the REST API:
a kernel is not given the server's URL or token, the store is made for several readers (WAL), and
it works where no server runs (nbclient, papermill). The store is ``db_path=``, else
``$MODEL_MONITOR_DB``, which the server sets to its ``ModelMonitorApp.db_path`` for the kernels it
starts, else the default ``<jupyter data dir>/jupyterlab_model_monitor/monitors.sqlite``.

Execution outputs are stored relative to the server's root folder: ``root_dir=``, else
``$MODEL_MONITOR_ROOT`` (also set by the server for its kernels), else the root of the running
Jupyter server that holds the kernel's working folder, else the working folder.
"""

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import engine
from .alerts import public_monitor
from .display import load_document
from .file_names import STATISTICS_FILE, VIOLATIONS_FILE
from .rows import ExecutionRow
from .store import Store, default_path

DB_ENV = "MODEL_MONITOR_DB"
ROOT_ENV = "MODEL_MONITOR_ROOT"
PathLike = str | os.PathLike[str]
STATISTICS_COLUMNS = (
    "name inferred_type num_present num_missing mean sum std_dev min max distinct_count"
).split()
VIOLATION_COLUMNS = ("feature_name", "constraint_check_type", "description")


def default_db_path() -> str:
    """The store's path: ``$MODEL_MONITOR_DB``, else ModelMonitorApp.db_path's default."""
    return os.environ.get(DB_ENV) or default_path()


def server_root(root_dir: PathLike | None = None) -> str:
    """The folder execution outputs are relative to (see the module's documentation)."""
    if root_dir or os.environ.get(ROOT_ENV):
        return os.fspath(root_dir or os.environ[ROOT_ENV])
    cwd = os.path.realpath(os.getcwd())
    try:
        from jupyter_server.serverapp import list_running_servers

        roots = [
            os.path.realpath(s["root_dir"]) for s in list_running_servers() if s.get("root_dir")
        ]
    except Exception:  # no jupyter_server, or an unreadable runtime folder: fall back below
        roots = []
    holding = [
        root for root in roots if cwd == root or cwd.startswith(root.rstrip(os.sep) + os.sep)
    ]
    return max(holding, key=len) if holding else cwd


def _open_store(db_path: PathLike | None) -> Store:
    path = os.fspath(db_path or default_db_path())
    if not os.path.isfile(path):
        raise FileNotFoundError(
            f"no Model Monitor store at {path} (pass db_path= or set ${DB_ENV} to the server's "
            "ModelMonitorApp.db_path)"
        )
    return Store(path, read_only=True)


def _frame(rows: list[Any], columns: list[str] | None = None) -> Any:
    """A pandas DataFrame of ``rows`` when pandas is installed, else ``rows`` as they are."""
    try:
        import pandas
    except ImportError:
        return rows
    return pandas.DataFrame(rows, columns=columns)


def list_monitors(db_path: PathLike | None = None) -> Any:
    """Every monitor, oldest first: a DataFrame (or list of dicts) of the store's columns, webhook
    URLs shortened as the REST API shows them."""
    with _open_store(db_path) as store:
        return _frame([public_monitor(monitor) for monitor in store.list_monitors()])


def list_executions(
    monitor: str | None = None, limit: int = 100, db_path: PathLike | None = None
) -> Any:
    """Executions, newest first, of one monitor (name or id) or all, with their ``monitor_name``."""
    with _open_store(db_path) as store:
        names = {monitor["id"]: monitor["name"] for monitor in store.list_monitors()}
        monitor_id = None if monitor is None else _monitor_id(names, str(monitor))
        executions = store.list_executions(monitor_id, int(limit))
    return _frame([{**run, "monitor_name": names.get(run["monitor_id"])} for run in executions])


def _monitor_id(names: Mapping[str, str], monitor: str) -> str:
    """The id of the monitor with id or name ``monitor`` (``names``: name by id)."""
    if monitor in names:
        return monitor
    for monitor_id, name in names.items():
        if name == monitor:
            return monitor_id
    raise KeyError(f"no monitor named or with id {monitor!r}")


def load_statistics(
    execution_or_path: Any, db_path: PathLike | None = None, root_dir: PathLike | None = None
) -> Any:
    """One row per feature of a ``statistics.json``: counts, mean, min, max, distinct values.

    ``execution_or_path``: an execution (a row of :func:`list_executions`, a dict or an id), a
    ``statistics.json`` or the folder holding it.
    """
    path = _document_path(execution_or_path, STATISTICS_FILE, db_path, root_dir)
    document = load_document(path)
    if not isinstance(document, dict) or not isinstance(document.get("features"), list):
        raise ValueError(f"{path}: not a statistics.json (no features list)")
    rows = [_feature_row(feature) for feature in document["features"]]
    return _frame(rows, STATISTICS_COLUMNS)


def _feature_row(feature: Mapping[str, Any]) -> dict[str, Any]:
    numeric = feature.get("numerical_statistics") or {}
    strings = feature.get("string_statistics") or {}
    common = numeric.get("common") or strings.get("common") or {}
    row = {"name": feature.get("name"), "inferred_type": feature.get("inferred_type")}
    row.update({key: common.get(key) for key in ("num_present", "num_missing")})
    row.update({key: numeric.get(key) for key in ("mean", "sum", "std_dev", "min", "max")})
    # String features count with distinct_count; numeric ones (current generation) with
    # approximate_num_distinct_values; 2021 files have no count for numeric features.
    row["distinct_count"] = strings.get(
        "distinct_count", numeric.get("approximate_num_distinct_values")
    )
    return row


def load_violations(
    execution_or_path: Any, db_path: PathLike | None = None, root_dir: PathLike | None = None
) -> Any:
    """One row per violation of a ``constraint_violations.json`` (an execution's, or a path)."""
    path = _document_path(execution_or_path, VIOLATIONS_FILE, db_path, root_dir)
    document = load_document(path)
    violations = document.get("violations") if isinstance(document, dict) else None
    if not isinstance(violations, list):
        raise ValueError(f"{path}: not a constraint_violations.json (no violations list)")
    rows = [{key: violation.get(key) for key in VIOLATION_COLUMNS} for violation in violations]
    return _frame(rows, list(VIOLATION_COLUMNS))


def report(
    execution_or_path: Any,
    baseline: PathLike,
    output: PathLike = "report.html",
    constraints: PathLike | None = None,
    title: str | None = None,
    db_path: PathLike | None = None,
    root_dir: PathLike | None = None,
) -> Path:
    """Write a run's self-contained HTML report (``model-monitor report``) and return its path.

    ``execution_or_path``: an execution (a row of :func:`list_executions`, a dict or an id), or a
    run folder or ``statistics.json``; the run's ``constraint_violations.json`` is used when it
    is beside it. ``baseline``: the baseline ``statistics.json``; ``constraints``: its
    ``constraints.json`` (sets how drift is measured). The file has no script: it opens from a
    file or an email attachment.
    """
    statistics = _document_path(execution_or_path, STATISTICS_FILE, db_path, root_dir)
    violations = os.path.join(os.path.dirname(statistics), VIOLATIONS_FILE)
    arguments = ["report", "--statistics", statistics, "--baseline-statistics", os.fspath(baseline)]
    arguments += ["--output", os.fspath(output)]
    if os.path.isfile(violations):
        arguments += ["--violations", violations]
    if constraints is not None:
        arguments += ["--baseline-constraints", os.fspath(constraints)]
    if title is not None:
        arguments += ["--title", str(title)]
    _run_engine(arguments)
    return Path(output)


def _run_engine(arguments: list[str]) -> str:
    """Runs ``model-monitor`` with these arguments; a failure raises with the engine's message."""
    node, cli = engine.find_node(), engine.find_cli()
    problem = engine.missing(node, cli)
    if problem or node is None or cli is None:
        raise RuntimeError(problem)
    done = subprocess.run(
        [node, cli, *arguments], capture_output=True, text=True, check=False, timeout=600
    )
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1:] or [f"exit code {done.returncode}"]
        raise RuntimeError(message[0].removeprefix("model-monitor: "))
    return done.stdout


def _document_path(
    execution_or_path: Any, name: str, db_path: PathLike | None, root_dir: PathLike | None
) -> str:
    """The file ``name`` of an execution, or at a path (a folder stands for the file in it)."""
    execution = _as_execution(execution_or_path)
    if execution is None and isinstance(execution_or_path, (str, os.PathLike)):
        path = os.fspath(execution_or_path)
        if os.path.exists(path):
            return os.path.join(path, name) if os.path.isdir(path) else path
        execution = _find_execution(path, db_path)
    if execution is None:
        kind = type(execution_or_path).__name__
        raise TypeError(f"expected an execution, an execution id or a path, got {kind}")
    output = os.path.join(server_root(root_dir), execution["output"])
    path = os.path.join(output, name)
    if not os.path.isfile(path):
        raise FileNotFoundError(
            f"{path}: not written by execution {execution.get('id')} "
            f"(state {execution.get('state')}: {execution.get('message') or 'no message'})"
        )
    return path


def _as_execution(value: Any) -> Mapping[str, Any] | None:
    """A dict-like execution (a dict, or a pandas row) with its ``output``, else None."""
    if hasattr(value, "to_dict"):
        value = value.to_dict()
    return value if isinstance(value, dict) and "output" in value else None


def _find_execution(execution_id: str, db_path: PathLike | None) -> ExecutionRow:
    with _open_store(db_path) as store:
        execution = store.get_execution(execution_id)
    if execution is None:
        raise FileNotFoundError(f"{execution_id}: neither a file or folder nor an execution id")
    return execution
