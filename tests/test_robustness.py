"""Damaged input never crashes lenient parsing and never loses a line.

Corpus tests read ../shared/corpus through the conftest helpers and skip without it.
"""

from __future__ import annotations

import contextlib
import json
import random

import pytest

import cableparse
from cableparse import Article, Cable, ParseError

# --- mutations of real cables -----------------------------------------------------------

_UNICODE = (
    "\x00",
    "\ufeff",
    "\u00a0",
    "\u200b",
    "\u202e",
    "\u0301",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0c",
    "\r",
    "¶",
    "’",
    "“",
    "\U0001f600",
    "\ufffd",
    "ǅ",
    "ß",
    "İ",
)


def _random_character(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return rng.choice(_UNICODE)
    while True:
        code = rng.randrange(0x110000)
        if not 0xD800 <= code <= 0xDFFF:  # lone surrogates are not text
            return chr(code)


def _mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(6)
        index = rng.randrange(len(lines)) if lines else 0
        if not lines:
            lines = [""]
        if kind == 0 and len(lines) > 1:
            del lines[index]
        elif kind == 1:
            lines.insert(index, lines[index])
        elif kind == 2:
            line = lines[index]
            lines[index] = line[: rng.randint(0, len(line))]
        elif kind == 3:
            lines[index] = lines[index].lower()
        elif kind == 4:
            lines[index] = "".join(
                str(rng.randrange(10)) if c.isdigit() and rng.random() < 0.5 else c
                for c in lines[index]
            )
        else:
            line = lines[index]
            at = rng.randint(0, len(line))
            lines[index] = line[:at] + _random_character(rng) + line[at:]
    mutated = "\n".join(lines)
    if rng.random() < 0.1:
        mutated = mutated[: rng.randint(0, len(mutated))]  # truncated transmission
    return mutated


@pytest.fixture(scope="module")
def short_cables(cablegate_pages: list[tuple[str, str, int]]) -> list[tuple[str, str]]:
    """About thirty corpus cables of every layout, short enough to parse quickly."""
    pages = sorted((name, text) for name, text, _ in cablegate_pages if len(text) < 7000)
    return pages[:: max(1, len(pages) // 30)]


def _check_lenient(text: str) -> cableparse.Document:
    document = cableparse.parse(text)
    assert isinstance(document, Cable | Article)
    json.loads(cableparse.to_json(document, spans=True))
    return document


def test_3000_mutations_never_raise(short_cables: list[tuple[str, str]]) -> None:
    rng = random.Random(20101128)
    kinds: dict[str, int] = {}
    for _ in range(3000):
        name, text = rng.choice(short_cables)
        mutated = _mutate(text, rng)
        try:
            document = _check_lenient(mutated)
        except Exception as error:  # pragma: no cover - the message names the culprit
            raise AssertionError(f"{name}: {error!r} on mutated text {mutated[:300]!r}") from error
        kinds[type(document).__name__] = kinds.get(type(document).__name__, 0) + 1
    # Damage must not make cables unrecognisable wholesale.
    assert kinds.get("Cable", 0) >= 2700, kinds


def test_mutations_in_strict_mode_raise_only_parse_error(
    short_cables: list[tuple[str, str]],
) -> None:
    rng = random.Random(7)
    raised = 0
    for _ in range(300):
        _, text = rng.choice(short_cables)
        try:
            cableparse.parse(_mutate(text, rng), strict=True)
        except ParseError as error:
            raised += 1
            assert error.line is None or error.line >= 1
    assert raised > 0


# --- a marker line anywhere shows up in the output --------------------------------------

_MARKERS = ("QZXMARKER4711", "qzxmarker4711 was inserted here by the test")


def _marker_cables(cablegate_pages: list[tuple[str, str, int]]) -> list[tuple[str, str]]:
    wanted = {"00HARARE6677", "07ALGIERS1809", "79TEHRAN8980", "06LAPAZ417", "09STATE15113"}
    found = [(name, text) for name, text, _ in cablegate_pages if name in wanted]
    assert len(found) >= 4, [name for name, _ in found]
    return found


@pytest.mark.parametrize("marker", _MARKERS)
def test_marker_line_at_every_position_shows_up(
    marker: str, seed_cable_text: str, cablegate_pages: list[tuple[str, str, int]]
) -> None:
    token = "qzxmarker4711"
    missing = []
    documents = [("seed", seed_cable_text), *_marker_cables(cablegate_pages)]
    for name, text in documents:
        lines = text.split("\n")
        for position in range(len(lines) + 1):
            mutated = "\n".join([*lines[:position], marker, *lines[position:]])
            output = cableparse.to_json(cableparse.parse(mutated)).lower()
            if token not in output:
                missing.append((name, position))
    assert missing == []


# --- pathological inputs ----------------------------------------------------------------

_PATHOLOGICAL = {
    "empty": "",
    "nul bytes": "\x00" * 64,
    "bom alone": "\ufeff",
    "bom and nul": "\ufeff\x00\n\x00",
    "only newlines": "\n" * 10_000,
    "carriage returns": "\r" * 1000,
    "ten megabyte line": "A" * 10_000_000,
    "ten megabyte cable line": "O 220816Z MAR 07 " + "X" * 10_000_000,
    "many short lines": "TO RUEHC/SECSTATE WASHDC\n" * 20_000,
    "deep parentheses": "TAGS: " + "(" * 5000 + ")" * 5000,
    "header keywords only": "VZCZC\nDE\nZNY\nFM\nTO\nINFO\nXMT\n",
    "lone surrogate": "C O N F I D E N T I A L BEIJING 001960\n\ud800\nSUBJECT: X",
}


@pytest.mark.parametrize("name", sorted(_PATHOLOGICAL))
def test_pathological_inputs(name: str) -> None:
    text = _PATHOLOGICAL[name]
    document = cableparse.parse(text)
    assert isinstance(document, Cable | Article)
    json.loads(cableparse.to_json(document))
    with contextlib.suppress(ParseError):
        cableparse.parse(text, strict=True)


@pytest.mark.parametrize("name", sorted(_PATHOLOGICAL))
def test_pathological_bytes(name: str) -> None:
    data = _PATHOLOGICAL[name].encode("utf-8", "surrogatepass")
    document = cableparse.parse_bytes(data)
    assert isinstance(document, Cable | Article)
    json.loads(cableparse.to_json(document))
    with contextlib.suppress(ParseError):
        cableparse.parse_bytes(data, strict=True)


def test_empty_input_is_a_defect_not_an_error() -> None:
    for text in ("", "\ufeff", "\x00\x00"):
        document = cableparse.parse(text)
        assert [d.code.value for d in document.defects][-1] == "empty-input"


# --- lines that used to be lost ---------------------------------------------------------


def test_text_after_classified_by_reasons_is_quoted(seed_cable_text: str) -> None:
    text = seed_cable_text.replace("Reasons 1.4 (b/d).\n", "Reasons 1.4 (b/d).\nQZXMARKER4711\n")
    cable = cableparse.parse(text)
    assert isinstance(cable, Cable)
    assert cable.classified_by is not None
    assert cable.classified_by.reasons == ("1.4(b)", "1.4(d)")
    quoted = [d for d in cable.defects if "QZXMARKER4711" in d.message]
    assert [(d.code.value, d.line) for d in quoted] == [("unparsed-line", 26)]


def test_and_split_by_a_wrapped_line_is_still_and(seed_cable_text: str) -> None:
    text = seed_cable_text.replace("Reasons 1.4 (b/d).", "Reasons 1.4 (b) a\nnd (c).")
    cable = cableparse.parse(text)
    assert isinstance(cable, Cable)
    assert cable.classified_by is not None
    assert cable.classified_by.reasons == ("1.4(b)", "1.4(c)")
    assert not [d for d in cable.defects if "Classified By" in d.message]


def test_headings_before_unnumbered_text_and_boxed_headings_are_kept(
    seed_cable_text: str,
) -> None:
    boxed = "FIRST PART OF A\n-----------\nLONG TITLE\n-----------\n"
    text = seed_cable_text.replace("Summary -----\n", boxed).replace(
        "\nRANDT", "\nClosing Remarks -----\n\nThe embassy will follow up on this.\n"
    )
    cable = cableparse.parse(text)
    assert isinstance(cable, Cable)
    assert cable.paragraphs[0].heading == "FIRST PART OF A LONG TITLE"
    # A heading over unnumbered text opens that text block.
    (block,) = cable.text_blocks
    assert block.text == "Closing Remarks The embassy will follow up on this."
    assert block.span is not None
    assert text.split("\n")[block.span.first_line - 1] == "Closing Remarks -----"


# --- every line is accounted for by spans -----------------------------------------------


def covered_lines(cable: Cable) -> set[int]:
    """Input lines that a span, an unparsed record, a marker or a defect accounts for."""
    spans = [field.span for field in cable.spans]
    if cable.header is not None:
        spans += [field.span for field in cable.header.spans]
        addressees = (*cable.header.to, *cable.header.info, *cable.header.exempt)
        spans += [a.span for a in addressees if a.span is not None]
    spans += [p.span for p in cable.paragraphs if p.span is not None]
    spans += [b.span for b in cable.text_blocks if b.span is not None]
    lines = {n for span in spans for n in range(span.first_line, span.last_line + 1)}
    lines.update(record.line for record in (*cable.unparsed, *cable.markers))
    lines.update(defect.line for defect in cable.defects if defect.line is not None)
    return lines


def test_spans_account_for_every_corpus_line(cablegate_pages: list[tuple[str, str, int]]) -> None:
    missing = []
    for name, text, _ in cablegate_pages:
        cable = cableparse.parse(text)
        assert isinstance(cable, Cable)
        covered = covered_lines(cable)
        lines = text.replace("\r\n", "\n").split("\n")
        missing += [
            (name, n) for n, line in enumerate(lines, 1) if line.strip() and n not in covered
        ]
    assert missing == []
