"""Cablegate web pages: metadata table into ``page``, the two <pre> blocks into the cable."""

from __future__ import annotations

import datetime as dt
import re
import tarfile
from pathlib import Path

import pytest

import cableparse
from cableparse.sources import parse_bytes, parse_file, read_html
from conftest import corpus_file, page_text

UTC = dt.timezone.utc
# The test's own reading of a page's Created cell, independent of the library's parser.
_CREATED_CELL = re.compile(r"<a href='/date/[^']*'>(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})</a>")


@pytest.fixture(scope="module")
def page_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    archive = corpus_file("cablegate-2010-html.tar.xz")
    target = tmp_path_factory.mktemp("cablegate")
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return sorted(target.rglob("*.html"))


def test_every_corpus_page_gives_its_reference_id_and_created_cell(
    page_files: list[Path],
) -> None:
    assert len(page_files) == 1295
    agree = 0
    for path in page_files:
        document = parse_file(path)
        assert isinstance(document, cableparse.Cable), path.name
        assert document.page is not None, path.name
        assert document.page.reference_id == path.stem
        cell = _CREATED_CELL.search(path.read_text(encoding="utf-8"))
        assert cell is not None, path.name
        year, month, day, hour, minute = (int(g) for g in cell.groups())
        created = dt.datetime(year, month, day, hour, minute, tzinfo=UTC)
        assert document.page.created == created, path.name
        assert document.page.released is not None
        assert document.page.classification and document.page.origin
        assert document.reference_id is not None, path.name
        agree += document.reference_id == path.stem
    # The few that differ carry another cable's text (09CHISINAU694 holds 09ULAANBAATAR234)
    # or a classification line the reference id cannot come from.
    assert agree >= 1285


def test_page_json_uses_iso_datetimes(page_files: list[Path]) -> None:
    path = next(p for p in page_files if p.stem == "79TEHRAN8980")
    page = cableparse.to_dict(parse_file(path))["page"]
    assert page == {
        "reference_id": "79TEHRAN8980",
        "created": "1979-08-13T04:04:00Z",
        "released": "2010-11-28T18:06:00Z",
        "classification": "CONFIDENTIAL",
        "origin": "Embassy Tehran",
        "references": [],
        "row_id": None,
    }


def test_html_page_parses_like_its_plain_text(page_files: list[Path]) -> None:
    for path in page_files[::25]:
        markup = path.read_text(encoding="utf-8")
        from_html = parse_file(path)
        text, _ = page_text(markup)
        from_text = cableparse.parse_cable(text, page=from_html.page)
        assert from_html == from_text, path.name


def test_tag_links_and_paragraph_anchors_lose_their_markup(page_files: list[Path]) -> None:
    path = next(p for p in page_files if p.stem == "79TEHRAN8980")
    html = read_html(path.read_text(encoding="utf-8"))
    assert "TAGS: PEPR IR\n" in html.text
    assert "\n¶1. (C - ENTIRE TEXT)." in html.text
    assert "<a" not in html.text and "&#x000A;" not in html.text
    assert html.text.startswith(
        "R 130458Z AUG 79\nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 3182\n\n"
    )
    cable = parse_file(path)
    assert isinstance(cable, cableparse.Cable)
    assert [t.code for t in cable.tags] == ["PEPR", "IR"]
    assert cable.subject == "NEGOTIATIONS"
    assert [p.number for p in cable.paragraphs][:3] == [1, 2, 3]


def test_cablemap_fixture_pages_give_the_expected_subjects() -> None:
    archive = corpus_file("cablemap-test-fixtures-data-subject.tar.xz")
    pages: dict[str, bytes] = {}
    subjects: dict[str, str] = {}
    with tarfile.open(archive) as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is None:
                continue
            stem = Path(member.name).stem
            if member.name.endswith(".html"):
                pages[stem] = handle.read()
            else:
                subjects[stem] = handle.read().decode("utf-8").strip()
    assert len(pages) == 5
    matched = []
    for stem, data in pages.items():
        document = parse_bytes(data, name=f"{stem}.html")
        assert isinstance(document, cableparse.Cable)
        assert document.page is not None and document.page.reference_id == stem
        assert document.reference_id == stem
        if subjects[stem] and document.subject == subjects[stem]:
            matched.append(stem)
    # 07BERN881 (cablemap's hard case) carries a copy of its routing header inside the body,
    # before SUBJECT; 08TRIPOLI220 and 10STATE284 expect no subject at all.
    assert sorted(matched) == ["07BERN881", "08BRASILIA93", "08REYKJAVIK195"]


_PAGE = """<?xml version='1.0' encoding='utf-8' ?>
<html><head><title>Cable Viewer</title><script>var x = "<pre>no</pre>";</script></head>
<body><table class='cable'>
<tr><th>Reference ID</th><th>Created</th><th>Released</th><th>Classification</th>
<th>Origin</th></tr>
<tr><td><a href='/cable/2007/12/07LAPAZ3262.html'>07LAPAZ3262</a></td>
<td><a href='/date/2007-12_0.html'>2007-12-14 23:11</a></td>
<td>{released}</td>
<td><a href='/classification/4_0.html'>SECRET//NOFORN</a></td>
<td><a href='/origin/33_0.html'>Embassy La Paz</a></td></tr></table>
<code><pre>R 142311Z DEC 07&#x000A;FM AMEMBASSY LA PAZ&#x000A;TO SECSTATE WASHDC 5979</pre></code>
<code><pre>{body}</pre></code></body></html>
"""
_BODY = (
    "S E C R E T LA PAZ 003262 &#x000A;&#x000A;SIPDIS &#x000A;&#x000A;"
    "E.O. 12958: DECL: 12/14/2017 &#x000A;"
    "TAGS: <a href='/tag/PREL_0.html'>PREL</a> <a href='/tag/BL_0.html'>BL</a>&#x000A;"
    "SUBJECT: EVO &amp; THE &quot;REFOUNDING&quot; &#x000A;&#x000A;"
    "<a id='par1' href='#par1'>¶</a>1. (S) Summary &lt;text&gt;. &#x000A;"
)


def test_synthetic_page_fields_and_entities() -> None:
    markup = _PAGE.format(
        released="<a href='/reldate/2010-12-03_0.html'>2010-12-03 21:09</a>", body=_BODY
    )
    document = parse_bytes(markup.encode("utf-8"))
    assert isinstance(document, cableparse.Cable)
    assert document.page == cableparse.Page(
        reference_id="07LAPAZ3262",
        created=dt.datetime(2007, 12, 14, 23, 11, tzinfo=UTC),
        released=dt.datetime(2010, 12, 3, 21, 9, tzinfo=UTC),
        classification="SECRET//NOFORN",
        origin="Embassy La Paz",
    )
    assert document.reference_id == "07LAPAZ3262"
    assert document.subject == 'EVO & THE "REFOUNDING"'
    assert [t.code for t in document.tags] == ["PREL", "BL"]
    assert document.paragraphs[0].number == 1
    assert "<text>" in document.paragraphs[0].text
    assert not document.defects or all(
        d.code is not cableparse.DefectCode.CONTAINER_FIELD_MISSING for d in document.defects
    )


def test_page_without_classification_line_takes_the_page_reference_id() -> None:
    body = "TAGS: <a href='/tag/PREL_0.html'>PREL</a>&#x000A;SUBJECT: TALKS&#x000A;&#x000A;1. Text."
    document = parse_bytes(_PAGE.format(released="", body=body).encode("utf-8"))
    assert isinstance(document, cableparse.Cable)
    assert document.reference_id == "07LAPAZ3262"
    assert document.page is not None and document.page.released is None


def test_unreadable_created_cell_is_a_container_defect() -> None:
    markup = _PAGE.format(released="", body=_BODY).replace("2007-12-14 23:11", "sometime")
    document = parse_bytes(markup.encode("utf-8"), name="page.html")
    assert document.page is not None and document.page.created is None
    container = [
        d for d in document.defects if d.code is cableparse.DefectCode.CONTAINER_FIELD_MISSING
    ]
    assert len(container) == 1 and "Created" in container[0].message
    # The year of the reference id still comes from the date-time group.
    assert isinstance(document, cableparse.Cable) and document.reference_id == "07LAPAZ3262"
    with pytest.raises(cableparse.ParseError):
        parse_bytes(markup.encode("utf-8"), strict=True)


def test_other_html_is_read_as_its_visible_text() -> None:
    markup = (
        b"<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>"
        b"<h1>Markets rally</h1><p>NEW YORK (Reuters) - Stocks rose &amp; bonds fell.</p>"
        b"<p>Second<br/>paragraph.</p><script>alert(1)</script></body></html>"
    )
    document = parse_bytes(markup)
    assert isinstance(document, cableparse.Article)
    assert document.page is None
    joined = "\n".join(document.paragraphs)
    assert "Stocks rose & bonds fell." in joined
    assert "alert" not in joined and "p{}" not in joined


def test_starting_at_the_cable_table_reads_what_the_whole_page_gives(
    page_files: list[Path],
) -> None:
    for path in page_files[::25]:
        markup = path.read_text(encoding="utf-8")
        assert read_html(markup) == read_html(markup, whole=True), path.name
    # Without a cable table the whole page is read.
    other = "<html><body><p>Before</p><table><tr><td>cell</td></tr></table></body></html>"
    assert read_html(other).text == "Before\n\ncell"


def test_a_pre_block_cut_out_of_a_page_reads_as_the_cable(page_files: list[Path]) -> None:
    # Scraped copies keep the body block of each page alone (``<code><pre>C O N F I D E N
    # T I A L ...`` with the tag links and paragraph anchors, tathagata/reveal's 3,043
    # files): it was an article of markup.
    checked = 0
    for path in page_files[::40]:
        markup = path.read_text(encoding="utf-8")
        blocks = re.findall(r"<code><pre>.*?</pre></code>", markup, re.S)
        whole = parse_file(path)
        if len(blocks) != 2 or not isinstance(whole, cableparse.Cable) or path.name > "50":
            # (A body of the 1960s-70s alone, a NARA note under an unspaced level line,
            # reads as an article: its header is what tells it.)
            continue
        fragment = blocks[1]
        for document in (cableparse.parse(fragment), parse_bytes(fragment.encode())):
            assert isinstance(document, cableparse.Cable), path.name
            assert document.page is None and document.header is None
            assert (document.origin, document.serial) == (whole.origin, whole.serial)
            assert (document.subject, document.tags) == (whole.subject, whole.tags)
            assert [p.number for p in document.paragraphs] == [
                p.number for p in whole.paragraphs
            ], path.name
            assert document.signature == whole.signature
        checked += 1
    assert checked >= 25


def test_a_page_given_to_parse_as_text_reads_as_the_file(page_files: list[Path]) -> None:
    # parse() on the markup itself (a page read into a string) gives what parse_file
    # gives for the page, metadata included.
    for path in page_files[::50]:
        markup = path.read_text(encoding="utf-8")
        assert cableparse.parse(markup) == parse_file(path), path.name
    other = (
        "<!DOCTYPE html><html><body><h1>Markets rally</h1>"
        "<p>NEW YORK (Reuters) - Stocks rose.</p><p>Bonds fell.</p></body></html>"
    )
    assert cableparse.parse(other) == parse_bytes(other.encode())
    # Text that merely opens with a tag is text.
    assert cableparse.parse("<b>Note</b> Stocks rose.\n\nBonds fell.\n").page is None
