"""A cell's lines with the evidence of each break, from the intermediate form."""

from __future__ import annotations

from extractors.layout import Line, Paragraph
from pipeline.text import CellLine, cell_lines


def _pdf_paragraph(page: int, *texts: str, joiners: tuple[str, ...] = ()) -> Paragraph:
    lines = [Line(t, page=page) for t in texts]
    for line, joiner in zip(lines[1:], joiners, strict=False):
        line.joiner = joiner
    text = "".join((ln.joiner if i else "") + ln.text for i, ln in enumerate(lines))
    return Paragraph(text=text, lines=lines, page=page)


def test_pdf_lines_inside_a_paragraph_are_wraps_and_paragraph_breaks_the_authors():
    paras = [_pdf_paragraph(1, "Head of", "Operations"), _pdf_paragraph(1, "Quality Lead")]
    assert cell_lines(paras) == [
        CellLine("Head of"), CellLine("Operations", wrapped=True), CellLine("Quality Lead")
    ]


def test_a_word_the_column_broke_stays_one_line():
    paras = [_pdf_paragraph(1, "Co-", "ordinator", joiners=("",))]
    assert cell_lines(paras) == [CellLine("Co-ordinator")]


def test_a_paragraph_on_the_next_page_may_carry_on_the_last():
    paras = [_pdf_paragraph(2, "Heads of Local"), _pdf_paragraph(3, "Delivery Units")]
    assert cell_lines(paras) == [CellLine("Heads of Local"), CellLine("Delivery Units", True)]


def test_docx_paragraphs_and_typed_line_breaks_are_the_authors():
    paras = [Paragraph("Head of Area\nQuality Team", page=1), Paragraph("SLT", page=2)]
    assert cell_lines(paras) == [CellLine("Head of Area"), CellLine("Quality Team"),
                                 CellLine("SLT")]


def test_an_edited_pdf_paragraph_falls_back_to_its_text():
    para = _pdf_paragraph(1, "Rejected Head of", "Area")
    para.text = "Head of Area"  # a leaked header word removed after reading
    assert cell_lines([para]) == [CellLine("Head of Area")]


def test_sentence_ends_and_short_quotes():
    from pipeline.text import ends_sentence, shorten

    assert ends_sentence("The prison should review cases.")
    assert ends_sentence("as follows:") and ends_sentence("(see below) ")
    assert not ends_sentence("The prison should review")
    assert shorten("one two three four", 2) == "one two …"
    assert shorten("one two", 2) == "one two"
