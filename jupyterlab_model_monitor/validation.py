"""Checks of request bodies: a monitor definition and a run request.

Each check raises :class:`ValidationError` naming the offending field; handlers turn it into
``400 {"message": ..., "field": ...}``.
"""

import re
from datetime import datetime, timezone

from croniter import croniter

from .alerts import check_alert_rules
from .errors import ValidationError
from .paths import PathError, confine, relative_to_root

DATASET_FORMATS = ("csv", "json", "sagemaker_capture_json", "arrow")
CATCH_UP_POLICIES = ("skip", "once", "all")
MAX_WINDOW_HOURS = 24 * 31
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,99}$")


def _name(value, field, context):
    if not isinstance(value, str) or not NAME.match(value):
        raise ValidationError(
            "a name of 1-100 letters, digits, spaces, '.', '_' or '-', starting with a letter "
            "or digit",
            field,
        )
    return value


def relative_path(value, field, root):
    """``value`` confined to ``root``, as the root-relative path clients see."""
    try:
        return relative_to_root(root, confine(root, value, field))
    except PathError as error:
        raise ValidationError(str(error), field) from error


def _path(value, field, context):
    return relative_path(value, field, context["root"])


def _existing_file(value, field, context):
    path = _path(value, field, context)
    if not confine(context["root"], path).is_file():
        raise ValidationError(f"no such file: {path}", field)
    return path


def _optional_format(value, field, context):
    if value is None or value in DATASET_FORMATS:
        return value
    raise ValidationError(f"one of {', '.join(DATASET_FORMATS)} (or null to detect)", field)


def _boolean(value, field, context):
    if not isinstance(value, bool):
        raise ValidationError("true or false", field)
    return value


def _schedule(value, field, context):
    if value is None:
        return None
    if not isinstance(value, str) or len(value.split()) != 5 or not croniter.is_valid(value):
        raise ValidationError("a cron expression of 5 fields, e.g. '0 * * * *', or null", field)
    return value


def _window_hours(value, field, context):
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_WINDOW_HOURS:
        raise ValidationError(f"an integer number of hours from 1 to {MAX_WINDOW_HOURS}", field)
    return value


def _catch_up(value, field, context):
    if value not in CATCH_UP_POLICIES:
        raise ValidationError(f"one of {', '.join(CATCH_UP_POLICIES)}", field)
    return value


def _backend(value, field, context):
    if value not in context["backends"]:
        raise ValidationError(f"one of {', '.join(sorted(context['backends']))}", field)
    return value


def _alerts(value, field, context):
    return check_alert_rules(value, field)


# field: (check, default); REQUIRED has no default.
REQUIRED = object()
MONITOR_FIELDS = {
    "name": (_name, REQUIRED),
    "dataset": (_path, REQUIRED),
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
}


def validate_monitor(body, root, backends, partial=False):
    """Return the checked monitor fields of ``body``; ``partial`` for PATCH (no defaults)."""
    if not isinstance(body, dict):
        raise ValidationError("the request body must be a JSON object")
    unknown = sorted(set(body) - set(MONITOR_FIELDS))
    if unknown:
        raise ValidationError(f"unknown field: {unknown[0]}", unknown[0])
    context = {"root": root, "backends": backends}
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
    return result


def parse_time(value, field):
    """An ISO 8601 UTC time (``2026-11-01T13:00:00Z``) as an aware datetime."""
    if not isinstance(value, str):
        raise ValidationError("an ISO 8601 time such as 2026-11-01T13:00:00Z", field)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise ValidationError("an ISO 8601 time such as 2026-11-01T13:00:00Z", field) from error
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def validate_run_request(body):
    """``{"window_start": ISO, "window_end": ISO}`` (both or neither) → (start, end) or None."""
    body = body or {}
    if not isinstance(body, dict):
        raise ValidationError("the request body must be a JSON object")
    unknown = sorted(set(body) - {"window_start", "window_end"})
    if unknown:
        raise ValidationError(f"unknown field: {unknown[0]}", unknown[0])
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
