"""Errors for inputs that cannot become a plan; each carries a one-line reason.

Reader errors live with the readers (``extractors/errors.py``) and are re-exported here, so the
pipeline's callers need one import; errors about the plan itself are defined here."""

from __future__ import annotations

from extractors.errors import (
    ActionPlanError,
    DamagedDocument,
    EncryptedDocument,
    ErrorKind,
    NoTextLayer,
    ResourceLimit,
    TooLarge,
    UnsupportedFormat,
    reader_error,
)

__all__ = [
    "ActionPlanError",
    "DamagedDocument",
    "EncryptedDocument",
    "ErrorKind",
    "NoPlanFound",
    "NoTextLayer",
    "ResourceLimit",
    "TooLarge",
    "UnsupportedFormat",
    "reader_error",
]


class NoPlanFound(ActionPlanError):
    """The document was read, but holds no action-plan table."""

    kind = ErrorKind.NO_PLAN_FOUND
