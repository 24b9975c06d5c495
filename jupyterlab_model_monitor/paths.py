"""Paths given by API clients, confined to the Jupyter server's root directory.

A client names files relative to the root (as JupyterLab's file browser shows them). We refuse
``..`` segments, absolute paths outside the root and symbolic links that lead out of it.
"""

import os
from pathlib import Path, PurePosixPath

# Linux's PATH_MAX and NAME_MAX. Longer paths cannot name a file, and resolving one costs a system
# call per segment: a 200 KB path of "a/a/a/..." kept the server busy for seconds.
MAX_PATH_BYTES = 4096
MAX_NAME_BYTES = 255


class PathError(ValueError):
    """A path a client may not use; ``field`` names the request field it came from."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def confine(root, path, field=None):
    """Return the absolute, symlink-resolved form of ``path`` if it lies under ``root``.

    ``path`` is relative to ``root`` (``/`` separators; an absolute path is accepted only when it is
    under the root). The target need not exist; existing ancestors are resolved through symlinks.
    """
    if not isinstance(path, str) or not path.strip():
        raise PathError("a non-empty path is required", field)
    if "\0" in path:
        raise PathError("the path contains a NUL character", field)
    if len(path.encode("utf-8", "surrogatepass")) > MAX_PATH_BYTES:
        raise PathError(f"the path is longer than {MAX_PATH_BYTES} bytes", field)
    parts = PurePosixPath(path.replace("\\", "/")).parts
    if any(len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES for part in parts):
        raise PathError(f"a name in the path is longer than {MAX_NAME_BYTES} bytes", field)
    if ".." in parts:
        raise PathError(f"'..' is not allowed in paths: {path}", field)
    real_root = Path(os.path.realpath(root))
    candidate = Path(path) if os.path.isabs(path) else real_root.joinpath(*parts)
    resolved = Path(os.path.realpath(candidate))
    if resolved != real_root and real_root not in resolved.parents:
        raise PathError(f"the path is outside the server root: {path}", field)
    return resolved


def relative_to_root(root, absolute):
    """The ``/``-separated form of ``absolute`` relative to ``root``, as clients see it."""
    return Path(absolute).relative_to(os.path.realpath(root)).as_posix()


def without_root(text, root):
    """``text`` (a message) with the server root's absolute path taken out of the paths it names,
    so messages, alerts and webhooks never show where the server's files live."""
    if not isinstance(text, str):
        return text
    for prefix in {os.path.realpath(root), str(root).rstrip(os.sep)}:
        text = text.replace(prefix + os.sep, "")
    return text
