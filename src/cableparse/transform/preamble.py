"""Preamble grammar trees → model values (classification line, E.O. line, TAGS)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..memo import remember
from ..model import Classification, Declassify, Section, Tag, TagKind
from ..vocab import MONTHS, ONE_WORD_CAPTIONS, organization_tags, subject_tags

if TYPE_CHECKING:  # lark is loaded with the first parser, not at import
    from lark import Tree

__all__ = [
    "EXECUTIVE_ORDERS",
    "ClassificationLine",
    "classification_from_letters",
    "classification_level",
    "declassify_date",
    "eo_glued_tags",
    "executive_order_number",
    "read_classification_line",
    "read_classification_tokens",
    "read_eo_line",
    "read_eo_tokens",
    "read_plain_eo_line",
    "read_plain_tags",
    "read_tag_tokens",
    "read_tags",
    "split_glued",
    "tag_kind",
    "tree_tokens",
]


@attrs.frozen(slots=True)
class ClassificationLine:
    classification: Classification | None
    handling: str | None
    section: Section | None
    origin: str | None
    serial: int | None
    rest: str | None
    #: Where the section group's SECTION or OF was garbled (``SCTION 02 OF 02``, ``SECTION
    #: 01 F 03``) and read as a section all the same: the group, for the defect; else None.
    garbled_section: str | None = None


def classification_from_letters(text: str) -> Classification | None:
    """Map a (possibly spaced, doubled or clipped) classification word to a level."""
    letters = re.sub(r"[^A-Z]", "", text.upper())
    if letters.startswith("TOPSECRET") or letters == "TOPSECRET":
        return Classification.TOP_SECRET
    if letters.endswith("ECRET"):
        return Classification.SECRET
    if letters.endswith("ONFIDENTIAL"):
        return Classification.CONFIDENTIAL
    if letters.startswith("LIMITEDOFFICIALUSE"):
        return Classification.LIMITED_OFFICIAL_USE
    if "NCLAS" in letters:
        return Classification.UNCLASSIFIED
    return None


#: Classification word as written → level; a few dozen spellings recur.
_LEVELS: dict[str, Classification | None] = {}


def _level(text: str) -> Classification | None:
    return remember(_LEVELS, text, classification_from_letters(text), limit=1_000)


def classification_level(text: str) -> Classification | None:
    """The level of a classification word as written (memoised)."""
    return _LEVELS.get(text) or _level(text)


def read_classification_line(tree: Tree[Any]) -> ClassificationLine:
    return read_classification_tokens(tree_tokens(tree))


def read_classification_tokens(tokens: list[tuple[str, str]]) -> ClassificationLine:
    """The classification line from its tokens (``preamble_tokens``)."""
    level = handling = origin = rest = None
    serial: int | None = None
    section: Section | None = None
    for kind, text in tokens:
        if kind == "CLASSIFICATION":
            level = classification_level(text)
        elif kind == "POST":
            origin = " ".join(text.split())
        elif kind == "SERIAL":
            serial = int(text)
        elif kind == "REST":
            rest = text.strip()
        elif kind == "HANDLING":
            handling = " ".join(text.strip(" /").split())
        elif kind == "SECTION":
            numbers = [int(n) for n in _DIGITS.findall(text)]
            if len(numbers) == 2:
                section = Section(numbers[0], numbers[1])
    if rest is not None and serial is not None and section is None and serial < 1000:
        garbled = _GARBLED_SECTION.match(rest)
        if garbled is not None:
            # ``SCTION 02 OF 02 SAO PAULO 000335`` (the word read as the post, the section
            # number as the serial) or ``SECTION 01 F 03 BEIRUT 001568``: the section group
            # comes before the post and the serial all the same.
            written = f"{origin or 'SECTION'} {serial:02d} {rest[: garbled.end(1)]}"
            section = Section(serial, int(garbled.group(1)))
            return ClassificationLine(
                level,
                handling,
                section,
                garbled.group(2),
                int(garbled.group(3)),
                garbled.group(4).strip() or None,
                written,
            )
    return ClassificationLine(level, handling, section, origin, serial, rest)


# What follows a section number whose group a garbled word opened: a garbled OF, the total,
# the post and the serial (``OF 02 SAO PAULO 000335``, ``F 03 BEIRUT 001568``).
_GARBLED_SECTION: Final = re.compile(
    r"(?i:OF|O|F|GF|QF|0F)[ \t]*(\d{1,3})[ \t]+([A-Za-z][A-Za-z.'/-]*(?: [A-Za-z][A-Za-z.'/-]*)*)"
    r"[ \t]+(\d{1,8})(?!\d)(.*)"
)


def tree_tokens(tree: Tree[Any]) -> list[tuple[str, str]]:
    """The tokens of a preamble tree as (terminal, text), in order: what
    :func:`cableparse._lark.preamble_tokens` gives for the same text."""
    return [(token.type, str(token)) for token in tree.scan_values(_is_token)]


def _is_token(value: object) -> bool:
    # Tokens are the leaves that carry a terminal name (trees carry ``data``).
    return isinstance(value, str) and hasattr(value, "type")


_DIGITS: Final = re.compile(r"\d+")


_SEP: Final = r"\s*[/.-]\s*"
_DATE_MDY: Final = re.compile(
    r"(?<!\d)(\d{1,2})" + _SEP + r"(\d{1,2})" + _SEP + r"(\d{4}|\d{2})(?!\d)"
)
_DATE_YMD: Final = re.compile(r"(?<!\d)(\d{4})" + _SEP + r"(\d{1,2})" + _SEP + r"(\d{1,2})(?!\d)")
_MONTH_WORD: Final = r"(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?"
_DATE_MONTH_DAY: Final = re.compile(_MONTH_WORD + r"\s+(\d{1,2}),?\s+(\d{4})(?!\d)", re.IGNORECASE)
_DATE_DAY_MONTH: Final = re.compile(
    r"(?<!\d)(\d{1,2})\s+" + _MONTH_WORD + r",?\s+(\d{4})(?!\d)", re.IGNORECASE
)


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        # DECL dates lie after the cable: 85 is 1985 (E.O. 12065), 19 is 2019.
        year += 1900 if year >= 60 else 2000
    return year


def _date(year: int, month: int, day: int) -> dt.date | None:
    if month > 12 >= day:
        # Day first (22/03/2017): the only reading that names a real date.
        month, day = day, month
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def declassify_date(text: str) -> dt.date | None:
    """The date of a DECL value (``03/22/2017``, ``2017/03/22``, ``3/2/17``, ``JUNE 21,
    2006``), else None (``OADR``, ``X1``, ``25X1``, ``N/A``, free text)."""
    match = _DATE_YMD.search(text)
    if match:
        return _date(int(match[1]), int(match[2]), int(match[3]))
    match = _DATE_MDY.search(text)
    if match:
        return _date(_full_year(match[3]), int(match[1]), int(match[2]))
    match = _DATE_MONTH_DAY.search(text)
    if match:
        return _date(int(match[3]), MONTHS[match[1].upper()], int(match[2]))
    match = _DATE_DAY_MONTH.search(text)
    if match:
        return _date(int(match[3]), MONTHS[match[2].upper()], int(match[1]))
    return None


#: Executive orders that governed classification markings, oldest first.
EXECUTIVE_ORDERS: Final = ("11652", "12065", "12356", "12958", "13526")


def executive_order_number(written: str) -> str:
    """The order a written number means: itself, or the one order it is a typo of (digits
    swapped, one digit wrong or missing: ``12598``, ``1295``); else the number as written."""
    if written in EXECUTIVE_ORDERS:
        return written
    near = [order for order in EXECUTIVE_ORDERS if _is_typo_of(written, order)]
    return near[0] if len(near) == 1 else written


def _is_typo_of(written: str, order: str) -> bool:
    if len(written) == len(order):
        differing = [i for i in range(len(order)) if written[i] != order[i]]
        if len(differing) == 1:
            return True
        # Two neighbouring digits swapped.
        return (
            len(differing) == 2
            and differing[1] == differing[0] + 1
            and written[differing[0]] == order[differing[1]]
            and written[differing[1]] == order[differing[0]]
        )
    if len(written) + 1 == len(order):
        return any(order[:i] + order[i + 1 :] == written for i in range(len(order)))
    return False


def read_eo_line(tree: Tree[Any]) -> tuple[str | None, Declassify | None]:
    """``E.O. 12958: DECL: 03/22/2017`` → (``"12958"``, the declassification instruction)."""
    order, declassify, _ = read_eo_tokens(tree_tokens(tree))
    return order, declassify


def read_eo_tokens(
    tokens: list[tuple[str, str]],
) -> tuple[str | None, Declassify | None, str | None]:
    """The E.O. line from its tokens: (order, declassification, TAGS glued onto the line).

    The rules are flat, so the tokens tell the parts apart: the number belongs to the order,
    a value to the DECL label before it (or to none, ``E.O. 12958: N/A``).
    """
    order: str | None = None
    declassify: Declassify | None = None
    glued: str | None = None
    label: str | None = None
    value: str | None = None
    for kind, text in tokens:
        if kind == "EO_LABEL":
            order = None
        elif kind == "EO_NUMBER":
            order = executive_order_number(text)
        elif kind == "DECL_LABEL":
            label = text
            value = value or ""
        elif kind == "DECL_VALUE":
            value = text
        elif kind == "GLUED_TAGS":
            glued = text
    if value is not None:
        declassify = _declassify(label, value)
    return order, declassify, glued


# The E.O. line as most cables write it (``E.O. 12958: DECL: 02/22/2011``, ``EO 12958 DECL:
# 12/19/2027``, ``E.O. 12958: DECL: N/A``): read without the table runner, to what
# read_eo_tokens makes of the grammar's tokens (a test holds the two together).
_PLAIN_EO_LINE: Final = re.compile(
    r"(?:E\.O\.|EO) ([0-9]{4,6}):? DECL: ([0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}|N/A|OADR)"
)


def read_plain_eo_line(text: str) -> tuple[str, Declassify | None, None] | None:
    """(order, declassification, no glued TAGS) of an E.O. line of the plain shape, else
    None: the line is left to the grammar."""
    plain = _PLAIN_EO_LINE.fullmatch(text)
    if plain is None:
        return None
    return executive_order_number(plain[1]), _declassify("DECL", plain[2]), None


#: DECL text → its instruction; dates and N/A recur across cables (a bounded memo).
_DECLASSIFY: dict[str, Declassify] = {}


def _declassify(label: str | None, value: str) -> Declassify | None:
    text = " ".join(value.split()).rstrip(" .;,")
    if label is not None and label.upper() == "DNG":
        text = f"DNG: {text}"
    if not text:
        return None
    known = _DECLASSIFY.get(text)
    if known is None:
        known = Declassify(declassify_date(text), text)
        remember(_DECLASSIFY, text, known, limit=_CACHE_LIMIT)
    return known


def eo_glued_tags(tree: Tree[Any]) -> str | None:
    """A TAGS field that transcription glued onto the E.O. line, as written, else None."""
    return read_eo_tokens(tree_tokens(tree))[2]


#: Tags after which unpunctuated words name a person (``OVIP RICE CONDOLEEZZA``).
_PERSON_LEAD: Final = frozenset({"OVIP", "OREP"})
#: Captions that slip into TAGS lines; they are not tags.
_CAPTIONS: Final = ONE_WORD_CAPTIONS
#: Field labels that end a TAGS field glued to the next field (``... TU Subject: ...``).
_NEXT_FIELD: Final = frozenset({"SUBJECT", "SUBJ", "REF", "REFS", "CLASSIFIED", "E.O.", "EO"})
#: Two-letter organisation tags that are no FIPS 10-4 country code.
_TWO_LETTER_ORGANIZATIONS: Final = frozenset({"UN"})
#: First letters of subject codes (5 FAH-3 H-111: administrative, business, consular, ...).
_SUBJECT_LETTERS: Final = frozenset("ABCELMOPST")
_PAGE_HEADER: Final = re.compile(r"(?:\b[A-Z]+ ){0,3}\d{8} \d{3}(?:\.\d)? OF \d{3}\b")
_WORD: Final = re.compile(r"[A-Z][A-Z'.-]*")


def tag_kind(code: str) -> TagKind:
    """Kind of a TAGS entry, from its shape and the shipped code tables."""
    upper = code.upper()
    if "," in code:
        return TagKind.PERSON
    if upper in _TWO_LETTER_ORGANIZATIONS:
        return TagKind.ORGANIZATION
    if len(upper) == 2 and upper.isalpha():
        # FIPS 10-4 style country and region codes (CH is China), never ISO 3166.
        return TagKind.GEOGRAPHIC
    if upper in subject_tags():
        return TagKind.SUBJECT
    if _is_program(upper):
        return TagKind.PROGRAM
    if upper in organization_tags():
        return TagKind.ORGANIZATION
    return TagKind.UNKNOWN


def _four_letters(word: str) -> bool:
    return len(word) == 4 and word.isalpha() and word.isascii()


def _is_program(code: str) -> bool:
    return _four_letters(code) and code.startswith("K")


@functools.cache
def _subject_initials() -> frozenset[str]:
    return frozenset(code[0] for code in subject_tags())


def _subject_shaped(word: str) -> bool:
    """Shaped like a subject code: four capitals, the first one that subject codes open
    with (PFOR, PINT and other codes of the 1970s are not in the table)."""
    return _four_letters(word) and word.isupper() and word[0] in _subject_initials()


def _is_code(word: str) -> bool:
    known = _CODES.get(word)
    if known is None:
        known = (
            (len(word) == 2 and word.isalpha())
            or word in subject_tags()
            or _is_program(word)
            or word in organization_tags()
        )
        remember(_CODES, word, known, limit=_CACHE_LIMIT)
    return known


# The longest word read as codes run together: twelve codes (the corpus has two or three;
# a page of letters is no TAGS line).
_GLUED_WIDTH: Final = 48


def split_glued(word: str) -> list[str] | None:
    """Codes run together by transcription (``PHUMBA`` → PHUM, BA; ``VEPREL``), or None.

    Pieces are four-letter subject or program codes, or four letters that open like a subject
    code (``ECIN``) when a known code sits beside them, and at most one two-letter
    (geographic) piece, so that words such as ``EXTERNAL`` stay whole.
    """
    n = len(word)
    if n < 6 or n > _GLUED_WIDTH or n % 2 or not word.isalpha() or not word.isascii():
        return None
    # best[i]: the cost (pairs, guessed pieces) of the cheapest reading of word[:i], and
    # starts[i] where its last piece starts; the pieces are read back from the end, so
    # that a long word costs linear time and memory, not a list of pieces per position.
    best: list[tuple[int, int] | None] = [None] * (n + 1)
    starts = [0] * (n + 1)
    best[0] = (0, 0)
    for i in range(0, n, 2):
        current = best[i]
        if current is None:
            continue
        pairs, guessed = current
        options: list[tuple[int, tuple[int, int]]] = []
        four = word[i : i + 4]
        if len(four) == 4:
            if four in subject_tags() or _is_program(four):
                options.append((4, (pairs, guessed)))
            elif four[0] in _SUBJECT_LETTERS:
                options.append((4, (pairs, guessed + 1)))
        if pairs == 0:
            options.append((2, (1, guessed)))
        for size, cost in options:
            slot = best[i + size]
            if slot is None or slot > cost:
                best[i + size] = cost
                starts[i + size] = i
    result = best[n]
    if result is None:
        return None
    pieces: list[str] = []
    end = n
    while end:
        pieces.append(word[starts[end] : end])
        end = starts[end]
    pieces.reverse()
    known = sum(1 for piece in pieces if piece in subject_tags())
    # A guessed piece needs two known neighbours: ECONOMIC is no ECON + OMIC.
    guessed = result[1]
    if known == 0 or (guessed and guessed > known - 2):
        return None
    return pieces


def _person(words: list[str]) -> str:
    """``SURNAME, GIVEN`` from the words of a name (surname first, as TAGS write it)."""
    if len(words) == 1 and "," in words[0]:
        words = words[0].split(",", 1)
        words = [words[0], *words[1].split()]
    surname = words[0].strip(" ,")
    given = " ".join(w.strip(" ,") for w in words[1:] if w.strip(" ,"))
    return f"{surname}, {given}" if given else surname


# Per distinct text, across cables: TAGS draw on a small vocabulary (PREL, PGOV, ...), so
# most words are judged once per process, and a TAGS line repeating one code costs one
# lookup per repetition.  Each cache is emptied when full, so that endless distinct words
# cannot grow it without bound.
_CACHE_LIMIT: Final = 20_000
#: Token text → (normalised word, is a word at all).
_WORDS: dict[str, tuple[str, bool]] = {}
#: Separator as written → as kept (``", "`` → ``","``).
_SEPARATORS: dict[str, str] = {}
#: Word → is a known code (:func:`_is_code`).
_CODES: dict[str, bool] = {}
#: Code → its Tag (the kind from :func:`tag_kind`).
_TAGS: dict[str, Tag] = {}


def _word(token: str) -> tuple[str, bool]:
    text = " ".join(token.split()).upper()
    word = text.strip("[]{}()\"'*<>")
    if len(word) > 2:
        word = word.rstrip(".")
    known = (word, any(c.isalnum() for c in word) and word not in _CAPTIONS)
    remember(_WORDS, token, known, limit=_CACHE_LIMIT)
    return known


def _items(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The TAGS tokens as (kind, text): kind is word, person or sep; stops at a glued field."""
    items: list[tuple[str, str]] = []
    if tokens and tokens[0][0] == "TAGS_LABEL":  # only ever the first token
        tokens = tokens[1:]
    for index, (kind, token) in enumerate(tokens):
        if kind == "SEPARATOR":
            text = _SEPARATORS.get(token)
            if text is None:
                text = " ".join(token.split()).upper()
                remember(_SEPARATORS, token, text, limit=_CACHE_LIMIT)
            items.append(("sep", text))
        elif kind == "COLON":
            if items and items[-1][0] == "word" and items[-1][1] in _NEXT_FIELD:
                items.pop()
                break
            items.append(("sep", ":"))
        elif kind == "PERSON":
            inner = " ".join(token.split()).upper()[1:-1].strip(" ,")
            if inner:
                items.append(("person", inner))
        else:
            word, is_word = _WORDS.get(token) or _word(token)
            if word == "CLASSIFIED":
                following = tokens[index + 1][1].upper() if index + 1 < len(tokens) else ""
                if following == "BY":
                    break
            if is_word:
                items.append(("word", word))
    return items


def read_tags(tree: Tree[Any]) -> list[Tag]:
    """TAGS codes in the cable's order, without duplicates, with their kinds."""
    return read_tag_tokens(tree_tokens(tree))


def read_plain_tags(codes: list[str]) -> list[Tag] | None:
    """The tags of a TAGS field whose tokens are the TAG_CODE ``codes`` alone, when each is
    a known code that leads to no name (as :func:`read_tag_tokens` reads them); else None."""
    tags: list[Tag] = []
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            continue
        if code in _CAPTIONS or code in _PERSON_LEAD or not _is_code(code):
            return None
        seen.add(code)
        tags.append(_TAGS.get(code) or _new_tag(code))
    return tags


def read_tag_tokens(tokens: list[tuple[str, str]]) -> list[Tag]:
    """TAGS codes from the tokens of a ``tags_field``, as :func:`read_tags`."""
    codes: list[str] = []
    items = _items(tokens)
    n = len(items)
    i = 0
    while i < n:
        kind, text = items[i]
        i += 1
        if kind == "sep":
            continue
        if kind == "person":
            codes.append(
                _person(text.replace(",", ", ").split())
                if "," in text
                else _person(text.split())
                if " " in text
                else text
            )
            continue
        if _is_code(text):
            codes.append(text)
            if text in _PERSON_LEAD:
                i = _read_name(items, i, codes)
            continue
        glued = split_glued(text)
        if glued is not None:
            codes.extend(glued)
            continue
        # Free text: words up to a separator or a code; a two-letter word between two
        # free words belongs to the text (``HUMAN RIGHTS IN CHINA``).
        words = [text]
        while i < n and items[i][0] == "word":
            word = items[i][1]
            if _subject_shaped(words[-1]) and _subject_shaped(word):
                # Two codes the table lacks, written with no comma between them
                # (``PFOR PINT FR``): a phrase of two such words is far rarer.
                break
            if _is_code(word) or split_glued(word) is not None:
                inside = (
                    len(word) == 2
                    and i + 1 < n
                    and items[i + 1][0] == "word"
                    and not _is_code(items[i + 1][1])
                    and split_glued(items[i + 1][1]) is None
                )
                if not inside:
                    break
            words.append(word)
            i += 1
        codes.append(" ".join(words))
    tags: list[Tag] = []
    seen: set[str] = set()
    for code in codes:
        # A page header that a page break left among the tags (``BAKU 00000478 001.2 OF 003``).
        if " OF " in code:
            code = _PAGE_HEADER.sub(" ", code)
        code = " ".join(code.split())
        if code and code not in seen:
            seen.add(code)
            tags.append(_TAGS.get(code) or _new_tag(code))
    return tags


def _new_tag(code: str) -> Tag:
    tag = Tag(code, tag_kind(code))
    remember(_TAGS, code, tag, limit=_CACHE_LIMIT)
    return tag


def _read_name(items: list[tuple[str, str]], i: int, codes: list[str]) -> int:
    """After OVIP/OREP: words that are no codes name a person (``BIDEN JOSEPH``,
    ``CLINTON, HILLARY``); returns the index after the name."""
    n = len(items)
    words: list[str] = []
    j = i
    while j < n and items[j][0] == "word" and _is_name_word(items[j][1]) and len(words) < 4:
        words.append(items[j][1])
        j += 1
    if (len(words) == 1 and j + 1 < n and items[j] == ("sep", ",")) or (
        len(words) == 1 and j + 1 < n and items[j][0] == "sep" and items[j][1] == ","
    ):
        # ``OVIP CLINTON, HILLARY``: the given name follows the comma.
        k = j + 1
        given: list[str] = []
        while k < n and items[k][0] == "word" and _is_name_word(items[k][1]) and len(given) < 3:
            given.append(items[k][1])
            k += 1
        if given:
            codes.append(_person([words[0], *given]))
            return k
    if len(words) >= 2:
        codes.append(_person(words))
        return j
    return i


def _is_name_word(word: str) -> bool:
    return _WORD.fullmatch(word) is not None and not _is_code(word) and split_glued(word) is None
