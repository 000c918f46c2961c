"""Plan rows → draft recommendations and actions (normalised and validated by ``finalise``).

The assembly handles the shapes real plans take: one row per action with the
recommendation merged down or left empty, one row per recommendation with the actions as
a list in one cell, rows split by a page break, and section rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.layout import Paragraph
from pipeline.columns import Role
from pipeline.models import NOT_FULLY_AGREED, ActionPlan, Response
from pipeline.normalise.response import looks_like_reason, parse_response, split_answer
from pipeline.numbering import cell_number, cut_cell_number, label_number, split_prefix
from pipeline.plan_rows import PlanRow
from pipeline.text import (
    CellLine,
    cell_lines,
    clean,
    ends_sentence,
    joined_lines,
)


@dataclass
class DraftAction:
    number: str | None
    texts: list[str]
    owners: list[CellLine] = field(default_factory=list)  # with the evidence of each break
    target: str = ""
    page: int | None = None
    # Provenance: the paragraphs the text, the owners and the target are read from.
    sources: list[Paragraph] = field(default_factory=list)
    owner_sources: list[Paragraph] = field(default_factory=list)
    target_sources: list[Paragraph] = field(default_factory=list)


@dataclass
class DraftRec:
    number: str | None
    texts: list[str]
    response: list[str]
    section: str | None
    page: int | None
    actions: list[DraftAction] = field(default_factory=list)
    reason: list[str] = field(default_factory=list)
    narrative: list[str] = field(default_factory=list)
    sources: list[Paragraph] = field(default_factory=list)  # of the text (provenance)
    response_sources: list[Paragraph] = field(default_factory=list)


@dataclass
class _Item:
    """One action in a cell: its printed/generated number and its paragraphs."""

    number: str | None
    texts: list[str]
    labelled: bool
    paras: list[Paragraph] = field(default_factory=list)  # where the texts come from


class PlanAssembler:
    """Feeds plan rows in order and keeps the recommendation being built."""

    def __init__(self) -> None:
        self.recs: list[DraftRec] = []
        self.section: str | None = None

    @property
    def current(self) -> DraftRec | None:
        return self.recs[-1] if self.recs else None

    def add(self, row: PlanRow) -> None:
        """Take one data row of the plan table."""
        if row.section:
            self.section = row.section
            return
        if self._is_untagged_section(row):
            self.section = clean(row.text(Role.REC_NO) or row.text(Role.RECOMMENDATION))
            return
        self._rec_part(row)
        self._narrative_part(row)
        self._action_part(row)

    def _narrative_part(self, row: PlanRow) -> None:
        """Prose answering the recommendation: the reason, when it is partly or not agreed."""
        text = clean(row.text(Role.NARRATIVE))
        rec = self.current
        if text and rec is not None:
            rec.narrative.append(text)

    def _is_untagged_section(self, row: PlanRow) -> bool:
        """A title alone in the first columns, as borderless tables draw section rows."""
        texts = {r: text for r in row.by_role if (text := row.text(r))}
        if not texts or set(texts) - {Role.REC_NO, Role.RECOMMENDATION} or len(texts) != 1:
            return False
        text = next(iter(texts.values()))
        if row.after_page_break or cell_number(text) or split_prefix(text)[0]:
            return False
        return len(text) <= 80 and "\n" not in text and not ends_sentence(text)

    def _rec_part(self, row: PlanRow) -> bool:
        """Start or extend a recommendation from the row's rec columns; True when one starts."""
        number_text = clean(row.text(Role.REC_NO))
        rec_paras = row.paragraphs(Role.RECOMMENDATION)
        response_paras = row.paragraphs(Role.RESPONSE)
        rec_text = clean(" ".join([p.labelled_text for p in rec_paras]))
        response, reason = _response_and_reason(row.paragraphs(Role.RESPONSE))
        number = cell_number(number_text) if number_text else None
        if number is None:
            number = cut_cell_number(number_text)  # "1. 46" cut by the column
        if number_text and number is None:
            # The number cell holds words (a paragraph reference or a wrapped ref): keep them.
            number = number_text
        if rec_text:
            prefix, rest = split_prefix(rec_text)
            # A number printed again in front of the text is numbering, not words.
            if prefix and (number is None or prefix == number):
                number, rec_text = prefix, clean(rest)
        current = self.current
        starts = bool(number) or (bool(rec_text) and not self._continues_rec(row, rec_text))
        if Role.RECOMMENDATION in row.continued_roles and not number:
            starts = False
        if starts:
            self.recs.append(
                DraftRec(number, [rec_text] if rec_text else [], [response] if response else [],
                         self.section, row.page, reason=[reason] if reason else [],
                         sources=list(rec_paras), response_sources=list(response_paras))
            )
            return True
        if current is not None:
            _extend_rec(current, rec_paras, rec_text, response_paras, response, reason)
        return False

    def _continues_rec(self, row: PlanRow, rec_text: str) -> bool:
        """Unnumbered rec text that carries on the previous rec's cell (cut by a page or a
        renderer splitting a merged cell), rather than a new rec whose number was lost."""
        current = self.current
        if current is None or not current.texts:
            return False
        if rec_text[:1].islower():
            return True
        # Recommendations often lack a full stop: an unfinished one only runs on across a page.
        return row.after_page_break and not ends_sentence(current.texts[-1])

    def _action_part(self, row: PlanRow) -> None:
        paras = row.paragraphs(Role.ACTION)
        number_text = row.text(Role.ACTION_NO)
        number_cell = cell_number(number_text) if number_text else None
        owner_paras = row.paragraphs(Role.OWNER)
        target_paras = row.paragraphs(Role.TARGET)
        if not (paras or number_cell or owner_paras or target_paras):
            return
        rec = self.current
        if rec is None:
            rec = DraftRec(None, [], [], self.section, row.page)
            self.recs.append(rec)
        if not rec.response and not rec.actions and paras:
            paras = _answer_in_actions(rec, paras)
        items = _split_items(paras)
        if len(items) == 1 and not items[0].labelled and len(items[0].texts) > 1:
            items = _split_by_stacking(items[0], len(owner_paras), len(target_paras))
        if number_cell and items and not items[0].labelled:
            items[0].number = number_cell
            items[0].labelled = True
        _number_from_stack(items, row.paragraphs(Role.ACTION_NO))
        items = self._take_reason(rec, items, owner_paras, target_paras)
        if not items:
            return
        self._distribute(rec, items, owner_paras, target_paras, row.page)
        # An owner or date cell merged down over this row belongs to it as well.
        previous = self._previous_action(rec, len(items))
        if previous is not None:
            for action in rec.actions[-len(items):]:
                if Role.OWNER in row.continued_roles and not owner_paras:
                    action.owners = previous.owners
                    action.owner_sources = previous.owner_sources
                if Role.TARGET in row.continued_roles and not target_paras:
                    action.target = previous.target
                    action.target_sources = previous.target_sources

    def _previous_action(self, rec: DraftRec, added: int) -> DraftAction | None:
        if len(rec.actions) > added:
            return rec.actions[-added - 1]
        for earlier in reversed(self.recs[:-1]):
            if earlier.actions:
                return earlier.actions[-1]
        return None

    def _take_reason(self, rec: DraftRec, items: list[_Item], owner_paras, target_paras):
        """A partly/not agreed answer's explanation sits in the action column: not an action."""
        response = parse_response(" ".join(rec.response))
        if response not in NOT_FULLY_AGREED:
            return items
        if response == Response.NOT_AGREED and not _says_something(owner_paras + target_paras):
            rec.reason.extend(t for item in items for t in item.texts)
            return []
        kept = list(items)
        while kept and not kept[0].labelled and looks_like_reason(" ".join(kept[0].texts)):
            texts = list(kept[0].texts)
            paras = list(kept[0].paras)
            # The paragraphs of the texts, one each, when the item was built that way.
            one_each = len(paras) == len(texts)
            reason, rest = _reason_and_rest(texts.pop(0))
            rec.reason.append(reason)
            # Its continuation paragraphs stay with it ("In addition, …", "This is …");
            # what reads as something to do is an unnumbered action.
            while not rest and texts and _continues_reason(texts[0], response):
                reason, rest = _reason_and_rest(texts.pop(0))
                rec.reason.append(reason)
            if rest:
                texts.insert(0, rest)
            if one_each:  # the paragraphs of what is left ("rest" is in the last reason's)
                paras = paras[len(paras) - len(texts):]
            if texts:
                kept[0] = _Item(None, texts, False, paras)
                break
            kept = kept[1:]
            while kept and not kept[0].labelled and _continues_reason(
                " ".join(kept[0].texts), response
            ):
                rec.reason.extend(kept.pop(0).texts)
        return kept

    def _distribute(self, rec, items, owner_paras, target_paras, page) -> None:
        n = len(items)
        owners = [cell_lines(owner_paras)] * n
        targets = [joined_lines(target_paras)] * n
        owner_sources = [list(owner_paras)] * n
        target_sources = [list(target_paras)] * n
        if n > 1:
            owner_texts = [cell_lines([p]) for p in owner_paras]
            target_texts = [joined_lines([p]) for p in target_paras]
            if len(owner_texts) == n:
                owners = owner_texts
                owner_sources = [[p] for p in owner_paras]
            if len(target_texts) == n:
                targets = target_texts
                target_sources = [[p] for p in target_paras]
            # Otherwise the actions share the cell; finalise parses it, once, and splits
            # dates stacked one per action among them.
        for item, owner, target, owned, dated in zip(
            items, owners, targets, owner_sources, target_sources, strict=True
        ):
            rec.actions.append(DraftAction(item.number, item.texts, owner, target, page,
                                           item.paras, owned, dated))


def _number_from_stack(items: list[_Item], number_paras: list[Paragraph]) -> None:
    """An action-number cell stacking one number per action ("1." over "2.": a row the
    page cut, joined back) numbers the unlabelled actions in order."""
    numbers = [cell_number(p.text) for p in number_paras]
    if len(numbers) < 2 or len(numbers) != len(items) or None in numbers:
        return
    if any(item.labelled for item in items):
        return
    for item, number in zip(items, numbers, strict=True):
        item.number, item.labelled = number, True


def _answer_in_actions(rec: DraftRec, paras: list[Paragraph]) -> list[Paragraph]:
    """With no agreement column, an answer may open the actions cell: "Agreed. The YOS will …"."""
    first = paras[0]
    split = split_answer(first.text)
    if split is None:
        return paras
    answer, rest = split
    rec.response.append(answer)
    rec.response_sources.append(first)
    if rest and parse_response(answer) in NOT_FULLY_AGREED:
        rec.reason.append(rest)  # "Partly agreed – the service cannot …": why, not an action
        rest = ""
    if not rest:
        return paras[1:]
    trimmed = Paragraph(text=rest, lines=first.lines, label=first.label, page=first.page,
                        ref=first.ref, number=first.number)
    return [trimmed, *paras[1:]]


def _extend_rec(rec: DraftRec, rec_paras: list[Paragraph], rec_text: str,
                response_paras: list[Paragraph], response: str, reason: str) -> None:
    """Add a row that carries on ``rec`` (no number of its own) to it."""
    if response and parse_response(response) is None and _answered(rec.response):
        # The answer stood before the break; what its cell holds after it explains it.
        response, reason = "", clean(f"{response} {reason}")
    if response or reason:
        rec.response_sources.extend(response_paras)
    if rec_text:
        rec.sources.extend(rec_paras)
        rec.texts.append(rec_text)
    if response:
        rec.response.append(response)
    if reason:
        rec.reason.append(reason)


def _answered(response: list[str]) -> bool:
    return bool(response) and parse_response(" ".join(response)) is not None


def _response_and_reason(paragraphs: list[Paragraph]) -> tuple[str, str]:
    """The agreement words of a response cell, and any explanation written under them."""
    response: list[str] = []
    reason: list[str] = []
    for para in paragraphs:
        text = clean(para.text)
        split = split_answer(text) if not response and len(text) > 40 else None
        if split and split[1]:
            # "Partly agreed – the service cannot commission …": answer, then its reason.
            response.append(split[0])
            reason.append(split[1])
            continue
        if reason or (_answered(response) and len(text) > 40):
            reason.append(text)
        else:
            response.append(text)
    return " ".join(response), " ".join(reason)


def _split_by_stacking(item: _Item, owners: int, targets: int) -> list[_Item]:
    """Unnumbered paragraphs are separate actions when owners or dates stack one per paragraph."""
    n = len(item.texts)
    if targets == n or (owners == n and targets != 1):
        paras = item.paras if len(item.paras) == n else [None] * n
        return [_Item(None, [text], False, [p] if p else item.paras)
                for text, p in zip(item.texts, paras, strict=True)]
    return [item]


def _split_items(paras: list[Paragraph]) -> list[_Item]:
    """Split an action cell into actions at numbered or bulleted paragraphs.

    Where actions are numbered, bullets under one of them are its own sub-points.
    """
    kinds = {_numbered(p) for p in paras}
    # The outermost list counts the actions: digits over letters, numbers over bullets.
    top = "digit" if "digit" in kinds else "letter" if "letter" in kinds else None
    items: list[_Item] = []
    pending: str | None = None  # a number printed alone (its own cell or line) labels what follows
    points = False  # inside bullets that belong to the action above them
    for para in paras:
        text = para.text.strip()
        alone = cell_number(text)
        if alone and not para.label:
            pending = alone
            continue
        if pending is not None:
            items.append(_Item(pending, [split_prefix(text)[1].strip()], True, [para]))
            pending = None
            continue
        if top and items and items[-1].number and _numbered(para) != top:
            items[-1].texts.append(text)  # "• …" or "a) …" under "2. …": part of action 2
            items[-1].paras.append(para)
            continue
        bullet = _is_bullet(para)
        if items and bullet and (points or _introduces_points(items[-1], text)):
            # "Review investigations, including:" then "• all investigations where …": the
            # bullets are that action's points; a cell that opens with bullets, or whose
            # lead-in only says "We will:", lists its actions in them.
            items[-1].texts.append(text)
            items[-1].paras.append(para)
            points = True
            continue
        points = points and bullet
        if para.label:
            items.append(_Item(label_number(para.label), [text], True, [para]))
            continue
        number, rest = split_prefix(text)
        if number is not None or rest != text:
            items.append(_Item(number, [rest.strip()], True, [para]))
        elif items:
            items[-1].texts.append(text)
            items[-1].paras.append(para)
        else:
            items.append(_Item(None, [text], False, [para]))
    return [i for i in items if any(t.strip() for t in i.texts)]


def _is_bullet(para: Paragraph) -> bool:
    """A bulleted paragraph: a generated or printed bullet, not a number or letter."""
    if para.label:
        return label_number(para.label) is None
    number, rest = split_prefix(para.text.strip())
    return number is None and rest != para.text.strip()


_NOTHING = re.compile(r"^\W*(?:n/?a|none|not applicable|nil|-+|–|—)?\W*$", re.I)
# Openings that carry an explanation on into its next paragraph.
_CONNECTIVE = re.compile(
    r"^(?:however|in addition|additionally|furthermore|moreover|also|this|these|that|it|such"
    r"|as such|as a result|therefore|consequently|for this reason|whilst|while|although"
    r"|instead|equally|similarly|in particular|secondly|second|finally)\b",
    re.I,
)
# Openings of something to do: a subject and "will", or a verb of the kind actions begin with.
_ACTION_VERB = re.compile(
    r"^(?:review|develop|deliver|introduce|ensure|provide|train|audit|implement|establish"
    r"|increase|continue|monitor|create|update|carry|complete|set|publish|recruit|offer|hold"
    r"|run|agree|appoint|share|embed|produce|undertake|work|explore|seek|raise|write|launch"
    r"|improve|reduce|assess|consider|identify|refresh|revise|extend|promote)\b",
    re.I,
)
# Openings of something to do: a subject and "will", or a verb of the kind actions begin with.
_ACTION_START = re.compile(
    r"^(?:\w+\W+){0,5}(?:will|shall|is going to|are going to)\b|" + _ACTION_VERB.pattern[1:],
    re.I,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _reason_and_rest(text: str) -> tuple[str, str]:
    """Split a reason paragraph before a sentence that is an instruction ("… April 2021.
    Introduce evening association …"): a PDF line that ended full may hide the author's
    paragraph break. "The prison will …" stays: explanations say what will happen too."""
    sentences = _SENTENCE_BREAK.split(text)
    for k in range(1, len(sentences)):
        if _ACTION_VERB.match(sentences[k]):
            return " ".join(sentences[:k]), " ".join(sentences[k:])
    return text, ""


def _says_something(paragraphs: list[Paragraph]) -> bool:
    """True when owner or date cells hold more than a placeholder ("N/A", "-", "None")."""
    return any(not _NOTHING.match(p.text) for p in paragraphs)


def _continues_reason(text: str, response: str | None) -> bool:
    """True when a paragraph after a reason carries the explanation on, not an action."""
    flat = clean(text)
    if not flat or _ACTION_START.match(flat):
        return False
    if response == Response.NOT_AGREED:
        return True  # nothing is to be done: what is not an action explains the answer
    return bool(_CONNECTIVE.match(flat)) or flat[:1].islower() or looks_like_reason(flat)


_LEAD_IN = re.compile(r"(?:\b(?:will|shall|to|we)|^\W*(?:\w+\W+){0,2}\w+)\s*:\s*$", re.I)


def _introduces_points(item: _Item, bullet_text: str) -> bool:
    """True when an action leads into bullets that continue it: a bullet carrying on its
    sentence in lower case, or a colon after a whole action ("Review all investigations,
    including:"), not after a lead-in to the list of actions ("The YOS will:")."""
    if item.labelled and item.number is None:
        return False  # the action above is itself a bullet: this one is its sibling
    last = item.texts[-1].rstrip()
    rest = (split_prefix(bullet_text.strip())[1] or bullet_text).strip()
    if rest[:1].islower() and not last.endswith("."):
        return True
    return last.endswith(":") and not _LEAD_IN.search(" ".join(item.texts))


def _numbered(para: Paragraph) -> str | None:
    """'digit' or 'letter' for a paragraph opening with a list number, None otherwise."""
    number = label_number(para.label) if para.label else (
        split_prefix(para.text.strip())[0] or cell_number(para.text)
    )
    if not number:
        return None
    return "digit" if any(ch.isdigit() for ch in number) else "letter"


def assemble(rows: list[PlanRow]) -> list[DraftRec]:
    """The recommendations, each with its actions, as drafts from the plan rows in order."""
    assembler = PlanAssembler()
    for row in rows:
        assembler.add(row)
    return assembler.recs


# A recommendation or an action is a sentence: a few words, most of them words of letters.
# A grid of one word or one figure per cell (a form, a data sheet, a prose page whose
# words each sit in a box) under headings that happen to name plan columns is not a plan.
MIN_SENTENCE_WORDS = 4
MIN_SENTENCE_SHARE = 0.5


def _reads_as_sentence(text: str) -> bool:
    words = text.split()
    if len(words) < MIN_SENTENCE_WORDS:
        return False
    # Words with at least two letters, counted until they are half of them: most texts
    # are prose, decided within their first words.
    needed = 0.5 * len(words)
    lettered = 0
    for w in words:
        if (len(w) >= 2 and w.isalpha()) or sum(ch.isalpha() for ch in w) >= 2:
            lettered += 1
            if lettered >= needed:
                return True
    return False


def reads_as_plan(plan: ActionPlan) -> bool:
    """Whether most recommendations, or most actions, of a plan read as sentences (actions
    may be terse: "Audit cases.")."""
    recs = [r.text for r in plan.recommendations if r.text.strip()]
    actions = [a.text for r in plan.recommendations for a in r.actions if a.text.strip()]
    return any(
        texts and sum(map(_reads_as_sentence, texts)) >= MIN_SENTENCE_SHARE * len(texts)
        for texts in (recs, actions)
    )
