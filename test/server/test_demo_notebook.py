"""examples/demo.ipynb runs on the generated demo and emits the Model Monitor MIME bundles."""

import shutil
from pathlib import Path

import nbformat
import pytest
from demo import DEMO_START, require_cli

from jupyterlab_model_monitor.display import (
    COMPARISON_MIME_TYPE,
    STATISTICS_MIME_TYPE,
    VIOLATIONS_MIME_TYPE,
)

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "demo.ipynb"


def test_notebook_is_valid_and_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")


@pytest.mark.timeout(120)
def test_notebook_runs_on_the_demo(tmp_path):
    nbclient = pytest.importorskip("nbclient")
    require_cli()
    from demo import load_generator

    load_generator().main(["--output", str(tmp_path), *DEMO_START])
    shutil.copy(NOTEBOOK, tmp_path)
    notebook = nbformat.read(tmp_path / NOTEBOOK.name, as_version=4)
    nbclient.NotebookClient(
        notebook, timeout=60, resources={"metadata": {"path": tmp_path}}
    ).execute()
    mime_types = [
        key
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        for key in output.get("data", {})
    ]
    assert mime_types.count(STATISTICS_MIME_TYPE) == 2
    assert mime_types.count(VIOLATIONS_MIME_TYPE) == 1
    # display(statistics=, baseline=), %model_monitor monitor and %model_monitor show --baseline
    assert mime_types.count(COMPARISON_MIME_TYPE) == 3
    assert (tmp_path / "monitoring" / "from-notebook" / "statistics.json").is_file()
    errors = [
        o for cell in notebook.cells for o in cell.get("outputs", []) if o.output_type == "error"
    ]
    assert errors == []
