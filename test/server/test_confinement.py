"""#22 items 2 and 3: the engine, run by the local backend, reads and writes only under the root,
checking each file it opens (symlinks included) when it opens it. Real engine, real symlinks."""

import json

import pytest

from jupyterlab_model_monitor.backends.base import BaselineJob
from jupyterlab_model_monitor.backends.local import LocalBackend


async def report(progress, message):
    pass


@pytest.fixture
def backend():
    local = LocalBackend()
    if local.problem():
        pytest.fail(local.problem())
    return local


@pytest.fixture
def places(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside"
    (root / "data").mkdir(parents=True)
    outside.mkdir()
    (root / "data" / "a.csv").write_text("x\n1\n2\n")
    (outside / "secret.csv").write_text("x\n1000\n")
    return root, outside


def baseline_job(root, output, dataset="data"):
    return BaselineJob(
        job_id="j1",
        dataset=str(root / dataset),
        dataset_format="csv",
        header=True,
        output=str(output),
        root=str(root),
    )


async def test_a_symlinked_file_leading_out_is_reported_not_read(backend, places):
    root, outside = places
    (root / "data" / "b.csv").symlink_to(outside / "secret.csv")
    outcome = await backend.baseline(baseline_job(root, root / "out"), report)
    assert outcome.state == "completed", outcome.message
    statistics = json.loads((root / "out" / "statistics.json").read_text())
    numbers = statistics["features"][0]["numerical_statistics"]
    assert (numbers["common"]["num_present"], numbers["max"]) == (2, 2.0)
    diagnostics = json.loads((root / "out" / "diagnostics.json").read_text())
    assert diagnostics["counts"] == {"unreadable_file": 1}
    assert "resolves outside" in diagnostics["examples"][0]["message"]


async def test_the_same_link_is_read_when_no_root_is_set(backend, places):
    # The check is the root's, not a refusal of symlinks: the CLI alone follows them.
    root, outside = places
    (root / "data" / "b.csv").symlink_to(outside / "secret.csv")
    job = baseline_job(root, root / "out")
    outcome = await backend.baseline(BaselineJob(**{**job.__dict__, "root": None}), report)
    assert outcome.state == "completed", outcome.message
    statistics = json.loads((root / "out" / "statistics.json").read_text())
    assert statistics["features"][0]["numerical_statistics"]["max"] == 1000.0


async def test_an_output_folder_swapped_for_a_link_out_is_not_written(backend, places):
    # As after the attack: the folder confined at dispatch was replaced by a symlink.
    root, outside = places
    (root / "out").symlink_to(outside)
    outcome = await backend.baseline(baseline_job(root, root / "out"), report)
    assert outcome.state == "failed"
    assert "resolves outside" in outcome.message
    assert sorted(p.name for p in outside.iterdir()) == ["secret.csv"]


async def test_a_dataset_that_is_a_link_out_is_refused(backend, places):
    root, outside = places
    (root / "data" / "a.csv").unlink()
    (root / "data" / "a.csv").symlink_to(outside / "secret.csv")
    outcome = await backend.baseline(baseline_job(root, root / "out", "data/a.csv"), report)
    assert outcome.state == "failed" and "resolves outside" in outcome.message
