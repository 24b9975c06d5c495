"""Leases on running work: a server renews the lease of every execution and baseline job it runs,
and any server fails the work whose lease has run out.

Detecting a dead server by its process id (``os.kill(pid, 0)``) fails when the id is reused: the
work then stayed ``running`` forever and could not be deleted. A lease needs no process id, and
works across hosts sharing one database.
"""

import asyncio
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from .store import Store, to_iso


def new_claimer() -> str:
    """``host:pid:instance``: unique to this server process, even if its pid is reused later."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class LeaseKeeper:
    """Every ``lease_seconds / 3``: renews this server's leases, then fails expired ones and tells
    ``listeners`` (async callables of an execution id) about each failed execution."""

    def __init__(
        self, store: Store, claimer: str, log: logging.Logger, lease_seconds: float = 60.0
    ) -> None:
        self.store = store
        self.claimer = claimer
        self.log = log
        self.lease_seconds = lease_seconds
        self.listeners: list[Callable[[str], Awaitable[Any]]] = []
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._loop())

    async def stop(self) -> None:
        if self._task:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    async def _loop(self) -> None:
        while True:
            try:
                await self.check()
            except Exception:
                self.log.exception("model-monitor: lease check failed")
            await asyncio.sleep(self.lease_seconds / 3)

    async def check(self, now: datetime | None = None) -> dict[str, list[str]]:
        """One round: renew ours, fail the expired; returns the failed ids by table."""
        await self.store.call(self.store.renew_leases, self.claimer)
        now = now or datetime.now(timezone.utc)
        cutoff = to_iso(now - timedelta(seconds=self.lease_seconds))
        failed = await self.store.call(self.store.fail_expired_leases, cutoff)
        for table, ids in failed.items():
            for item_id in ids:
                self.log.warning("model-monitor: %s %s failed: its lease ran out", table, item_id)
        for execution_id in failed["executions"]:
            for listener in self.listeners:
                await listener(execution_id)  # its monitor's on_failure alert
        return failed
