"""What the scheduler's runs and the baseline jobs share while they run: progress reports to the
store, and failing the work a server of this host claimed before its process went away."""

import functools
import os
import socket
from collections.abc import Awaitable, Callable
from typing import Any

from .backends import Report
from .paths import without_root
from .store import Store

# The least progress worth a write: a backend may report after every few bytes.
PROGRESS_STEP = 0.01


def progress_reporter(update: Callable[..., Awaitable[Any]], root: str | None) -> Report:
    """A backend's ``report(progress, message)``: calls ``update(progress=…, message=…)`` with
    the message (the server root taken out) and the progress once it moved by PROGRESS_STEP."""
    last = 0.0

    async def report(progress: float | None, message: str | None) -> None:
        nonlocal last
        changes: dict[str, Any] = {"message": without_root(message, root)} if message else {}
        if progress is not None and progress - last >= PROGRESS_STEP:
            last = changes["progress"] = progress
        if changes:
            await update(**changes)

    return report


def process_alive(claimer: str, own_claimer: str) -> bool:
    """Whether the server process named in ``claimed_by`` (``host:pid[:instance]``, on this
    host) still runs. A claim with this process's pid that is not its own claim is from a dead
    process whose pid was reused; any other reuse is left to the lease (leases.py)."""
    try:
        pid = int(claimer.split(":")[1])
        if pid == os.getpid():
            return claimer == own_claimer
        os.kill(pid, 0)
    except (ValueError, IndexError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


async def fail_orphans(store: Store, table: str, own_claimer: str) -> list[str]:
    """Fail the running work in ``table`` (executions or baselines) that servers of this host
    claimed and whose process is gone; returns its ids."""
    alive = functools.partial(process_alive, own_claimer=own_claimer)
    return await store.call(store.fail_orphans, table, f"{socket.gethostname()}:", alive)
