"""Whether a document's text could hold an action-plan table at all.

A plan table has a header row of labels ("Recommendation", "Action", "Owner", "Target
date"). Text extracted in content order keeps each header cell on a short line of its own
or with its neighbours, so a page whose label-like lines name no plan columns holds no
plan header. A document with no such page is dismissed before the slow geometric read.
"""

from __future__ import annotations

import functools
import re

from pipeline.columns import (
    MEMO_ENTRIES,
    MEMO_MAX_CHARS,
    Role,
    classify_header,
    header_score,
    phrase_may_name,
)

_TOKEN = re.compile(r"[A-Za-z]+")
# A header line is a few labels; prose lines are longer and mostly other words.
MAX_LABEL_WORDS = 14
MIN_LABEL_SHARE = 0.5


# Plain-English headers name a column in a phrase ("What we will do", "Led by", "By when").
MAX_PHRASE_WORDS = 4

# Every word of every page is classified here; the same few thousand words and phrases come
# back again and again, so each is classified once. (``classify_header`` keeps a memo of its
# own; this one is looked up without a Python call, which counts at 300,000 words a report.)
_classify = functools.lru_cache(maxsize=MEMO_ENTRIES)(classify_header)


def _run_may_name(run: str) -> bool:
    """``phrase_may_name`` of a run of words, given as their text joined by single spaces:
    runs of prose words ("of the", "and the") recur all through a document, so short ones
    are remembered (a long run is rarely seen twice, and would make the memo large)."""
    if len(run) > MEMO_MAX_CHARS:
        return phrase_may_name(run.split(" "))
    return _run_may_name_memo(run)


@functools.lru_cache(maxsize=MEMO_ENTRIES)
def _run_may_name_memo(run: str) -> bool:
    return phrase_may_name(run.split(" "))


def _labels(tokens: list[str]) -> list[tuple[int, Role | None]]:
    """The line cut into labels, left to right: single words, or the shortest phrase of
    words none of which names a column alone but which together do ("Led by")."""
    alone = [_classify(token) for token in tokens]
    out: list[tuple[int, Role | None]] = []
    i = 0
    while i < len(tokens):
        if alone[i] is not None:
            out.append((1, alone[i]))
            i += 1
            continue
        # A phrase never takes in a word that names a column itself, so every phrase tried
        # lies inside this run of words that name none; a run no phrase of which can name a
        # column (phrase_may_name: most runs of prose) is its words, one label each.
        end = i + 1
        while end < len(tokens) and alone[end] is None:
            end += 1
        if end - i < 2 or not _run_may_name(" ".join(tokens[i:end])):
            out.extend((1, None) for _ in range(i, end))
            i = end
            continue
        while i < end:
            size, role = 1, None
            for n in range(2, min(MAX_PHRASE_WORDS, end - i) + 1):
                phrase = _classify(" ".join(tokens[i : i + n]))
                if phrase is not None:
                    size, role = n, phrase
                    break
            out.append((size, role))
            i += size
    return out


def label_roles(line: str) -> set[Role]:
    """Column roles named by a line that reads as header labels (most words name a role)."""
    tokens = _TOKEN.findall(line)
    labels = _labels(tokens)
    if not tokens or len(labels) > MAX_LABEL_WORDS:
        return set()
    named = sum(size for size, role in labels if role is not None)
    if named < MIN_LABEL_SHARE * len(tokens):
        return set()
    return {role for _, role in labels if role is not None}


def page_could_hold_plan(text: str) -> bool:
    """Whether the page's label-like lines together name the columns of a plan table."""
    roles: set[Role] = set()
    for line in text.splitlines():
        named = label_roles(line)
        if named and not named <= roles:
            roles |= named
            # More roles never make a header less of a plan's: the page is decided at its
            # header, and the lines below it (the plan itself) need not be labelled.
            if header_score(list(roles)) > 0:
                return True
    return False


def could_hold_plan(page_texts: list[str]) -> bool:
    """False only when some text was found and no page could hold a plan header."""
    return _could_hold(page_texts, _first_plan_page(page_texts))


# A long document is read only from its first page that could hold a plan header (plus its
# opening pages, where the front matter is): an inspection report with the plan annexed at
# its end is not read through its body.
LONG_DOCUMENT_PAGES = 40
OPENING_PAGES = 2


def pages_to_read(page_texts: list[str]) -> set[int] | None:
    """1-based pages worth reading in full, or None for all of them."""
    if len(page_texts) <= LONG_DOCUMENT_PAGES:
        return None
    return _pages_from(page_texts, _first_plan_page(page_texts))


def screen_pages(page_texts: list[str]) -> tuple[bool, set[int] | None]:
    """``could_hold_plan`` and ``pages_to_read`` together, from one pass over the pages: a
    long report with its plan annexed at the end is screened up to the plan once, not twice."""
    first = _first_plan_page(page_texts)
    return _could_hold(page_texts, first), _pages_from(page_texts, first)


def _first_plan_page(page_texts: list[str]) -> int | None:
    """The 1-based number of the first page that could hold a plan header, None if none."""
    return next((i for i, t in enumerate(page_texts, start=1) if page_could_hold_plan(t)), None)


def _could_hold(page_texts: list[str], first: int | None) -> bool:
    if not any(text.strip() for text in page_texts):
        return True  # no text at all: the full reader says why (scanned, damaged)
    return first is not None


def _pages_from(page_texts: list[str], first: int | None) -> set[int] | None:
    if len(page_texts) <= LONG_DOCUMENT_PAGES or first is None or first <= OPENING_PAGES + 1:
        return None
    return set(range(1, OPENING_PAGES + 1)) | set(range(first, len(page_texts) + 1))
