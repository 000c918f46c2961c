"""One owner cell beside several actions: which owners go with which action."""

from __future__ import annotations

from extractors.layout import Document, Line, Paragraph
from pipeline.assemble import DraftAction, DraftRec
from pipeline.finalise import finalise
from pipeline.models import PlanInfo, Source
from pipeline.text import cell_lines


def _para(text: str, top: float | None, x0: float) -> Paragraph:
    """A paragraph of one line; ``top`` None for a DOCX paragraph (no page geometry)."""
    if top is None:
        return Paragraph(text=text)
    return Paragraph(text=text, page=1, lines=[
        Line(text, page=1, x0=x0, top=top, x1=x0 + 60, bottom=top + 8)])


def _owners_by_action(owner_tops: list[float | None],
                      action_tops: list[float | None]) -> list[list[str]]:
    owners = [_para(t, top, 300.0) for t, top in zip(
        ["Head of Operations", "Probation Manager", "Head of Residence", "Head of Safety"],
        owner_tops, strict=True)]
    dates = [_para(t, top, 400.0) for t, top in zip(
        ["May 2021", "June 2021", "July 2021"], action_tops, strict=True)]
    actions = [
        DraftAction(number=None, texts=[text], owners=cell_lines(owners),
                    target="\n".join(d.text for d in dates), page=1,
                    sources=[_para(text, top, 100.0)], owner_sources=owners,
                    target_sources=dates)
        for text, top in zip(["Train staff.", "Audit cases.", "Report to the board."],
                             action_tops, strict=True)]
    rec = DraftRec(number="1", texts=["The prison should improve the work."],
                   response=["Agreed"], section=None, page=1, actions=actions)
    source = Source(file="plan.pdf", format="pdf", sha256="0" * 64, pages=1)
    document = Document(path="plan.pdf", format="pdf", blocks=[])
    plan = finalise([rec], PlanInfo(), source, document, [])
    return [[o.raw for o in a.owners] for a in plan.recommendations[0].actions]


def test_more_owners_than_actions_go_to_the_action_they_are_level_with() -> None:
    assert _owners_by_action([100.0, 120.0, 140.0, 150.0], [100.0, 119.0, 140.0]) == [
        ["Head of Operations"], ["Probation Manager"], ["Head of Residence", "Head of Safety"]]


def test_owners_not_level_with_every_action_stay_shared() -> None:
    everyone = ["Head of Operations", "Probation Manager", "Head of Residence", "Head of Safety"]
    # The third action has no owner beside it: the cell is not laid out per action.
    assert _owners_by_action([100.0, 110.0, 120.0, 130.0], [100.0, 119.0, 140.0]) == [
        everyone] * 3
    # No page geometry (a DOCX cell): nothing says which owner is whose.
    assert _owners_by_action([None] * 4, [None] * 3) == [everyone] * 3
