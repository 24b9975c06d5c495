"""Backends run monitoring jobs: ``local`` (the Node engine in a subprocess), later others."""

from .base import Backend, BaselineJob, RunJob, RunOutcome

__all__ = ["Backend", "BaselineJob", "RunJob", "RunOutcome"]
