"""Plain articles: anything that is not a cable.

An article is read in passes over its lines, each claiming what it recognises and
leaving the rest as body text:

1. a metadata prelude of ``-- `` lines (title, ``By`` line, date, URL), as in the
   Reuters news archives;
2. a leading date stamp (``date 2017-08-17``, possibly followed by the headline);
3. whole lines that are not body text: promotions (``Subscribe to … channel``) and
   author trailers go to ``boilerplate``, credit lines to ``credits``;
4. paragraphs: blocks separated by blank lines, or one per line when the lines are not
   hard-wrapped (a text with no blank lines at all is one paragraph per line);
5. the headline (a short first paragraph without a final period), a byline, and the
   dateline of the first paragraphs (``BEIJING (Reuters) -``), which is stripped;
6. credit groups inside paragraphs (``… said. (Reporting by A; Editing by B)``).

Nothing here raises on bad input: a credit line or byline whose names cannot be told
apart is kept as written and recorded as a ``credit-line-invalid`` defect.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Final

import attrs

from .defects import DefectCode
from .model import Article, Credit, Dateline, Page
from .policy import DefectSink, Policy
from .text import SourceText, fold_space

__all__ = ["build_article", "parse_dateline", "read_credit_line", "split_names"]

# --- names ----------------------------------------------------------------------------

_PARTICLES: Final = frozenset(
    {
        *("de", "da", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al"),
        *("el", "le", "la", "du", "dos", "das", "di", "ter", "ten", "y"),
    }
)
# Words that make a byline item a job title rather than a name.
_JOB_WORDS: Final = frozenset(
    {
        *("editor", "correspondent", "columnist", "reporter", "writer", "staff"),
        *("chief", "bureau", "analyst", "contributor", "producer", "reuters"),
    }
)
_NAME_WORD: Final = re.compile(r"[A-Z][\w'’.\-]*|[a-z]{1,3}['’][A-Z][\w'’\-]*")
_INITIAL_END: Final = re.compile(r"\b[A-Z]\.$")
_NAME_SEPARATOR: Final = re.compile(r"\s*(?:,|;|&|/|\band\b|\bwith\b)\s*")
# ``in New York``, ``in Washington D.C.``: where a reporter filed from.
_LOCATION: Final = re.compile(r"\s+in\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*")
# ``By Krista Hughes and Mark Felsenthal - Analysis``: the story type after a dash.
_STORY_TYPE: Final = re.compile(r"\s+[-–—]+\s*[A-Z][a-z]+(?:\s+[A-Za-z]+)?\s*$")


def _is_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    for word in words:
        if word.lower() in _PARTICLES:
            continue
        if not _NAME_WORD.fullmatch(word) or any(c.isdigit() for c in word):
            return False
    return words[0].lower() not in _PARTICLES or len(words) > 1


def split_names(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Split ``A, B and C in Beijing`` into names; also return the items that are not names.

    Job titles after a name (``Paul Taylor, European Affairs Editor``) are dropped, not
    reported.
    """
    text = fold_space(text)
    if text.endswith(".") and not _INITIAL_END.search(text):
        text = text[:-1]  # a sentence's full stop, not an initial's (``Rohit T. K.``)
    text = _LOCATION.sub("", text)
    names: list[str] = []
    rejected: list[str] = []
    for item in _NAME_SEPARATOR.split(text):
        item = item.strip()
        if not item:
            continue
        if _is_name(item):
            if not (set(item.lower().split()) & _JOB_WORDS):
                names.append(item)
        elif not (set(item.lower().split()) & _JOB_WORDS):
            rejected.append(item)
    return tuple(names), tuple(rejected)


# --- credit lines ---------------------------------------------------------------------

_ROLE_WORD: Final = (
    r"(?:reporting|reported|editing|writing|compiled|compiling|edited|written|research"
    r"|photography|graphics)"
)
# ``Reporting by``, ``Additional reporting by``, ``Additional writing and reporting by``.
_ROLE: Final = re.compile(
    r"(?i:(?:with\s+)?(?P<words>(?:additional\s+|addition\s+)?"
    rf"{_ROLE_WORD}(?:\s+and\s+{_ROLE_WORD})?)\s+by)\b\s*:?"
)
_ROLE_NAMES: Final = {
    "addition": "additional",
    "compiled": "compiling",
    "reported": "reporting",
    "edited": "editing",
    "written": "writing",
}
# ``(Reporting by A; Editing by B)`` anywhere in a paragraph.
_CREDIT_GROUP: Final = re.compile(r"\(\s*" + _ROLE.pattern + r"[^()]*\)")


@attrs.frozen(slots=True)
class CreditReading:
    """The credits read from one credit line, and the parts that were not names."""

    credits: tuple[Credit, ...]
    rejected: tuple[str, ...] = ()

    @property
    def is_credit(self) -> bool:
        """True when some role names real people; ``Writing by hand is slow`` names none."""
        return len(self.rejected) < len(self.credits)


def read_credit_line(text: str) -> CreditReading | None:
    """Read ``Reporting by A, B and C; Editing by D`` (optionally in parentheses).

    ``None`` when the text does not open with a credit role.  A role whose names cannot be
    split keeps its text as a single name and lists it in ``rejected``.
    """
    text = fold_space(text)
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if not _ROLE.match(text):
        return None
    roles = list(_ROLE.finditer(text))
    credits: list[Credit] = []
    rejected: list[str] = []
    for index, match in enumerate(roles):
        end = roles[index + 1].start() if index + 1 < len(roles) else len(text)
        segment = text[match.end() : end].strip(" ,;")
        segment = re.sub(r"\s+and$", "", segment)
        words = fold_space(match.group("words").lower()).split()
        role = " ".join(_ROLE_NAMES.get(word, word) for word in words)
        names, bad = split_names(segment)
        if bad or not names:
            rejected.append(segment)
            names = (segment,) if segment else ()
        credits.append(Credit(role, names))
    return CreditReading(tuple(credits), tuple(rejected))


# --- datelines ------------------------------------------------------------------------

_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH: Final = (
    r"(?:" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + ")"
)
_CAPS_WORD: Final = r"[A-Z][A-Z.'’\-]+"
_DATELINE: Final = re.compile(
    # A byline glued in front: ``By Laurence Fletcher MONACO (Reuters) -``, ``By Jane Smith
    # and Tom Lee, SEOUL, South Korea (CNN) —``.
    r"(?:By\s+(?P<by>(?:(?:[A-Z][\w'’.\-]*|and|&),?\s+){1,9}?))?"
    rf"(?P<place>{_CAPS_WORD}(?:[ /]{_CAPS_WORD})*"
    # ``ANCHORAGE, Alaska``, ``CITY, Country``: regions in any case after a comma.
    r"(?:,\s*[A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*)*){0,2}?)"
    rf"(?:,?\s+(?P<date>{_MONTH}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?))?"
    r"\s*(?:\((?P<agency>[A-Z][^()]{0,40})\))?"
    r"\s*(?:-{1,2}|—|–)\s*"
)


@attrs.frozen(slots=True)
class DatelineReading:
    dateline: Dateline
    #: The paragraph without the dateline.
    rest: str
    #: Names of a byline glued in front of the dateline.
    byline: tuple[str, ...] = ()
    #: The date of the dateline as written (``March 3``, ``Aug. 17, 2019``).
    date_text: str | None = None


_DATELINE_REACH: Final = 300
# ``(Reuters) - ``: the agency without a place.
_AGENCY_ONLY: Final = re.compile(r"\((?P<agency>[A-Z][A-Za-z.&' ]{1,30})\)\s*(?:-{1,2}|—|–)\s+")


def parse_dateline(paragraph: str) -> DatelineReading | None:
    """Read the dateline that opens ``paragraph``, if any."""
    alone = _AGENCY_ONLY.match(paragraph)
    if alone is not None:
        return DatelineReading(
            Dateline(None, fold_space(alone.group("agency"))), paragraph[alone.end() :].strip()
        )
    # A dateline is short: matching only the head keeps a huge first word linear.
    match = _DATELINE.match(paragraph[:_DATELINE_REACH])
    if match is None or not match.group("place"):
        return None
    place = fold_space(match.group("place"))
    if not re.search(r"[A-Z]{3}", place) and not (match.group("agency") or match.group("date")):
        return None  # ``U.S. - China talks``: too little to call a dateline
    rest = paragraph[match.end() :].strip()
    agency = fold_space(match.group("agency")) if match.group("agency") else None
    byline: tuple[str, ...] = ()
    if match.group("by"):
        byline, _ = split_names(match.group("by"))
    return DatelineReading(Dateline(place, agency), rest, byline, match.group("date"))


# --- dates ----------------------------------------------------------------------------

_ISO_DATE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})\b")
_WORD_DATE: Final = re.compile(
    r"(?:[A-Z][a-z]{2,8},?\s+)?(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?"
    r"\s+(?P<year>\d{4})"
)
_DAY_FIRST_DATE: Final = re.compile(
    r"(?:[A-Z][a-z]{2,8},?\s+)?(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]{2,8})\.?,?\s+(?P<year>\d{4})"
)
_DATE_STAMP: Final = re.compile(r"(?i:date)\s*:?\s*(?P<date>\d{4}-\d{2}-\d{2})\b\s*(?P<rest>.*)$")
# ``Published: August 17, 2017``: a label before a date line.
_DATE_LABEL: Final = re.compile(r"(?i:date|published(?:\s+on)?|posted(?:\s+on)?|updated)\s*:?\s*")
_DATE_ONLY: Final = re.compile(
    r"(?:\d{4}-\d{2}-\d{2}"
    r"|(?:[A-Z][a-z]{2,8},?\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|(?:[A-Z][a-z]{2,8},?\s+)?\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})"
    r"(?:,?\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+\(?[A-Z]{2,4}\)?)?)?\s*$",
    re.IGNORECASE,
)


class _BadDate(ValueError):
    pass


def _read_date(text: str) -> dt.date | None:
    """The first date in ``text``; ``None`` when there is none; raises ``_BadDate`` when it
    names an impossible day."""
    iso = _ISO_DATE.match(text)
    if iso:
        parts = (int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    else:
        word = _WORD_DATE.match(text) or _DAY_FIRST_DATE.match(text)
        if word is None:
            return None
        month = _MONTHS.get(word.group("month").lower())
        if month is None:
            return None
        parts = (int(word.group("year")), month, int(word.group("day")))
    try:
        return dt.date(*parts)
    except ValueError as error:
        raise _BadDate(f"{text.strip()!r} names no real day: {error}") from error


# --- line classes ---------------------------------------------------------------------

_PRELUDE: Final = re.compile(r"--(?:\s|$)")
_URL: Final = re.compile(r"https?://\S+$")
_BYLINE: Final = re.compile(r"(?i:by)\s+(?P<names>[A-Z].*)$")
_AUTHOR_TRAILER: Final = re.compile(r"Authors?(?:[`'’]s)?(?:\s+names?)?\s*:?\s+(?P<names>[A-Z].*)$")
_PROMO: Final = re.compile(
    r"(?i:subscribe\s+to\b|follow\s+(?:us|@)|read\s+more\s*(?::|at\b|on\b)|click\s+here\b"
    r"|sign\s+up\s+(?:for|to)\b|like\s+us\s+on\b|join\s+us\s+on\b|share\s+this\b"
    r"|download\s+(?:our|the)\s+app\b|related\s*:|advertisement\s*$"
    r"|view\s+comments\s*$|post\s+a\s+comment\b|no\s+comments\s*:?\s*$"
    r"|related\s+(?:posts|stories|articles|coverage)\s*:?\s*$|latest\s+headlines\s*$"
    r"|e-?mail\s+to\s+a\s+friend\b|republished\s+with\s+permission\b|\(logo:"
    r"|this\s+(?:article|story\s+)?was\s+published\s+\d+\s+years?\s+ago\s*$"
    r"|(?:\(c\)|©)\s*(?:copyright\s+)?\d{4}|copyright\s+(?:\(c\)|©)?\s*\d{4}"
    r"|all\s+rights\s+reserved)"
)
#: Promotions and trailers are short; a longer line that opens the same way is prose.
_MAX_PROMO_WORDS: Final = 30
_DANGLING: Final = re.compile(r"[,\-–—(]\s*$")
_SENTENCE_END: Final = re.compile(r"[.!?:;\"”’)]\s*$")


def _is_promo(line: str) -> bool:
    return bool(_PROMO.match(line)) and len(line.split()) <= _MAX_PROMO_WORDS


def _is_credit_line(text: str) -> bool:
    reading = read_credit_line(text)
    return reading is not None and reading.is_credit


# What follows the names on a web byline, after a bar or a bullet: ``| March 3, 2017``.
_BYLINE_TAIL: Final = re.compile(r"\s+[|•·]\s+(?P<tail>.*)$")


# Whom the authors write for, after the last comma of a byline: ``By Jane Smith, CNN``,
# ``By Tom Lee, Associated Press``.
_BYLINE_OUTLET: Final = re.compile(
    r",\s*(?:The\s+)?(?:[A-Z]{2,6}|(?:[A-Z][\w'’.\-]*\s+){0,3}"
    r"(?:Press|News|Reuters|Bloomberg|Times|Post|Xinhua|Agence France-Presse|Wire))\s*$"
)


def _byline_names(text: str) -> tuple[str, ...] | None:
    """Names of a ``By A and B`` line, or ``None`` when it is not one."""
    match = _BYLINE.match(text)
    if match is None or len(text.split()) > 16:
        return None
    names_text = _BYLINE_TAIL.sub("", match.group("names"))
    if "," in names_text:
        names_text = _BYLINE_OUTLET.sub("", names_text)
    names, rejected = split_names(_STORY_TYPE.sub("", names_text))
    # ``By one measure, …``, ``By Tuesday, the market …``: a sentence, not a byline.
    if rejected or any(" " not in name for name in names):
        return None
    return names


def _is_headline(text: str) -> bool:
    words = text.split()
    return (
        _byline_names(text) is None
        and not _DATE_ONLY.match(text)
        and 0 < len(words) <= 30
        and len(text) <= 200
        and not text.endswith((".", ",", ";", ":"))
        and bool(re.match(r"[\w\"“‘'(]", text))
        and parse_dateline(text) is None
        and not _is_credit_line(text)
        and not _is_promo(text)
    )


# --- assembly -------------------------------------------------------------------------


@attrs.define
class _Paragraph:
    line: int  # 1-based first input line
    text: str


@attrs.define
class _Builder:
    """Mutable state of one article while its passes run."""

    sink: DefectSink
    title: str | None = None
    date: dt.date | None = None
    dateline: Dateline | None = None
    authors: list[str] = attrs.Factory(list)
    credits: list[Credit] = attrs.Factory(list)
    boilerplate: list[str] = attrs.Factory(list)

    def add_authors(self, names: Sequence[str]) -> None:
        self.authors.extend(name for name in names if name not in self.authors)

    def set_date(self, text: str, line: int) -> bool:
        """Take the date that opens ``text``; True when there was one, even an impossible one."""
        try:
            value = _read_date(text)
        except _BadDate as error:
            self.sink.report(DefectCode.ARTICLE_DATE_INVALID, f"date {error}", line)
            return True
        if value is None:
            return False
        if self.date is None:
            self.date = value
        return True

    def add_credits(self, reading: CreditReading, line: int) -> None:
        self.credits.extend(reading.credits)
        for text in reading.rejected:
            self.sink.report(
                DefectCode.CREDIT_LINE_INVALID,
                f"credit {text!r} could not be split into names",
                line,
            )

    def add_byline(self, text: str, line: int = 0) -> bool:
        reading = _byline_names(text)
        if reading is None:
            return False
        self.add_authors(reading)
        if not reading:  # ``By Reuters Staff``: a byline that names nobody
            self.boilerplate.append(text)
        tail = _BYLINE_TAIL.search(text)
        if tail is not None and not self.set_date(tail.group("tail"), line):
            self.boilerplate.append(tail.group("tail"))  # ``| Updated`` or a section name
        outlet = _BYLINE_OUTLET.search(text if tail is None else text[: tail.start()])
        if outlet is not None:
            # Whom the authors write for, as an affiliation line under a byline is kept.
            self.boilerplate.append(outlet.group().lstrip(", ").rstrip())
        return True


def build_article(source: SourceText, policy: Policy, page: Page | None = None) -> Article:
    sink = DefectSink(policy, source.lines)
    control = source.control_defect()
    if control is not None:
        sink.report(DefectCode.CONTROL_CHARACTERS, *control)
    if not source.text.strip():
        sink.report(DefectCode.EMPTY_INPUT, "the input holds no text")
        return Article(page=page, defects=tuple(sink.defects))
    builder = _Builder(sink)
    lines = list(source.lines)
    start = _read_prelude(lines, builder)
    start = _read_date_stamp(lines, start, builder)
    body = _claim_lines(lines, start, builder)
    paragraphs = _paragraphs(body)
    paragraphs = _read_lead(paragraphs, builder)
    paragraphs = _read_trailers(paragraphs, builder)
    return Article(
        title=builder.title,
        date=builder.date,
        dateline=builder.dateline,
        authors=tuple(builder.authors),
        credits=tuple(builder.credits),
        paragraphs=tuple(p.text for p in paragraphs),
        boilerplate=tuple(builder.boilerplate),
        page=page,
        defects=tuple(sink.defects),
    )


def _read_prelude(lines: list[str], builder: _Builder) -> int:
    """Read ``-- title`` / ``-- By …`` / ``-- date`` / ``-- URL`` lines; return the next index."""
    index = 0
    while index < len(lines) and _PRELUDE.match(lines[index].strip()):
        value = fold_space(lines[index].strip()[2:])
        number = index + 1
        index += 1
        if not value:
            continue
        if _URL.match(value):
            builder.boilerplate.append(value)
        elif builder.add_byline(value) or (
            _DATE_ONLY.match(value) and builder.set_date(value, number)
        ):
            continue
        elif builder.title is None:
            builder.title = value
        else:
            builder.boilerplate.append(value)
    return index


def _read_date_stamp(lines: list[str], start: int, builder: _Builder) -> int:
    """Read ``date 2017-08-17 Headline`` or a line holding only a date."""
    index = start
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index == len(lines):
        return index
    line = fold_space(lines[index])
    stamp = _DATE_STAMP.match(line)
    if stamp and builder.set_date(stamp.group("date"), index + 1):
        rest = stamp.group("rest").strip()
        if rest and builder.title is None:
            builder.title = rest
        elif rest:
            lines[index] = rest
            return index
        return index + 1
    return index + 1 if _is_date_line(line, index + 1, builder) else start


def _claim_lines(lines: list[str], start: int, builder: _Builder) -> list[tuple[int, str]]:
    """Take promotions, author trailers and whole credit lines out of the body."""
    body: list[tuple[int, str]] = []
    for index in range(start, len(lines)):
        text = fold_space(lines[index])
        number = index + 1
        if not text:
            body.append((number, ""))
            continue
        if _is_promo(text):
            builder.boilerplate.append(text)
            continue
        trailer = _AUTHOR_TRAILER.match(text)
        if trailer and len(text.split()) <= 12:
            names, rejected = split_names(trailer.group("names"))
            if names and not rejected:
                builder.add_authors(names)
                builder.boilerplate.append(text)
                continue
        credit = read_credit_line(text)
        # In parentheses the role words cannot be prose, so even a nameless credit counts.
        if credit is not None and (credit.is_credit or text.startswith("(")):
            builder.add_credits(credit, number)
            continue
        body.append((number, lines[index]))
    return body


def _paragraphs(body: list[tuple[int, str]]) -> list[_Paragraph]:
    """Blocks between blank lines.

    A hard-wrapped block is one paragraph.  In a block of unwrapped lines (a text without
    blank lines, or an archive that lost them) each line is a paragraph, except that a line
    breaking off inside a sentence runs on into the next.
    """
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in body:
        if line.strip():
            blocks[-1].append((number, line))
        elif blocks[-1]:
            blocks.append([])
    paragraphs: list[_Paragraph] = []
    for block in _bylines_apart(blocks):
        if not block:
            continue
        if _is_wrapped([line for _, line in block]):
            for part in _indented_parts(block):
                paragraphs.append(_Paragraph(part[0][0], fold_space(" ".join(t for _, t in part))))
            continue
        previous = ""
        for number, line in block:
            if previous and _runs_on(previous, line):
                paragraphs[-1].text += " " + fold_space(line)
            else:
                paragraphs.append(_Paragraph(number, fold_space(line)))
            previous = line
    return paragraphs


# The lead blocks in which a byline may stand among other lines.
_LEAD_BLOCKS: Final = 3
# An affiliation under a byline (``Associated Press``, ``Staff Writer``): a few capitalised
# words and nothing else.
_AFFILIATION: Final = re.compile(r"[A-Z][\w.&'’\-]*(?: (?:[A-Z][\w.&'’\-]*|of|and|the)){0,4}")


def _is_affiliation(text: str) -> bool:
    return _AFFILIATION.fullmatch(text) is not None and not _SENTENCE_END.search(text)


def _bylines_apart(blocks: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """The blocks, a byline in one of the lead blocks set apart as a block of its own,
    with the affiliation line under it: a headline, a byline and an agency written with
    no blank line between them are no wrapped paragraph."""
    result: list[list[tuple[int, str]]] = []
    for position, block in enumerate(blocks):
        at = None
        if position < _LEAD_BLOCKS and len(block) > 1:
            at = next(
                (
                    index
                    for index, (_, line) in enumerate(block[:3])
                    if _byline_names(fold_space(line)) is not None
                ),
                None,
            )
        if at is None:
            result.append(block)
            continue
        rest = block[at + 1 :]
        affiliation = bool(rest) and _is_affiliation(fold_space(rest[0][1]))
        cut = at + 1 + int(affiliation)
        result.extend(
            part
            for part in (block[:at], block[at : at + 1], block[at + 1 : cut], block[cut:])
            if part
        )
    return result


def _indented_parts(block: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """A hard-wrapped block cut into its paragraphs where they are told by indentation
    alone, as wire archives write them (Reuters-21578): the lines of a paragraph stand at
    one indentation, its first line deeper; a line less deep than them (the headline over
    the story) stands alone.  A block whose lines share one indentation is one paragraph;
    so is one where the deeper lines are not the first lines of sentences, and a bullet
    opens an item of its own."""
    depths = [len(line) - len(line.lstrip()) for _, line in block]
    usual = max(set(depths), key=depths.count)
    parts: list[list[tuple[int, str]]] = [[]]
    for index, (entry, depth) in enumerate(zip(block, depths, strict=True)):
        opens = index > 0 and (
            _BULLET.match(entry[1]) is not None
            or (depth > usual and _SENTENCE_END.search(block[index - 1][1]) is not None)
            or depths[index - 1] < usual
        )
        if opens and parts[-1]:
            parts.append([])
        parts[-1].append(entry)
    return parts


# What opens an item of a list: a bullet and a blank.
_BULLET: Final = re.compile(r"\s*[•·▪●◦‣∙*]\s")


def _runs_on(line: str, following: str) -> bool:
    """A line break inside a sentence: no full stop before it, and no capital (a headline
    over its first paragraph), no bullet, or a dangling comma or dash."""
    if _SENTENCE_END.search(line) or _BULLET.match(following):
        return False
    return not following.lstrip()[:1].isupper() or bool(_DANGLING.search(line))


def _is_wrapped(lines: Sequence[str]) -> bool:
    """Hard-wrapped lines mostly break inside a sentence, near one margin: a line that
    breaks off far shorter than the longest is no wrap (a headline over its date and time:
    ``Latest updates: WikiLeaks' diplomatic cables release`` / ``November 29th, 2010``)."""
    inner = lines[:-1]
    ends = sum(1 for line in inner if _SENTENCE_END.search(line))
    if not inner or ends * 2 >= len(inner):
        return False
    # The margin: most lines reach it (some copies run paragraphs on past it).
    lengths = sorted(len(line.rstrip()) for line in lines)
    margin = lengths[len(lengths) * 3 // 4]
    return all(_SENTENCE_END.search(line) or len(line.rstrip()) * 2 >= margin for line in inner)


# A web page's navigation copied above the headline: a section link alone on its line or
# a breadcrumb trail (``Home > World > Asia``).
_NAVIGATION: Final = re.compile(
    r"(?i:home|menu|search|sign\s+in|log\s+in|skip\s+to\s+(?:main\s+)?content|latest\s+news"
    r"|top\s+stories|breaking\s+news|news|world(?:\s+news)?|more\s+news"
    r"|(?:home|news)\s*[>›»|/]\s*[^.!?]{1,80})"
)


def _read_lead(paragraphs: list[_Paragraph], builder: _Builder) -> list[_Paragraph]:
    """Headline, byline and dateline at the top of the body."""
    while (
        builder.title is None
        and len(paragraphs) > 2
        and "\n" not in paragraphs[0].text
        and _NAVIGATION.fullmatch(paragraphs[0].text)
    ):
        builder.boilerplate.append(paragraphs.pop(0).text)
    if (
        builder.title is None
        and len(paragraphs) > 1
        and "\n" not in paragraphs[0].text
        and _is_headline(paragraphs[0].text)
    ):
        builder.title = paragraphs.pop(0).text
    bylines = 0
    while paragraphs and builder.add_byline(paragraphs[0].text, paragraphs[0].line):
        paragraphs.pop(0)
        bylines += 1
    if builder.date is None:
        # A date line under the headline, its standfirst or the byline (``Published
        # November 26, 2010 5:27PM (EST)``, ``November 29th, 2010``).
        at = next(
            (
                index
                for index, paragraph in enumerate(paragraphs[:_LEAD_BLOCKS])
                if _is_date_line(paragraph.text, paragraph.line, builder)
            ),
            None,
        )
        if at is not None:
            paragraphs.pop(at)
    if (
        bylines
        and len(paragraphs) > 1
        and _is_affiliation(paragraphs[0].text)
        and parse_dateline(paragraphs[0].text) is None
    ):
        # ``Associated Press`` under the byline: whom the authors write for.
        builder.boilerplate.append(paragraphs.pop(0).text)
    for paragraph in paragraphs[:3]:
        reading = parse_dateline(paragraph.text)
        if reading is None:
            continue
        builder.dateline = reading.dateline
        builder.add_authors(reading.byline)
        if reading.date_text and builder.date is None and re.search(r"\d{4}$", reading.date_text):
            builder.set_date(reading.date_text, paragraph.line)
        paragraph.text = reading.rest
        break
    return [p for p in paragraphs if p.text]


def _is_date_line(text: str, line: int, builder: _Builder) -> bool:
    """Whether ``text`` is a date alone, perhaps after a label; the date is taken."""
    label = _DATE_LABEL.match(text)
    rest = text[label.end() :] if label else text
    return _DATE_ONLY.match(rest) is not None and builder.set_date(rest, line)


def _read_trailers(paragraphs: list[_Paragraph], builder: _Builder) -> list[_Paragraph]:
    """Credit groups inside paragraphs, and a ``By …`` trailer closing the story."""
    paragraphs = _close_open_groups(paragraphs)
    for paragraph in paragraphs:
        if "(" not in paragraph.text:
            continue
        for group in list(_CREDIT_GROUP.finditer(paragraph.text)):
            reading = read_credit_line(group.group(0))
            if reading is not None:
                builder.add_credits(reading, paragraph.line)
                paragraph.text = paragraph.text.replace(group.group(0), " ", 1)
        paragraph.text = fold_space(paragraph.text)
    if paragraphs:
        # A story cut off inside its closing credit: ``(Additional reporting by A``.
        last = paragraphs[-1]
        unclosed = _OPEN_CREDIT_GROUP.search(last.text)
        reading = read_credit_line(unclosed.group(0).lstrip("(")) if unclosed else None
        if unclosed and reading is not None:
            builder.add_credits(reading, last.line)
            last.text = last.text[: unclosed.start()].rstrip()
    kept = [p for p in paragraphs if p.text]
    if len(kept) > 1 and _DESK_INITIALS.fullmatch(kept[-1].text):
        # ``bur-jh/ach``: the initials of the writers and editors who handled a wire story.
        builder.boilerplate.append(kept.pop().text)
    if len(kept) > 1 and builder.add_byline(kept[-1].text):
        trailer = kept.pop().text
        if trailer not in builder.boilerplate:  # a nameless byline is there already
            builder.boilerplate.append(trailer)
    return kept


# Wire desks' sign-off initials, lower case, joined by slashes: ``jm/ach``, ``bur-sst/rox``.
_DESK_INITIALS: Final = re.compile(r"[a-z]{2,6}(?:-[a-z]{2,6})?(?:/[a-z]{2,6}(?:-[a-z]{2,6})?)+")
_OPEN_CREDIT_GROUP: Final = re.compile(r"\(\s*" + _ROLE.pattern + r"[^()]*$")
_CLOSING: Final = re.compile(r"[^()]*\)")


def _close_open_groups(paragraphs: list[_Paragraph]) -> list[_Paragraph]:
    """Rejoin a credit group that a line break split across two paragraphs."""
    joined: list[_Paragraph] = []
    for paragraph in paragraphs:
        if joined and _OPEN_CREDIT_GROUP.search(joined[-1].text) and _CLOSING.match(paragraph.text):
            joined[-1].text += " " + paragraph.text
        else:
            joined.append(paragraph)
    return joined
