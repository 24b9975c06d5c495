"""Checks of request bodies: a monitor definition and a run request.

Each check raises :class:`ValidationError` naming the offending field; handlers turn it into
``400 {"message": ..., "field": ...}``.
"""

import re
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any

from croniter import CroniterBadDateError, croniter

from .alerts import check_alert_rules
from .errors import ValidationError, check_object
from .paths import PathError, confine, relative_to_root

DATASET_FORMATS = ("csv", "json", "sagemaker_capture_json", "arrow")
CATCH_UP_POLICIES = ("skip", "once", "all")
MAX_WINDOW_HOURS = 24 * 31
MONITOR_TYPES = ("data-quality", "model-quality", "custom")
PROBLEM_TYPES = ("Regression", "BinaryClassification", "MulticlassClassification")
QUALITY_BACKENDS = ("local",)  # the sagemaker backend creates data-quality job definitions only
CUSTOM_BACKENDS = ("local",)  # the server runs the program or container itself
# A container image reference; never an option (a leading '-' would be one to docker run).
IMAGE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/:@+-]{0,254}")
MAX_ARGUMENTS, MAX_ARGUMENT_CHARS = 64, 1000
MIN_YEAR, MAX_YEAR = 1970, 9000
# Matched whole (fullmatch): `$` alone would also take a trailing newline ("ok\n").
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}")
CRON_FIELDS = re.compile(r"\S+(?: +\S+){4}")

# What a field check sees besides the value: the server's root, its backends and, for a PATCH,
# the stored monitor (``current``, else None).
Context = Mapping[str, Any]
# A field's check: (value, field name, context) → the value to store; ValidationError if bad.
Check = Callable[[Any, str, Context], Any]


def _name(value: Any, field: str, context: Context) -> str:
    if not isinstance(value, str) or not NAME.fullmatch(value):
        raise ValidationError(
            "a name of 1-100 letters, digits, spaces, '.', '_' or '-', starting with a letter "
            "or digit",
            field,
        )
    return value


def relative_path(value: Any, field: str, root: str) -> str:
    """``value`` confined to ``root``, as the root-relative path clients see."""
    try:
        return relative_to_root(root, confine(root, value, field))
    except PathError as error:
        raise ValidationError(str(error), field) from error


def _path(value: Any, field: str, context: Context) -> str:
    return relative_path(value, field, context["root"])


def _existing_file(value: Any, field: str, context: Context) -> str:
    path = _path(value, field, context)
    if not confine(context["root"], path).is_file():
        raise ValidationError(f"no such file: {path}", field)
    return path


def _existing_path(value: Any, field: str, context: Context) -> str:
    """A file or folder that exists: a run on a path that does not fails every time."""
    path = _path(value, field, context)
    if not confine(context["root"], path).exists():
        raise ValidationError(f"no such file or folder: {path}", field)
    return path


# SageMaker's scripts (record_preprocessor_script, post_analytics_processor_script): Python, run
# unchanged; the local backend's engine also takes a JavaScript preprocessor.
SCRIPT_SUFFIXES = {
    "record_preprocessor_script": (".py", ".js"),
    "post_analytics_processor_script": (".py",),
}
SCRIPT_BACKENDS = ("local", "sagemaker")


def _optional_script(value: Any, field: str, context: Context) -> str | None:
    if value is None:
        return None
    path = _existing_file(value, field, context)
    suffixes = SCRIPT_SUFFIXES[field]
    if not path.lower().endswith(suffixes):
        raise ValidationError(f"a {' or '.join(suffixes)} file (or null), not {path}", field)
    return path


MAX_S3_MAPPINGS = 64


def _batch_capture(value: Any, field: str, context: Context) -> dict[str, Any] | None:
    """A batch transform capture's S3 prefixes and the folders under the root holding copies."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != {"s3_map"}:
        raise ValidationError('an object {"s3_map": {"s3://bucket/prefix": "folder"}}', field)
    mapping = value["s3_map"]
    where = f"{field}.s3_map"
    if not isinstance(mapping, dict) or not 1 <= len(mapping) <= MAX_S3_MAPPINGS:
        raise ValidationError(f"1 to {MAX_S3_MAPPINGS} S3 prefixes, each with a folder", where)
    result = {}
    for prefix, folder in mapping.items():
        if not prefix.startswith("s3://") or len(prefix) > 1024:
            raise ValidationError(f"an S3 prefix such as s3://bucket/path, not {prefix!r}", where)
        result[prefix] = _existing_path(folder, where, context)
    return {"s3_map": result}


MAX_SEGMENTS, DEFAULT_MAX_SEGMENTS = 1000, 20
SEGMENT_BASELINES = ("own", "overall")
METADATA_PREFIX = "eventMetadata."
# Why a backend other than local refuses a segmented monitor or baseline.
SEGMENT_REFUSALS = {
    "sagemaker": "SageMaker Model Monitor cannot segment a run: use the local backend",
    "spark": "the spark backend does not segment runs: use the local backend",
}


def segment_settings(value: Any, field: str, baseline: bool = True) -> dict[str, Any] | None:
    """``{"by": column, "max_segments": n, "baseline": "own" | "overall"}`` with its defaults
    (``baseline`` only for monitors), or None (docs/cli.md, Segments)."""
    if value is None:
        return None
    keys = ("by", "max_segments", "baseline") if baseline else ("by", "max_segments")
    check_object(value, keys, field, f'an object {{"by": "column", ...}} with {", ".join(keys)}')
    by = value.get("by")
    if not isinstance(by, str) or not by.strip() or len(by) > 200 or any(ord(c) < 32 for c in by):
        raise ValidationError(
            "a column name or eventMetadata.<key>, 1 to 200 characters", f"{field}.by"
        )
    if by == METADATA_PREFIX:
        raise ValidationError(
            "eventMetadata.<key> needs a key, e.g. eventMetadata.region", f"{field}.by"
        )
    count = value.get("max_segments", DEFAULT_MAX_SEGMENTS)
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_SEGMENTS:
        raise ValidationError(f"an integer from 1 to {MAX_SEGMENTS}", f"{field}.max_segments")
    result = {"by": by, "max_segments": count}
    if baseline:
        result["baseline"] = value.get("baseline", "own")
        if result["baseline"] not in SEGMENT_BASELINES:
            raise ValidationError(f"one of {', '.join(SEGMENT_BASELINES)}", f"{field}.baseline")
    return result


def _segment(value: Any, field: str, context: Context) -> dict[str, Any] | None:
    return segment_settings(value, field)


def check_segment_backend(segment: Any, backend: str, field: str = "segment") -> None:
    """Only the local engine segments data."""
    if segment and backend != "local":
        raise ValidationError(
            SEGMENT_REFUSALS.get(backend, "the local backend segments runs"), field
        )


def _optional_format(value: Any, field: str, context: Context) -> str | None:
    if value is None or value in DATASET_FORMATS:
        return value
    raise ValidationError(f"one of {', '.join(DATASET_FORMATS)} (or null to detect)", field)


def _boolean(value: Any, field: str, context: Context) -> bool:
    if not isinstance(value, bool):
        raise ValidationError("true or false", field)
    return value


def _schedule(value: Any, field: str, context: Context) -> str | None:
    if value is None:
        return None
    if (
        not isinstance(value, str)
        or not CRON_FIELDS.fullmatch(value)
        or not croniter.is_valid(value)
    ):
        raise ValidationError("a cron expression of 5 fields, e.g. '0 * * * *', or null", field)
    try:
        croniter(value, datetime.now(timezone.utc)).get_next(datetime)
    except CroniterBadDateError as error:
        raise ValidationError("a schedule that fires: this one never does", field) from error
    return value


def _window_hours(value: Any, field: str, context: Context) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_WINDOW_HOURS:
        raise ValidationError(f"an integer number of hours from 1 to {MAX_WINDOW_HOURS}", field)
    return value


def _catch_up(value: Any, field: str, context: Context) -> str:
    if value not in CATCH_UP_POLICIES:
        raise ValidationError(f"one of {', '.join(CATCH_UP_POLICIES)}", field)
    return value


def _backend(value: Any, field: str, context: Context) -> str:
    # A str first: `{} in dict` raises TypeError (a 500) instead of answering.
    if not isinstance(value, str) or value not in context["backends"]:
        raise ValidationError(f"one of {', '.join(sorted(context['backends']))}", field)
    return value


def _alerts(value: Any, field: str, context: Context) -> dict[str, Any] | None:
    return check_alert_rules(value, field, (context["current"] or {}).get("alerts"))


def _monitor_type(value: Any, field: str, context: Context) -> str:
    if value not in MONITOR_TYPES:
        raise ValidationError(f"one of {', '.join(MONITOR_TYPES)}", field)
    return value


def _optional_text(value: Any, field: str, context: Context) -> str | None:
    if value is None or (isinstance(value, str) and value.strip() and len(value) <= 200):
        return value
    raise ValidationError("null or a non-empty text of at most 200 characters", field)


def _muted_until(value: Any, field: str, context: Context) -> str | None:
    """Null, or the ISO time until which the monitor's alerts raise no Lab notification."""
    if value is None:
        return None
    return parse_time(value, field).strftime("%Y-%m-%dT%H:%M:%SZ")


def _problem_type(value: Any, field: str, context: Context) -> str:
    if value not in PROBLEM_TYPES:
        raise ValidationError(f"one of {', '.join(PROBLEM_TYPES)}", field)
    return value


def _probability_threshold(value: Any, field: str, context: Context) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValidationError("null or a number from 0 to 1", field)
    return float(value)


def _label_lateness(value: Any, field: str, context: Context) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_WINDOW_HOURS:
        raise ValidationError(f"an integer number of hours from 0 to {MAX_WINDOW_HOURS}", field)
    return value


# field: (check, default); REQUIRED has no default.
REQUIRED = object()

# The options of `model-monitor model-quality monitor` (docs/cli.md, "Model quality").
QUALITY_FIELDS: dict[str, tuple[Check, Any]] = {
    "problem_type": (_problem_type, REQUIRED),
    "ground_truth": (_path, REQUIRED),  # labels may start arriving after the monitor is made
    "ground_truth_attribute": (_optional_text, None),
    "inference_attribute": (_optional_text, None),
    "probability_attribute": (_optional_text, None),
    "probability_threshold": (_probability_threshold, None),
    "positive_label": (_optional_text, None),
    "label_lateness_hours": (_label_lateness, 24),
}


def _model_quality(value: Any, field: str, context: Context) -> dict[str, Any] | None:
    """The model-quality settings (null for data-quality monitors)."""
    if value is None:
        return None
    check_object(value, QUALITY_FIELDS, field, "an object with problem_type, ground_truth, ...")
    result = {}
    for name, (check, default) in QUALITY_FIELDS.items():
        where = f"{field}.{name}"
        if name in value:
            result[name] = check(value[name], where, context)
        elif default is REQUIRED:
            raise ValidationError(f"{name} is required for a model-quality monitor", where)
        else:
            result[name] = default
    if result["inference_attribute"] is None and result["probability_attribute"] is None:
        raise ValidationError(
            "inference_attribute or probability_attribute is required",
            f"{field}.inference_attribute",
        )
    return result


def _custom_monitor(value: Any, field: str, context: Context) -> dict[str, Any] | None:
    """A custom monitor's program (a script under the root) or container image, and arguments."""
    if value is None:
        return None
    check_object(
        value,
        ("script", "image", "arguments"),
        field,
        "an object with script or image, and arguments",
    )
    script, image = value.get("script"), value.get("image")
    if (script is None) == (image is None):
        raise ValidationError("either script or image", f"{field}.script")
    result: dict[str, Any] = {
        "script": None,
        "image": None,
        "arguments": _arguments(value.get("arguments"), field),
    }
    if script is not None:
        result["script"] = _existing_file(script, f"{field}.script", context)
    elif not isinstance(image, str) or not IMAGE.fullmatch(image):
        raise ValidationError("a container image such as my-registry/monitor:1.0", f"{field}.image")
    else:
        result["image"] = image
    return result


def _arguments(value: Any, field: str) -> list[str]:
    where = f"{field}.arguments"
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_ARGUMENTS:
        raise ValidationError(f"a list of at most {MAX_ARGUMENTS} strings", where)
    for argument in value:
        if not isinstance(argument, str) or len(argument) > MAX_ARGUMENT_CHARS:
            raise ValidationError(f"strings of at most {MAX_ARGUMENT_CHARS} characters", where)
    return value


def check_monitor_type(monitor: Mapping[str, Any]) -> None:
    """Cross-field rules of a whole monitor (after a create, or merged with a PATCH)."""
    for monitor_type in TYPE_SETTINGS:
        check_type_settings(monitor, monitor_type)
    check_scripts(monitor)
    check_batch_capture(monitor)
    check_segment(monitor)
    quality = monitor.get("monitor_type") == "model-quality"
    if quality and monitor.get("dataset_format") not in (None, "sagemaker_capture_json"):
        raise ValidationError(
            "model-quality monitors read SageMaker captures: sagemaker_capture_json or null",
            "dataset_format",
        )


# A monitor type with settings of its own: (the field, what it holds, the backends that run it).
TYPE_SETTINGS = {
    "model-quality": ("model_quality", "these settings", QUALITY_BACKENDS),
    "custom": ("custom_monitor", "a program", CUSTOM_BACKENDS),
}


def check_type_settings(monitor: Mapping[str, Any], monitor_type: str) -> None:
    """A monitor of the type has its settings and a backend that runs it; others have none."""
    field, holds, backends = TYPE_SETTINGS[monitor_type]
    of_type = monitor.get("monitor_type") == monitor_type
    if of_type and monitor.get(field) is None:
        raise ValidationError(f"required for a {monitor_type} monitor", field)
    if not of_type and monitor.get(field) is not None:
        raise ValidationError(f"only {monitor_type} monitors have {holds}", field)
    if of_type and monitor.get("backend") not in backends:
        raise ValidationError(
            f"{monitor_type} monitors run on the {', '.join(backends)} backend only", "backend"
        )


def is_data_quality(monitor: Mapping[str, Any]) -> bool:
    return monitor.get("monitor_type", "data-quality") == "data-quality"


def check_batch_capture(monitor: Mapping[str, Any]) -> None:
    """A batch transform capture is data a data-quality monitor reads on the local engine."""
    if not monitor.get("batch_capture"):
        return
    if not is_data_quality(monitor):
        raise ValidationError(
            "data-quality monitors only read batch transform captures", "batch_capture"
        )
    if monitor.get("backend") != "local":
        raise ValidationError("the local backend reads batch transform captures", "batch_capture")


def check_segment(monitor: Mapping[str, Any]) -> None:
    """A segmented run is a data-quality run of the local engine; metadata keys need captures."""
    segment = monitor.get("segment")
    if not segment:
        return
    if not is_data_quality(monitor):
        raise ValidationError("data-quality monitors only are segmented", "segment")
    check_segment_backend(segment, monitor.get("backend") or "")
    captures = monitor.get("dataset_format") in (None, "sagemaker_capture_json")
    if segment["by"].startswith(METADATA_PREFIX) and not captures:
        raise ValidationError(
            "eventMetadata segments need SageMaker captures: dataset_format "
            "sagemaker_capture_json or null",
            "segment.by",
        )


def check_scripts(monitor: Mapping[str, Any]) -> None:
    """Processor scripts run where SageMaker's analyzer would: a data-quality monitor on the local
    engine, or on SageMaker (Python only there)."""
    backend = monitor.get("backend")
    for field in SCRIPT_SUFFIXES:
        script = monitor.get(field)
        if not script:
            continue
        if not is_data_quality(monitor):
            raise ValidationError("data-quality monitors only run processor scripts", field)
        if backend not in SCRIPT_BACKENDS:
            raise ValidationError(
                f"processor scripts run on the {' and '.join(SCRIPT_BACKENDS)} backends", field
            )
        if backend == "sagemaker" and not script.lower().endswith(".py"):
            raise ValidationError("SageMaker runs Python processor scripts only (.py)", field)


MONITOR_FIELDS: dict[str, tuple[Check, Any]] = {
    "name": (_name, REQUIRED),
    "dataset": (_existing_path, REQUIRED),
    "dataset_format": (_optional_format, None),
    "header": (_boolean, False),
    "baseline_statistics": (_existing_file, REQUIRED),
    "baseline_constraints": (_existing_file, REQUIRED),
    "output": (_path, None),  # default: monitoring/<name>
    "schedule": (_schedule, None),
    "window_hours": (_window_hours, 1),
    "catch_up": (_catch_up, "once"),
    "backend": (_backend, "local"),
    "enabled": (_boolean, True),
    "alerts": (_alerts, None),
    "monitor_type": (_monitor_type, "data-quality"),
    "model_quality": (_model_quality, None),
    "muted_until": (_muted_until, None),
    "record_preprocessor_script": (_optional_script, None),
    "post_analytics_processor_script": (_optional_script, None),
    "custom_monitor": (_custom_monitor, None),
    "batch_capture": (_batch_capture, None),
    "segment": (_segment, None),
}


def validate_monitor(
    body: Any,
    root: str,
    backends: Mapping[str, Any],
    partial: bool = False,
    current: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Return the checked monitor fields of ``body``; ``partial`` for PATCH (no defaults), where
    ``current`` is the stored monitor the changes apply to."""
    check_object(body, MONITOR_FIELDS)
    context = {"root": root, "backends": backends, "current": current}
    result = {}
    for field, (check, default) in MONITOR_FIELDS.items():
        if field in body:
            result[field] = check(body[field], field, context)
        elif not partial and default is REQUIRED:
            raise ValidationError(f"{field} is required", field)
        elif not partial:
            result[field] = default
    if not partial and result["output"] is None:
        result["output"] = _path(f"monitoring/{result['name']}", "output", context)
    check_monitor_type(result if not partial else {**(current or {}), **result})
    return result


def parse_time(value: Any, field: str) -> datetime:
    """An ISO 8601 UTC time (``2026-11-01T13:00:00Z``) as an aware datetime."""
    if not isinstance(value, str):
        raise ValidationError("an ISO 8601 time such as 2026-11-01T13:00:00Z", field)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise ValidationError("an ISO 8601 time such as 2026-11-01T13:00:00Z", field) from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    # Bounded so that converting to UTC, and adding window hours later, cannot overflow.
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise ValidationError(f"a time in the years {MIN_YEAR} to {MAX_YEAR}", field)
    return moment.astimezone(timezone.utc)


def validate_run_request(body: Any) -> tuple[datetime, datetime] | None:
    """``{"window_start": ISO, "window_end": ISO}`` (both or neither) → (start, end) or None."""
    body = body or {}
    check_object(body, ("window_start", "window_end"))
    if not body:
        return None
    for field in ("window_start", "window_end"):
        if field not in body:
            raise ValidationError(f"{field} is required with the other window bound", field)
    start = parse_time(body["window_start"], "window_start")
    end = parse_time(body["window_end"], "window_end")
    if end <= start:
        raise ValidationError("window_end must be after window_start", "window_end")
    return start, end


MAX_ACKNOWLEDGED_IDS = 1000
MAX_ALERT_ID = 10**18 - 1  # the ``since`` cursor's bound: 18 digits


def validate_acknowledgement(body: Any) -> tuple[list[int] | None, int | None]:
    """``{"ids": [ids]}`` or ``{"up_to": id}`` (exactly one) → (ids, None) or (None, up_to)."""
    check_object(body, ("ids", "up_to"))
    if len(body) != 1:
        raise ValidationError("give either ids or up_to", "ids")
    if "up_to" in body:
        return None, _alert_id(body["up_to"], "up_to")
    ids = body["ids"]
    if not isinstance(ids, list) or not 1 <= len(ids) <= MAX_ACKNOWLEDGED_IDS:
        raise ValidationError(f"a list of 1 to {MAX_ACKNOWLEDGED_IDS} alert ids", "ids")
    return [_alert_id(item, f"ids[{i}]") for i, item in enumerate(ids)], None


def _alert_id(value: Any, field: str) -> int:
    # bool is an int subclass: true is not alert 1.
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ALERT_ID:
        raise ValidationError("an alert id (a positive integer)", field)
    return value
