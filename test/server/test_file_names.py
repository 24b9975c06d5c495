"""The server's file names and extension key (file_names.py) are the engine's and the frontend's
(src/engine/documents/fileNames.ts): one changed without the other fails here."""

import re
from pathlib import Path

from jupyterlab_model_monitor import file_names

SOURCE = Path(__file__).resolve().parents[2] / "src" / "engine" / "documents" / "fileNames.ts"


def test_the_python_mirror_names_the_same_files():
    constants = dict(re.findall(r"export const (\w+) = '([^']*)';", SOURCE.read_text()))
    assert len(constants) == 6
    mirrored = {name: getattr(file_names, name) for name in dir(file_names) if name.isupper()}
    assert mirrored == constants
