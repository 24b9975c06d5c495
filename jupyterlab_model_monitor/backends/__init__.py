"""Backends run monitoring jobs: ``local`` (the Node engine in a subprocess), later others."""

from .base import Backend, RunJob, RunOutcome

__all__ = ["Backend", "RunJob", "RunOutcome"]
