"""Read PDFs with both page sources (pdfium and pdfminer.six) and report where they differ.

What the reader takes from a page is compared: the words pdfplumber's word grouping makes
(text, and boxes within a tolerance; for pdfium, the project's own grouping, which must also
make exactly pdfplumber's words of pdfium's chars), the cells of every ruled grid
pdfplumber's table finder finds, and the horizontal rules. Used by
tests/extractors/test_pdf_pages.py on the samples and by ``make compare-sources`` on the
real-world PDFs in ../shared/realworld.

Tolerances, and why the two readings may differ that much:
- x: pdfium keeps a CID font's glyph widths in whole thousandths of an em, where Chromium
  writes fractions; positions drift along a long line (0.5 pt after 150 characters on
  samples/html_eastvale_pdu_2022.pdf; pdftoppm draws with pdfminer's positions there).
- y: a box's height is the font size from the baseline plus the font's descent. pdfminer
  takes the descent from the font descriptor, pdfium from the font program; LibreOffice
  writes /Descent 0 for DejaVu, so those boxes sit up to 0.2 of the font size lower with
  pdfium, the same for every word of the font (lines and cells are unchanged).

Where the readings differ beyond that on ../shared/realworld (none of the samples does):
- pdfplumber/ca-warn-report.pdf (Excel): spaces drawn over the digits of every date; pdfminer
  keeps them and its words are single digits, pdfium reads "03/25/2015" as the page shows.
- descent and ascent taken from different places move some fonts' boxes by more than the
  tolerance (camelot/hybrid_multipage.pdf, docling/odf_presentation_01.odp.pdf).
- right-to-left text (docling/right_to_left_*.pdf) and text turned on its side
  (camelot/vertical_header.pdf): pdfium's boxes for characters that are not upright come
  from its loose box, not pdfminer's matrix.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pdfplumber import utils as plumber_utils

from extractors.pdf import WORD_SETTINGS, scan_page
from extractors.pdf_pages import open_pdf

X_TOLERANCE = 1.0  # points
Y_TOLERANCE = 0.25  # of the word's height (pdfminer's box)
CELL_TOLERANCE = 0.05  # points: grid cells come from the same paths in both


@dataclass
class PageReading:
    words: list[tuple[str, float, float, float, float]]
    grids: list[list[tuple[float, float, float, float]]]
    rules: list[tuple[float, float, float]]
    size: tuple[float, float]
    # pdfium only: our word grouping (extractors/pdf_words.py) made other words of the
    # chars than pdfplumber's own grouping does.
    grouping_differs: bool = False


@dataclass
class Comparison:
    path: Path
    pages: int = 0
    words: int = 0
    only_pdfminer: list[tuple[int, tuple]] = field(default_factory=list)
    only_pdfium: list[tuple[int, tuple]] = field(default_factory=list)
    grid_pages: list[int] = field(default_factory=list)  # pages whose grid cells differ
    grouping_pages: list[int] = field(default_factory=list)  # our grouping ≠ pdfplumber's
    rule_pages: list[int] = field(default_factory=list)
    size_pages: list[int] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    error: dict[str, str] = field(default_factory=dict)

    @property
    def same(self) -> bool:
        return not (self.only_pdfminer or self.only_pdfium or self.grid_pages
                    or self.rule_pages or self.size_pages or self.grouping_pages or self.error)


def read(path: Path, source: str) -> list[PageReading]:
    """What the PDF reader takes from each page (its own page scan), read with ``source``."""
    pages = []
    # pdfminer.six ignores clip paths; the reader's pdfium source leaves out what they hide
    # (tests/extractors/test_pdf_pages.py checks that on its own), so both are compared
    # with hidden text kept.
    with open_pdf(path, source, keep_clipped=True) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            grouped = page.extract_words(**WORD_SETTINGS)
            words = [(w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]),
                      float(w["bottom"])) for w in grouped]
            differs = source == "pdfium" and grouped != plumber_utils.extract_words(
                page.chars, **WORD_SETTINGS)
            scan = scan_page(page, number)
            grids = [list(cells) for cells in scan.grids]
            rules = sorted((float(r["top"]), float(r["x0"]), float(r["x1"])) for r in scan.rules)
            pages.append(PageReading(words, grids, rules, (float(page.width),
                                                           float(page.height)), differs))
            page.close()
    return pages


def _same_word(a: tuple, b: tuple) -> bool:
    height = max(a[4] - a[2], 1.0)
    return (a[0] == b[0] and abs(a[1] - b[1]) <= X_TOLERANCE
            and abs(a[3] - b[3]) <= X_TOLERANCE
            and abs(a[2] - b[2]) <= Y_TOLERANCE * height
            and abs(a[4] - b[4]) <= Y_TOLERANCE * height)


def match_words(a: list[tuple], b: list[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Words of ``a`` with no counterpart in ``b``, and the other way round."""
    by_text: dict[str, list[tuple]] = {}
    for word in b:
        by_text.setdefault(word[0], []).append(word)
    missing = []
    for word in a:
        candidates = by_text.get(word[0], [])
        match = next((c for c in candidates if _same_word(word, c)), None)
        if match is None:
            missing.append(word)
        else:
            candidates.remove(match)
    return missing, [w for ws in by_text.values() for w in ws]


def _close(a: Iterable[Iterable[float]], b: Iterable[Iterable[float]]) -> bool:
    a, b = list(a), list(b)
    return len(a) == len(b) and all(
        len(u) == len(v) and all(abs(p - q) <= CELL_TOLERANCE for p, q in zip(u, v, strict=True))
        for u, v in zip(a, b, strict=True)
    )


def _same_rules(a: list[tuple], b: list[tuple]) -> bool:
    """Each rule of one reading has its own rule in the other, within the cell tolerance."""
    if len(a) != len(b):
        return False
    left = sorted(b)
    for rule in a:
        match = next((r for r in left if all(abs(p - q) <= CELL_TOLERANCE
                                             for p, q in zip(rule, r, strict=True))), None)
        if match is None:
            return False
        left.remove(match)
    return True


def compare(path: Path) -> Comparison:
    """Read ``path`` with both sources and list what differs."""
    result = Comparison(path)
    readings: dict[str, list[PageReading]] = {}
    for source in ("pdfminer", "pdfium"):
        start = time.process_time()
        try:
            readings[source] = read(path, source)
        except Exception as exc:  # a file one source refuses is a difference to report
            result.error[source] = f"{type(exc).__name__}: {exc}"
        result.seconds[source] = time.process_time() - start
    if result.error:
        return result
    miner, pdfium = readings["pdfminer"], readings["pdfium"]
    result.pages = len(miner)
    if len(miner) != len(pdfium):
        result.error["pages"] = f"{len(miner)} pages with pdfminer, {len(pdfium)} with pdfium"
        return result
    for number, (a, b) in enumerate(zip(miner, pdfium, strict=True), start=1):
        result.words += len(a.words)
        only_a, only_b = match_words(a.words, b.words)
        result.only_pdfminer += [(number, w) for w in only_a]
        result.only_pdfium += [(number, w) for w in only_b]
        if len(a.grids) != len(b.grids) or not all(
            _close(sorted(g), sorted(h)) for g, h in zip(a.grids, b.grids, strict=True)
        ):
            result.grid_pages.append(number)
        if not _same_rules(a.rules, b.rules):
            result.rule_pages.append(number)
        if not _close([a.size], [b.size]):
            result.size_pages.append(number)
        if b.grouping_differs:
            result.grouping_pages.append(number)
    return result


def main(argv: list[str] | None = None) -> int:
    """Compare the sources on every PDF under the given paths; print one line per file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--details", type=int, default=5, help="differing words shown per file")
    args = parser.parse_args(argv)
    files = sorted(p for root in args.paths
                   for p in ([root] if root.is_file() else root.rglob("*.pdf")))
    totals = {"files": 0, "same": 0, "words": 0, "differ": 0, "pdfminer": 0.0, "pdfium": 0.0}
    for path in files:
        result = compare(path)
        totals["files"] += 1
        totals["same"] += result.same
        totals["words"] += result.words
        totals["differ"] += len(result.only_pdfminer) + len(result.only_pdfium)
        for source in ("pdfminer", "pdfium"):
            totals[source] += result.seconds.get(source, 0.0)
        status = "same" if result.same else "DIFFERS"
        print(f"{status:<8} {path}: {result.pages} pages, {result.words} words, "
              f"{len(result.only_pdfminer)} only pdfminer, {len(result.only_pdfium)} only "
              f"pdfium, grid pages {result.grid_pages or '-'}, rule pages "
              f"{result.rule_pages or '-'}, own word grouping differs on pages "
              f"{result.grouping_pages or '-'}; cpu pdfminer "
              f"{result.seconds.get('pdfminer', 0):.2f} s, pdfium "
              f"{result.seconds.get('pdfium', 0):.2f} s")
        for source, message in result.error.items():
            print(f"    {source}: {message}")
        for label, items in (("pdfminer", result.only_pdfminer), ("pdfium", result.only_pdfium)):
            for page, word in items[: args.details]:
                print(f"    only {label} p{page}: {word[0]!r} at "
                      f"({word[1]:.1f}, {word[2]:.1f}, {word[3]:.1f}, {word[4]:.1f})")
    print(f"\n{totals['same']}/{totals['files']} files read the same; {totals['differ']} of "
          f"{totals['words']} words differ; cpu pdfminer {totals['pdfminer']:.1f} s, pdfium "
          f"{totals['pdfium']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
