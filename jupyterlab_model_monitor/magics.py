"""The IPython extension: ``%load_ext jupyterlab_model_monitor``, then ``%model_monitor``.

    %model_monitor baseline --dataset data/training.csv --header --output baseline
    %model_monitor monitor --dataset captures/ --baseline baseline --output runs/today
    %model_monitor show runs/today --baseline baseline
    %model_monitor --help

``baseline`` and ``monitor`` run the engine CLI (notebook_runs.py) and display the result;
``show`` displays what a file or folder holds. Paths are relative to the kernel's working folder.
"""

import argparse
import os
import shlex
from typing import TYPE_CHECKING, Any, NoReturn

from . import display as views
from .file_names import CONSTRAINTS_FILE, STATISTICS_FILE, VIOLATIONS_FILE
from .notebook_runs import ModelMonitorError, run_cli

if TYPE_CHECKING:
    from IPython.core.interactiveshell import InteractiveShell


class _HelpShown(Exception):
    """argparse printed the help: the magic stops there."""


class MagicParser(argparse.ArgumentParser):
    """argparse that reports usage errors to IPython instead of exiting the kernel."""

    def error(self, message: str) -> NoReturn:
        from IPython.core.error import UsageError

        raise UsageError(f"{message}\n{self.format_usage().rstrip()}")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self.error(message.strip())
        raise _HelpShown()


def _add_data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dataset", required=True, help="a data file or folder")
    parser.add_argument(
        "--dataset-format", help="csv, json, sagemaker_capture_json or arrow (default: by file)"
    )
    parser.add_argument("--header", action="store_true", help="CSV files start with a header row")
    parser.add_argument("--workers", type=int, help="worker threads (default: all cores)")
    parser.add_argument(
        "--max-error-rate", type=float, help="fail above this share of bad records (default 0.1)"
    )
    parser.add_argument(
        "--preprocessor",
        help="SageMaker's record_preprocessor_script (.py, run by this kernel's Python, or .js)",
    )
    parser.add_argument(
        "--postprocessor", help="SageMaker's post_analytics_processor_script (.py), run after"
    )
    parser.add_argument(
        "--segment-by", help="also profile each value of this column (or eventMetadata.<key>)"
    )
    parser.add_argument(
        "--max-segments", type=int, help="values with a segment of their own (default 20)"
    )


def build_parser() -> MagicParser:
    parser = MagicParser(
        prog="%model_monitor",
        description="Profile data, check it against a baseline and show the results.",
    )
    commands = parser.add_subparsers(dest="command", metavar="{baseline,monitor,show}")
    baseline = commands.add_parser(
        "baseline", help="profile a dataset and suggest constraints", prog="%model_monitor baseline"
    )
    _add_data_options(baseline)
    baseline.add_argument("--output", required=True, help="folder for statistics/constraints.json")

    monitor = commands.add_parser(
        "monitor", help="check a dataset against a baseline", prog="%model_monitor monitor"
    )
    _add_data_options(monitor)
    monitor.add_argument(
        "--baseline", required=True, help="folder holding statistics.json and constraints.json"
    )
    monitor.add_argument("--output", required=True, help="folder for the run's results")
    monitor.add_argument("--start", help="captures: first hour (ISO time, UTC by default)")
    monitor.add_argument("--end", help="captures: end of the window (exclusive)")
    monitor.add_argument(
        "--segment-baseline",
        choices=("own", "overall"),
        help="compare a segment with the baseline's same segment (own, default) or the whole",
    )

    show = commands.add_parser(
        "show", help="display the results in a file or folder", prog="%model_monitor show"
    )
    show.add_argument("path", help="a statistics/violations/constraints file, or their folder")
    show.add_argument("--baseline", help="compare with this baseline (folder or statistics.json)")
    return parser


def model_monitor(line: str) -> None:
    """Profile data, check it against a baseline, show results (``%model_monitor --help``)."""
    parser = build_parser()
    try:
        args = parser.parse_args(shlex.split(line))
    except _HelpShown:
        return
    except ValueError as error:  # shlex: unbalanced quotes
        parser.error(str(error))
    if args.command is None:
        parser.print_help()
    elif args.command == "baseline":
        run_baseline(args)
    elif args.command == "monitor":
        run_monitor(args)
    else:
        show(args.path, args.baseline)


def _data_arguments(args: argparse.Namespace) -> list[str]:
    arguments = ["--dataset", args.dataset, "--output", args.output]
    if args.dataset_format:
        arguments += ["--dataset-format", args.dataset_format]
    if args.header:
        arguments.append("--header")
    if args.workers is not None:
        arguments += ["--workers", str(args.workers)]
    if args.max_error_rate is not None:
        arguments += ["--max-error-rate", str(args.max_error_rate)]
    if args.preprocessor:
        arguments += ["--preprocessor", args.preprocessor]
    if args.postprocessor:
        arguments += ["--postprocessor", args.postprocessor]
    if args.segment_by:
        arguments += ["--segment-by", args.segment_by]
    if args.max_segments is not None:
        arguments += ["--max-segments", str(args.max_segments)]
    return arguments


def run_baseline(args: argparse.Namespace) -> None:
    run_cli(["baseline", *_data_arguments(args)], args.output)
    views.display_bundle(views.statistics_bundle(os.path.join(args.output, STATISTICS_FILE)))


def run_monitor(args: argparse.Namespace) -> None:
    baseline_statistics = _baseline_file(args.baseline, STATISTICS_FILE)
    arguments = ["monitor", *_data_arguments(args)]
    arguments += ["--baseline-statistics", baseline_statistics]
    arguments += ["--baseline-constraints", _baseline_file(args.baseline, CONSTRAINTS_FILE)]
    if args.start:
        arguments += ["--start", args.start]
    if args.end:
        arguments += ["--end", args.end]
    if args.segment_baseline:
        arguments += ["--segment-baseline", args.segment_baseline]
    run_cli(arguments, args.output)
    show(args.output, baseline_statistics)


def _baseline_file(folder: str, name: str) -> str:
    path = os.path.join(folder, name)
    if not os.path.isfile(path):
        from IPython.core.error import UsageError

        raise UsageError(f"--baseline {folder}: {path} not found (run %model_monitor baseline)")
    return path


def show(path: str, baseline: str | None = None) -> None:
    """Displays the statistics, violations (or their comparison with ``baseline``) at ``path``."""
    if os.path.isdir(path):
        found = {
            name: os.path.join(path, name)
            for name in (STATISTICS_FILE, VIOLATIONS_FILE, CONSTRAINTS_FILE)
        }
        found = {name: file for name, file in found.items() if os.path.isfile(file)}
        if not found:
            raise ModelMonitorError(
                f"{path}: no {STATISTICS_FILE}, {VIOLATIONS_FILE} or {CONSTRAINTS_FILE} "
                "in this folder"
            )
        _show_documents(
            found.get(STATISTICS_FILE),
            found.get(VIOLATIONS_FILE),
            found.get(CONSTRAINTS_FILE),
            baseline,
        )
    elif os.path.isfile(path):
        document = _load(path)
        if views.is_statistics_document(document):
            _show_documents(path, None, None, baseline)
        elif views.is_violations_document(document):
            _show_documents(None, path, None, baseline)
        elif isinstance(document, dict) and isinstance(document.get("features"), list):
            _show_documents(None, None, path, baseline)
        else:
            raise ModelMonitorError(
                f"{path}: not a Model Monitor statistics, constraints or violations file"
            )
    else:
        raise ModelMonitorError(f"{path}: no such file or folder")


def _show_documents(
    statistics: str | None, violations: str | None, constraints: str | None, baseline: str | None
) -> None:
    try:
        if statistics and baseline:
            bundle = views.comparison_bundle(baseline, statistics, violations, constraints)
            views.display_bundle(bundle)
        else:
            if statistics:
                views.display_bundle(views.statistics_bundle(statistics))
            if violations:
                views.display_bundle(views.violations_bundle(violations))
        if constraints:
            views.display_bundle(views.constraints_bundle(constraints))
    except (OSError, ValueError) as error:
        raise ModelMonitorError(str(error)) from None


def _load(path: str) -> Any:
    try:
        return views.load_document(path)
    except (OSError, ValueError) as error:
        raise ModelMonitorError(str(error)) from None


def load_ipython_extension(ipython: "InteractiveShell") -> None:
    # IPython declares this method with functools.wraps of MagicsManager.register_function,
    # whose signature (self first) type checkers then take for the method's.
    register: Any = ipython.register_magic_function
    register(model_monitor, "line", "model_monitor")
