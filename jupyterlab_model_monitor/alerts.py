"""Alerts: when a run ends with violations or fails, tell someone (our CloudWatch alarms).

A monitor's ``alerts`` field (null = the defaults below)::

    {"notify": true,              # show a JupyterLab notification in open sessions
     "on_failure": true,          # alert when a run fails, too
     "check_types": null,         # only violations of these check types count (null: any)
     "drift_threshold": null,     # baseline_drift_check counts only above this distance
     "webhooks": [{"url": "https://…", "format": "json" | "slack"}]}

Every alert is stored (the history the frontend polls through ``GET /model-monitor/alerts``, and
the webhook delivery results), with whether it was read in the Lab (``acknowledged_at``) and
whether its monitor was muted then (``muted``: stored and listed, no Lab notification; webhooks
are sent all the same). Webhooks are delivered in the background: a slow or unreachable
target never delays or breaks a run.
"""

import asyncio
import json
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .errors import ValidationError, check_object
from .file_names import VIOLATIONS_FILE
from .metrics import DRIFT_TEXT, read_json
from .paths import confine
from .rows import ExecutionRow, MonitorRow
from .segments import segment_folder, segment_name, segments_text
from .store import Store, utc_now
from .webhooks import (
    WEBHOOK_FORMATS,
    WebhookError,
    WebhookSender,
    check_url,
    payload,
    redact,
)

DEFAULT_RULES: dict[str, Any] = {
    "notify": True,
    "on_failure": True,
    "check_types": None,
    "drift_threshold": None,
    "webhooks": [],
}
CHECK_TYPES = (
    "data_type_check",
    "completeness_check",
    "categorical_values_check",
    "baseline_drift_check",
    "missing_column_check",
    "extra_column_check",
    # model-quality violations name the comparison that failed (FORMATS §5.4)
    "GreaterThanThreshold",
    "LessThanThreshold",
    "GreaterThanOrEqualToThreshold",
    "LessThanOrEqualToThreshold",
)
MAX_WEBHOOKS = 5
MAX_LISTED_VIOLATIONS = 50

# One violation of constraint_violations.json: feature_name, constraint_check_type, description.
Violation = dict[str, Any]


def check_alert_rules(
    value: Any, field: str = "alerts", stored: Mapping[str, Any] | None = None
) -> dict[str, Any] | None:
    """The checked rules of a monitor's ``alerts`` field (null → None, meaning the defaults).

    ``stored`` are the monitor's current rules: a webhook sent back as the API showed it (its
    URL redacted) keeps its stored URL."""
    if value is None:
        return None
    check_object(value, DEFAULT_RULES, field, "an object with notify, on_failure, check_types, ...")
    rules = {**DEFAULT_RULES, **value}
    for flag in ("notify", "on_failure"):
        if not isinstance(rules[flag], bool):
            raise ValidationError("true or false", f"{field}.{flag}")
    rules["check_types"] = _check_types(rules["check_types"], f"{field}.check_types")
    rules["drift_threshold"] = _threshold(rules["drift_threshold"], f"{field}.drift_threshold")
    kept = (stored or {}).get("webhooks") or []
    rules["webhooks"] = _webhooks(rules["webhooks"], f"{field}.webhooks", kept)
    return rules


def public_monitor(monitor: Mapping[str, Any]) -> Mapping[str, Any]:
    """``monitor`` as the API shows it: webhook URLs redacted (they often hold a secret)."""
    rules = monitor.get("alerts")
    if not rules or not rules.get("webhooks"):
        return monitor
    hooks = [{**hook, "url": redact(hook["url"])} for hook in rules["webhooks"]]
    return {**monitor, "alerts": {**rules, "webhooks": hooks}}


def _check_types(value: Any, field: str) -> list[str] | None:
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(item, str) for item in value)  # set() of [[1]] raises TypeError
        or not set(value) <= set(CHECK_TYPES)
    ):
        raise ValidationError(f"null or a non-empty list of {', '.join(CHECK_TYPES)}", field)
    return sorted(set(value), key=CHECK_TYPES.index)


def _threshold(value: Any, field: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise ValidationError("null or a number ≥ 0", field)
    return float(value)


def _webhooks(value: Any, field: str, stored: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    if not isinstance(value, list) or len(value) > MAX_WEBHOOKS:
        raise ValidationError(f"a list of at most {MAX_WEBHOOKS} webhooks", field)
    checked = []
    unused = [hook["url"] for hook in stored]
    for index, hook in enumerate(value):
        where = f"{field}[{index}]"
        if not isinstance(hook, dict) or set(hook) - {"url", "format"}:
            raise ValidationError('an object {"url": ..., "format": "json" | "slack"}', where)
        try:
            url = _kept_url(hook.get("url"), unused) or check_url(hook.get("url"))
        except WebhookError as error:
            raise ValidationError(str(error), f"{where}.url") from error
        webhook_format = hook.get("format", "json")
        if webhook_format not in WEBHOOK_FORMATS:
            raise ValidationError(f"one of {', '.join(WEBHOOK_FORMATS)}", f"{where}.format")
        checked.append({"url": url, "format": webhook_format})
    return checked


def _kept_url(url: Any, unused: list[str]) -> str | None:
    """The stored URL that ``url`` shows redacted (taken from ``unused``), or None."""
    for stored in unused:
        if redact(stored) == url:
            unused.remove(stored)
            return stored
    return None


def counting_violations(
    violations: Iterable[Violation], rules: Mapping[str, Any]
) -> list[Violation]:
    """The violations that count under ``rules`` (check types, drift threshold)."""
    chosen = []
    for violation in violations:
        kind = violation.get("constraint_check_type")
        if rules["check_types"] is not None and kind not in rules["check_types"]:
            continue
        if kind == "baseline_drift_check" and rules["drift_threshold"] is not None:
            match = DRIFT_TEXT.search(violation.get("description") or "")
            if match and float(match.group(1)) <= rules["drift_threshold"]:
                continue
        chosen.append(violation)
    return chosen


def summarise(violations: Iterable[Mapping[str, Any]]) -> str:
    """``"5 baseline_drift_check, 1 completeness_check"``."""
    counts: dict[Any, int] = {}
    for violation in violations:
        kind = violation.get("constraint_check_type")
        counts[kind] = counts.get(kind, 0) + 1
    return ", ".join(f"{n} {kind}" for kind, n in counts.items())


def read_violations(root_dir: str, output: str) -> list[Violation]:
    """The ``violations`` list of a run's output folder (blocking)."""
    folder = confine(root_dir, output, "output")
    document = read_json(os.path.join(folder, VIOLATIONS_FILE), root_dir) or {}
    return document.get("violations") or []


def read_segment_violations(
    root_dir: str, execution: ExecutionRow
) -> list[tuple[str, list[Violation]]]:
    """``[(segment name, violations)]`` of the segments a run found violations in (blocking)."""
    output = confine(root_dir, execution["output"], "output")
    found = []
    for segment in (execution.get("segments") or {}).get("with_violations") or []:
        folder = segment_folder(output, segment.get("folder"))
        if folder is not None:
            document = read_json(os.path.join(folder, VIOLATIONS_FILE), root_dir) or {}
            found.append((segment_name(segment), document.get("violations") or []))
    return found


def violations_text(
    listed: Sequence[Mapping[str, Any]], segments: Sequence[tuple[str, Sequence[Any]]]
) -> str:
    """``3 violations (3 baseline_drift_check); 2 segments with violations: eu-west, (other)``."""
    parts = []
    if listed:
        plural = "" if len(listed) == 1 else "s"
        parts.append(f"{len(listed)} violation{plural} ({summarise(listed)})")
    if segments:
        parts.append(segments_text([name for name, _ in segments]))
    return "; ".join(parts)


def plan_alert(
    monitor: MonitorRow,
    execution: ExecutionRow,
    violations: Iterable[Violation],
    segment_violations: Iterable[tuple[str, Iterable[Violation]]] = (),
) -> dict[str, Any] | None:
    """The alert a finished execution raises under its monitor's rules, or None. The rules
    apply to each segment's violations as to the overall ones."""
    rules = monitor.get("alerts") or DEFAULT_RULES
    name, state = monitor["name"], execution["state"]
    if state == "failed" and rules["on_failure"]:
        kind, listed = "failed", []
        message = f"{name}: the run failed: {execution.get('message') or 'no reason given'}"
    elif state == "completed_with_violations":
        listed = counting_violations(violations, rules)
        counted = [(s, counting_violations(found, rules)) for s, found in segment_violations]
        segments = [(segment, found) for segment, found in counted if found]
        if not listed and not segments:
            return None
        kind = "violations"
        message = f"{name}: {violations_text(listed, segments)}"
        listed += [{**v, "segment": segment} for segment, found in segments for v in found]
    else:
        return None
    return {
        "monitor_id": monitor["id"],
        "execution_id": execution["id"],
        "kind": kind,
        "message": message,
        "notify": rules["notify"],
        "violations": listed[:MAX_LISTED_VIOLATIONS],
    }


def is_muted(monitor: MonitorRow, now: str) -> bool:
    """Whether the monitor's alerts raise no Lab notification at ``now`` (ISO text, as stored:
    such times sort as text)."""
    until = monitor.get("muted_until")
    return until is not None and until > now


def webhook_body(
    alert: Mapping[str, Any], monitor: MonitorRow, execution: ExecutionRow
) -> dict[str, Any]:
    """The documented webhook payload fields of a stored alert."""
    keys = ("id", "state", "trigger", "window_start", "window_end", "output", "message", "segments")
    return {
        "alert_id": alert["id"],
        "kind": alert["kind"],
        "message": alert["message"],
        "created_at": alert["created_at"],
        "monitor": {"id": monitor["id"], "name": monitor["name"]},
        "execution": {**{k: execution.get(k) for k in keys}, "violations": execution["violations"]},
        "violations": alert["violations"],
    }


class Alerts:
    """Raises alerts for finished executions and delivers their webhooks in the background."""

    def __init__(
        self, store: Store, root_dir: str, log: logging.Logger, sender: WebhookSender | None = None
    ) -> None:
        self.store = store
        self.root_dir = root_dir
        self.log = log
        self.sender = sender or WebhookSender(log)
        self._deliveries: set[asyncio.Task[None]] = set()

    async def run_finished(self, execution_id: str) -> None:
        """Scheduler hook: alert if the execution's outcome matches its monitor's rules."""
        try:
            await self._raise_for(execution_id)
        except Exception:
            self.log.exception("model-monitor: no alert for execution %s", execution_id)

    async def _raise_for(self, execution_id: str) -> dict[str, Any] | None:
        execution = await self.store.call(self.store.get_execution, execution_id)
        if execution is None:  # deleted with its monitor since it ended: no one to alert
            return None
        monitor = await self.store.call(self.store.get_monitor, execution["monitor_id"])
        if monitor is None:
            return None
        violations: list[Violation] = []
        segment_violations: list[tuple[str, list[Violation]]] = []
        if execution["state"] == "completed_with_violations":
            violations = await asyncio.to_thread(
                read_violations, self.root_dir, execution["output"]
            )
            segment_violations = await asyncio.to_thread(
                read_segment_violations, self.root_dir, execution
            )
        planned = plan_alert(monitor, execution, violations, segment_violations)
        if planned is None:
            return None
        planned["muted"] = is_muted(monitor, utc_now())
        alert = await self.store.call(self.store.create_alert, planned)
        assert alert is not None  # the row just inserted
        self.log.info("model-monitor: alert %s: %s", alert["id"], alert["message"])
        hooks = (monitor.get("alerts") or DEFAULT_RULES)["webhooks"]
        if hooks:
            body = webhook_body(alert, monitor, execution)
            task = asyncio.get_running_loop().create_task(self._deliver(alert["id"], hooks, body))
            self._deliveries.add(task)
            task.add_done_callback(self._deliveries.discard)
        return alert

    async def _deliver(
        self, alert_id: int, hooks: Iterable[Mapping[str, Any]], body: Mapping[str, Any]
    ) -> None:
        results = await asyncio.gather(
            *(self.sender.send(hook["url"], payload(body, hook["format"])) for hook in hooks)
        )
        await self.store.call(self.store.set_alert_deliveries, alert_id, json.dumps(results))

    async def wait_deliveries(self) -> None:
        """Wait for the webhooks under way (tests, shutdown)."""
        await asyncio.gather(*list(self._deliveries), return_exceptions=True)

    async def stop(self) -> None:
        for task in list(self._deliveries):
            task.cancel()
        await self.wait_deliveries()
