"""Canonical text of a document: the layout the parser reads, one field per line.

``render(cable)`` writes the routing header (format lines 1 to 9), a blank line, the
preamble (classification line, captions, distribution lines, E.O. line, TAGS, SUBJECT,
REF, Classified By), the paragraphs with their headings and portion marks, and the
signature.  Every paragraph is written on one line, as the Cablegate pages hold them, so
that no wrapped line can start with something that looks like a field.

``parse(render(cable))`` gives the cable back (spans and defects aside) for every cable
whose field values are ones the parser produces; ``cableparse.strategies.cables()``
generates such cables.  What a parse keeps only as layout (``markers``, ``unparsed``,
``page``) is not written.

``render(article)`` writes the ``-- `` prelude of the Reuters archives (headline, byline,
date), the paragraphs with the wire dateline before the first, and the credit line;
``parse(render(article))`` gives the article back for ``strategies.articles()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .model import (
    Addressee,
    Article,
    Cable,
    Classification,
    ClassifiedBy,
    Document,
    Header,
    Paragraph,
    Precedence,
    Reference,
    Tag,
    TagKind,
)
from .vocab import MONTHS, PRECEDENCE_LETTERS, SECURITY_LETTER_OF

__all__ = ["render", "render_article", "render_cable"]

_LETTER_OF = {precedence: letter for letter, precedence in PRECEDENCE_LETTERS.items()}
_MONTH_OF = {number: name for name, number in MONTHS.items()}
# The spaced spelling most Cablegate bodies open with; UNCLAS and LOU are never spaced.
_CLASSIFICATION_WORDS = {
    Classification.UNCLASSIFIED: "UNCLAS",
    Classification.LIMITED_OFFICIAL_USE: "LIMITED OFFICIAL USE",
    Classification.CONFIDENTIAL: "C O N F I D E N T I A L",
    Classification.SECRET: "S E C R E T",
    Classification.TOP_SECRET: "T O P S E C R E T",
}


def render(document: Document) -> str:
    """The canonical text of a :class:`~cableparse.model.Cable` or
    :class:`~cableparse.model.Article`, ending with a newline."""
    if isinstance(document, Cable):
        return render_cable(document)
    if isinstance(document, Article):
        return render_article(document)
    raise TypeError(f"render() takes a Cable or an Article, not {type(document).__name__}")


# --- cables -----------------------------------------------------------------------------


def render_cable(cable: Cable) -> str:
    """The text of a cable in the standard layout."""
    blocks: list[list[str]] = []
    if cable.header is not None:
        blocks.append(_header_lines(cable.header))
    blocks.extend(_preamble_blocks(cable))
    blocks.extend(_body_blocks(cable))
    if cable.signature:
        blocks.append([cable.signature])
    return "\n\n".join("\n".join(block) for block in blocks if block) + "\n"


def _header_lines(header: Header) -> list[str]:
    lines = list(header.notes)
    if header.transmission_id:
        lines.append(header.transmission_id)
    if header.relay is not None and header.relay.precedence in _LETTER_OF:
        pair = _LETTER_OF[header.relay.precedence] * 2
        lines.append(" ".join((pair, *header.relay.routing_indicators)))
    if header.station:
        station = f"DE {header.station} #{header.station_serial or 0:04d}"
        if header.station_section is not None:
            station += f"/{header.station_section:02d}"
        if header.filed_day_of_year is not None and header.filed_time:
            station += f" {header.filed_day_of_year:03d}{header.filed_time.replace(':', '')}"
        lines.append(station)
    if header.security is not None:
        security = header.security
        level = security.classification or Classification.UNCLASSIFIED
        code = security.code or SECURITY_LETTER_OF[level] * 5
        words = [security.prefix, code, *security.signals]
        if security.note:
            words.append(f"({security.note})")
        lines.append(" ".join(words))
    if header.date_time_group is not None:
        lines.append(_dtg_line(header))
    if header.from_:
        lines.append(f"FM {header.from_}")
    for keyword, addressees in (("TO", header.to), ("INFO", header.info), ("XMT", header.exempt)):
        for index, addressee in enumerate(addressees):
            text = _addressee(addressee)
            lines.append(f"{keyword} {text}" if index == 0 else text)
    return lines


def _dtg_line(header: Header) -> str:
    assert header.date_time_group is not None
    when = header.date_time_group.astimezone(dt.timezone.utc)
    letters = [
        _LETTER_OF[p]
        for p in (header.precedence, header.info_precedence)
        if p is not None and p in _LETTER_OF
    ]
    group = f"{when:%d%H%M}Z {_MONTH_OF[when.month]} {when.year % 100:02d}"
    note = (f"({header.dtg_note})",) if header.dtg_note is not None else ()
    return " ".join((*letters, group, *header.dtg_signals, *note))


def _addressee(addressee: Addressee) -> str:
    words = []
    if addressee.routing_indicator:
        words.append(f"{addressee.routing_indicator}/{addressee.address}")
    else:
        words.append(addressee.address)
    if addressee.precedence is Precedence.NIACT_IMMEDIATE:
        words.append("NIACT IMMEDIATE")
    elif addressee.precedence is not None:
        words.append(addressee.precedence.value)
    if addressee.serial:
        words.append(addressee.serial)
    return " ".join(words)


def _preamble_blocks(cable: Cable) -> list[list[str]]:
    blocks: list[list[str]] = []
    line = _classification_line(cable)
    if line:
        blocks.append([line])
    if cable.captions:
        blocks.append(list(cable.captions))
    if cable.distribution:
        blocks.append(list(cable.distribution))
    fields: list[str] = []
    eo = _eo_line(cable)
    if eo:
        fields.append(eo)
    if cable.tags:
        fields.append("TAGS: " + ", ".join(_tag(tag) for tag in cable.tags))
    if cable.subject:
        fields.append(f"SUBJECT: {cable.subject}")
    blocks.append(fields)
    if cable.references:
        blocks.append(_reference_lines(cable.references))
    if cable.classified_by is not None:
        blocks.append([_classified_by(cable.classified_by)])
    return blocks


def _classification_line(cable: Cable) -> str | None:
    has_line = cable.origin is not None or cable.serial is not None or cable.section is not None
    security = cable.header.security if cable.header is not None else None
    from_header = security.classification if security is not None else None
    if not has_line and (cable.classification is None or cable.classification is from_header):
        # The parser takes the level from the security line when there is no
        # classification line, so nothing needs to be written.
        return None
    words = [_CLASSIFICATION_WORDS[cable.classification or Classification.UNCLASSIFIED]]
    if cable.section is not None:
        words.append(f"SECTION {cable.section.number:02d} OF {cable.section.total:02d}")
    if cable.origin:
        words.append(cable.origin)
    if cable.serial is not None:
        words.append(f"{cable.serial:06d}")
    return " ".join(words)


def _eo_line(cable: Cable) -> str | None:
    parts = []
    if cable.executive_order:
        parts.append(f"E.O. {cable.executive_order}" + (":" if cable.declassify else ""))
    if cable.declassify is not None:
        text = cable.declassify.text
        parts.append(text if text.startswith("DNG: ") else f"DECL: {text}")
    return " ".join(parts) or None


def _tag(tag: Tag) -> str:
    return f"({tag.code})" if tag.kind is TagKind.PERSON else tag.code


def _reference_lines(references: Iterable[Reference]) -> list[str]:
    items = list(references)
    if all(item.label for item in items):
        lines = [f"{item.label}. {item.text}" for item in items]
        lines[0] = f"REF: {lines[0]}"
        return lines
    return ["REF: " + "; ".join(item.text for item in items)]


def _classified_by(classified_by: ClassifiedBy) -> str:
    text = "Classified By: " + (classified_by.authority or "")
    if classified_by.reasons:
        text = text.rstrip() + (", " if classified_by.authority else "")
        text += "for reasons " + _reasons(classified_by.reasons) + "."
    return text


def _reasons(reasons: Iterable[str]) -> str:
    # ("1.4(b)", "1.4(d)", "1.5(c)") -> "1.4 (b) and (d), 1.5 (c)"
    groups: dict[str, list[str]] = {}
    for reason in reasons:
        number, _, letter = reason.partition("(")
        groups.setdefault(number, [])
        if letter:
            groups[number].append(f"({letter}")
    parts = []
    for number, letters in groups.items():
        if not letters:
            parts.append(number)
        elif len(letters) == 1:
            parts.append(f"{number} {letters[0]}")
        else:
            parts.append(f"{number} {', '.join(letters[:-1])} and {letters[-1]}")
    return ", ".join(parts)


def _body_blocks(cable: Cable) -> list[list[str]]:
    blocks: list[list[str]] = [[block.text] for block in cable.text_blocks]
    for paragraph in cable.paragraphs:
        if paragraph.heading:
            blocks.append([f"{paragraph.heading} -----"])
        blocks.append([_paragraph(paragraph)])
    return blocks


def _paragraph(paragraph: Paragraph) -> str:
    mark = f" ({paragraph.marking})" if paragraph.marking else ""
    text = f" {paragraph.text}" if paragraph.text else ""
    return f"¶{paragraph.number}.{mark}{text}"


# --- articles ---------------------------------------------------------------------------


def render_article(article: Article) -> str:
    """The text of an article: a ``-- `` prelude (headline, byline, date) as the Reuters
    archives have it, the paragraphs with the dateline before the first, the credits."""
    blocks: list[list[str]] = []
    top = []
    if article.title:
        top.append(f"-- {article.title}")
    if article.authors:
        top.append("-- By " + _names(article.authors))
    if article.date is not None:
        top.append(f"-- {article.date.isoformat()}")
    if top:
        blocks.append(top)
    paragraphs = list(article.paragraphs)
    if article.dateline is not None:
        place, agency = article.dateline.place, article.dateline.agency
        lead = " ".join(part for part in (place, f"({agency})" if agency else None) if part)
        lead += " - "
        paragraphs = [lead + (paragraphs[0] if paragraphs else ""), *paragraphs[1:]]
    blocks.extend([paragraph] for paragraph in paragraphs)
    if article.credits:
        credits = "; ".join(
            f"{credit.role.capitalize()} by {_names(credit.names)}" for credit in article.credits
        )
        blocks.append([f"({credits})"])
    blocks.extend([line] for line in article.boilerplate)
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def _names(names: Iterable[str]) -> str:
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
