"""Show Model Monitor files in a notebook as native JupyterLab views.

>>> import jupyterlab_model_monitor as mm
>>> mm.display(statistics="monitoring/late-hours", baseline="baseline")  # the comparison view
>>> from jupyterlab_model_monitor.display import display_statistics, display_violations
>>> display_statistics("baseline/statistics.json")

Each function emits a MIME bundle: the JSON document under the extension's MIME type (rendered by
its MIME renderer) and a short ``text/plain`` summary for frontends without the extension.

Bundles are kept lean, as they are saved in the notebook: the statistics view draws histograms
from the KLL buckets, so its bundle drops the sketches; the comparison needs the sketches (drift
and CDFs), so its bundle keeps them compacted without loss (see :func:`compact_sketch`), plus
only the violation fields the view reads. Raw data is never embedded.
"""

import json
import os
import sys
import types
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from .file_names import CONSTRAINTS_FILE, STATISTICS_FILE

STATISTICS_MIME_TYPE = "application/vnd.model-monitor.statistics+json"
CONSTRAINTS_MIME_TYPE = "application/vnd.model-monitor.constraints+json"
VIOLATIONS_MIME_TYPE = "application/vnd.model-monitor.violations+json"
COMPARISON_MIME_TYPE = "application/vnd.model-monitor.comparison+json"

# A JSON document, or the path (``str`` or path-like) of its file.
PathOrDict = str | os.PathLike[str] | dict[str, Any]
_PathOrDictT = TypeVar("_PathOrDictT", bound=PathOrDict)


def load_document(path_or_dict: PathOrDict) -> Any:
    """Return a JSON document given as a dict or as a path (``str`` or path-like) to a file."""
    if isinstance(path_or_dict, dict):
        return path_or_dict
    if isinstance(path_or_dict, (str, os.PathLike)):
        with open(path_or_dict, encoding="utf-8") as file:
            try:
                return json.load(file)
            except json.JSONDecodeError as error:
                raise ValueError(
                    f"{os.fspath(path_or_dict)}: line {error.lineno}: not valid JSON ({error.msg})"
                ) from None
    raise TypeError(f"expected a dict or a path to a JSON file, got {type(path_or_dict).__name__}")


def statistics_bundle(path_or_dict: PathOrDict) -> dict[str, Any]:
    """The MIME bundle of a ``statistics.json`` document."""
    document = load_document(path_or_dict)
    features = document.get("features", [])
    count = document.get("dataset", {}).get("item_count", "?")
    summary = f"Model Monitor statistics: {len(features)} features, {count} rows"
    return {STATISTICS_MIME_TYPE: without_sketches(document), "text/plain": summary}


def constraints_bundle(path_or_dict: PathOrDict) -> dict[str, Any]:
    """The MIME bundle of a ``constraints.json`` document."""
    document = load_document(path_or_dict)
    summary = f"Model Monitor constraints: {len(document.get('features', []))} features"
    return {CONSTRAINTS_MIME_TYPE: document, "text/plain": summary}


def violations_bundle(path_or_dict: PathOrDict) -> dict[str, Any]:
    """The MIME bundle of a ``constraint_violations.json`` document."""
    document = load_document(path_or_dict)
    violations = document.get("violations", [])
    lines = [f"Model Monitor violations: {len(violations)}"]
    lines += [f"  {v.get('feature_name')}: {v.get('constraint_check_type')}" for v in violations]
    return {VIOLATIONS_MIME_TYPE: document, "text/plain": "\n".join(lines)}


def display_bundle(bundle: Mapping[str, Any]) -> None:
    """Publishes a MIME bundle as the cell's output (the dict is the output's data)."""
    from IPython.display import display

    display(bundle, raw=True)


def display_statistics(path_or_dict: PathOrDict) -> None:
    """Display a ``statistics.json`` (path or parsed dict) as a Model Monitor view."""
    display_bundle(statistics_bundle(path_or_dict))


def display_constraints(path_or_dict: PathOrDict) -> None:
    """Display a ``constraints.json`` (path or parsed dict) as a Model Monitor view."""
    display_bundle(constraints_bundle(path_or_dict))


def display_violations(path_or_dict: PathOrDict) -> None:
    """Display a ``constraint_violations.json`` (path or parsed dict) as a Model Monitor view."""
    display_bundle(violations_bundle(path_or_dict))


# -- lean documents ------------------------------------------------------------------------------


def _map_kll(
    document: Mapping[str, Any], change: Callable[[dict[str, Any]], dict[str, Any]]
) -> dict[str, Any]:
    """A copy of ``document`` whose features' ``kll`` objects are replaced by ``change(kll)``."""
    features = []
    for feature in document.get("features", []):
        kll = (((feature.get("numerical_statistics") or {}).get("distribution")) or {}).get("kll")
        if isinstance(kll, dict):
            numerical = feature["numerical_statistics"]
            distribution = {**numerical["distribution"], "kll": change(kll)}
            feature = {
                **feature,
                "numerical_statistics": {**numerical, "distribution": distribution},
            }
        features.append(feature)
    return {**document, "features": features}


def without_sketches(document: dict[str, Any]) -> dict[str, Any]:
    """``statistics.json`` without the KLL sketches, which the statistics view never reads."""
    if not isinstance(document.get("features"), list):
        return document
    return _map_kll(document, lambda kll: {k: v for k, v in kll.items() if k != "sketch"})


def compact_sketch(levels: Iterable[Iterable[float]]) -> list[list[float]]:
    """The fewest KLL levels with the same weighted values as ``levels``.

    An item on level h stands for 2**h values (FORMATS.md §7.3), so each distinct value's total
    weight, written in binary, gives the levels it needs: the CDF, and so the drift, is unchanged.
    Features with few distinct values (counts, codes, scores) shrink from thousands of items to a
    few dozen.
    """
    weights: Counter[float] = Counter()
    for height, level in enumerate(levels):
        for value in level:
            weights[value] += 1 << height
    compacted: list[list[float]] = [
        [] for _ in range(max((w.bit_length() for w in weights.values()), default=0))
    ]
    for value in sorted(weights):
        weight = weights[value]
        for height in range(weight.bit_length()):
            if weight >> height & 1:
                compacted[height].append(value)
    return compacted


def with_compact_sketches(document: Mapping[str, Any]) -> dict[str, Any]:
    """``statistics.json`` with each KLL sketch compacted without loss (:func:`compact_sketch`)."""

    def compact(kll: dict[str, Any]) -> dict[str, Any]:
        sketch = kll.get("sketch")
        if not isinstance(sketch, dict) or not isinstance(sketch.get("data"), list):
            return kll
        return {**kll, "sketch": {**sketch, "data": compact_sketch(sketch["data"])}}

    return _map_kll(document, compact)


def is_statistics_document(document: Any) -> bool:
    """A data-quality statistics.json: named features, one at least with statistics."""
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        return False
    named = all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in features)
    return named and any(
        isinstance(f.get("numerical_statistics"), dict)
        or isinstance(f.get("string_statistics"), dict)
        for f in features
    )


def is_violations_document(document: Any) -> bool:
    violations = document.get("violations") if isinstance(document, dict) else None
    return isinstance(violations, list) and all(isinstance(v, dict) for v in violations)


# -- the comparison ------------------------------------------------------------------------------


def statistics_path(path_or_dict: _PathOrDictT) -> _PathOrDictT | str:
    """A folder stands for the ``statistics.json`` in it; other values are returned as given."""
    if isinstance(path_or_dict, (str, os.PathLike)) and os.path.isdir(path_or_dict):
        return os.path.join(path_or_dict, STATISTICS_FILE)
    return path_or_dict


def _label(path_or_dict: PathOrDict) -> str:
    return os.fspath(path_or_dict) if isinstance(path_or_dict, (str, os.PathLike)) else "(dict)"


def _load_statistics(path_or_dict: PathOrDict, role: str) -> dict[str, Any]:
    document = load_document(path_or_dict)
    if not is_statistics_document(document):
        raise ValueError(f"{_label(path_or_dict)}: the {role} is not a statistics.json")
    return document


def comparison_bundle(
    baseline: PathOrDict,
    statistics: PathOrDict,
    violations: PathOrDict | None = None,
    constraints: PathOrDict | None = None,
) -> dict[str, Any]:
    """The MIME bundle comparing ``baseline`` and current ``statistics`` (paths, folders or dicts).

    ``violations`` (a constraint_violations.json) adds violation badges, and says which features
    drifted. ``constraints`` (by default the constraints.json of a baseline folder) gives the
    drift settings, so the view measures drift as the check did. The bundle holds
    ``{baseline, current, violations?, monitoring_config?, labels}``.
    """
    if constraints is None and isinstance(baseline, (str, os.PathLike)):
        beside = os.path.join(os.path.dirname(statistics_path(baseline)), CONSTRAINTS_FILE)
        constraints = beside if os.path.isfile(beside) else None
    baseline, statistics = statistics_path(baseline), statistics_path(statistics)
    baseline_document = _load_statistics(baseline, "baseline")
    current_document = _load_statistics(statistics, "current statistics")
    data: dict[str, Any] = {
        "baseline": with_compact_sketches(baseline_document),
        "current": with_compact_sketches(current_document),
        "labels": {"baseline": _label(baseline), "current": _label(statistics)},
    }
    if constraints is not None:
        document = load_document(constraints)
        config = document.get("monitoring_config") if isinstance(document, dict) else None
        if isinstance(config, dict):
            data["monitoring_config"] = config
    rows = (_item_count(baseline_document), _item_count(current_document))
    lines = [
        f"Model Monitor comparison: {len(current_document['features'])} features, "
        f"{rows[0]} baseline rows, {rows[1]} current rows"
    ]
    if violations is not None:
        document = load_document(violations)
        if not is_violations_document(document):
            raise ValueError(f"{_label(violations)}: not a constraint_violations.json")
        data["violations"] = {"violations": [_lean_violation(v) for v in document["violations"]]}
        lines[0] += f", {len(document['violations'])} violations"
        lines += [
            f"  {v.get('feature_name')}: {v.get('constraint_check_type')}"
            for v in document["violations"]
        ]
    return {COMPARISON_MIME_TYPE: data, "text/plain": "\n".join(lines)}


def _item_count(document: Mapping[str, Any]) -> Any:
    return (document.get("dataset") or {}).get("item_count", "?")


def _lean_violation(violation: Mapping[str, Any]) -> dict[str, Any]:
    """The fields the comparison reads: badges by feature and check, threshold from description."""
    keys = ("feature_name", "constraint_check_type", "description")
    return {key: violation[key] for key in keys if key in violation}


class _OneLine:
    """Mixed into display()'s errors: IPython shows the message alone, as for the magics, not a
    traceback of 25-32 lines into this module. They stay what they were (ValueError, ...)."""

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__bases__[-1].__name__}: {self}"]


class DisplayValueError(_OneLine, ValueError):
    pass


class DisplayTypeError(_OneLine, TypeError):
    pass


class DisplayFileNotFoundError(_OneLine, FileNotFoundError):
    pass


def display(
    statistics: PathOrDict | None = None,
    violations: PathOrDict | None = None,
    baseline: PathOrDict | None = None,
    constraints: PathOrDict | None = None,
) -> None:
    """Display Model Monitor documents (each a path, a folder holding it, or a parsed dict).

    - ``statistics`` and ``baseline``: one comparison view, with ``violations`` as badges;
    - otherwise each document given in its own view.
    """
    try:
        _display(statistics, violations, baseline, constraints)
    except FileNotFoundError as error:
        raise DisplayFileNotFoundError(f"{error.filename}: no such file or folder") from None
    except ValueError as error:
        raise DisplayValueError(str(error)) from None
    except TypeError as error:
        raise DisplayTypeError(str(error)) from None


def _display(
    statistics: PathOrDict | None,
    violations: PathOrDict | None,
    baseline: PathOrDict | None,
    constraints: PathOrDict | None,
) -> None:
    if baseline is not None and statistics is None:
        raise ValueError(
            "baseline= needs statistics= to compare with (to show one file: statistics=)"
        )
    if all(value is None for value in (statistics, violations, constraints)):
        raise TypeError(
            "nothing to display: pass statistics=, violations=, baseline= or constraints="
        )
    if baseline is not None and statistics is not None:  # statistics: checked above
        display_bundle(comparison_bundle(baseline, statistics, violations, constraints))
    else:
        if statistics is not None:
            display_bundle(statistics_bundle(statistics_path(statistics)))
        if violations is not None:
            display_bundle(violations_bundle(violations))
    if constraints is not None:
        display_bundle(constraints_bundle(constraints))


class _CallableModule(types.ModuleType):
    """Lets ``jupyterlab_model_monitor.display(...)`` call :func:`display` while the module's
    other names (``display.statistics_bundle``, …) stay reachable from the same attribute."""

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        return display(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
