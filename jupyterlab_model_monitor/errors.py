"""The error a request's invalid field raises; handlers answer ``400 {message, field}``."""


class ValidationError(ValueError):
    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field
