"""Table stitching and assembly on hand-made intermediate forms: no reader, no python-docx.

Each test builds ``extractors.layout`` objects the way a reader would (a PDF table fragment per
page, with column edges; a DOCX table without), then checks what ``plan_rows`` and
``PlanAssembler`` make of them.
"""

from __future__ import annotations

from extractors.layout import Cell, Document, Line, Paragraph, Row, Table
from pipeline.assemble import PlanAssembler
from pipeline.columns import Role
from pipeline.plan_rows import Header, PlanRow, _find_header, plan_rows

HEADER = ["No.", "Recommendation", "Accepted / Rejected", "Action", "Owner", "Target date"]
EDGES = [40.0, 70.0, 200.0, 260.0, 420.0, 490.0, 560.0]
ROLES = [Role.REC_NO, Role.RECOMMENDATION, Role.RESPONSE, Role.ACTION, Role.OWNER, Role.TARGET]


def _para(text: str, page: int | None = None) -> Paragraph:
    """A paragraph as the PDF reader gives it: its text, and its lines when on a page."""
    lines = [Line(text, page=page)] if page is not None else []
    return Paragraph(text=text, lines=lines, page=page)


def _row(values: list[str], page: int | None = None) -> Row:
    cells = []
    for col, value in enumerate(values):
        paras = [_para(t, page) for t in value.split("\n") if t] if value else []
        x = (EDGES[col], EDGES[col + 1]) if page is not None else (None, None)
        cells.append(Cell(paras, col=col, page=page, x0=x[0], x1=x[1]))
    return Row(cells, page=page)


def _table(rows: list[list[str]], page: int | None = None) -> Table:
    return Table(
        rows=[_row(r, page) for r in rows], n_cols=len(rows[0]), page=page,
        col_edges=list(EDGES) if page is not None else None,
    )


def _doc(*blocks: Table | Paragraph, fmt: str = "pdf") -> Document:
    return Document(path="plan", format=fmt, blocks=list(blocks))  # type: ignore[arg-type]


REC_1 = "Improve the quality of risk assessments for all cases."
REC_2 = "Ensure that home visits are carried out where there are safeguarding concerns."


def test_header_found_with_the_role_of_each_column() -> None:
    table = _table([HEADER, ["1", REC_1, "Agreed", "Train staff.", "Head of Service", "May 2021"]])
    header = _find_header(table)
    assert header == Header(start=0, end=1, roles=ROLES)


def test_header_under_a_title_row_and_a_second_header_line() -> None:
    # A full-width title above the header; "Action" over "Taken/Planned" is one header.
    table = _table([
        ["Action plan: HMP Example", "", "", "", "", ""],
        ["No.", "Recommendation", "Accepted", "Action", "Owner", "Target"],
        ["", "", "", "Taken/Planned", "", "date"],
        ["1", REC_1, "Agreed", "Train staff.", "Head of Service", "May 2021"],
    ])
    header = _find_header(table)
    assert header is not None and (header.start, header.end) == (1, 3)
    assert header.roles == ROLES


def test_a_table_of_numbers_only_has_no_header() -> None:
    assert _find_header(_table([["1", "2", "3"], ["4", "5", "6"]])) is None


def test_rows_come_out_by_column_role() -> None:
    rows = plan_rows(_doc(_table([
        HEADER,
        ["1", REC_1, "Agreed", "Train staff.", "Head of Service", "May 2021"],
        ["2", REC_2, "Partly agreed", "Review visits.", "Senior Manager", "June 2021"],
    ], page=1)))
    assert [r.text(Role.REC_NO) for r in rows] == ["1", "2"]
    assert [r.text(Role.OWNER) for r in rows] == ["Head of Service", "Senior Manager"]
    assert rows[1].text(Role.RESPONSE) == "Partly agreed"
    assert not any(r.after_page_break for r in rows)


def test_a_fragment_on_the_next_page_continues_the_table_and_a_cut_row_is_joined() -> None:
    # The page cut rec 1's action mid-sentence: the next page's first row, numberless and
    # opening in lower case, is the rest of that row, not a row of its own.
    page1 = _table([HEADER, ["1", REC_1, "Agreed", "Train all staff in", "Head of Service",
                             "May 2021"]], page=1)
    page2 = _table([["", "", "", "case supervision.", "", ""],
                    ["2", REC_2, "Agreed", "Review visits.", "Senior Manager", "June 2021"]],
                   page=2)
    rows = plan_rows(_doc(page1, page2))
    assert len(rows) == 2
    assert rows[0].text(Role.ACTION) == "Train all staff in case supervision."
    assert rows[1].text(Role.REC_NO) == "2"


def test_a_new_numbered_row_after_the_page_cut_is_not_joined() -> None:
    page1 = _table([HEADER, ["1", REC_1, "Agreed", "Train staff.", "Head of Service",
                             "May 2021"]], page=1)
    page2 = _table([["2", REC_2, "Agreed", "Review visits.", "Senior Manager", "June 2021"]],
                   page=2)
    rows = plan_rows(_doc(page1, page2))
    assert [r.text(Role.REC_NO) for r in rows] == ["1", "2"]
    assert rows[1].after_page_break


def test_a_recommendation_pushed_whole_onto_the_next_page_joins_its_number() -> None:
    # LibreOffice keeps a merged cell's lines together: rec 2's number and first action stay
    # at the foot of page 1 over an empty cell, its text and second action go to page 2.
    page1 = _table([HEADER, ["2", "", "Agreed", "1. Brief all staff.", "Custodial Managers",
                             "September 2023"]], page=1)
    page2 = _table([["", REC_2, "", "2. Quality assure reviews.", "Head of Residence",
                     "Monthly"]], page=2)
    rows = plan_rows(_doc(page1, page2))
    assert len(rows) == 1
    assert (rows[0].text(Role.REC_NO), rows[0].text(Role.RECOMMENDATION)) == ("2", REC_2)
    assert [p.text for p in rows[0].paragraphs(Role.ACTION)] == [
        "1. Brief all staff.", "2. Quality assure reviews."]


def test_a_label_cut_by_the_page_is_one_label_and_its_text_runs_on() -> None:
    # A narrow label column wraps "3." as "3" / "."; the page falls between the two lines.
    page1 = _table([HEADER, ["2", REC_2, "Agreed", "3\nExtend the management",
                             "Heads of Units", "Commenced"]], page=1)
    page2 = _table([["", "", "", ".\noversight tool to all cases.", "", ""]], page=2)
    rows = plan_rows(_doc(page1, page2))
    assert len(rows) == 1
    assert [p.text for p in rows[0].paragraphs(Role.ACTION)] == [
        "3.", "Extend the management oversight tool to all cases."]


def test_a_repeated_header_on_the_next_page_is_not_data() -> None:
    page1 = _table([HEADER, ["1", REC_1, "Agreed", "Train staff.", "Head of Service",
                             "May 2021"]], page=1)
    page2 = _table([HEADER, ["2", REC_2, "Agreed", "Review visits.", "Senior Manager",
                             "June 2021"]], page=2)
    rows = plan_rows(_doc(page1, page2))
    assert [r.text(Role.REC_NO) for r in rows] == ["1", "2"]
    assert all(r.text(Role.RECOMMENDATION) != "Recommendation" for r in rows)


def test_a_data_row_holding_header_words_on_the_next_page_is_still_data() -> None:
    # "take enforcement action" and "Manager" read as header words; under the page cut the
    # continuation line and this row were taken for lines above a new table's header, lost.
    page1 = _table([HEADER, ["1", REC_1, "Agreed", "1. Recruit two supervisors and",
                             "Unpaid Work Manager", "May 2021"]], page=1)
    page2 = _table([
        ["", "", "", "open a weekend group.", "", ""],
        ["", "", "", "2. Monitor the hours worked and take enforcement action.",
         "Unpaid Work Manager", "Ongoing"],
        ["2", REC_2, "Agreed", "1. Review visits.", "Senior Manager", "June 2021"],
    ], page=2)
    rows = plan_rows(_doc(page1, page2))
    assert [r.text(Role.ACTION) for r in rows] == [
        "1. Recruit two supervisors and open a weekend group.",
        "2. Monitor the hours worked and take enforcement action.",
        "1. Review visits.",
    ]


def _clipped_header_page(leaked: list[str], leaked_top: float) -> list[PlanRow]:
    """Page 2 repeats the header cut short ("1. Rec" of "1. Rec No."): its last line, drawn
    from ``leaked_top`` across the rule at 88, sits in the first row, a row the page cut."""
    full = ["1. Rec No.", "2. Recommendation", "3. Accepted / Rejected", "4. Action",
            "5. Owner / Policy Lead", "6. Target date"]
    page1 = _table([full, ["5.01", REC_1, "Accepted", "1. Train all staff in", "Head of Service",
                           "May 2021"]], page=1)
    cut = ["1. Rec", "2. Recommendation", "3. Accepted", "4. Action", "5. Owner /",
           "6. Target date"]
    first = _row(["", "", "", "case supervision.", "", ""], page=2)
    first.top = 88.0
    for col, text in zip((0, 2, 4), leaked, strict=True):
        first.cells[col].paragraphs = [Paragraph(text=text, page=2, lines=[
            Line(text, page=2, top=leaked_top, bottom=leaked_top + 12)])]
    page2 = _table([cut], page=2)
    page2.rows.append(first)
    page2.rows.append(_row(["5.02", REC_2, "Accepted", "1. Review visits.", "Senior Manager",
                            "June 2021"], page=2))
    return plan_rows(_doc(page1, page2))


def test_a_clipped_header_line_in_the_first_row_is_header_not_data() -> None:
    # A clip by the rule lost glyphs ("No" for "No.", "Polic" for "Policy"); the line
    # crosses the row's top rule, so it is the header's end, and the row carries on row 5.01.
    rows = _clipped_header_page(["No", "/ Rejected", "Polic Lead"], leaked_top=85.0)
    assert [r.text(Role.REC_NO) for r in rows] == ["5.01", "5.02"]
    assert rows[0].text(Role.ACTION) == "1. Train all staff in case supervision."
    assert rows[0].text(Role.OWNER) == "Head of Service"


def test_words_like_a_clipped_header_inside_the_row_stay_data() -> None:
    # The same words starting below the row's top rule are the row's own text.
    rows = _clipped_header_page(["No", "/ Rejected", "Polic Lead"], leaked_top=90.0)
    assert "No" in [r.text(Role.REC_NO) for r in rows]


def test_a_list_of_actions_the_page_cut_keeps_its_row_and_its_one_owner_and_date() -> None:
    # A browser draws no border under a cell the page cut: the third bullet, alone on the
    # next page, is the same list beside the same owner and date.
    page1 = _table([HEADER, ["1", REC_1, "Agreed", "• Train staff.\n• Audit cases.",
                             "Head of Service", "May 2021"]], page=1)
    page2 = _table([["", "", "", "• Report to the board.", "", ""],
                    ["2", REC_2, "Agreed", "• Review visits.", "Senior Manager", "June 2021"]],
                   page=2)
    rows = plan_rows(_doc(page1, page2))
    assert [r.text(Role.REC_NO) for r in rows] == ["1", "2"]
    assert rows[0].text(Role.ACTION) == "• Train staff.\n• Audit cases.\n• Report to the board."


def test_a_numbered_action_row_without_owner_after_one_action_stays_its_own_row() -> None:
    # One row per action: the next page's action has no owner or date of its own (an audit
    # finding), and the row before held one action, not a list.
    page1 = _table([HEADER, ["1", REC_1, "Agreed", "1. Train staff.", "Head of Service",
                             "May 2021"]], page=1)
    page2 = _table([["", "", "", "2. Audit cases.", "", ""]], page=2)
    rows = plan_rows(_doc(page1, page2))
    assert [r.text(Role.ACTION) for r in rows] == ["1. Train staff.", "2. Audit cases."]


def test_a_repeated_header_reworded_on_the_next_page_is_still_a_header() -> None:
    page1 = _table([HEADER, ["1", REC_1, "Agreed", "Train staff.", "Head of Service",
                             "May 2021"]], page=1)
    reworded = ["No", "Recommendation", "Accepted", "Action", "Owner", "Target"]
    page2 = _table([reworded, ["2", REC_2, "Agreed", "Review visits.", "Senior Manager",
                               "June 2021"]], page=2)
    rows = plan_rows(_doc(page1, page2))
    assert [r.text(Role.REC_NO) for r in rows] == ["1", "2"]
    assert all(r.text(Role.ACTION) != "Action" for r in rows)


def test_a_table_with_other_columns_does_not_continue_the_plan() -> None:
    page1 = _table([HEADER, ["1", REC_1, "Agreed", "Train staff.", "Head of Service",
                             "May 2021"]], page=1)
    other = Table(rows=[_row(["Glossary", "PDU: Probation Delivery Unit"], page=2)], n_cols=2,
                  page=2, col_edges=[40.0, 150.0, 560.0])
    rows = plan_rows(_doc(page1, other))
    assert len(rows) == 1


def test_spacer_rows_give_nothing_and_a_full_width_row_is_a_section() -> None:
    table = _table([
        HEADER,
        ["", "", "", "", "", ""],  # a spacer row
        ["Theme 1: Public protection", "", "", "", "", ""],
        ["1", REC_1, "Agreed", "Train staff.", "Head of Service", "May 2021"],
    ])
    table.rows[2].cells = [Cell([_para("Theme 1: Public protection")], col=0, span=6)]
    rows = plan_rows(_doc(table, fmt="docx"))
    assert [r.section for r in rows] == ["Theme 1: Public protection", None]
    assert rows[1].text(Role.REC_NO) == "1"


def test_the_recommendation_above_a_table_of_actions_heads_its_rows() -> None:
    # "Recommendation 1: …" and "Response: Agreed" as paragraphs, then a table of actions.
    actions = _table([["Action", "Owner", "Target date"],
                      ["Train staff.", "Head of Service", "May 2021"]])
    rows = plan_rows(_doc(
        Paragraph(text=f"Recommendation 1: {REC_1}"), Paragraph(text="Response: Agreed"),
        actions, fmt="docx",
    ))
    assert rows[0].text(Role.RECOMMENDATION) == f"Recommendation 1: {REC_1}"
    assert rows[0].text(Role.RESPONSE) == "Agreed"
    assert rows[1].text(Role.ACTION) == "Train staff."


def _assemble(rows: list[PlanRow]) -> PlanAssembler:
    assembler = PlanAssembler()
    for row in rows:
        assembler.add(row)
    return assembler


def _plan_row(**by_role: str) -> PlanRow:
    roles = {Role[name.upper()]: [_para(t) for t in text.split("\n")]
             for name, text in by_role.items()}
    return PlanRow(roles, page=1)


def test_assembler_gives_each_numbered_action_its_stacked_owner_and_date() -> None:
    row = _plan_row(rec_no="1", recommendation=REC_1, response="Agreed",
                    action="1.1 Train staff.\n1.2 Audit cases.",
                    owner="Head of Service\nQuality Manager", target="May 2021\nJune 2021")
    [rec] = _assemble([row]).recs
    assert (rec.number, rec.texts, rec.response) == ("1", [REC_1], ["Agreed"])
    assert [(a.number, a.texts) for a in rec.actions] == [
        ("1.1", ["Train staff."]), ("1.2", ["Audit cases."])]
    assert [[ln.text for ln in a.owners] for a in rec.actions] == [
        ["Head of Service"], ["Quality Manager"]]
    assert [a.target for a in rec.actions] == ["May 2021", "June 2021"]


def test_assembler_shares_one_owner_and_date_among_the_actions() -> None:
    row = _plan_row(rec_no="2", recommendation=REC_2, response="Agreed",
                    action="a) Review visits.\nb) Issue guidance.",
                    owner="Senior Manager", target="June 2021")
    [rec] = _assemble([row]).recs
    assert [a.number for a in rec.actions] == ["a", "b"]
    assert all(a.target == "June 2021" for a in rec.actions)
    assert all([ln.text for ln in a.owners] == ["Senior Manager"] for a in rec.actions)


def test_assembler_rows_without_a_number_add_actions_to_the_recommendation_above() -> None:
    first = _plan_row(rec_no="1", recommendation=REC_1, response="Agreed",
                      action="Train staff.", owner="Head of Service", target="May 2021")
    second = _plan_row(action="Audit cases.", owner="Quality Manager", target="June 2021")
    [rec] = _assemble([first, second]).recs
    assert [a.texts for a in rec.actions] == [["Train staff."], ["Audit cases."]]


def test_assembler_reason_continued_after_a_page_break_is_not_part_of_the_answer() -> None:
    # "Partly Agreed" at the foot of one page; its explanation heads the response cell on
    # the next, in a row of its own (it starts with a new numbered action).
    first = _plan_row(rec_no="3", recommendation=REC_2, response="Partly Agreed",
                      action="1. Publish a revised core day.", owner="Deputy Governor",
                      target="November 2023")
    second = _plan_row(response="The prison cannot increase staffing within its budget.",
                       action="2. Open two workshops.", owner="Head of Education",
                       target="March 2024")
    [rec] = _assemble([first, second]).recs
    assert rec.response == ["Partly Agreed"]
    assert rec.reason == ["The prison cannot increase staffing within its budget."]
    assert len(rec.actions) == 2


def test_assembler_numbers_actions_from_a_number_cell_stacking_one_per_action() -> None:
    # A row the page cut, joined back: its action-number cell holds "6.1" over "6.2".
    row = _plan_row(rec_no="6", recommendation=REC_1, response="Agreed", action_no="6.1\n6.2",
                    action="Brief all wing staff.\nQuality assure reviews.",
                    owner="Custodial Managers\nHead of Residence", target="September 2023\nMonthly")
    [rec] = _assemble([row]).recs
    assert [(a.number, a.texts) for a in rec.actions] == [
        ("6.1", ["Brief all wing staff."]), ("6.2", ["Quality assure reviews."])]


def test_assembler_keeps_a_partly_agreed_reason_out_of_the_actions() -> None:
    row = _plan_row(rec_no="3", recommendation=REC_2, response="Partly agreed",
                    action="The service cannot commission this because of funding.\n"
                           "1. Review visits.",
                    owner="Senior Manager", target="June 2021")
    [rec] = _assemble([row]).recs
    assert rec.reason == ["The service cannot commission this because of funding."]
    assert [a.texts for a in rec.actions] == [["Review visits."]]


def test_assembler_section_rows_label_the_recommendations_after_them() -> None:
    section = PlanRow({}, page=1, section="Theme 2: Resettlement")
    row = _plan_row(rec_no="4", recommendation=REC_1, response="Agreed", action="Do it.",
                    owner="Governor", target="2021")
    [rec] = _assemble([section, row]).recs
    assert rec.section == "Theme 2: Resettlement"


def test_a_word_the_page_cut_is_mended_when_the_rows_are_joined() -> None:
    # "Complet" at the foot of page 1, "e" at the head of page 2, in the target column.
    page1 = _table([HEADER, ["1", REC_1, "Agreed", "Train staff.", "Head of Service",
                             "Complet"]], page=1)
    page2 = _table([["", "", "", "", "", "e"],
                    ["2", REC_2, "Agreed", "Review visits.", "Senior Manager", "June 2021"]],
                   page=2)
    rows = plan_rows(_doc(page1, page2))
    assert [r.text(Role.TARGET) for r in rows] == ["Complete", "June 2021"]


def _finalised(row: PlanRow):
    from pipeline.finalise import finalise
    from pipeline.models import PlanInfo, Source

    source = Source(file="plan.pdf", format="pdf", sha256="0" * 64, pages=1)
    return finalise(_assemble([row]).recs, PlanInfo(), source, _doc(), [])


def test_owners_one_per_action_in_one_paragraph_stack_beside_stacked_dates() -> None:
    # The PDF reader grouped "Head of Safety" with "Safer Custody Manager" (no gap between
    # them); three owners beside three actions and three dates are one owner each.
    row = _plan_row(rec_no="S40", recommendation=REC_1, response="Accepted",
                    action="1. Produce a monthly analysis.\n2. Introduce a support plan."
                           "\n3. Deliver training.",
                    target="May 2019\n30 June 2019\nDecember 2019")
    row.by_role[Role.OWNER] = [
        Paragraph(text="Head of Safety Safer Custody Manager",
                  lines=[Line("Head of Safety"), Line("Safer Custody Manager")]),
        _para("Training Manager"),
    ]
    plan = _finalised(row)
    actions = plan.recommendations[0].actions
    assert [[o.raw for o in a.owners] for a in actions] == [
        ["Head of Safety"], ["Safer Custody Manager"], ["Training Manager"]]


def test_owners_beside_one_shared_date_stay_shared() -> None:
    row = _plan_row(rec_no="2", recommendation=REC_2, response="Agreed",
                    action="1. Review visits.\n2. Audit visits.", target="June 2021")
    row.by_role[Role.OWNER] = [Paragraph(text="Head of Service Senior Manager",
                                         lines=[Line("Head of Service"), Line("Senior Manager")])]
    actions = _finalised(row).recommendations[0].actions
    assert all([o.raw for o in a.owners] == ["Head of Service", "Senior Manager"]
               for a in actions)


def _owner_cut_across_pages(before: str, after: str) -> list[list[str]]:
    page1 = _table([HEADER, ["1", REC_1, "Agreed", "Train all staff in", before, "May 2021"]],
                   page=1)
    page2 = _table([["", "", "", "case supervision.", after, ""]], page=2)
    rows = plan_rows(_doc(page1, page2))
    plan = _finalised(rows[0])
    return [[o.raw for o in a.owners] for a in plan.recommendations[0].actions]


def test_an_owner_cell_cut_by_the_page_is_split_by_the_owner_parser_not_the_stitching() -> None:
    # Stitching joins the two pieces as a layout wrap; whether they are one owner or two is
    # the owner parser's decision ("Head of Children's" / "Social Care" is one).
    assert _owner_cut_across_pages("Head of Children's", "Social Care") == [
        ["Head of Children's Social Care"]]
    assert _owner_cut_across_pages("Head of Security", "Safer Custody Manager") == [
        ["Head of Security", "Safer Custody Manager"]]


# -- form-style plans (field names down the left) ------------------------------------------

def _fields(rec: str, number: str, action: str) -> list[list[str]]:
    return [[f"Recommendation {number}", rec], ["Response", "Agreed"],
            ["Action(s)", action], ["Owner", "Head of Service"], ["Target date", "May 2021"]]


def test_form_blocks_in_one_table_are_one_recommendation_each() -> None:
    # Blocks drawn with rules only read as one table: each "Recommendation" field opens one.
    table = _table(_fields(REC_1, "1", "Train staff.") + [["", ""]]
                   + _fields(REC_2, "2", "Audit home visits."), page=1)
    rows = plan_rows(_doc(table))
    assert [(r.text(Role.REC_NO), r.text(Role.RECOMMENDATION), r.text(Role.ACTION))
            for r in rows] == [("1", REC_1, "Train staff."), ("2", REC_2, "Audit home visits.")]


def test_a_form_block_cut_after_its_first_field_goes_on_over_the_page() -> None:
    first = _table([["Recommendation 4", REC_1]], page=1)
    rest = _table(_fields(REC_1, "4", "Train staff.")[1:], page=2)
    [row] = plan_rows(_doc(first, rest))
    assert (row.text(Role.RECOMMENDATION), row.text(Role.ACTION)) == (REC_1, "Train staff.")
    assert row.text(Role.OWNER) == "Head of Service"


def test_the_tail_of_a_value_cut_by_the_page_stays_with_its_field() -> None:
    block = _table(_fields(REC_1, "1", "Train staff in")[:3], page=1)
    tail = _table([["", "risk assessment."]], page=2)
    rest = _table([["Owner", "Head of Service"], ["Target date", "May 2021"]], page=2)
    [row] = plan_rows(_doc(block, tail, rest))
    assert row.text(Role.ACTION) == "Train staff in\nrisk assessment."
    assert row.text(Role.TARGET) == "May 2021"


def test_a_lone_unlabelled_table_on_the_same_page_is_not_taken_into_a_form() -> None:
    block = _table(_fields(REC_1, "1", "Train staff."), page=1)
    other = _table([["", "Signed on behalf of the board"]], page=1)
    [row] = plan_rows(_doc(block, other))
    assert "Signed" not in row.text(Role.TARGET)

