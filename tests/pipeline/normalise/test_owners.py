"""Owner normalisation: splitting, people, abbreviations, keys; DTV cells; properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalise.owners import find_abbreviations, parse_owners
from pipeline.text import CellLine

SLT = {"SLT": "Senior Leadership Team", "IH": "Interventions Hub", "RO": "Responsible Officer"}

# (cell, expected roles) — the first block are Durham Tees Valley 2020 cells, with the line
# breaks the PDF shows where the text dump kept them.
SPLITS = [
    ("Quality Team Manager", ["Quality Team Manager"]),
    ("Heads of Area", ["Heads of Area"]),
    ("Operational Middle Managers", ["Operational Middle Managers"]),
    ("Head of Human Resources", ["Head of Human Resources"]),
    ("Quality Team and Training department", ["Quality Team", "Training department"]),
    ("Quality Assurance Team", ["Quality Assurance Team"]),
    ("Head of Area and Quality Team Manager", ["Head of Area", "Quality Team Manager"]),
    (
        "Head of Area\nOperational Middle Managers\nIH provider",
        ["Head of Area", "Operational Middle Managers", "IH provider"],
    ),
    (
        "Head of Area Programmes Unit Quality Team Manager",
        ["Head of Area", "Programmes Unit", "Quality Team Manager"],
    ),
    (
        "Heads of Area Operational Leads for partnerships",
        ["Heads of Area", "Operational Leads for partnerships"],
    ),
    (
        "Quality Team Manager Operational Middle Managers",
        ["Quality Team Manager", "Operational Middle Managers"],
    ),
    (
        "Quality Team Manager\nAnd Operational Manager Lead",
        ["Quality Team Manager", "Operational Manager Lead"],
    ),
    ("Quality Team Manager; SLT", ["Quality Team Manager", "SLT"]),
    ("Quality Team Operational Middle Managers", ["Quality Team", "Operational Middle Managers"]),
    ("Training department and Quality Team", ["Training department", "Quality Team"]),
    (
        "Head of Area\nInformation Security and contracts\nOperational Middle Managers",
        ["Head of Area", "Information Security and contracts", "Operational Middle Managers"],
    ),
    # forms from the issue and the formats reference
    ("Head of Education, Skills and\nWork", ["Head of Education, Skills and Work"]),
    ("Information Security and Contracts", ["Information Security and Contracts"]),
    ("Quality Team\nManager", ["Quality Team Manager"]),
    ("Head of Area\nHarbour", ["Head of Area", "Harbour"]),
    # A bracketed name closes an owner; an acronym closes a "Head of" title; known names hold.
    ("Heads of PDU Senior Probation Officers", ["Heads of PDU", "Senior Probation Officers"]),
    ("Head of Probation Delivery Unit", ["Head of Probation Delivery Unit"]),
    ("Partnership and Commissioning Manager", ["Partnership and Commissioning Manager"]),
    ("Governor and Deputy Governor", ["Governor", "Deputy Governor"]),
    ("Deputy Director Heads of Local Delivery Units",
     ["Deputy Director", "Heads of Local Delivery Units"]),
    ("Head of Quality Quality Development Officers",
     ["Head of Quality", "Quality Development Officers"]),
    ("Governor / Deputy Governor", ["Governor", "Deputy Governor"]),
    ("Head of Safer Custody & Head of Security", ["Head of Safer Custody", "Head of Security"]),
    ("Police and Crime Commissioner", ["Police and Crime Commissioner"]),
    ("Head of Public Protection Unit", ["Head of Public Protection Unit"]),
    ("Head of Learning and Skills", ["Head of Learning and Skills"]),
    ("- Head of Area\n- Quality Team", ["Head of Area", "Quality Team"]),
]


@pytest.mark.parametrize(("raw", "roles"), SPLITS)
def test_split(raw, roles):
    owners = parse_owners(raw, abbreviations=SLT)
    assert [o.role for o in owners] == roles
    assert [o.raw for o in owners] == roles  # nothing but wrapping undone


@pytest.mark.parametrize(
    ("raw", "person", "role"),
    [
        ("Sarah Whitfield, Head of Service", "Sarah Whitfield", "Head of Service"),
        ("Head of Service (Sarah Whitfield)", "Sarah Whitfield", "Head of Service"),
        ("Sarah Whitfield – Head of Service", "Sarah Whitfield", "Head of Service"),
        ("Sarah Whitfield (Head of Service)", "Sarah Whitfield", "Head of Service"),
        ("Head of Service (SF)", "SF", "Head of Service"),
        ("Senior Leadership Team (SLT)", None, "Senior Leadership Team"),
    ],
)
def test_person_and_role(raw, person, role):
    [owner] = parse_owners(raw)
    assert (owner.person, owner.role, owner.raw) == (person, role, raw)


def test_named_people_beside_roles_split_at_and():
    owners = parse_owners("Head of Service and John Smith, Head of Area")
    assert [(o.person, o.role) for o in owners] == [
        (None, "Head of Service"),
        ("John Smith", "Head of Area"),
    ]


def test_abbreviation_expanded_and_grouped():
    [slt] = parse_owners("SLT", abbreviations=SLT)
    [full] = parse_owners("Senior Leadership Team")
    assert (slt.role, slt.expansion) == ("SLT", "Senior Leadership Team")
    assert slt.key == full.key == "senior leadership team"
    [provider] = parse_owners("IH provider", abbreviations=SLT)
    assert provider.expansion == "Interventions Hub provider"
    [ro] = parse_owners("RO's", abbreviations=SLT)
    assert ro.expansion == "Responsible Officer"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Heads of Area", "head of area"),
        ("Operational Middle Managers", "Operational Middle Manager"),
        ("Quality Team Manager.", "quality team manager"),
        ("Training Department", "Training department"),
    ],
)
def test_key_groups_variants(a, b):
    assert parse_owners(a)[0].key == parse_owners(b)[0].key


def test_key_keeps_non_head_plurals():
    assert parse_owners("Head of Learning and Skills")[0].key == "head of learning and skills"


def test_blank():
    assert parse_owners(None) == [] and parse_owners(" \n ") == []


def test_find_abbreviations_in_dtv_text():
    texts = [
        "report feedback to the Senior Leadership Team (SLT) via a quarterly report.",
        "Middle Managers supervision agenda with Responsible Officer's (RO's) to include",
        "A Red, Amber, Green (RAG) response",
        "Terms of Reference (TOR) for the dip sampling audit",
        "Skills for Effective Engagement, Development and Supervision (SEEDS) training",
        "Post-Sentence Assessment Interviews (PSAIs) as well",
        "Offender Assessment System (OASys).",
        "the online Interventions Hub (IH) to all teams",
        "HoA (Head of Area) will",
        "training (in preparation for transition to new National Probation Service (NPS).",
        "Pilot programme to run in June 2020 (see above)",
    ]
    found = find_abbreviations(texts)
    assert found == {
        "SLT": "Senior Leadership Team",
        "RO": "Responsible Officer",
        "RAG": "Red Amber Green",
        "TOR": "Terms of Reference",
        "SEEDS": "Skills for Effective Engagement Development and Supervision",
        "PSAI": "Post-Sentence Assessment Interviews",
        "OASys": "Offender Assessment System",
        "IH": "Interventions Hub",
        "HoA": "Head of Area",
        "NPS": "National Probation Service",
    }


def test_find_abbreviations_rejects_mismatched_initials():
    assert find_abbreviations(["the Quality Team (SLT) met", "Head of Service (SF)"]) == {}


_PIECES = st.sampled_from(
    ["Head", "of", "Area", "Quality", "Team", "Manager", "and", "&", ",", ";", "/", "\n", "(",
     ")", "SLT", "Sarah", "Whitfield", "–", "Managers", "Unit", "Lead", "Mr", "Skills", "x"]
)  # fmt: skip


@given(st.one_of(st.text(max_size=60), st.lists(_PIECES, max_size=12).map(" ".join)))
def test_owners_never_raise_and_are_stable(raw):
    owners = parse_owners(raw, abbreviations=SLT)
    assert owners == parse_owners(raw, abbreviations=SLT)
    for o in owners:
        assert o.raw.strip() and "\n" not in o.raw
        assert o.key is not None and o.key == o.key.casefold()


@given(st.lists(st.text(max_size=40), max_size=4))
def test_find_abbreviations_never_raises(texts):
    found = find_abbreviations(texts)
    assert all(k and v for k, v in found.items())


def test_bracketed_name_closes_an_owner():
    owners = parse_owners("Head of Service (Sarah Whitfield) Kingsmere Police")
    assert [(o.role, o.person) for o in owners] == [
        ("Head of Service", "Sarah Whitfield"),
        ("Kingsmere Police", None),
    ]


# -- the cell as lines with the evidence of each break --------------------------------------


def _wrapped(*texts: str) -> list[CellLine]:
    """A PDF cell whose lines after the first were all wrapped by the layout (full lines)."""
    return [CellLine(t, wrapped=i > 0) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("lines", "roles"),
    [
        # A title opening a line starts an owner even where the line above was full.
        (("Head of Security", "Head of Operations"), ["Head of Security", "Head of Operations"]),
        (("Senior Probation Officers", "Director of Operations"),
         ["Senior Probation Officers", "Director of Operations"]),
        (("Quality Assurance Lead", "Director of Operations"),
         ["Quality Assurance Lead", "Director of Operations"]),
        (("Head of Offender", "Management Delivery", "Head of Reducing", "Reoffending"),
         ["Head of Offender Management Delivery", "Head of Reducing Reoffending"]),
        # Two whole owners either side of a wrap, the first closed by its title's object.
        (("Head of", "Operations", "Diversity and", "Inclusion Lead"),
         ["Head of Operations", "Diversity and Inclusion Lead"]),
        # A wrap inside one owner: the piece before it is unfinished or cannot stand alone.
        (("Heads of Local", "Delivery Units"), ["Heads of Local Delivery Units"]),
        (("Head of Human", "Resources"), ["Head of Human Resources"]),
        # "Reducing" takes an object: the wrap after it is inside the owner, not between two.
        (("Head of Reducing", "Reoffending", "Community", "Probation Lead"),
         ["Head of Reducing Reoffending", "Community Probation Lead"]),
        (("Coventry University", "Female Lead", "Operational Manager"),
         ["Coventry University", "Female Lead Operational Manager"]),
        (("Operational", "Manager / Victim", "Liaison Officer"),
         ["Operational Manager", "Victim Liaison Officer"]),
        (("Operational Manager", "(DP); Head of Probation", "Delivery Unit"),
         ["Operational Manager", "Head of Probation Delivery Unit"]),
        (("Out of Court", "Disposal", "Coordinator and", "YOS Police", "Sergeant"),
         ["Out of Court Disposal Coordinator", "YOS Police Sergeant"]),
        (("Healthcare / NHS", "England commissioners"),
         ["Healthcare", "NHS England commissioners"]),
        # Capitalised words with no head word before a wrap may qualify the next line's role.
        (("Approved Premises", "Area Manager"), ["Approved Premises Area Manager"]),
        (("Women's Centre", "Project Manager"), ["Women's Centre Project Manager"]),
    ],
)
def test_wrapped_lines_are_weighed(lines, roles):
    assert [o.role for o in parse_owners(_wrapped(*lines))] == roles


def test_author_break_separates_where_a_wrap_would_not():
    assert [o.role for o in parse_owners("Heads of Local\nDelivery Units")] == [
        "Heads of Local", "Delivery Units"
    ]  # two paragraphs in the .docx: the author ended the first
    assert [o.role for o in parse_owners("Head of Education, Skills and\nWork")] == [
        "Head of Education, Skills and Work"
    ]  # unless the text plainly runs on
    assert [o.role for o in parse_owners("Heads of Local Delivery\nUnits")] == [
        "Heads of Local Delivery Units"
    ]  # a PDF line judged short by a point: "Units" cannot start an owner


@pytest.mark.parametrize(
    "raw",
    [
        "Tom Hargreaves, Heads of Area\nSarah Whitfield, Business Support Manager",
        "Tom Hargreaves, Heads of Area Sarah Whitfield, Business Support Manager",
    ],
)
def test_a_name_with_a_comma_starts_an_owner(raw):
    assert [(o.person, o.role) for o in parse_owners(raw)] == [
        ("Tom Hargreaves", "Heads of Area"),
        ("Sarah Whitfield", "Business Support Manager"),
    ]


@pytest.mark.parametrize("raw", ["Operations Managers (SF), (CD)", "Operations Managers (SF, CD)"])
def test_bracketed_initials_are_people_of_one_role(raw):
    assert [(o.person, o.role) for o in parse_owners(raw)] == [
        ("SF", "Operations Managers"),
        ("CD", "Operations Managers"),
    ]


def test_role_with_its_area_is_a_role():
    [owner] = parse_owners("Deputy Director, Probation Practice")
    assert (owner.person, owner.role) == (None, "Deputy Director, Probation Practice")


def test_a_unit_in_brackets_is_not_a_person():
    [owner] = parse_owners("Senior Probation Officer (OMU)")
    assert (owner.person, owner.role) == (None, "Senior Probation Officer (OMU)")
    [defined] = parse_owners("Case Manager (QAT)", abbreviations={"QAT": "Quality Assurance Team"})
    assert defined.person is None


def test_two_bodies_either_side_of_a_slash():
    assert [o.role for o in parse_owners("Healthcare / NHS England commissioners")] == [
        "Healthcare", "NHS England commissioners"
    ]


def test_a_cell_parsed_again_gives_the_same_owners_in_a_list_of_its_own() -> None:
    # parse_owners keeps one parse per cell (owners are frozen): a caller's list is its own,
    # and the abbreviations in another order are the same abbreviations.
    first = parse_owners("Quality Team Manager; SLT", abbreviations=SLT)
    assert [(o.role, o.expansion) for o in first] == [
        ("Quality Team Manager", None), ("SLT", "Senior Leadership Team")
    ]
    first.append(first[0])
    again = parse_owners("Quality Team Manager; SLT", abbreviations=dict(reversed(SLT.items())))
    assert again == first[:2]
    assert parse_owners("Quality Team Manager; SLT")[1].expansion is None
