"""The limits every conversion runs under, shared by the command line and the library API."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1 << 20


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-file caps. Size and pages are checked before reading; time and memory need the
    file to run in a worker process (the CLI and ``extract_many`` always do)."""

    max_size_mb: float = 200  # files larger than this are refused unread
    max_pages: int = 2000  # PDFs declaring more pages are refused unread
    timeout_s: float = 120.0  # wall-clock time per file
    max_memory_mb: int = 1500  # resident memory of the worker process

    def __post_init__(self) -> None:
        for name in ("max_size_mb", "max_pages", "timeout_s", "max_memory_mb"):
            if not getattr(self, name) > 0:
                raise ValueError(f"{name} must be above 0, not {getattr(self, name)}")


DEFAULT_LIMITS = Limits()
