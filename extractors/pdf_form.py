"""Form-style plans drawn with no lines: field names down the left, values to their right.

Many plans are a block per recommendation ("Recommendation 1 | text", "Response | Agreed",
"Action | …", "Owner | …", "Target date | …"). Drawn with cell borders they are ruled grids;
drawn with whitespace only they are found here from word geometry alone:

- a *pair line* starts with a short label at the label column's x and, after a gutter wider
  than any word space, a value starting at the value column's x;
- a *value line* has all its text in the value column (a value wrapped, or stacked);
- a *label line* is a short label with no value beside it (an empty field).

A page holds a form where enough pair lines share one label x and one value x, the label
column is the narrower, and the labels repeat from block to block (or the blocks continue a
form of the page before, or a lone block's labels name plan fields). Blocks are split at a
vertical gap and where the block's first label comes round again. Each block comes out as
the two-column Table the ruled reader would give for the same form drawn with borders: one
row per label/value pair, so the pipeline's form handling takes it unchanged.

Prose, two-column text and definition lists do not qualify: their left lines are long, or
start no value at a common x, or their labels never repeat and name no plan field; a line
with a third column of text is no form line, so wide borderless tables are left alone.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from extractors.layout import Cell, Line, Row, Table
from extractors.pdf_text import LABEL_RE, Word, lines_to_paragraphs, words_to_lines

# A label and its value are set apart by the cell padding of both cells (Word: 0.19 cm each
# side, about 11 pt) plus whatever the label leaves of its column; a word space is a quarter
# of the type size, a justified one rarely more than 0.6 of it.
MIN_GUTTER_PT = 6.0
MIN_GUTTER_SHARE = 0.75  # of the line height
ALIGN_PT = 3.0  # text of one column starts at one x; rounding and glyph side-bearings differ
# A value may open with an indented bullet or a hanging list number a little right of the
# value column's start.
HANG_PT = 20.0
MAX_LABEL_WORDS = 6  # "Target date for completion"; a prose fragment is longer
MAX_LABEL_CHARS = 45
# Pair lines sharing one label x and one value x before a page counts as holding a form
# (two blocks of two fields at least; fewer is any key/value note).
MIN_PAIRS = 4
MIN_BLOCK_PAIRS = 2  # a block of the form set at its own x still pairs two fields
MIN_SHARED_LABELS = 2  # labels such a block shares with the form's blocks found already
# White space between lines (in line heights) that no form spans: blocks stand a blank
# paragraph or two apart, a field's value may hold an empty paragraph.
RUN_GAP_SHARE = 3.0
# Rows of a table drawn with cell padding stand further apart than the wrapped lines of one
# cell; less than this beyond the tightest line spacing of the form is rounding.
ROW_GAP_PT = 1.5
# A list label inside a value ("a)", "1.", "•") may be followed by a tab-wide gap; any other
# gap that wide inside the value side means a third column of text.
LIST_LABEL_CHARS = 4
# Words a plan's field labels are made of: only for a lone block on a page whose labels do
# not repeat (one recommendation to a page, the first page of a form); repeated labels need
# no vocabulary.
FIELD_WORDS = frozenset({
    "recommendation", "recommendations", "response", "agreed", "accepted", "action",
    "actions", "owner", "owners", "lead", "responsible", "target", "date", "dates",
    "timescale", "timescales", "deadline", "completion", "progress", "rag", "status",
    "evidence", "outcome", "priority", "area", "improvement",
})
MIN_FIELD_LABELS = 2  # labels of a lone block that must name plan fields
# A form's labels are short and each opens a field; where more than one label line in this
# many continues the wrapped text above, the left column is a paragraph, not labels.
WRAPPED_LABELS_OF = 3


@dataclass(slots=True)
class FormColumns:
    """A form read on one page, carried to the next page it may continue on."""

    label_x: float
    value_x: float
    page: int
    start_key: str  # the label that opens each block ("recommendation")
    keys: set[str] = field(default_factory=set)  # every label seen in the form so far
    reached_foot: bool = False  # nothing but the form after its last block


@dataclass(frozen=True, slots=True)
class _Spans:
    """Where the form's two columns of text run on the page, and the gutter between."""

    label_x: float
    label_right: float
    value_x: float
    value_right: float
    gutter: float
    wrap_gap: float = 0.0  # white space between the wrapped lines of one field


@dataclass(slots=True)
class _Line:
    """One visual line split at the gutter: its label words and its value words."""

    words: list[Word]
    top: float
    bottom: float
    label: list[Word]
    value: list[Word]


def label_key(text: str) -> str:
    """A label as compared from block to block: lower case, numbers and marks left out
    ("Recommendation 3.12" and "Recommendation 4:" are one label)."""
    return " ".join(re.sub(r"[^a-z]+", " ", text.lower()).split())


def find_form_tables(
    words: list[Word], page: int, carried: FormColumns | None,
    lines: list[tuple[Line, list[Word]]] | None = None,
) -> tuple[list[Table], FormColumns | None]:
    """Form blocks among ``words`` (the page's words outside ruled tables), as two-column
    tables, and the form to carry to the next page (None when the page holds none).

    Blocks of one form may set their values at different x (Word fits each table to its
    text): each label x and value x that pair lines share is tried in turn, most used first,
    and a later one is taken where its labels are the form's. ``lines``, when given, are
    ``words_to_lines(words, page)``.
    """
    if lines is None:
        lines = words_to_lines(words, page)
    if not lines:
        return [], None
    height = statistics.median(ln.bottom - ln.top for ln, _ in lines)
    gutter = max(MIN_GUTTER_PT, MIN_GUTTER_SHARE * height)
    tables: list[Table] = []
    taken: set[int] = set()
    known = set(carried.keys) if carried is not None else set()
    lowest: tuple[int, FormColumns] | None = None
    for label_x, value_x in _column_candidates(lines, gutter, carried):
        opener = lowest[1].start_key if lowest is not None else None
        found = _form_at(lines, taken, (label_x, value_x), gutter, height, page, carried,
                         known, opener)
        if found is None:
            continue
        made, used, columns = found
        tables += made
        taken |= used
        known |= columns.keys
        if lowest is None or max(used) > lowest[0]:
            lowest = (max(used), columns)
    if lowest is None:
        return [], None
    last, columns = lowest
    columns.keys = known
    columns.reached_foot = last == len(lines) - 1
    return sorted(tables, key=lambda t: t.top or 0.0), columns


def _form_at(lines, taken: set[int], columns: tuple[float, float], gutter: float,
             height: float, page: int, carried: FormColumns | None, known: set[str],
             opener: str | None) -> tuple[list[Table], set[int], FormColumns] | None:
    """The blocks of a form with these label and value columns, among the lines not yet
    taken: its tables, the indices of its lines, and its columns. ``opener`` is the label
    that opens the blocks of the form found on the page already."""
    label_x, value_x = columns
    split = [_split(ws, value_x) for _, ws in lines]
    member = [i not in taken and _member(s, label_x, value_x, gutter)
              for i, s in enumerate(split)]
    continuing = (carried is not None and carried.reached_foot and carried.page == page - 1
                  and _same_columns(carried, label_x, value_x))
    runs = _runs(split, member, height)
    keys_in_order = [label_key(_text(s.label)) for run in runs for s in run if s.label]
    if continuing and carried is not None:
        start_key = carried.start_key
    else:
        start_key = opener or _start_key(keys_in_order)
    blocks = []
    for n, run in enumerate(runs):
        found = _blocks(run, start_key)
        # Lines before a run's first opening label belong to the form only at the top of a
        # page the form runs on to (the rest of its last block); elsewhere they are text
        # (a title block written as label and value, a footer in the value column).
        if found and not _opens(found[0], start_key) and not (
            continuing and n == 0 and run[0] is split[0]
        ):
            found.pop(0)
        blocks += found
    if not blocks:
        return None
    value_right = max((w.x1 for b in blocks for s in b for w in s.value), default=value_x + 1)
    label_right = max((w.x1 for b in blocks for s in b for w in s.label), default=value_x)
    gaps = [b[i].top - b[i - 1].bottom for b in blocks for i in range(1, len(b))]
    spans = _Spans(label_x, label_right, value_x, value_right, gutter, min(gaps, default=0.0))
    if not _accepted(blocks, spans, continuing, known):
        return None
    index = {id(s): i for i, s in enumerate(split)}
    used = {index[id(s)] for b in blocks for s in b}
    keys = {label_key(_text(s.label)) for b in blocks for s in b if s.label}
    return ([_table(b, spans, page) for b in blocks], used,
            FormColumns(label_x, value_x, page, start_key, keys))


def _text(words: list[Word]) -> str:
    return " ".join(w.text for w in words)


def _split(words: list[Word], value_x: float) -> _Line:
    label = [w for w in words if w.x0 < value_x - ALIGN_PT]
    value = [w for w in words if w.x0 >= value_x - ALIGN_PT]
    return _Line(words, min(w.top for w in words), max(w.bottom for w in words), label, value)


def _is_label(words: list[Word]) -> bool:
    """Short text naming a field: a word or a few, not a list number ("a.", "1)", "•")."""
    text = _text(words)
    if not 0 < len(words) <= MAX_LABEL_WORDS or len(text) > MAX_LABEL_CHARS:
        return False
    if LABEL_RE.fullmatch(words[0].text) and len(words) == 1:
        return False
    return any(len(w) > 1 for w in label_key(text).split())


def _one_column(words: list[Word], gutter: float) -> bool:
    """Value text with no gutter inside it but after a list label ("a)", "1.", "•")."""
    for before, after in zip(words, words[1:], strict=False):
        if after.x0 - before.x1 >= gutter and not (
            len(before.text) <= LIST_LABEL_CHARS and LABEL_RE.match(before.text)
        ):
            return False
    return True


def _pair_candidate(words: list[Word], gutter: float) -> tuple[float, float] | None:
    """(label x, value x) of a line that reads label, gutter, value; None otherwise."""
    for i in range(1, len(words)):
        if words[i].x0 - words[i - 1].x1 >= gutter:
            label, value = words[:i], words[i:]
            if _is_label(label) and _one_column(value, gutter):
                return label[0].x0, value[0].x0
            return None
    return None


def _column_candidates(lines, gutter: float, carried: FormColumns | None
                       ) -> list[tuple[float, float]]:
    """(label x, value x) pairs that two or more pair lines share (or that the form carried
    from the page before shows), most used first."""
    found = [c for _, ws in lines if (c := _pair_candidate(ws, gutter)) is not None]
    if carried is not None:
        found.append((carried.label_x, carried.value_x))
    groups: list[list[tuple[float, float]]] = []
    for label_x, value_x in sorted(found):
        near = [(lx, vx) for lx, vx in found
                if abs(lx - label_x) <= ALIGN_PT and abs(vx - value_x) <= ALIGN_PT]
        groups.append(near)
    chosen: list[tuple[float, float]] = []
    for near in sorted(groups, key=len, reverse=True):
        best = (min(lx for lx, _ in near), min(vx for _, vx in near))
        if best[1] - best[0] < gutter or any(
            abs(best[0] - lx) <= ALIGN_PT and abs(best[1] - vx) <= ALIGN_PT for lx, vx in chosen
        ):
            continue
        carried_here = carried is not None and _same_columns(carried, *best)
        if len(near) >= MIN_BLOCK_PAIRS or carried_here:
            chosen.append(best)
    return chosen


def _same_columns(carried: FormColumns, label_x: float, value_x: float) -> bool:
    return abs(carried.label_x - label_x) <= ALIGN_PT and abs(carried.value_x - value_x) <= ALIGN_PT


def _member(line: _Line, label_x: float, value_x: float, gutter: float) -> bool:
    """Whether a line keeps to the form's two columns (a label part that names nothing,
    "1:", may only be the rest of a label wrapped from the line above: ``_runs`` checks)."""
    if line.label:
        words = line.label
        if abs(words[0].x0 - label_x) > ALIGN_PT or len(words) > MAX_LABEL_WORDS:
            return False
        if len(_text(words)) > MAX_LABEL_CHARS or words[-1].x1 > value_x - gutter:
            return False  # text running from the label into the value column: prose
    if line.value and (line.value[0].x0 > value_x + HANG_PT
                       or not _one_column(line.value, gutter)):
        return False
    return bool(line.label or line.value)


def _runs(split: list[_Line], member: list[bool], height: float) -> list[list[_Line]]:
    """Consecutive form lines, cut at any other line and at a gap no form spans."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    for line, ok in zip(split, member, strict=True):
        wrapped_tail = not current or not current[-1].label or line.top - current[-1].bottom \
            > height
        if not ok or (line.label and not _is_label(line.label) and wrapped_tail):
            if current:
                runs.append(current)
            current = []
            continue
        if current and line.top - current[-1].bottom > RUN_GAP_SHARE * height:
            runs.append(current)
            current = []
        current.append(line)
    if current:
        runs.append(current)
    return runs


def _start_key(keys: list[str]) -> str:
    """The label that opens each block: the first that comes round again (a title block
    of other labels may stand before the first), else the first."""
    seen: set[str] = set()
    repeating = {k for k in keys if k in seen or seen.add(k)}  # type: ignore[func-returns-value]
    return next((k for k in keys if k in repeating), keys[0] if keys else "")


def _blocks(run: list[_Line], start_key: str) -> list[list[_Line]]:
    """A run of form lines cut where the opening label comes round again."""
    blocks: list[list[_Line]] = []
    for line in run:
        opens = bool(line.label) and label_key(_text(line.label)) == start_key
        if not blocks or (opens and any(s.label for s in blocks[-1])):
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def _opens(block: list[_Line], start_key: str) -> bool:
    first = next((s for s in block if s.label), None)
    return first is not None and label_key(_text(first.label)) == start_key


def _accepted(blocks: list[list[_Line]], spans: _Spans, continuing: bool,
              known: set[str]) -> bool:
    """The geometric evidence is there; the labels repeat from block to block, continue the
    form of the page before, are the labels of the form already found (``known``), or (a
    lone block) name plan fields."""
    if spans.value_right - spans.value_x < spans.value_x - spans.label_x:
        return False  # the label column is the narrower one in a form
    labelled = [(i, b) for b in blocks for i, s in enumerate(b) if s.label]
    wrapped = sum(1 for i, b in labelled if i and not _starts_row(b[i], b[i - 1], spans))
    if wrapped * WRAPPED_LABELS_OF > len(labelled):
        return False  # the left column is wrapped text (a wide table's column), not labels
    if continuing:
        return True
    pairs = sum(1 for b in blocks for s in b if s.label and s.value)
    per_block = [{label_key(_text(s.label)) for s in b if s.label} for b in blocks]
    if pairs >= MIN_BLOCK_PAIRS and all(len(keys & known) >= MIN_SHARED_LABELS
                                        for keys in per_block):
        return True  # more blocks of the form found on the page or the page before
    if pairs < MIN_PAIRS:
        return False
    if sum(1 for keys in per_block if len(keys) >= 2) >= 2 and any(
        sum(1 for keys in per_block if key in keys) >= 2 for key in set().union(*per_block)
    ):
        return True
    named = {k for keys in per_block for k in keys if _names_field(k)}
    return len(named) >= MIN_FIELD_LABELS


def _names_field(key: str) -> bool:
    """A label made of plan field words ("target date", "action s", "recommendation")."""
    words = [w for w in key.split() if len(w) > 1]
    return bool(words) and 2 * sum(1 for w in words if w in FIELD_WORDS) >= len(words)


def _starts_row(line: _Line, prev: _Line | None, spans: _Spans) -> bool:
    """A label opens a new field, unless it is the rest of the label above, wrapped: the
    line above holds a label that could not take this line's first word, and the value
    side does not start a paragraph of its own here."""
    if not line.label:
        return False
    if prev is None or not prev.label:
        return True
    if line.top - prev.bottom > spans.wrap_gap + ROW_GAP_PT:
        return True  # set apart like the rows of a table, not wrapped like lines of a cell
    first = line.label[0]
    space = max(1.5, (first.bottom - first.top) * 0.25)
    # The widest label shows how far labels reach before they wrap (the column's right edge
    # is further, by the cell padding, which the page does not show).
    limit = spans.label_right + 1.0
    if prev.label[-1].x1 + space + (first.x1 - first.x0) < limit:
        return True  # the word would have fitted above: the author broke the line
    if line.value and not prev.value:
        return True
    if line.value:
        nxt = line.value[0]
        fitted = prev.value[-1].x1 + space + (nxt.x1 - nxt.x0) < spans.value_right - 1.0
        if not (fitted or LABEL_RE.match(_text(line.value))):
            return False  # the value wraps on beside the label's wrapped words
    # Nothing on the value side says (an empty field, or both sides start afresh: a wrapped
    # label beside stacked owners, or the next field): the rest of a label reads on
    # ("Lead officer and" / "partner", "Recommendation" / "1:").
    return not (first.text[:1].islower() or _runs_on(prev.label[-1].text)
                or not _is_label(line.label))


_JOINERS = frozenset({"and", "of", "for", "or", "the", "to", "&", "/", "-", "–"})


def _runs_on(word: str) -> bool:
    """A label line ending in a word that needs the next ("and", "of", "/", "Co-")."""
    return word.lower() in _JOINERS or word.endswith(("/", "-", ","))


def _table(block: list[_Line], spans: _Spans, page: int) -> Table:
    """One block as the two-column table a ruled form gives: a row per label and value."""
    groups: list[list[_Line]] = []
    for i, line in enumerate(block):
        prev = block[i - 1] if i else None
        if not groups or _starts_row(line, prev, spans):
            groups.append([])
        groups[-1].append(line)
    left = spans.label_x - 1.0
    middle = spans.value_x - spans.gutter / 2
    right = spans.value_right + 1.0
    rows = []
    for group in groups:
        top, bottom = group[0].top - 1.0, group[-1].bottom + 1.0
        label = [w for s in group for w in s.label]
        value = [w for s in group for w in s.value]
        cells = [
            Cell(lines_to_paragraphs(words_to_lines(label, page), spans.label_x - 0.5,
                                     spans.label_right + 1.0, page),
                 col=0, page=page, x0=left, top=top, x1=middle, bottom=bottom),
            Cell(lines_to_paragraphs(words_to_lines(value, page), spans.value_x - 0.5,
                                     right, page),
                 col=1, page=page, x0=middle, top=top, x1=right, bottom=bottom),
        ]
        rows.append(Row(cells=cells, page=page, top=top, bottom=bottom))
    return Table(rows=rows, n_cols=2, page=page, col_edges=[left, middle, right],
                 top=rows[0].top, bottom=rows[-1].bottom, ruled="none")
