"""Every page of the Cablegate corpus, as plain text, parses as a cable with its fields.

Runs only where ../shared/corpus is present (CI has it; a user's clone does not).
"""

from __future__ import annotations

import pytest

import cableparse


@pytest.fixture(scope="module")
def parsed(cablegate_pages: list[tuple[str, str, int]]) -> list[tuple[str, cableparse.Cable, int]]:
    results = []
    for name, text, anchors in cablegate_pages:
        document = cableparse.parse(text)
        assert isinstance(document, cableparse.Cable), name
        results.append((name, document, anchors))
    return results


def test_every_page_is_a_cable(parsed: list[tuple[str, cableparse.Cable, int]]) -> None:
    assert len(parsed) == 1295


def test_classification_for_all(parsed: list[tuple[str, cableparse.Cable, int]]) -> None:
    missing = [name for name, cable, _ in parsed if cable.classification is None]
    assert missing == []


def test_no_internal_failure(parsed: list[tuple[str, cableparse.Cable, int]]) -> None:
    failed = [
        name
        for name, cable, _ in parsed
        if any(d.code is cableparse.DefectCode.INTERNAL_ERROR for d in cable.defects)
    ]
    assert failed == []


def test_dtg_whenever_the_header_has_one(
    cablegate_pages: list[tuple[str, str, int]],
    parsed: list[tuple[str, cableparse.Cable, int]],
) -> None:
    import re

    dtg = re.compile(r"^(?:[ZOPRY](?: [ZOPRY])? +)?\d{6}Z [A-Za-z]{3} \d{2}", re.M)
    texts = {name: text for name, text, _ in cablegate_pages}
    missing = [
        name
        for name, cable, _ in parsed
        if dtg.search(texts[name][:3000])
        and (cable.header is None or cable.header.date_time_group is None)
    ]
    assert missing == []


def _count(parsed: list[tuple[str, cableparse.Cable, int]], predicate: object) -> int:
    return sum(1 for _, cable, _ in parsed if predicate(cable))  # type: ignore[operator]


def test_field_fill_rates(parsed: list[tuple[str, cableparse.Cable, int]]) -> None:
    assert _count(parsed, lambda c: c.tags) >= 1292
    assert _count(parsed, lambda c: c.subject) >= 1284
    assert _count(parsed, lambda c: c.header is not None and c.header.to) >= 1203
    assert _count(parsed, lambda c: c.reference_id) >= 1283


def test_reference_ids_match_the_pages(parsed: list[tuple[str, cableparse.Cable, int]]) -> None:
    matching = sum(1 for name, cable, _ in parsed if cable.reference_id == name)
    assert matching >= 1200


def test_paragraph_counts_match_the_anchors(
    parsed: list[tuple[str, cableparse.Cable, int]],
    cablegate_anchor_numbers: dict[str, list[int]],
) -> None:
    from conftest import plausible_paragraph_anchors

    # WikiLeaks anchored a number wrapped onto a line (``on October`` / ``6. END SUMMARY.``)
    # like a paragraph: the parser joins it to its sentence, so ~2 % of pages differ here.
    # Nor did it anchor a number closed by a comma (``6, (SBU) Post will ...``): 5 pages.
    raw = sum(1 for _, cable, anchors in parsed if len(cable.paragraphs) == anchors)
    assert raw / len(parsed) >= 0.895
    # The anchors themselves are wrong where a wrapped line opened with a year; discounting
    # anchors that break the paragraph sequence, the counts agree for 94.6 % of the pages
    # (1,225 of 1,295; 1,230 before numbers closed by a comma were read, see above).  Most
    # of the rest are pages whose anchors are missing; WikiLeaks anchored only numbers that
    # open a line, so it missed paragraph 1 run on after the Classified By reasons
    # (09TRIPOLI65, 09TRIPOLI663, 09TRIPOLI686, 10VATICAN13) and the paragraphs run on
    # inside a line (``... Septel provides detailed suggestions.  2. (C) We should ...``,
    # 07SANTIAGO983, 02BRASILIA4227 and 15 more; in a paragraph left on one long line,
    # 05BRASILIA1207's ``... those lines. 6.(S) Embassy``).
    plausible = sum(
        1
        for name, cable, _ in parsed
        if len(cable.paragraphs) == plausible_paragraph_anchors(cablegate_anchor_numbers[name])
    )
    assert plausible / len(parsed) >= 0.945


def test_bodies_that_lost_their_line_ends_keep_their_paragraphs(
    cablegate_pages: list[tuple[str, str, int]], parsed: list[tuple[str, cableparse.Cable, int]]
) -> None:
    # Each page's body from paragraph 1 on joined into one line, as copies that lost the
    # line ends hold it: the paragraph numbers stay those of the page for 1,152 of 1,281
    # pages (761 when only marked openings after a sentence's end were read).  Most of the
    # rest number paragraphs out of sequence (a repeat, a quoted cable), which a line of
    # its own tells and a run-on text does not.
    same = total = 0
    for (_, text, _), (name, cable, _) in zip(cablegate_pages, parsed, strict=True):
        if not cable.paragraphs or cable.paragraphs[0].span is None:
            continue
        lines = text.split("\n")
        first = cable.paragraphs[0].span.first_line - 1
        flat = " ".join(line.strip() for line in lines[first:] if line.strip())
        document = cableparse.parse("\n".join([*lines[:first], flat]))
        assert isinstance(document, cableparse.Cable), name
        total += 1
        same += [p.number for p in document.paragraphs] == [p.number for p in cable.paragraphs]
    assert total >= 1_280
    assert same >= 1_140


def _covered_lines(cable: cableparse.Cable) -> set[int]:

    covered: set[int] = set()

    def add(span: cableparse.Span | None) -> None:
        if span is not None:
            covered.update(range(span.first_line, span.last_line + 1))

    if cable.header is not None:
        for field in cable.header.spans:
            add(field.span)
    for field in cable.spans:
        add(field.span)
    for part in (*cable.paragraphs, *cable.text_blocks):
        add(part.span)
    covered.update(line.line for line in (*cable.markers, *cable.unparsed))
    covered.update(d.line for d in cable.defects if d.line is not None)
    return covered


def test_every_line_is_accounted_for(
    cablegate_pages: list[tuple[str, str, int]],
    parsed: list[tuple[str, cableparse.Cable, int]],
) -> None:
    """Each non-blank input line lies in a field span, a marker, an unparsed record or a
    defect: nothing is dropped silently."""
    from cableparse.text import normalize

    texts = {name: text for name, text, _ in cablegate_pages}
    lost = {}
    for name, cable, _ in parsed:
        covered = _covered_lines(cable)
        lines = normalize(texts[name]).lines
        missing = [n for n, line in enumerate(lines, 1) if line.strip() and n not in covered]
        if missing:
            lost[name] = missing[:5]
    assert lost == {}
