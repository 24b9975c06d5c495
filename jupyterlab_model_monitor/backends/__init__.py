"""Backends run monitoring jobs: ``local`` (the Node engine in a subprocess), later others."""

from .base import Backend, BaselineJob, Report, RunJob, RunOutcome

__all__ = ["Backend", "BaselineJob", "Report", "RunJob", "RunOutcome"]
