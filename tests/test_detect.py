"""Detection: cables by their structure, articles even when they quote cable words."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cableparse
from cableparse import DocumentKind, detect
from cableparse.detect import is_cable
from conftest import corpus_file

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
_WEAK = ("eo-line", "tags-line", "subject-line", "portion-marked-paragraph")
CABLE = DocumentKind.CABLE
ARTICLE = DocumentKind.ARTICLE


def test_seed_cable_evidence(seed_cable_text: str) -> None:
    found = detect(seed_cable_text)
    assert found.kind is CABLE
    for signal in (
        "transmission-line",
        "station-line",
        "security-line",
        "date-time-group",
        "fm-to-lines",
        "classification-line",
        "eo-line",
        "subject-line",
        "portion-marked-paragraph",
    ):
        assert signal in found.evidence


@pytest.mark.parametrize(
    "name",
    [
        "seed-article-reuters.txt",
        "seed-article-date-stamp.txt",
        "seed-article-one-per-line.txt",
        "seed-article-pravda.txt",
    ],
)
def test_seed_articles(name: str) -> None:
    found = detect((EXAMPLES / name).read_text(encoding="utf-8"))
    assert (found.kind, found.evidence) == (ARTICLE, ())


# --- cables and cable fragments -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "signal"),
    [
        ("VZCZCXRO2111\nOO RUEHCN\n", "transmission-line"),
        ("DE RUEHBJ #1960/01 0810816\n", "station-line"),
        ("ZNY CCCCC ZZH\n", "security-line"),
        ("O 241555Z JUL 09\n", "date-time-group"),
        ("FM AMEMBASSY PARIS\nTO SECSTATE WASHDC IMMEDIATE 1234\n", "fm-to-lines"),
        ("C O N F I D E N T I A L SECTION 01 OF 02 TEHRAN 08980\n", "classification-line"),
        ("S e c r e t state 000123\n\nThe text.\n", "classification-line"),
        ("CONFIDENTIAL PARIS 001007\n", "classification-line"),
        ("UNCLAS SECTION 01 OF 03 KINGSTON 000482\n", "classification-line"),
        (
            "This record is a partial extract of the original cable. The full text of "
            "the original cable is not available.\n",
            "partial-extract-notice",
        ),
    ],
)
def test_one_strong_signal_makes_a_cable(text: str, signal: str) -> None:
    found = detect(text)
    assert found.kind is CABLE
    assert signal in found.evidence


def test_preamble_without_header_is_a_cable() -> None:
    text = "E.O. 12958: DECL: 03/22/2017\nTAGS: PREL UNSC CH\nSUBJECT: KOSOVO\n\n1. (C) Text.\n"
    found = detect(text)
    assert found.kind is CABLE
    assert found.evidence == ("eo-line", "tags-line", "subject-line", "portion-marked-paragraph")


def test_glued_eo_and_tags_line() -> None:
    found = detect("E.O. 12958: N/A TAGS: ASEC SNAR KCRM\n")
    assert (found.kind, found.evidence) == (CABLE, ("eo-line", "tags-line"))


def test_email_export_lines_before_the_cable_are_not_prose() -> None:
    text = (
        "Stephen H Rogerson  12/02/2009 11:08:08 AM  From  DB/Inbox:  Search Results\n\n"
        "Cable\nText:\n"
        "S E C R E T        DOHA 00214\n"
    )
    assert detect(text).kind is CABLE


# --- articles that look a little like cables ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "SECRET\n\nThe secret of the deal was kept for years, officials said on Monday.\n",
        "Secret Santa 2012\n\nThe office party went ahead as planned despite the snow.\n",
        "TOP SECRET BUDGET 2012\n\nThe intelligence budget rose again this year, it said.\n",
        "Subject: lunch\n\nShall we meet at noon on Friday near the office, as planned?\n",
        "Tags: politics, Kosovo\n\nThe talks in Brussels ended without an agreement today.\n",
        "FM radio stations\nTO close in May\n",
        "U.S. - China talks\n\nThe two sides met in Beijing on Monday to discuss trade.\n",
    ],
)
def test_single_cable_word_stays_an_article(text: str) -> None:
    assert detect(text).kind is ARTICLE


def test_article_quoting_a_cable_stays_an_article() -> None:
    text = (
        "WikiLeaks cable shows concern over Kosovo\n\n"
        "LONDON (Reuters) - A diplomatic cable released by WikiLeaks on Monday shows that "
        "U.S. diplomats were worried about the talks. The cable reads in part:\n\n"
        "C O N F I D E N T I A L SECTION 01 OF 02 BEIJING 001960\n"
        "E.O. 12958: DECL: 03/22/2017\n"
        "TAGS: PREL UNSC CH\n"
        "SUBJECT: KOSOVO\n"
        "1. (C) Summary: China remains opposed.\n"
    )
    found = detect(text)
    assert (found.kind, found.evidence) == (ARTICLE, ())
    assert isinstance(cableparse.parse(text), cableparse.Article)


def test_note_pasted_above_a_cable(seed_cable_text: str) -> None:
    note = "Here is the cable we talked about yesterday, pasted below in full for you.\n\n"
    found = detect(note + seed_cable_text)
    assert found.kind is CABLE
    assert found.evidence == (
        "transmission-line",
        "station-line",
        "security-line",
        "date-time-group",
        "fm-to-lines",
    )


def test_article_quoting_two_routing_lines_stays_an_article() -> None:
    text = (
        "Cable dated 1979\n\nThe cable, sent on August 13, 1979, bears the lines quoted "
        "below, the historian said.\n\nR 130458Z AUG 79\nFM AMEMBASSY TEHRAN\n"
        "TO SECSTATE WASHDC 3182\n"
    )
    assert detect(text).kind is ARTICLE


def test_detection_reads_only_the_opening() -> None:
    prose = "The talks went on for many hours and ended late in the evening, she said.\n"
    text = prose * 3000 + "VZCZCXRO2111\n"
    assert detect(text).kind is ARTICLE


def test_mixed_folder_in_one_pass() -> None:
    kinds = {
        path.name: cableparse.parse(path.read_text(encoding="utf-8")).kind
        for path in sorted(EXAMPLES.glob("seed-*.txt"))
    }
    assert kinds == {
        "seed-article-date-stamp.txt": ARTICLE,
        "seed-article-one-per-line.txt": ARTICLE,
        "seed-article-pravda.txt": ARTICLE,
        "seed-article-reuters.txt": ARTICLE,
        "seed-cable.txt": CABLE,
    }


@given(st.text(max_size=400))
def test_detect_never_raises_and_names_known_signals(text: str) -> None:
    found = detect(text)
    assert found.kind in (CABLE, ARTICLE)
    assert len(set(found.evidence)) == len(found.evidence)
    assert (found.kind is CABLE) == bool(
        found.evidence and (len(found.evidence) > 1 or found.evidence[0] not in _WEAK)
    )


_CABLE_LINES = st.sampled_from(
    [
        "VZCZCXRO1234",
        "DE RUEHBJ #1960/01 0810816",
        "ZNY CCCCC ZZH",
        "R 220816Z MAR 07",
        "FM AMEMBASSY BEIJING",
        "TO SECSTATE WASHDC 6090",
        "C O N F I D E N T I A L BEIJING 001960",
        "E.O. 12958: DECL: 03/21/2032",
        "TAGS: PREL PGOV",
        "SUBJECT: TALKS",
        "1. (C) Summary: the talks went well.",
        "Once upon a time there was a story written in plain prose for everybody here.",
        "",
    ]
)


@given(st.lists(st.one_of(_CABLE_LINES, st.text(max_size=40)), max_size=12))
def test_is_cable_agrees_with_detect(lines: list[str]) -> None:
    # parse() decides with the early-stopping walk; it must never disagree with detect().
    text = "\n".join(lines)
    assert is_cable(text) is (detect(text).kind is CABLE)


# --- corpus ---------------------------------------------------------------------------


def test_every_corpus_cable_is_detected(cablegate_pages: list[tuple[str, str, int]]) -> None:
    missed = [name for name, text, _ in cablegate_pages if detect(text).kind is not CABLE]
    assert [name for name, text, _ in cablegate_pages if not is_cable(text)] == missed
    assert len(cablegate_pages) == 1295
    assert missed == []


def test_corpus_cable_evidence_is_rich(cablegate_pages: list[tuple[str, str, int]]) -> None:
    # Most pages show several structures; none is a cable on one weak word alone.
    counts = [len(detect(text).evidence) for _, text, _ in cablegate_pages]
    assert min(counts) >= 2
    assert sum(1 for c in counts if c >= 5) > 1200


def _archive_texts(name: str, encoding: str) -> list[tuple[str, str]]:
    texts = []
    with tarfile.open(corpus_file(name)) as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is not None:
                texts.append((Path(member.name).name, handle.read().decode(encoding)))
    return texts


def test_cables_with_routing_headers_and_crlf_are_detected() -> None:
    texts = _archive_texts("cables-with-routing-headers-paul-mathieu.tar.xz", "latin-1")
    assert len(texts) == 24
    assert [name for name, text in texts if detect(text).kind is not CABLE] == []


def test_prelude_cables_with_a_body_are_detected() -> None:
    # Five-line prelude (id, subject, date, classification, origin), then the page text,
    # its last header line glued to the classification line.  Three files hold the
    # prelude only: no cable structure to find, so they are left out here.
    texts = _archive_texts("alx-cablegate-txt-sample.tar.xz", "utf-8")
    with_body = [(name, text) for name, text in texts if text.count("\n") > 6]
    assert len(with_body) == 5
    assert [name for name, text in with_body if detect(text).kind is not CABLE] == []
