"""The store's monitor and execution rows, as the REST API serves them (api/openapi.yaml)."""

from typing import Any, TypedDict


class MonitorRow(TypedDict):
    id: str
    name: str
    dataset: str
    dataset_format: str | None
    header: bool
    baseline_statistics: str
    baseline_constraints: str
    output: str
    schedule: str | None
    window_hours: int
    catch_up: str
    backend: str
    enabled: bool
    next_run_at: str | None
    alerts: dict[str, Any] | None
    monitor_type: str
    model_quality: dict[str, Any] | None
    muted_until: str | None
    record_preprocessor_script: str | None
    post_analytics_processor_script: str | None
    custom_monitor: dict[str, Any] | None
    batch_capture: dict[str, Any] | None
    segment: dict[str, Any] | None
    created_at: str
    updated_at: str


class ExecutionRow(TypedDict):
    id: str
    monitor_id: str
    trigger: str
    state: str
    scheduled_for: str
    window_start: str | None
    window_end: str | None
    output: str
    created_at: str
    started_at: str | None
    finished_at: str | None
    progress: float
    message: str | None
    violations: int | None
    claimed_by: str | None
    heartbeat_at: str | None
    segments: dict[str, Any] | None
