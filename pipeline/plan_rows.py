"""Find the action-plan table(s) and turn their rows into rows of meaning.

A plan table is recognised by its header words; tables (or PDF page fragments) without a
header that line up with it continue it. Each data row comes out as a ``PlanRow``: the
paragraphs under each column role, whether it is a full-width section row, and whether it
is the first row after a page break (where a row split by the page may continue).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from extractors.geometry import TOUCH_PT
from extractors.layout import Cell, Document, Paragraph, Row, Table
from pipeline.columns import Role, action_wording, classify_header, header_score, header_text
from pipeline.normalise.response import opening_answer, parse_response, strip_answer_label
from pipeline.numbering import (
    announces_recommendation,
    cell_number,
    find_number,
    is_number_label,
    opens_list_item,
    strip_list_label,
)
from pipeline.text import document_vocabulary, ends_sentence, join_across

# When one cell covers several columns, the content role wins over a number role.
_MAX_LABEL = 60  # characters: a header cell longer than this is a sentence, not a label
_PREFERENCE = [Role.ACTION, Role.RECOMMENDATION, Role.OWNER, Role.TARGET, Role.RESPONSE,
               Role.NARRATIVE, Role.REC_NO, Role.ACTION_NO, Role.EXTRA]
# The role a cell covering these roles takes (by ``_PREFERENCE``), for each tuple met: every
# data cell asks, and tables give a handful of distinct tuples.
_PREFERRED: dict[tuple[Role, ...], Role] = {}


@dataclass
class PlanRow:
    """One data row of a plan table, by column role."""

    by_role: dict[Role, list[Paragraph]]
    page: int | None
    section: str | None = None
    after_page_break: bool = False
    continued_roles: set[Role] = field(default_factory=set)  # DOCX vMerge continuations

    def paragraphs(self, role: Role) -> list[Paragraph]:
        return self.by_role.get(role, [])

    def text(self, role: Role) -> str:
        """The role's text, paragraphs joined by newlines."""
        paragraphs = self.by_role.get(role)
        if not paragraphs:
            return ""
        if len(paragraphs) == 1:
            return paragraphs[0].labelled_text.strip()
        return "\n".join([p.labelled_text for p in paragraphs]).strip()

    def is_empty(self) -> bool:
        return not any(self.text(role) for role in self.by_role)


@dataclass
class _Segment:
    roles: list[Role | None]
    edges: list[float] | None
    header_key: tuple[str, ...]
    last_page: int | None
    header_texts: list[str] = field(default_factory=list)
    # Columns of the last table of actions nested in a cell, for inner tables that are
    # drawn without a header of their own (named once, or cut from theirs by a page).
    inner: _Segment | None = None
    # The roles of each cell place seen under these edges (``_cell_roles``): the cells of a
    # column stand in the same place in every row.
    cell_roles: tuple[list[float] | None, dict[tuple, tuple[Role, ...]]] = field(
        default_factory=lambda: (None, {}), repr=False, compare=False)


# A repeated header may be cut, reworded or drawn in other pieces, but it keeps most of its
# words; a data row that happens to hold a header word shares almost none.
HEADER_WORDS_SHARED = 0.5


@dataclass(frozen=True)
class Header:
    """Where a plan table's header sits and what it names: rows ``start`` to ``end`` (the
    first data row) hold the column words, ``roles`` the role of each grid column."""

    start: int
    end: int
    roles: list[Role | None]


def plan_rows(document: Document, vocabulary: Mapping[str, int] | None = None) -> list[PlanRow]:
    """All data rows of the document's plan tables, in reading order; ``vocabulary`` (the
    document's words, by default counted here) mends a word a page cut in two."""
    if vocabulary is None:
        vocabulary = document_vocabulary(document)
    return _Stitcher(vocabulary).read(document)


class _Stitcher:
    """Reads a document's blocks in order: each plan table under its header, tables without
    one as the continuation of the table before, form-style tables one recommendation each."""

    def __init__(self, vocabulary: Mapping[str, int]) -> None:
        self.vocabulary = vocabulary
        self.rows: list[PlanRow] = []
        self.segment: _Segment | None = None  # the plan table being continued
        self.between: list[Paragraph] = []  # body paragraphs since the last table
        self.form: list[Row] = []  # rows of a form-style table, which may run over pages

    def read(self, document: Document) -> list[PlanRow]:
        for block in document.blocks:
            if isinstance(block, Paragraph):
                self.between.append(block)
            else:
                self._table(block)
        self._flush_form()
        return _join_cut_rows(self.rows, self.vocabulary)

    def _table(self, table: Table) -> None:
        if self._takes_form(table):
            return
        self._flush_form()
        header = _find_header(table)
        if header is not None and self._data_not_header(table, header):
            header = None
        if header is not None:
            body, continuation = self._under_header(table, header)
        else:
            self.between = []
            if self.segment is None or not _continues(table, self.segment):
                return
            body, continuation = _headless_body(table), _next_page(table, self.segment)
        segment = self.segment
        assert segment is not None  # set by the header, or continued
        for i, row in enumerate(body):
            if _repeats_header(row, segment.header_key):
                continue  # a header row repeated on a later page
            self.rows.extend(_row_with_nested(row, segment, after_break=continuation and i == 0))
        segment.last_page = table.page

    def _data_not_header(self, table: Table, header: Header) -> bool:
        """A row of a continuing table that only looks like a header ("3. Monitor … take
        enforcement action" beside "Unpaid Work Manager"): the table goes on from the last
        page in the same columns, and its "header" shares no words with that table's."""
        segment = self.segment
        if segment is None or not (_next_page(table, segment) and _continues(table, segment)):
            return False
        texts = _grid_texts(table.rows[: header.end], table.n_cols)
        return not _share_words(texts, segment.header_texts)

    def _takes_form(self, table: Table) -> bool:
        """Collect a form-style table's rows (field names down the left); False if not one.

        Each recommendation's field opens a new form, whether it heads its own table or
        follows the last form's fields in one table (blocks drawn with rules only read as one
        table). A page may cut a block after any row: its first row alone ("Recommendation 3 |
        …") opens a form, and the rest on the next page, one field or a value's tail, goes on.
        """
        labels = _form_labels(table)
        roles = set(labels) - {None}
        cut_open = roles == {Role.RECOMMENDATION} and len(table.rows) == 1
        if len(roles) < 2 and not cut_open and not self._form_goes_on(table, labels):
            return False
        for i, (row, label) in enumerate(zip(table.rows, labels, strict=True)):
            if label == Role.RECOMMENDATION and (i == 0 or any(
                _form_label(r) == Role.RECOMMENDATION for r in self.form
            )):
                self._flush_form()  # the next recommendation's form begins
            self.form.append(row)
        self.between = []
        return True

    def _form_goes_on(self, table: Table, labels: list[Role | None]) -> bool:
        """A fragment on a later page that carries on the open form: its rows are fields or
        the tail of the last field's value (no label)."""
        last = self.form[-1].page if self.form else None
        if last is None or table.page is None or table.page <= last or not labels:
            return False
        return all(label is not None or not _first_cell(row) for row, label in
                   zip(table.rows, labels, strict=True))

    def _flush_form(self) -> None:
        made = _form_row(self.form) if self.form else None
        if made is not None:
            self.rows.append(made)
        self.form = []

    def _under_header(self, table: Table, header: Header) -> tuple[list[Row], bool]:
        """The table's data rows under its header, and whether the first may carry on a row
        the page cut. A header like the last one's continues that table (a repeated header)."""
        above = table.rows[: header.start]
        # Lines above the header inside the table ("Response: Agreed") read like the
        # paragraphs before it.
        self.between += [p for row in above if _title_row(row) is None
                         for c in row.cells for p in c.paragraphs]
        lead = _rec_from_paragraphs(self.between)
        self.between = []
        key = _header_key(table.rows[: header.end])
        texts = _grid_texts(table.rows[: header.end], table.n_cols)
        segment = self.segment
        body = list(table.rows[header.end :])
        repeated = segment is not None and (
            key == segment.header_key
            or header.roles == segment.roles
            # The same column lines on the next page: a repeated header, however drawn.
            or (_next_page(table, segment) and _continues(table, segment))
        )
        if repeated and segment is not None:
            _drop_leaked_header(body, texts, segment.header_texts)
            segment.edges = _edges_for(table) or segment.edges
        else:
            segment = self.segment = _Segment(header.roles, _edges_for(table), key, table.page,
                                              texts)
        _adopt_inner_header(segment, table.rows[: header.end])
        titles = [r for r in (_title_row(row) for row in above) if r]
        if lead is not None or titles:
            self.rows.extend([lead] if lead is not None else [])
            self.rows.extend(titles)
            repeated = False  # a new recommendation starts: nothing carries over
        return body, repeated and _next_page(table, segment) and bool(self.rows)


def _share_words(texts: list[str], others: list[str]) -> bool:
    """Two headers name the same columns: half the words of the shorter appear in the other."""
    mine = set(header_text(" ".join(texts)).split())
    theirs = set(header_text(" ".join(others)).split())
    if not mine or not theirs:
        return not mine and not theirs
    return len(mine & theirs) >= HEADER_WORDS_SHARED * min(len(mine), len(theirs))


def _headless_body(table: Table) -> list[Row]:
    """The rows of a table that continues the one before, less the end of a header row the
    page cut ("No." under "1. Rec."): that is not data."""
    body = list(table.rows)
    while body and _looks_like_header_line(body[0]) and not _has_number(body[0]):
        body.pop(0)
    return body


def _adopt_inner_header(segment: _Segment, header_rows: list[Row]) -> None:
    """A table nested in a header cell may name the columns of the actions' tables."""
    for cell in (c for r in header_rows for c in r.cells):
        for inner in cell.nested:
            found = _actions_header(inner)
            if found is not None:
                segment.inner = found[1]


def _next_page(table: Table, segment: _Segment) -> bool:
    """Only a fragment on a later page can continue a row cut by the page end."""
    return table.page is not None and segment.last_page is not None and (
        table.page > segment.last_page
    )


def _rec_from_paragraphs(paragraphs: list[Paragraph]) -> PlanRow | None:
    """The recommendation a table of actions answers, written as paragraphs above it."""
    start = max(
        (i for i, p in enumerate(paragraphs) if announces_recommendation(p.text)), default=None
    )
    if start is None:
        return None
    rec = [paragraphs[start]]
    response: list[Paragraph] = []
    for para in paragraphs[start + 1 :]:
        label, text = strip_answer_label(para.text)
        if not response and (label or parse_response(text)):
            response.append(Paragraph(text=text, lines=para.lines, page=para.page,
                                      ref=para.ref, number=para.number))
        elif response:
            response.append(para)  # the reason written under the answer
        elif not ends_sentence(rec[-1].text):
            rec.append(para)  # the recommendation's sentence runs on
    return PlanRow({Role.RECOMMENDATION: rec, Role.RESPONSE: response}, rec[0].page)


def _title_row(row: Row) -> PlanRow | None:
    """A full-width row above the header that announces the recommendation of the table."""
    filled = [c for c in row.cells if c.text.strip()]
    if len(filled) != 1 or not announces_recommendation(filled[0].text):
        return None
    return PlanRow({Role.RECOMMENDATION: list(filled[0].paragraphs)}, row.page)


def _form_label(row: Row) -> Role | None:
    """The field a form row holds, from the short label in its first cell."""
    cells = [c for c in row.cells if not c.continued]
    label = cells[0].text.strip() if len(cells) >= 2 else ""
    if not label or len(label) > 40:
        return None
    values = [p for c in cells[1:] for p in c.paragraphs]
    if values and opening_answer(values[0].text.strip()) is not None:
        return Role.RESPONSE  # "Response | Partly agreed ¶ reason": the answer, not actions
    role = classify_header(re.sub(r"[\d.()]+", " ", label))
    return None if role == Role.EXTRA else role


def _first_cell(row: Row) -> str:
    cells = [c for c in row.cells if not c.continued]
    return cells[0].text.strip() if cells else ""


def _form_labels(table: Table) -> list[Role | None]:
    """Field roles down the left of a narrow table; empty when it is not a form."""
    if table.n_cols > 3:
        return []
    return [_form_label(row) for row in table.rows]


def _form_row(form: list[Row]) -> PlanRow | None:
    """A form-style recommendation, field names down the left ("Recommendation", "Owner" …)."""
    by_role: dict[Role, list[Paragraph]] = {}
    number = None
    last: Role | None = None
    for row in form:
        cells = [c for c in row.cells if not c.continued]
        if len(cells) < 2:
            continue
        values = [p for c in cells[1:] for p in c.paragraphs]
        role = _form_label(row)
        if not cells[0].text.strip() and last is not None:
            by_role[last].extend(values)  # the field's value ran over a page break
            continue
        if role is None or role in by_role:
            last = None
            continue
        if role == Role.RECOMMENDATION:
            number = find_number(cells[0].text)
        by_role[role] = values
        last = role
    if not {Role.RECOMMENDATION, Role.ACTION} <= set(by_role):
        return None
    page = form[0].page if form[0].page is not None else None
    if number:
        by_role[Role.REC_NO] = [Paragraph(text=number, page=page)]
    return PlanRow(by_role, page)


def _join_cut_rows(
    rows: list[PlanRow], vocabulary: Mapping[str, int] = MappingProxyType({})
) -> list[PlanRow]:
    """Put back together rows a page break cut in two, so assembly sees whole rows; a word
    the page cut is mended as any cut word (``vocabulary``: the document's words)."""
    joined: list[PlanRow] = []
    for row in rows:
        if joined and row.after_page_break and _is_cut_tail(joined[-1], row):
            _append_row(joined[-1], row, vocabulary)
        else:
            joined.append(row)
    return joined


def _is_cut_tail(prev: PlanRow, row: PlanRow) -> bool:
    """The first row on a page carries on the last row of the previous page."""
    if prev.section or row.section or row.text(Role.REC_NO):
        return False
    rec_before, rec_now = prev.paragraphs(Role.RECOMMENDATION), row.paragraphs(Role.RECOMMENDATION)
    if rec_now and not rec_before and prev.text(Role.REC_NO):
        # The number stands before the break over an empty cell: a renderer that keeps a
        # cell's lines together pushed the whole recommendation onto this page.
        return True
    if any(ch.isalnum() for ch in row.text(Role.ACTION_NO)):
        return False  # a number of its own; a lone "." is the end of a label the page cut
    actions = row.paragraphs(Role.ACTION)
    numbered = bool(actions) and bool(actions[0].label or opens_list_item(actions[0].text))
    if rec_before and rec_now and (
        not ends_sentence(rec_before[-1].text) or rec_now[0].text[:1].islower()
    ):
        # The recommendation's cell runs on. With a new numbered action the row is whole
        # unless its stacked owners or dates ran ahead of its actions onto this page.
        return not numbered or _runs_ahead(prev)
    if numbered:
        # A new numbered action starts the page, unless it carries on the row's list.
        return _list_carries_on(prev, row)
    before = prev.paragraphs(Role.ACTION)
    if not actions or not before:
        return not actions
    nothing_new = not row.text(Role.OWNER) and not row.text(Role.TARGET)
    if actions[0].text[:1].islower() or nothing_new:
        return True
    # An owner or date cell that carries on in lower case ("commissioners") was cut too.
    if any(row.text(r)[:1].islower() and prev.text(r) for r in (Role.OWNER, Role.TARGET)):
        return True
    # An unfinished sentence runs on, unless both rows carry their own owner and date
    # (actions written without full stops).
    both_whole = all(r.text(Role.OWNER) and r.text(Role.TARGET) for r in (prev, row))
    return not ends_sentence(before[-1].text) and not both_whole


def _list_carries_on(prev: PlanRow, row: PlanRow) -> bool:
    """The page cut a list of actions that shares its row's one owner and one date: the row
    before lists several items beside at most one owner and one date, and this row adds items
    of the same kind of list (bullets, numbers, letters) with nothing in any other column (a
    cell the page cut with no border drawn under it, as browsers print)."""
    if any(row.text(r) for r in (Role.OWNER, Role.TARGET, Role.RECOMMENDATION, Role.RESPONSE)):
        return False
    items = [p for p in prev.paragraphs(Role.ACTION) if p.label or opens_list_item(p.text)]
    if len(items) < 2 or any(len(prev.paragraphs(r)) > 1 for r in (Role.OWNER, Role.TARGET)):
        return False
    return _list_kind(items[-1]) == _list_kind(row.paragraphs(Role.ACTION)[0])


def _list_kind(paragraph: Paragraph) -> str:
    """What a list item counts with: "number", "letter" or "bullet"."""
    text = paragraph.text
    label = (paragraph.label or text[: len(text) - len(strip_list_label(text))]).strip("() ")
    if not label:
        return ""
    return "number" if label[0].isdigit() else "letter" if label[0].isalpha() else "bullet"


def _runs_ahead(row: PlanRow) -> bool:
    """More owner or date paragraphs than actions: the stacks belong to later actions too."""
    actions = row.paragraphs(Role.ACTION)
    items = sum(1 for p in actions if p.label or opens_list_item(p.text)) or 1
    return max(len(row.paragraphs(Role.OWNER)), len(row.paragraphs(Role.TARGET))) > items


_JOINER_END = re.compile(r"(?:[,/&(–—-]|\b(?:and|of|for|the|to|with))\s*$", re.IGNORECASE)


def _runs_on(role: Role, before: str, after: str) -> bool:
    """Whether the page cut one paragraph in two. Owner and date lines are short and rarely
    punctuated, so for them only a dangling joiner ("Sam Doyle,", "Head of") says so."""
    if after[:1].islower():
        return True
    if role == Role.OWNER:
        return True  # the owner parser tells one owner cut in two from two owners
    if role == Role.TARGET:
        return bool(_JOINER_END.search(before))
    return not ends_sentence(before)


# A label standing alone in its cell ("3", "b", "iv", "1.2") and the mark that may end it.
_BARE_LABEL = re.compile(r"^\(?(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)$", re.IGNORECASE)
_LABEL_END = re.compile(r"^[.):]$")


def _append_row(prev: PlanRow, row: PlanRow, vocabulary: Mapping[str, int]) -> None:
    _regroup_cut_narrative(prev, row)
    for role, paragraphs in row.by_role.items():
        if not paragraphs:
            continue
        mine = prev.by_role.setdefault(role, [])
        rest = list(paragraphs)
        labels = [i for i, p in enumerate(mine) if _BARE_LABEL.match(p.text)]
        if labels and _LABEL_END.match(rest[0].text):
            # "3" at the foot of the page, "." at the head of the next: one label cut.
            end = rest.pop(0)
            mine[labels[-1]] = replace(mine[labels[-1]], text=mine[labels[-1]].text + end.text,
                                       lines=[*mine[labels[-1]].lines, *end.lines])
            if not rest:
                continue
        if mine and _runs_on(role, mine[-1].text, rest[0].text):
            mine[-1] = join_across(mine[-1], rest.pop(0), vocabulary)
        mine.extend(rest)


def _regroup_cut_narrative(prev: PlanRow, row: PlanRow) -> None:
    """A cell cut by a page before its nested table of actions: the part above the cut read
    as actions, the rest (beside the table) as prose. The cut paragraph is prose, whole."""
    narrative, actions = row.paragraphs(Role.NARRATIVE), prev.paragraphs(Role.ACTION)
    if not narrative or not actions or prev.paragraphs(Role.NARRATIVE):
        return
    if prev.paragraphs(Role.OWNER) or prev.paragraphs(Role.TARGET):
        return  # an action row of its own (a nested table's row the page cut), not prose
    if _runs_on(Role.NARRATIVE, actions[-1].text, narrative[0].text):
        prev.by_role[Role.NARRATIVE] = [actions.pop()]


def _drop_leaked_header(body: list[Row], partial: list[str], full: list[str]) -> None:
    """Remove header words a renderer pushed into the first row under a repeated header.

    A repeated header drawn shorter than the original leaves its last wrapped words at the
    top of the next row ("3. Accepted/" above, "Rejected" in the first data row).
    """
    if not body or len(partial) != len(full):
        return
    for cell in body[0].cells:
        col = cell.col
        if col >= len(full) or not cell.paragraphs:
            continue
        whole, shown = " ".join(full[col].split()), " ".join(partial[col].split())
        if not shown or whole == shown or not whole.startswith(shown):
            continue
        missing = whole[len(shown) :].strip()
        first = cell.paragraphs[0]
        rest = _after_leaked(first, missing, clipped=_straddles_top(first, body[0]))
        if not missing or rest is None:
            continue
        if rest:
            first.text = rest
        else:
            cell.paragraphs.pop(0)


def _after_leaked(paragraph: Paragraph, missing: str, *, clipped: bool) -> str | None:
    """What ``paragraph`` says after the header words ``missing`` it opens with, or None when
    it does not open with them. A line the row's top rule cuts (``clipped``) may have lost
    glyphs to the clip: "No" for "No.", "Polic" for "Policy"."""
    if paragraph.text.startswith(missing):
        return paragraph.text[len(missing) :].strip()
    words, wanted = paragraph.text.split(), missing.split()
    if not clipped or len(words) < len(wanted):
        return None
    if not all(_clipped_form(w, m) for w, m in zip(words, wanted, strict=False)):
        return None
    return " ".join(words[len(wanted) :])


def _clipped_form(shown: str, word: str) -> bool:
    """``shown`` is ``word`` less glyphs a clip hid: the same first letter, and at least half
    of the word's characters, in order."""
    if not shown or shown[0] != word[0] or 2 * len(shown) < len(word):
        return False
    rest = iter(word)
    return all(ch in rest for ch in shown)


def _straddles_top(paragraph: Paragraph, row: Row) -> bool:
    """The paragraph's first line starts above the row's top rule: the rule cuts through it,
    so it is the end of the row above, clipped (a repeated header drawn shorter)."""
    line = paragraph.lines[0] if paragraph.lines else None
    return bool(line and line.top is not None and row.top is not None
                and line.top < row.top - TOUCH_PT)


def _edges_for(table: Table) -> list[float] | None:
    return list(table.col_edges) if table.col_edges else None


def _header_key(rows: list[Row]) -> tuple[str, ...]:
    return tuple(header_text(c.text) for r in rows for c in r.cells if c.text.strip())


def _repeats_header(row: Row, key: tuple[str, ...]) -> bool:
    """``_header_key([row]) == key``, cell by cell: every data row is tested, and most differ
    from the header in their first cell, so the rest are never normalised."""
    texts = [text for c in row.cells if (text := c.text).strip()]
    return len(texts) == len(key) and all(
        header_text(text) == words for text, words in zip(texts, key, strict=True))


def _continues(table: Table, segment: _Segment) -> bool:
    if segment.edges and table.col_edges:
        # Same page geometry: the outer lines match, and most inner lines match one of the
        # header's (a header-only fragment may lack a line; rule-only tables find their
        # columns from white gutters, which move a little from page to page).
        tolerance = 4 if table.ruled == "grid" else 15
        outer = [table.col_edges[0], table.col_edges[-1]]
        ends = [segment.edges[0], segment.edges[-1]]
        if any(abs(a - b) > tolerance for a, b in zip(outer, ends, strict=True)):
            return False
        inner = table.col_edges[1:-1]
        hits = sum(any(abs(x - e) <= tolerance for e in segment.edges) for x in inner)
        return not inner or hits >= 0.7 * len(inner)
    return table.n_cols == len(segment.roles)


def _grid_texts(rows: list[Row], n_cols: int) -> list[str]:
    """Header words per grid column; a header cell's own words, not a nested table's, name it."""
    texts = [""] * n_cols
    for row in rows:
        for cell in row.cells:
            # Without nested tables a cell's own text is its text (no set of inner ones).
            words = (cell.own_text if cell.nested else "") or cell.text
            for col in range(cell.col, min(n_cols, cell.col + cell.span)):
                texts[col] = f"{texts[col]} {words}".strip()
    return texts


def _find_header(table: Table) -> Header | None:
    """Where a plan table's header is and the role of each column, or None."""
    for start in range(min(3, len(table.rows))):
        if not _could_be_header(table.rows[start]):
            continue
        roles = _roles_from_header(table, table.rows[start : start + 1])
        if header_score(roles) == 0:
            continue
        end = start + 1
        # A second header line ("4. Response" over "Action Taken/Planned").
        while end < len(table.rows) and _looks_like_header_line(table.rows[end]):
            end += 1
        roles = _roles_from_header(table, table.rows[start:end])
        roles = _resolve_number_columns(table, roles, table.rows[end:])
        return Header(start, end, roles)
    return None


def _has_number(row: Row) -> bool:
    return any(cell_number(c.text) for c in row.cells if c.text.strip())


def _could_be_header(row: Row) -> bool:
    """Header cells are labels: no bare numbers, no sentences of recommendation or action."""
    texts = [" ".join(c.text.split()) for c in row.cells if c.text.strip()]
    return bool(texts) and not any(len(t) > 120 or cell_number(t) for t in texts)


def _roles_from_header(table: Table, rows: list[Row]) -> list[Role | None]:
    texts = _grid_texts(rows, table.n_cols)
    roles = [classify_header(t) for t in texts]
    seen: set[Role] = set()
    for col, role in enumerate(roles):
        shared = col > 0 and texts[col] == texts[col - 1] and role is not None
        if role == Role.REC_NO and role in seen and not shared:
            roles[col] = Role.ACTION_NO  # a second "No." column numbers the actions
        elif role in seen and role not in (Role.EXTRA, Role.ACTION) and not shared:
            roles[col] = Role.EXTRA  # a second owner/date column adds nothing to the first
        if role is not None:
            seen.add(role)
    # "Response | Action taken/planned": when several columns could hold the actions, the
    # one whose header says so most plainly (action, then what we will do, then response)
    # holds them; the others are prose answering the recommendation.
    actionish = [c for c, r in enumerate(roles) if r == Role.ACTION]
    plainest = max((action_wording(texts[c]) for c in actionish), default=0)
    if plainest and len({texts[c] for c in actionish}) > 1:
        for col in actionish:
            if action_wording(texts[col]) < plainest:
                roles[col] = Role.NARRATIVE
    return roles


def _looks_like_header_line(row: Row) -> bool:
    cells = [c for c in row.cells if c.text.strip()]
    if not cells or (len(cells) == 1 and cells[0].col == 0):
        return False  # a title alone in the first column is a section row
    for cell in cells:
        text = cell.text.strip()
        if len(text) > 60 or text[:1].isdigit() or classify_header(text) is None:
            return False
    return True


def _resolve_number_columns(
    table: Table, roles: list[Role | None], data: list[Row]
) -> list[Role | None]:
    """Columns of short numbers: action numbers under a spanning action header, or rec numbers."""
    roles = list(roles)
    if Role.RESPONSE not in roles:
        # "Response" over a column of "Agreed"/"Not agreed" is the agreement, not the actions.
        for col in _agreement_columns(table.n_cols, data):
            if roles[col] in (Role.ACTION, Role.NARRATIVE, Role.EXTRA, None):
                roles[col] = Role.RESPONSE
                break
    numeric = _numeric_columns(table.n_cols, data)
    for col, role in enumerate(roles):
        if col not in numeric:
            continue
        if role == Role.ACTION and roles.count(Role.ACTION) > 1:
            roles[col] = Role.ACTION_NO
        elif role is None:
            has_rec_no = Role.REC_NO in roles
            later = roles[col + 1 :]
            if not has_rec_no and Role.RECOMMENDATION in later:
                roles[col] = Role.REC_NO
            elif Role.ACTION in later:
                roles[col] = Role.ACTION_NO
    return roles


def _columns_where(n_cols: int, data: list[Row], test, minimum: int = 1) -> list[int]:
    """Columns where at least 70% of the filled single cells pass ``test``."""
    filled = [0] * n_cols
    passed = [0] * n_cols
    for row in data:
        for cell in row.cells:
            text = cell.text.strip()
            if text and cell.span == 1 and cell.col < n_cols:
                filled[cell.col] += 1
                passed[cell.col] += bool(test(text))
    return [c for c in range(n_cols) if filled[c] >= minimum and passed[c] >= 0.7 * filled[c]]


def _agreement_columns(n_cols: int, data: list[Row]) -> list[int]:
    # The answer opens the cell; a reason may follow it on the lines below.
    return _columns_where(n_cols, data, lambda t: opening_answer(t) is not None, minimum=2)


def _numeric_columns(n_cols: int, data: list[Row]) -> set[int]:
    return set(_columns_where(n_cols, data, is_number_label))


def _actions_header(table: Table) -> tuple[int, _Segment] | None:
    """(header rows, columns) when a nested table's header names actions and their owners or
    dates: its rows are then actions of the row that holds it."""
    header = _find_header(table)
    if header is None:
        return None
    roles = header.roles
    if Role.ACTION not in roles or not {Role.OWNER, Role.TARGET} & set(roles):
        return None
    # A nested table's header is labels only: a first row of actions whose words happen to
    # say "owner" or "date" is data (the table takes the columns named earlier, if any).
    if not all(_label_row(row) for row in table.rows[header.start : header.end]):
        return None
    # The recommendation is the outer row's: a "No." column here numbers the actions.
    roles = [Role.ACTION_NO if r == Role.REC_NO else r for r in roles]
    key = _header_key(table.rows[: header.end])
    return header.end, _Segment(roles, _edges_for(table), key, table.page)


def _label_row(row: Row) -> bool:
    """Every filled cell a short header label that names a column role."""
    cells = [c for c in row.cells if c.text.strip()]
    return bool(cells) and all(
        len(c.text.strip()) <= _MAX_LABEL and classify_header(c.text) is not None for c in cells
    )


def _nested_actions(row: Row, segment: _Segment) -> list[tuple[Table, int, _Segment]]:
    """Tables of actions nested in the row's cells, each with its header rows and columns."""
    found = []
    for cell in row.cells:
        for inner in cell.nested:
            header = _actions_header(inner)
            if header is not None:
                segment.inner = header[1]
                found.append((inner, header[0], header[1]))
            elif (spanned := _spanned_columns(cell, inner, segment)) is not None:
                found.append((inner, 0, spanned))
            elif segment.inner is not None:
                columns = _same_columns(inner, segment.inner)
                if columns is not None:
                    found.append((inner, 0, columns))
    return found


def _spanned_columns(cell: Cell, inner: Table, segment: _Segment) -> _Segment | None:
    """A nested table in a cell spanning outer columns, one inner column under each of them:
    the outer header names the inner columns when they are actions and owners or dates."""
    roles = [segment.roles[i] for i in _covered_columns(cell, segment)]
    if len(roles) < 2 or inner.n_cols != len(roles):
        return None
    if Role.ACTION not in roles or not {Role.OWNER, Role.TARGET} & set(roles):
        return None
    roles = [Role.ACTION_NO if r == Role.REC_NO else r for r in roles]
    return _Segment(roles, _edges_for(inner), (), inner.page)


def _same_columns(table: Table, known: _Segment) -> _Segment | None:
    """The columns of an actions table named earlier, for a nested table without a header:
    as many columns (each with the known role, on this table's own lines, which rule-drawn
    tables place from their gutters), or the same column lines."""
    if table.n_cols == len(known.roles):
        return _Segment(known.roles, _edges_for(table), known.header_key, table.page)
    return known if _continues(table, known) else None


def _row_with_nested(row: Row, segment: _Segment, after_break: bool = False) -> list[PlanRow]:
    """The row's plan row, then one per row of each table of actions nested in it.

    After a page break both the outer row and the first inner row may carry on a row the
    page cut: the outer one's cells, and the inner table's row.
    """
    nested = _nested_actions(row, segment)
    outer = _plan_row(row, segment, [t for t, _, _ in nested])
    # A row whose only content is its nested tables adds nothing of its own, but a merge
    # continuation still says which cells run on.
    keep = outer is not None and (not outer.is_empty() or outer.section or outer.continued_roles)
    made = [outer] if outer is not None and keep else []
    for table, n_header, inner in nested:
        for inner_row in table.rows[n_header:]:
            if _repeats_header(inner_row, inner.header_key):
                continue
            action_row = _plan_row(inner_row, inner, inner_rows=True)
            if action_row is not None:
                made.append(action_row)
    if made and after_break:
        made[0].after_page_break = True
        inner_rows = made[1:] if made[0] is outer else made
        if inner_rows:
            inner_rows[0].after_page_break = True
    return made


def _host_paragraphs(by_role: dict[Role, list[Paragraph]], own: list[Paragraph]) -> None:
    """A cell around a table of actions: its own lines are the row's answer (when it has no
    agreement column and they open with one) or prose about the recommendation, never actions."""
    if not own:
        return
    if not by_role.get(Role.RESPONSE) and opening_answer(own[0].text.strip()):
        by_role.setdefault(Role.RESPONSE, []).append(own[0])
        own = own[1:]
    if own:
        by_role.setdefault(Role.NARRATIVE, []).extend(own)


def _covered_columns(cell: Cell, segment: _Segment) -> list[int]:
    """The segment's grid columns a cell covers: by position on PDF, by grid span in DOCX."""
    roles, edges, x0, x1 = segment.roles, segment.edges, cell.x0, cell.x1
    if edges and x0 is not None and x1 is not None:
        covered = []
        for i in range(min(len(edges) - 1, len(roles))):
            left, right = edges[i], edges[i + 1]
            if min(x1, right) - max(x0, left) > 0.5 * (right - left):
                covered.append(i)
        return covered
    return list(range(cell.col, min(len(roles), cell.col + cell.span)))


def _cell_roles(cell: Cell, segment: _Segment) -> tuple[Role, ...]:
    """The roles of the segment's columns the cell covers (worked out once per place)."""
    edges, memo = segment.cell_roles
    if edges is not segment.edges:
        # New edges (a repeated header's own lines) place cells anew.
        memo = {}
        segment.cell_roles = (segment.edges, memo)
    key = (cell.x0, cell.x1, cell.col, cell.span)
    roles = memo.get(key)
    if roles is None:
        roles = memo[key] = tuple(r for r in (segment.roles[i]
                                              for i in _covered_columns(cell, segment))
                                  if r is not None)
    return roles


def _plan_row(
    row: Row, segment: _Segment, consumed: list[Table] | None = None, inner_rows: bool = False
) -> PlanRow | None:
    """The row by column role; ``consumed`` nested tables are read as rows of their own, and
    rows of such an inner table (``inner_rows``) are never section titles."""
    consumed = consumed or []
    filled = [c for c in row.cells if c.text.strip()]
    if not filled:
        return None
    page = row.page if row.page is not None else next((c.page for c in row.cells), None)
    if len(filled) == 1 and not inner_rows and not consumed:
        covered = _cell_roles(filled[0], segment)
        # One text across most of the width is a section title, not a recommendation.
        if len(covered) >= 2 and len(covered) >= 0.5 * sum(r is not None for r in segment.roles):
            if announces_recommendation(filled[0].text):
                return PlanRow({Role.RECOMMENDATION: list(filled[0].paragraphs)}, page)
            return PlanRow({}, page, section=" ".join(filled[0].text.split()))
    by_role: dict[Role, list[Paragraph]] = {}
    continued: set[Role] = set()
    for cell in row.cells:
        roles = _cell_roles(cell, segment)
        if not roles:
            continue
        role = _PREFERRED.get(roles)
        if role is None:
            role = _PREFERRED[roles] = min(roles, key=_PREFERENCE.index)
        if cell.continued:
            continued.add(role)
            continue
        hosted = [t for t in cell.nested if any(t is c for c in consumed)]
        # Most cells host no table: their paragraphs are all their own.
        own = cell.paragraphs_outside(hosted) if hosted else cell.paragraphs
        paragraphs = [p for p in own if p.labelled_text]
        if hosted:
            _host_paragraphs(by_role, paragraphs)
        else:
            by_role.setdefault(role, []).extend(paragraphs)
    return PlanRow(by_role, page, continued_roles=continued)
