"""paths.confine: everything a client names stays under the server root."""

import os

import pytest

from jupyterlab_model_monitor.paths import PathError, confine, relative_to_root


@pytest.fixture
def root(tmp_path):
    (tmp_path / "root" / "data").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    return tmp_path / "root"


def test_relative_paths_resolve_under_root(root):
    assert confine(root, "data/x.csv") == root.resolve() / "data" / "x.csv"
    assert confine(root, "new/folder") == root.resolve() / "new" / "folder"
    assert relative_to_root(root, confine(root, "data/x.csv")) == "data/x.csv"


def test_absolute_path_inside_root_is_accepted(root):
    assert confine(root, str(root / "data")) == root.resolve() / "data"


@pytest.mark.parametrize("path", ["../outside", "data/../../outside", "data/..", "..\\outside"])
def test_dot_dot_is_refused(root, path):
    with pytest.raises(PathError, match=r"'\.\.'"):
        confine(root, path, field="dataset")


def test_absolute_path_outside_root_is_refused(root):
    with pytest.raises(PathError, match="outside") as info:
        confine(root, str(root.parent / "outside"), field="output")
    assert info.value.field == "output"


def test_escaping_symlink_is_refused(root):
    os.symlink(root.parent / "outside", root / "link")
    with pytest.raises(PathError, match="outside"):
        confine(root, "link/file.csv")


def test_symlink_inside_root_is_followed(root):
    os.symlink(root / "data", root / "alias")
    assert confine(root, "alias/x.csv") == root.resolve() / "data" / "x.csv"


@pytest.mark.parametrize("path", ["", "  ", None, 3, "a\0b"])
def test_empty_or_invalid_is_refused(root, path):
    with pytest.raises(PathError):
        confine(root, path)
