"""Errors raised for inputs that cannot become a plan; each carries a one-line reason."""

from __future__ import annotations


class ActionPlanError(Exception):
    """Root of every error actionplan reports to a user instead of a traceback."""

    kind = "error"

    def __init__(self, reason: str, *, path: str | None = None, page: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.path = path
        self.page = page

    def one_line(self) -> str:
        """The error as a single line: '<file>: <reason>'."""
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.reason}".replace("\n", " ")


class UnsupportedFormat(ActionPlanError):
    kind = "unsupported_format"


class EncryptedDocument(ActionPlanError):
    kind = "encrypted"


class DamagedDocument(ActionPlanError):
    kind = "damaged"


class NoTextLayer(ActionPlanError):
    kind = "no_text_layer"


class NoPlanFound(ActionPlanError):
    kind = "no_plan_found"


class TooLarge(ActionPlanError):
    kind = "too_large"


class ResourceLimit(ActionPlanError):
    kind = "resource_limit"
