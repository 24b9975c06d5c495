"""paths.confine: everything a client names stays under the server root."""

import os

import pytest

from jupyterlab_model_monitor.paths import (
    PathError,
    confine,
    open_confined,
    relative_to_root,
    write_confined,
)


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


@pytest.fixture
def root_and_outside(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    (outside / "secret.json").write_text('{"secret": 1}')
    (root / "mine.json").write_text("{}")
    return root, outside


def test_open_confined_refuses_a_link_out_and_reads_inside(root_and_outside):
    root, outside = root_and_outside
    (root / "link.json").symlink_to(outside / "secret.json")
    with pytest.raises(PathError, match="resolves outside the server root"):
        open_confined(str(root), str(root / "link.json"))
    with open_confined(str(root), str(root / "mine.json")) as file:
        assert file.read() == "{}"
    with open_confined(None, str(root / "link.json")) as file:  # no root: no check
        assert "secret" in file.read()


def test_write_confined_refuses_an_output_folder_that_links_out(root_and_outside):
    root, outside = root_and_outside
    (root / "out").symlink_to(outside)
    with pytest.raises(PathError, match="output folder resolves outside"):
        write_confined(str(root), str(root / "out"), "statistics.json", b"{}")
    assert sorted(p.name for p in outside.iterdir()) == ["secret.json"]


def test_write_confined_does_not_follow_a_file_link(root_and_outside):
    root, outside = root_and_outside
    (root / "out").mkdir()
    (root / "out" / "statistics.json").symlink_to(outside / "secret.json")
    with pytest.raises(OSError):
        write_confined(str(root), str(root / "out"), "statistics.json", b"{}")
    assert (outside / "secret.json").read_text() == '{"secret": 1}'
    write_confined(str(root), str(root / "out"), "constraints.json", b"{}")
    assert (root / "out" / "constraints.json").read_bytes() == b"{}"
