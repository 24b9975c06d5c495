"""Runs one engine command for a request: on the server's Node, confined to the server's root, off
the event loop, killed when the request goes away or after a time limit."""

import asyncio
import os
from collections.abc import Sequence

from .engine import engine_environment, find_cli, find_node, missing
from .paths import without_root

TIMEOUT_SECONDS = 600
DATA_ERROR_EXIT_CODE = 2  # docs/cli.md: bad input (an unreadable path, a refused query)
USAGE_EXIT_CODE = 1


class EngineUnavailable(RuntimeError):
    """The engine could not run, or failed for a reason that is not the request's."""


async def run_engine(
    arguments: Sequence[str],
    root: str | os.PathLike[str],
    timeout: float = TIMEOUT_SECONDS,
    cwd: str | os.PathLike[str] | None = None,
) -> tuple[int, bytes, bytes]:
    """``(exit code, stdout bytes, stderr bytes)`` of ``model-monitor <arguments>``."""
    node, cli = find_node(), find_cli()
    problem = missing(node, cli)
    if problem or node is None or cli is None:
        raise EngineUnavailable(problem)
    process = await asyncio.create_subprocess_exec(
        node,
        cli,
        *arguments,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=engine_environment(root),
        cwd=cwd,
    )
    try:
        stdout, stderr = await asyncio.wait_for(process.communicate(), timeout)
    except BaseException:
        # A timeout, or the request went away: the engine stops with it.
        process.kill()
        await process.wait()
        raise
    assert process.returncode is not None  # communicate() waited for the exit
    return process.returncode, stdout, stderr


def last_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else "no message"


def hide_root(message: str, root: str | os.PathLike[str]) -> str:
    """``message`` naming the server root as such, never by its absolute path."""
    message = without_root(message, root)
    for prefix in {os.path.realpath(root), str(root).rstrip(os.sep)}:
        message = message.replace(prefix, "the server root")
    return message
