"""The error a request's invalid field raises; handlers answer ``400 {message, field}``."""

from collections.abc import Iterable
from typing import Any


class ValidationError(ValueError):
    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def check_object(
    value: Any,
    allowed: Iterable[str],
    field: str | None = None,
    expected: str = "the request body must be a JSON object",
) -> None:
    """Refuses ``value`` unless it is an object (dict) of ``allowed`` fields only. ``field`` is
    its name (None: the request body), ``expected`` the message when it is no object."""
    if not isinstance(value, dict):
        raise ValidationError(expected, field)
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        where = f"{field}.{unknown[0]}" if field else unknown[0]
        raise ValidationError(f"unknown field: {unknown[0]}", where)
