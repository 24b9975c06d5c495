"""Show Model Monitor files in a notebook as native JupyterLab views.

>>> from jupyterlab_model_monitor.display import display_statistics, display_violations
>>> display_statistics("baseline/statistics.json")

Each function emits a MIME bundle: the JSON document under the extension's MIME type (rendered by
its MIME renderer) and a short ``text/plain`` summary for frontends without the extension.
"""

import json
import os

STATISTICS_MIME_TYPE = "application/vnd.model-monitor.statistics+json"
CONSTRAINTS_MIME_TYPE = "application/vnd.model-monitor.constraints+json"
VIOLATIONS_MIME_TYPE = "application/vnd.model-monitor.violations+json"


def load_document(path_or_dict):
    """Return a JSON document given as a dict or as a path (``str`` or path-like) to a file."""
    if isinstance(path_or_dict, dict):
        return path_or_dict
    if isinstance(path_or_dict, (str, os.PathLike)):
        with open(path_or_dict, encoding="utf-8") as file:
            return json.load(file)
    raise TypeError(f"expected a dict or a path to a JSON file, got {type(path_or_dict).__name__}")


def statistics_bundle(path_or_dict):
    """The MIME bundle of a ``statistics.json`` document."""
    document = load_document(path_or_dict)
    features = document.get("features", [])
    count = document.get("dataset", {}).get("item_count", "?")
    summary = f"Model Monitor statistics: {len(features)} features, {count} rows"
    return {STATISTICS_MIME_TYPE: document, "text/plain": summary}


def constraints_bundle(path_or_dict):
    """The MIME bundle of a ``constraints.json`` document."""
    document = load_document(path_or_dict)
    summary = f"Model Monitor constraints: {len(document.get('features', []))} features"
    return {CONSTRAINTS_MIME_TYPE: document, "text/plain": summary}


def violations_bundle(path_or_dict):
    """The MIME bundle of a ``constraint_violations.json`` document."""
    document = load_document(path_or_dict)
    violations = document.get("violations", [])
    lines = [f"Model Monitor violations: {len(violations)}"]
    lines += [f"  {v.get('feature_name')}: {v.get('constraint_check_type')}" for v in violations]
    return {VIOLATIONS_MIME_TYPE: document, "text/plain": "\n".join(lines)}


def _display(bundle):
    from IPython.display import display

    display(bundle, raw=True)


def display_statistics(path_or_dict):
    """Display a ``statistics.json`` (path or parsed dict) as a Model Monitor view."""
    _display(statistics_bundle(path_or_dict))


def display_constraints(path_or_dict):
    """Display a ``constraints.json`` (path or parsed dict) as a Model Monitor view."""
    _display(constraints_bundle(path_or_dict))


def display_violations(path_or_dict):
    """Display a ``constraint_violations.json`` (path or parsed dict) as a Model Monitor view."""
    _display(violations_bundle(path_or_dict))
