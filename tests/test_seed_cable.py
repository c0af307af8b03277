"""The seed cable gives exactly the values the project was founded on."""

from __future__ import annotations

import datetime as dt

import pytest

import cableparse
from cableparse import Classification, Precedence, TagKind


@pytest.fixture(scope="module")
def cable(seed_cable_text: str) -> cableparse.Cable:
    document = cableparse.parse(seed_cable_text)
    assert isinstance(document, cableparse.Cable)
    return document


def test_identity(cable: cableparse.Cable) -> None:
    assert cable.reference_id == "07BEIJING1960"
    assert cable.classification is Classification.CONFIDENTIAL
    assert cable.origin == "BEIJING"
    assert cable.serial == 1960
    assert cable.section is None


def test_header(cable: cableparse.Cable) -> None:
    header = cable.header
    assert header is not None
    assert header.transmission_id == "VZCZCXRO2111"
    assert header.relay is not None
    assert header.relay.precedence is Precedence.IMMEDIATE
    assert len(header.relay.routing_indicators) == 9
    assert header.relay.routing_indicators[0] == "RUEHCN"
    assert (header.station, header.station_serial) == ("RUEHBJ", 1960)
    assert (header.filed_day_of_year, header.filed_time) == (81, "08:16")
    assert header.security is not None
    assert header.security.prefix == "ZNY"
    assert header.security.classification is Classification.CONFIDENTIAL
    assert header.security.signals == ("ZZH",)
    assert header.precedence is Precedence.IMMEDIATE
    assert header.info_precedence is None
    assert header.date_time_group == dt.datetime(2007, 3, 22, 8, 16, tzinfo=dt.timezone.utc)
    assert header.from_ == "AMEMBASSY BEIJING"
    (to,) = header.to
    assert (to.routing_indicator, to.address, to.precedence, to.serial) == (
        "RUEHC",
        "SECSTATE WASHDC",
        Precedence.IMMEDIATE,
        "6090",
    )
    assert [a.routing_indicator for a in header.info] == ["RUEHGG", "RUEHOO", "RUEHZL"]
    assert header.info[0].precedence is Precedence.IMMEDIATE
    assert header.info[2].address == "EUROPEAN POLITICAL COLLECTIVE"
    assert header.info[2].precedence is None


def test_preamble(cable: cableparse.Cable) -> None:
    assert cable.captions == ("SIPDIS",)
    assert cable.executive_order == "12958"
    assert cable.declassify is not None
    assert cable.declassify.date == dt.date(2017, 3, 22)
    assert [(t.code, t.kind) for t in cable.tags] == [
        ("PREL", TagKind.SUBJECT),
        ("UNSC", TagKind.ORGANIZATION),
        ("ZL", TagKind.GEOGRAPHIC),
        ("CH", TagKind.GEOGRAPHIC),
        ("RS", TagKind.GEOGRAPHIC),
        ("SR", TagKind.GEOGRAPHIC),
    ]
    assert cable.subject == "KOSOVO: CHINESE MFA SEES POSITIONS HARDENING"
    assert cable.references == ()
    assert cable.classified_by is not None
    assert cable.classified_by.authority == "Political Minister Counselor Daniel Shields"
    assert cable.classified_by.reasons == ("1.4(b)", "1.4(d)")


def test_paragraphs(cable: cableparse.Cable) -> None:
    assert [p.number for p in cable.paragraphs] == [1, 2, 3, 4, 5, 6]
    assert {p.marking for p in cable.paragraphs} == {"C"}
    assert [p.heading for p in cable.paragraphs] == [
        "Summary",
        None,
        "Chinese Interests, Peacekeepers Limited",
        "Kosovo Not A Major Topic for Hu and Putin",
        None,
        None,
    ]
    assert "between Presidents Hu and Putin when Hu visits Russia March 26-28" in (
        cable.paragraphs[3].text
    )
    assert cable.paragraphs[4].text.startswith("Hua asked about United States' views")
    assert cable.summary is not None
    assert cable.summary.startswith("China sees positions concerning Kosovo as hardening")
    assert cable.summary.endswith("upcoming visit to Moscow.")
    assert cable.signature == "RANDT"


def test_defects_record_the_repaired_numbers(cable: cableparse.Cable) -> None:
    mangled = [d for d in cable.defects if d.code is cableparse.DefectCode.MANGLED_PARAGRAPH_NUMBER]
    assert [d.line for d in mangled] == [43, 45]
    assert {d.code for d in cable.defects} == {cableparse.DefectCode.MANGLED_PARAGRAPH_NUMBER}
    assert cable.unparsed == ()


def test_json_contract(cable: cableparse.Cable) -> None:
    data = cableparse.to_dict(cable)
    assert data["kind"] == "cable"
    assert data["page"] is None
    header = data["header"]
    assert header["date_time_group"] == "2007-03-22T08:16:00Z"
    assert header["from"] == "AMEMBASSY BEIJING"
    assert header["to"][0] == {
        "routing_indicator": "RUEHC",
        "address": "SECSTATE WASHDC",
        "precedence": "IMMEDIATE",
        "serial": "6090",
        "station_name": "DEPT OF STATE WASHINGTON DC",
    }
    assert header["relay"]["precedence"] == "IMMEDIATE"
    assert header["security"] == {
        "prefix": "ZNY",
        "classification": "CONFIDENTIAL",
        "signals": ["ZZH"],
        "code": "CCCCC",
        "note": None,
    }
    assert data["declassify"] == {"date": "2017-03-22", "text": "03/22/2017"}
    assert data["tags"][1] == {"code": "UNSC", "kind": "organization"}
    assert data["paragraphs"][0]["marking"] == "C"
    assert data["defects"][0]["code"] == "mangled-paragraph-number"
    assert data["defects"][0]["line"] == 43


def test_json_round_trip(cable: cableparse.Cable) -> None:
    assert cableparse.from_dict(cableparse.to_dict(cable)) == cable
    assert cableparse.from_json(cableparse.to_json(cable)) == cable
    with_spans = cableparse.from_dict(cableparse.to_dict(cable, spans=True))
    assert with_spans.paragraphs[3].span == cable.paragraphs[3].span  # type: ignore[union-attr]
    assert cable.paragraphs[3].span is not None
    assert cable.paragraphs[3].span.first_line == 39
    assert cable.paragraphs[3].span.last_line == 41
