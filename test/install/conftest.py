"""Session fixtures of the install tests (defined in install_helpers.py)."""

from install_helpers import packages, path_without_node  # noqa: F401
