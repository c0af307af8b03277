"""Text dumps with a five-line prelude (reference id, subject, Ruby date, class, origin)."""

from __future__ import annotations

import datetime as dt
import tarfile

import cableparse
from cableparse import Classification, parse_bytes
from cableparse.sources.dump import read_dump
from conftest import corpus_file

DUMP = (
    "79TEHRAN8980\nNEGOTIATIONS\nMon Aug 13 00:00:00 +0100 1979\nCONFIDENTIAL\nEmbassy Tehran\n"
    "R 130458Z AUG 79\nFM AMEMBASSY TEHRAN\n"
    "TO SECSTATE WASHDC 3182C O N F I D E N T I A L SECTION 01 OF 02 TEHRAN 08980\n\n"
    "E.O. 12065: GDS 8/13/85\nTAGS: PEPR, IR\nSUBJECT: NEGOTIATIONS\n\n1. (C) Text.\n\nLAINGEN\n"
)


def test_prelude_becomes_the_page_and_the_glued_line_is_split() -> None:
    dump = read_dump(DUMP)
    assert dump is not None
    assert dump.page.reference_id == "79TEHRAN8980"
    assert dump.page.created == dt.datetime(1979, 8, 13, tzinfo=dt.timezone.utc)
    assert (dump.page.classification, dump.page.origin) == ("CONFIDENTIAL", "Embassy Tehran")
    assert "TO SECSTATE WASHDC 3182\nC O N F I D E N T I A L SECTION 01 OF 02" in dump.text
    cable = parse_bytes(DUMP.encode())
    assert isinstance(cable, cableparse.Cable)
    assert cable.reference_id == "79TEHRAN8980"
    assert cable.classification is Classification.CONFIDENTIAL
    assert cable.header is not None and cable.header.to[0].serial == "3182"
    assert cable.subject == "NEGOTIATIONS"
    assert cable.signature == "LAINGEN"


def test_text_without_a_prelude_is_left_alone() -> None:
    assert read_dump("C O N F I D E N T I A L PARIS 001007\n\nSUBJECT: X\n") is None
    assert read_dump("07PARIS1\nSubject\nnot a date\nSECRET\nEmbassy Paris\n") is None


def _sample_files() -> dict[str, bytes]:
    """Reference id -> bytes of each file of the alx sample."""
    archive = corpus_file("alx-cablegate-txt-sample.tar.xz")
    with tarfile.open(archive) as tar:
        return {
            member.name.rsplit("/", 1)[-1][:-4]: tar.extractfile(member).read()  # type: ignore[union-attr]
            for member in tar
            if member.isfile() and member.name.endswith(".txt")
        }


def test_sample_dumps_from_the_corpus() -> None:
    files = _sample_files()
    assert len(files) == 8
    with_body = {
        "66BUENOSAIRES2481",
        "79TEHRAN8980",
        "02ANKARA8852",
        "09STATE132349",
        "09KHARTOUM249",
    }
    for name, data in files.items():
        document = parse_bytes(data, name=f"{name}.txt")
        assert isinstance(document, cableparse.Cable), name
        assert document.page is not None and document.page.reference_id == name
        if name in with_body:
            assert document.reference_id == name
            assert document.classification is not None
            assert document.paragraphs, name


def test_sample_dumps_read_as_plain_text() -> None:
    # The same files given to parse() as text, prelude and all: the header and the body,
    # joined into one line where the page's blocks meet, come apart there.
    files = _sample_files()
    for name in ("79TEHRAN8980", "09STATE132349", "09KHARTOUM249", "66BUENOSAIRES2481"):
        as_text = cableparse.parse(files[name].decode("utf-8"))
        as_dump = parse_bytes(files[name], name=f"{name}.txt")
        assert isinstance(as_text, cableparse.Cable) and isinstance(as_dump, cableparse.Cable)
        assert as_text.reference_id == as_dump.reference_id == name
        assert (as_text.classification, as_text.section) == (
            as_dump.classification,
            as_dump.section,
        )
        assert as_text.header is not None and as_dump.header is not None
        assert as_text.header.to == as_dump.header.to, name
