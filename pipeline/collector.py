"""How often the tool's own processes run Python's cyclic garbage collector.

A batch makes millions of short-lived objects (characters, words, cells, model fields) that
reference counting frees at once; the cyclic collector, run every 700 allocations net of frees
(Python's default), scanned them again and again and found next to nothing. Only the tool's
own processes are tuned — the command line, its workers, the workbook's child — never a
program that calls the library.
"""

from __future__ import annotations

import gc

# Allocations (net of frees) after which the collector scans its youngest generation. Over the
# bench set's 83 files a worker ran it 281 times at 700 (0.11-0.13 s of CPU) and 6 times at
# 10000 (0.015 s); the command line's own process 141 times (0.08 s); peak memory the same
# (82 MB a worker).
YOUNG_THRESHOLD = 10_000


def collect_less_often() -> None:
    """Run the cyclic collector less often in this process (``YOUNG_THRESHOLD``)."""
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, oldest)
