"""jobs.py: progress reports of runs and baseline jobs, and the work of servers that are gone."""

import socket

from jupyterlab_model_monitor.jobs import fail_orphans, progress_reporter
from jupyterlab_model_monitor.store import Store


async def test_progress_is_written_once_it_moved_by_a_percent():
    updates = []

    async def update(**changes):
        updates.append(changes)

    report = progress_reporter(update, "/srv/root")
    await report(0.004, None)  # too little to write
    await report(0.011, None)
    await report(0.015, "profiling")  # the message alone
    await report(0.03, None)
    await report(None, "reading /srv/root/captures/a.jsonl")
    await report(None, None)
    assert updates == [
        {"progress": 0.011},
        {"message": "profiling"},
        {"progress": 0.03},
        {"message": "reading captures/a.jsonl"},
    ]


async def test_work_of_a_dead_server_of_this_host_fails(tmp_path):
    host = socket.gethostname()
    fields = {"dataset": "d", "header": False, "backend": "local"}
    with Store(tmp_path / "monitors.sqlite") as store:
        claims = {"dead": f"{host}:999999999:0badc0de", "ours": f"{host}:1:ours"}
        claims["elsewhere"] = "another-host:999999999:0badc0de"  # its own servers judge it
        jobs = {
            name: store.create_baseline({**fields, "output": name, "claimed_by": claimer})
            for name, claimer in claims.items()
        }
        assert await fail_orphans(store, "baselines", claims["ours"]) == [jobs["dead"]["id"]]
        states = {name: store.get_baseline(job["id"])["state"] for name, job in jobs.items()}
    assert states == {"dead": "failed", "ours": "running", "elsewhere": "running"}
