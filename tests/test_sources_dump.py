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


def test_prelude_becomes_the_page_and_the_lines_keep_their_numbers() -> None:
    dump = read_dump(DUMP)
    assert dump is not None
    assert dump.page.reference_id == "79TEHRAN8980"
    assert dump.page.created == dt.datetime(1979, 8, 13, tzinfo=dt.timezone.utc)
    assert (dump.page.classification, dump.page.origin) == ("CONFIDENTIAL", "Embassy Tehran")
    # The prelude's lines are left blank; the glued line stays one line (the cable
    # parser splits it), so every line keeps the number it has in the file.
    assert dump.text.split("\n") == [""] * 5 + DUMP.split("\n")[5:]
    cable = parse_bytes(DUMP.encode())
    assert isinstance(cable, cableparse.Cable)
    assert cable.reference_id == "79TEHRAN8980"
    assert cable.classification is Classification.CONFIDENTIAL
    assert cable.header is not None and cable.header.to[0].serial == "3182"
    assert cable.subject == "NEGOTIATIONS"
    assert cable.signature == "LAINGEN"
    spans = {f.name: f.span.first_line for f in cable.header.spans + cable.spans}
    assert (spans["dtg"], spans["to"], spans["classification"], spans["subject"]) == (6, 8, 8, 12)
    assert cable.paragraphs[0].span is not None and cable.paragraphs[0].span.first_line == 14
    # Given to parse() or parse_cable() as text, the prelude is read the same way.
    assert cableparse.parse(DUMP) == cableparse.parse_cable(DUMP) == cable


def test_a_prelude_without_text_and_a_notice_glued_to_the_classification_line() -> None:
    # A catalogue entry (prelude only) is a cable of the page's id and level; a partial
    # extract's notice glued onto the classification line is a marker of that line.
    stub = cableparse.parse("01VATICAN1261\nDROC\nTue Mar 06 00:00:00 +0100 2001\nCONFIDENTIAL\n")
    assert isinstance(stub, cableparse.Cable)
    assert (stub.reference_id, stub.classification) == (
        "01VATICAN1261",
        Classification.CONFIDENTIAL,
    )
    notice = (
        "This record is a partial extract of the original cable. The full text of the "
        "original cable is not available."
    )
    text = (
        "02ADANA386\nPRESS SUMMARY\nWed Nov 20 00:00:00 +0100 2002\nUNCLASSIFIED\n"
        f"Consulate Adana\n{notice}UNCLAS SECTION 01 OF 02 ADANA 0386\n\nSIPDIS\n\n"
        "E.O. 12958: N/A\nTAGS: PREL TU\nSUBJECT: PRESS SUMMARY\n\n1. Text.\n"
    )
    cable = cableparse.parse(text)
    assert isinstance(cable, cableparse.Cable)
    assert (cable.reference_id, cable.origin, cable.serial) == ("02ADANA386", "ADANA", 386)
    assert cable.distribution == () and cable.captions == ("SIPDIS",)
    assert cable.markers[0] == cableparse.UnparsedLine(6, notice)


# An alx file written after the full release (93LIMA56, 01LIMA5083, 88LIMA9331): the
# prelude, a preview of the cable cut off, then the record of the whole cable.
RECORD = (
    "id: 594\ndate: 1/4/1993 22:51\nrefid: 93LIMA1\norigin: Embassy Lima\n"
    "classification: CONFIDENTIAL\ndestination: \nheader:\nR 042251Z JAN 93\n"
    "FM AMEMBASSY LIMA\nTO SECSTATE WASHDC 4660\n\n\n"
    "----------------- header ends ----------------\n\n"
    "C O N F I D E N T I A L LIMA 00001 \n\nE.O. 12356: DECL: OADR \nTAGS: PGOV PE\n"
    "SUBJECT: TEST SUBJECT \n\n1. (U)  SUMMARY:  FIRST WORDS OF THE SUMMARY. END SUMMARY.\n\n"
    "2. (C)  SECOND.\n\nBRAYSHAW\n\n"
    "=======================CABLE ENDS============================\n"
)
PREVIEW = (
    "93LIMA1\nTEST SUBJECT\nMon Jan 04 00:00:00 +0100 1993\nCONFIDENTIAL\nEmbassy Lima\n"
    "R 042251Z JAN 93\nFM AMEMBASSY LIMA\n"
    "TO SECSTATE WASHDC 4660C O N F I D E N T I A L LIMA 00001 \n\n"
    "E.O. 12356: DECL: OADR \nTAGS: PGOV PE\nSUBJECT: TEST SUBJECT \n\n"
    "1. (U)  SUMMARY:  FIRST WORDS OF THE SUM...\n\n"
)


def test_a_record_of_the_whole_cable_under_its_preview_is_the_cable() -> None:
    # The preview's paragraph 1 was read as paragraph 1 too, with the record's field
    # lines, header and second preamble in its text; the trailer hid the signer.
    text = PREVIEW + RECORD
    cable = cableparse.parse(text)
    assert isinstance(cable, cableparse.Cable)
    assert cable.page == cableparse.Page(
        reference_id="93LIMA1",
        created=dt.datetime(1993, 1, 4, 22, 51, tzinfo=dt.timezone.utc),
        classification="CONFIDENTIAL",
        origin="Embassy Lima",
        row_id="594",
    )
    assert cable.reference_id == "93LIMA1"
    assert cable.header is not None and cable.header.to[0].serial == "4660"
    assert [(p.number, p.marking, p.text) for p in cable.paragraphs] == [
        (1, "U", "SUMMARY: FIRST WORDS OF THE SUMMARY. END SUMMARY."),
        (2, "C", "SECOND."),
    ]
    assert cable.summary == "FIRST WORDS OF THE SUMMARY."
    assert cable.signature == "BRAYSHAW"
    assert cable.text_blocks == () and cable.defects == ()
    # The preview, the field lines and the rules are markers, at their lines.
    lines = text.split("\n")
    marked = {m.line for m in cable.markers}
    first = lines.index("id: 594") + 1
    assert marked >= {*range(6, 9), *range(first, first + 7)}
    assert cable.markers[-1].text.startswith("=====")
    assert [m.line for m in cable.markers] == sorted(m.line for m in cable.markers)
    # Read as a file, or given to parse_cable, the same.
    assert parse_bytes(text.encode()) == cableparse.parse_cable(text) == cable


def test_a_record_alone_and_records_that_are_not_whole() -> None:
    alone = cableparse.parse(RECORD)
    assert isinstance(alone, cableparse.Cable)
    assert alone.reference_id == "93LIMA1" and alone.page is not None
    assert alone.page.row_id == "594" and alone.signature == "BRAYSHAW"
    # Without its header rule a record is no record: the text is read as it stands.
    broken = PREVIEW + RECORD.replace("header ends", "header")
    dump = read_dump(broken)
    assert dump is not None and dump.markers == ()
    assert dump.text.split("\n")[5:] == broken.split("\n")[5:]


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
    # The same files given to parse() as text, prelude and all, read as the files do.
    for name, data in _sample_files().items():
        as_text = cableparse.parse(data.decode("utf-8"))
        as_dump = parse_bytes(data, name=f"{name}.txt")
        assert isinstance(as_text, cableparse.Cable) and as_text == as_dump, name
        assert as_text.reference_id == name
