"""How a batch shows its progress: a one-line bar on a terminal, plain log lines otherwise.

Failures are always printed as their own line, "<file>: <reason>", exactly once. The bar
counts what the summary counts: failed, and no plan found, apart.
"""

from __future__ import annotations

import time
from typing import TextIO

_BAR_WIDTH = 24


class Progress:
    """Reports each finished file; ``tty`` picks the bar over log lines."""

    def __init__(self, total: int, stream: TextIO, *, tty: bool | None = None,
                 verbosity: int = 0):
        self.total = total
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.verbosity = verbosity  # -1: failures only; 1: every file as a line, even on a tty
        self.done = 0
        self.failures = 0
        self.no_plan = 0
        self.pages = 0
        self.started = time.monotonic()
        self._bar_shown = False

    def pages_per_second(self) -> float:
        """Pages of finished files per wall-clock second since the start."""
        elapsed = time.monotonic() - self.started
        return self.pages / elapsed if elapsed > 0 else 0.0

    def succeeded(self, file: str, detail: str, pages: int | None) -> None:
        """One file converted (or found unchanged)."""
        self.done += 1
        self.pages += pages or 0
        if (not self.tty and self.verbosity >= 0) or self.verbosity > 0:
            self._line(f"[{self.done}/{self.total}] ok {file}: {detail}")
        self._draw()

    def failed(self, file: str, reason: str, *, no_plan: bool = False) -> None:
        """One file gave no plan; its line goes out at once, above the bar."""
        self.done += 1
        if no_plan:
            self.no_plan += 1
        else:
            self.failures += 1
        self._line(f"{file}: {reason}")
        self._draw()

    def note(self, text: str) -> None:
        """A line that is not a per-file result (skipped files, warnings)."""
        self._line(text)
        self._draw()

    def finish(self) -> None:
        """Remove the bar so the summary starts on a clean line."""
        if self._bar_shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._bar_shown = False

    def _line(self, text: str) -> None:
        if self._bar_shown:
            self.stream.write("\r\x1b[2K")
            self._bar_shown = False
        self.stream.write(text + "\n")
        self.stream.flush()

    def _draw(self) -> None:
        if not self.tty or self.verbosity < 0:
            return
        filled = int(_BAR_WIDTH * self.done / self.total) if self.total else _BAR_WIDTH
        bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
        self.stream.write(
            f"\r\x1b[2K[{bar}] {self.done}/{self.total} files  "
            f"{self.pages_per_second():.1f} pages/s  {self.failures} failed, "
            f"{self.no_plan} no plan found"
        )
        self.stream.flush()
        self._bar_shown = True

    def start(self) -> None:
        """Show the empty bar before the first file finishes."""
        self._draw()
