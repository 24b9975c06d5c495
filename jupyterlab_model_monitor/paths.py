"""Paths given by API clients, confined to the Jupyter server's root directory.

A client names files relative to the root (as JupyterLab's file browser shows them). We refuse
``..`` segments, absolute paths outside the root and symbolic links that lead out of it.
"""

import os
from pathlib import Path, PurePosixPath
from typing import IO, Any, TypeVar

# Linux's PATH_MAX and NAME_MAX. Longer paths cannot name a file, and resolving one costs a system
# call per segment: a 200 KB path of "a/a/a/..." kept the server busy for seconds.
MAX_PATH_BYTES = 4096
MAX_NAME_BYTES = 255
Text = TypeVar("Text", str, None)  # without_root keeps a missing message missing


class PathError(ValueError):
    """A path a client may not use; ``field`` names the request field it came from."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def confine(root: str | os.PathLike[str], path: str, field: str | None = None) -> Path:
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
    if not _is_under(resolved, real_root):
        raise PathError(f"the path is outside the server root: {path}", field)
    return resolved


def open_confined(
    root: str | os.PathLike[str] | None, path: str | os.PathLike[str], **kwargs: Any
) -> IO[Any]:
    """``open(path, **kwargs)``, refused (PathError, the file closed) when the file opened resolves
    outside ``root``. The open file itself is checked (Linux: ``/proc/self/fd``), so a symlink put
    in place of ``path`` after an earlier check cannot redirect the read. No ``root``: no check."""
    file = open(path, **kwargs)  # noqa: SIM115 - returned open, or closed on refusal
    if root is None:
        return file
    try:
        _refuse_outside(root, _real_path_of(file.fileno(), path), "file")
    except BaseException:
        file.close()
        raise
    return file


def write_confined(
    root: str | os.PathLike[str] | None, folder: str | os.PathLike[str], name: str, body: bytes
) -> None:
    """Write ``body`` (bytes) to ``folder/name``, refused (PathError) when the folder resolves
    outside ``root``. The folder is opened and checked once, and the file is created relative to
    it (``dir_fd``) without following a symlink: a swap of either cannot redirect the write."""
    folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        if root is not None:
            _refuse_outside(root, _real_path_of(folder_fd, folder), "output folder")
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW
        with open(os.open(name, flags, 0o644, dir_fd=folder_fd), "wb") as file:
            file.write(body)
    finally:
        os.close(folder_fd)


def _refuse_outside(root: str | os.PathLike[str], real: str, what: str) -> None:
    if not _is_under(Path(real), Path(os.path.realpath(root))):
        raise PathError(f"the {what} resolves outside the server root")


def _is_under(real: Path, real_root: Path) -> bool:
    """Whether the resolved path ``real`` is ``real_root`` or inside it (both ``Path``)."""
    return real == real_root or real_root in real.parents


def _real_path_of(fd: int, path: str | os.PathLike[str]) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:  # no /proc (macOS): the path, resolved just after opening
        return os.path.realpath(path)


def relative_to_root(root: str | os.PathLike[str], absolute: str | os.PathLike[str]) -> str:
    """The ``/``-separated form of ``absolute`` relative to ``root``, as clients see it."""
    return Path(absolute).relative_to(os.path.realpath(root)).as_posix()


def without_root(text: Text, root: str | os.PathLike[str] | None) -> Text:
    """``text`` (a message) with the server root's absolute path taken out of the paths it names,
    so messages, alerts and webhooks never show where the server's files live."""
    if not isinstance(text, str) or root is None:
        return text
    for prefix in {os.path.realpath(root), str(root).rstrip(os.sep)}:
        text = text.replace(prefix + os.sep, "")
    return text
