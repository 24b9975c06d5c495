"""PATCH bodies the side panel's Edit form sends (only the changed fields), on a real server."""

import pytest


@pytest.fixture
def created(api, jp_root_dir):
    async def create():
        folder = jp_root_dir / "baseline"
        folder.mkdir()
        (jp_root_dir / "captures" / "churn").mkdir(parents=True)  # the dataset must exist
        (folder / "statistics.json").write_text('{"version": 0.0, "dataset": {}, "features": []}')
        (folder / "constraints.json").write_text('{"version": 0.0, "features": []}')
        status, monitor = await api(
            "POST",
            "monitors",
            body={
                "name": "churn",
                "dataset": "captures/churn",
                "baseline_statistics": "baseline/statistics.json",
                "baseline_constraints": "baseline/constraints.json",
                "schedule": "0 * * * *",
                "alerts": {
                    "notify": False,
                    "webhooks": [{"url": "https://hooks.example.com/a", "format": "slack"}],
                },
            },
        )
        assert status == 201
        return monitor

    return create


async def test_rename_and_unschedule_keep_the_rest(api, created):
    monitor = await created()
    body = {"name": "churn-manual", "schedule": None, "window_hours": 6}
    status, edited = await api("PATCH", "monitors", monitor["id"], body=body)
    assert status == 200
    assert edited["name"] == "churn-manual"
    assert edited["schedule"] is None and edited["next_run_at"] is None
    assert edited["window_hours"] == 6
    assert edited["dataset"] == monitor["dataset"]
    assert edited["alerts"] == monitor["alerts"]
    assert (await api("GET", "monitors", monitor["id"]))[1] == edited


async def test_a_changed_webhook_keeps_the_other_alert_rules(api, created):
    monitor = await created()
    alerts = {"notify": False, "webhooks": [{"url": "https://new.example/x", "format": "slack"}]}
    status, edited = await api("PATCH", "monitors", monitor["id"], body={"alerts": alerts})
    assert status == 200
    assert edited["alerts"]["notify"] is False
    assert edited["alerts"]["webhooks"][0]["url"] == "https://new.example/…"  # shown redacted
    cleared = {"notify": False, "webhooks": []}
    status, edited = await api("PATCH", "monitors", monitor["id"], body={"alerts": cleared})
    assert status == 200 and edited["alerts"]["webhooks"] == []


async def test_a_refused_edit_names_the_field_and_changes_nothing(api, created):
    monitor = await created()
    status, error = await api("PATCH", "monitors", monitor["id"], body={"schedule": "0 * * *"})
    assert status == 400 and error["field"] == "schedule"
    assert (await api("GET", "monitors", monitor["id"]))[1] == monitor
