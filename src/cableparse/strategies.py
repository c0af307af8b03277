"""Hypothesis strategies for cables, articles and cable texts: the ones cableparse is
tested with, for fuzzing your own pipeline.

>>> from hypothesis import given
>>> from cableparse import parse, render
>>> from cableparse.strategies import cables
>>> @given(cables())
... def test_my_pipeline(cable):
...     assert my_pipeline(parse(render(cable)))  # doctest: +SKIP

* :func:`cables` builds valid :class:`~cableparse.model.Cable` objects across the format's
  variety: with a full routing header, a short one (DTG, FM, TO) or none; single and dual
  precedence; INFO and XMT addressees, ``ZEN/`` instead of a routing indicator, serial
  ranges; ``SECTION n OF m``; every classification; captions and distribution lines;
  the E.O. line with dated, ``N/A``, ``OADR``, free-text and ``DNG:`` values; TAGS of every
  kind; REF lists lettered or not; Classified By reasons under 1.4 and 1.5; headings,
  summaries, comments, redactions, portion marks such as ``S//NF`` and ``C/REL NATO``.
  Every field value is one the parser returns for ``render(cable)``, so
  ``parse(render(cable))`` equals the cable apart from ``defects`` (a cable without a
  header has its reference id year taken from the DECL date, which is recorded, and its
  REF items that name no year cite that year).
* :func:`cable_texts` renders such cables and, when asked, damages them the way real
  transcriptions are damaged: lines wrapped, lower-cased, dropped, page headers put in,
  apostrophes keyed as commas.
* :func:`articles` builds news articles; :func:`documents` draws either kind.

The module needs ``hypothesis`` (``pip install 'cableparse[hypothesis]'``).
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Callable, Sequence

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from .model import (
    Addressee,
    Article,
    Cable,
    Classification,
    ClassifiedBy,
    Credit,
    Dateline,
    Declassify,
    Document,
    Header,
    Paragraph,
    Precedence,
    Reference,
    ReferenceKind,
    Relay,
    Section,
    Security,
    Tag,
    TagKind,
    TextBlock,
)
from .references import reference_id, year_from_declassify
from .render import render
from .transform.preamble import tag_kind
from .vocab import (
    CAPTION_WORDS,
    SECURITY_LETTER_OF,
    organization_tags,
    station_name,
    subject_tags,
)

__all__ = [
    "DAMAGE_KINDS",
    "articles",
    "cable_texts",
    "cable_variants",
    "cables",
    "damage",
    "documents",
    "headers",
    "paragraph_texts",
]

# --- vocabularies -----------------------------------------------------------------------

# (post on the classification line, station routing indicator, FM line)
_POSTS = (
    ("BEIJING", "RUEHBJ", "AMEMBASSY BEIJING"),
    ("ANKARA", "RUEHAK", "AMEMBASSY ANKARA"),
    ("BOGOTA", "RUEHBO", "AMEMBASSY BOGOTA"),
    ("PARIS", "RUEHFR", "AMEMBASSY PARIS"),
    ("LA PAZ", "RUEHLP", "AMEMBASSY LA PAZ"),
    ("SAO PAULO", "RUEHSO", "AMCONSUL SAO PAULO"),
    ("USUN NEW YORK", "RUCNDT", "USMISSION USUN NEW YORK"),
    ("STATE", "RUEHC", "SECSTATE WASHDC"),
    ("NEW DELHI", "RUEHNE", "AMEMBASSY NEW DELHI"),
    ("MOSCOW", "RUEHMO", "AMEMBASSY MOSCOW"),
    ("TOKYO", "RUEHKO", "AMEMBASSY TOKYO"),
    ("CHENGDU", "RUEHCN", "AMCONSUL CHENGDU"),
)
_ADDRESSEES = (
    ("RUEHC", "SECSTATE WASHDC"),
    ("RHEHNSC", "NSC WASHINGTON DC"),
    ("RUEKJCS", "SECDEF WASHINGTON DC"),
    ("RUEAIIA", "CIA WASHINGTON DC"),
    ("RUEHZL", "EUROPEAN POLITICAL COLLECTIVE"),
    ("RUEHOO", "CHINA POSTS COLLECTIVE"),
    ("RUEHGV", "USMISSION GENEVA"),
    ("RHMFISS", "DEPT OF ENERGY WASHINGTON DC"),
    ("ZEN", "SECDEF WASHINGTON DC"),
    ("ZEN", "AMCONSUL SHENYANG"),
    *((ri, fm) for _, ri, fm in _POSTS),
)
_RELAYS = ("RUEHCN", "RUEHDBU", "RUEHFL", "RUEHGH", "RUEHKW", "RUEHLA", "RUEHROV", "RUEHSR")
_ADDRESSEE_PRECEDENCES = (
    Precedence.FLASH,
    Precedence.NIACT_IMMEDIATE,
    Precedence.IMMEDIATE,
    Precedence.PRIORITY,
    Precedence.ROUTINE,
)
_LETTER_PRECEDENCES = (
    Precedence.FLASH,
    Precedence.IMMEDIATE,
    Precedence.PRIORITY,
    Precedence.ROUTINE,
)
# Every caption the parser knows.
_CAPTIONS = CAPTION_WORDS
_DISTRIBUTION = (
    "DEPT FOR EAP/CM AND INR",
    "STATE FOR EUR/RUS",
    "PASS TO USTR",
    "DEPT PASS TO USAID",
    "USDOC FOR 4420/ITA/MAC",
    "NSC FOR SENIOR DIRECTOR",
)
_EXECUTIVE_ORDERS = ("12958", "12356", "13526", "11652", "12065")
_MARKINGS = (
    "C",
    "S",
    "U",
    "SBU",
    "TS",
    "S/NF",
    "S//NF",
    "C/NF",
    "C//NF",
    "S/REL NATO",
    "C/REL NATO",
    "C//REL ISAF",
    "U//FOUO",
    "SBU/NF",
    "S//FGI//NF",
    "S/NOFORN",
)
_GEOGRAPHIC = ("CH", "RS", "IZ", "SP", "GM", "TU", "KS", "KN", "FR", "AF", "PK", "ZL", "XF")
_PROGRAMS = ("KDEM", "KPAO", "KMDR", "KIPR", "KTFN", "KCRM", "KNNP", "KWMN")
_PEOPLE = ("CLINTON, HILLARY", "OBAMA, BARACK", "STEINBERG, JAMES B.", "RICE, CONDOLEEZZA")
_UNKNOWN_TAGS = ("COUNTER", "ECONOMICS", "TRSY", "ASCE")
_AUTHORITIES = (
    "Ambassador Robert Ford",
    "Political Counselor Kathy Fitzpatrick",
    "Political Minister Counselor Daniel Shields",
    "DCM Michael Ratney",
    "Charge d'Affaires Ron McMullen",
    "A/DCM J. Smith",
    "Acting Political Officer Jane Doe",
)
_SIGNERS = ("RANDT", "FORD", "MCFARLAND", "WOOD", "BURNS", "RICE", "MULFORD", "RATNEY")
_NAMES = (
    "Hua",
    "Wang",
    "Putin",
    "Ahtisaari",
    "Kosovo",
    "Beijing",
    "Moscow",
    "Brussels",
    "China",
    "Russia",
    "Serbia",
    "Turkey",
    "Bolivia",
    "Morales",
)
_POSSESSIVES = ("China's", "Beijing's", "Russia's", "the ministry's", "Ahtisaari's", "Hua's")
_PROSE = """
    the minister said government would support proposal talks between parties on future
    of region and deputy director told poloff that position remains unchanged embassy
    officials met with opposition leaders to discuss elections security situation in
    north has improved but tensions remain high over oil revenue border crossing trade
    agreement was signed last week after months of negotiation delegation will visit
    capital next month for consultations with counterparts regarding nuclear program
    sanctions human rights concerns were raised press reported police arrested several
    activists during protests economic growth slowed inflation rose sharply central bank
    raised interest rates again analysts expect further increases this year
    """
_WORDS = tuple(_PROSE.split())
_HEADING_WORDS = (
    "Chinese",
    "Interests",
    "Peacekeepers",
    "Limited",
    "Background",
    "Economic",
    "Outlook",
    "Border",
    "Talks",
    "Stall",
    "Next",
    "Steps",
    "Elections",
    "Opposition",
    "Views",
    "Energy",
    "Security",
    "Concerns",
    "Trade",
    "Agreement",
)
_SUBJECT_PROSE = (
    "chinese mfa sees positions hardening over kosovo status talks minister visits "
    "capital opposition leaders discuss elections security trade agreement energy "
    "sector reform"
)
_SUBJECT_WORDS = tuple(_SUBJECT_PROSE.upper().split())
_REDACTION = "XXXXXXXXXXXX"
_UTC = dt.timezone.utc

#: The damage :func:`cable_texts` and :func:`damage` can apply.
DAMAGE_KINDS = ("wrap", "lower", "page-header", "drop-line", "comma-apostrophe")


def _check_range(name: str, value: int, low: int, high: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise InvalidArgument(f"{name}={value!r} must be an int from {low} to {high}")


# --- text -------------------------------------------------------------------------------


_PLAIN_WORDS = (*_WORDS, *_NAMES, *_POSSESSIVES, "15", "400", "4,000", "2007", "26-28")
_plain_word = st.sampled_from(_PLAIN_WORDS)
_any_word = st.sampled_from((*_PLAIN_WORDS, _REDACTION))


def _capitalise(words: list[str]) -> str:
    text = " ".join(words) + "."
    return text[:1].upper() + text[1:]


_sentences = {
    redactions: st.lists(_any_word if redactions else _plain_word, min_size=5, max_size=14).map(
        _capitalise
    )
    for redactions in (False, True)
}
_paragraph_texts = {
    redactions: st.lists(_sentences[redactions], min_size=1, max_size=3).map(" ".join)
    for redactions in (False, True)
}


def paragraph_texts(*, redactions: bool = True) -> st.SearchStrategy[str]:
    """Body text: one to three sentences of five words or more, already whitespace-folded,
    ending with a full stop, with no word that the parser reads as structure (no summary
    or comment marker, no field label).  ``redactions`` lets ``XXXXXXXXXXXX`` appear."""
    if not isinstance(redactions, bool):
        raise InvalidArgument(f"redactions={redactions!r} must be a bool")
    return _paragraph_texts[redactions]


# Unnumbered text right after SUBJECT or REF is read as their continuation when it is
# short (a wrapped line split by a blank line), so a lead-in block runs longer than that.
_lead_in = (
    st.lists(_sentences[True], min_size=3, max_size=5).map(" ".join).filter(lambda t: len(t) > 100)
)
_heading = st.lists(st.sampled_from(_HEADING_WORDS), min_size=1, max_size=5).map(" ".join)
_subject = st.tuples(
    st.sampled_from(("KOSOVO", "BOLIVIA", "IRAN", "CHINA", "TURKEY")),
    st.lists(st.sampled_from(_SUBJECT_WORDS), min_size=2, max_size=9),
).map(lambda parts: f"{parts[0]}: {' '.join(parts[1])}")


# --- header -----------------------------------------------------------------------------


def _addressee(
    route: str | None, address: str, precedence: Precedence | None, serial: str | None
) -> Addressee:
    return Addressee(route, address, precedence, serial, station_name(route))


@st.composite
def _addressees(
    draw: st.DrawFn, min_size: int, max_size: int, sections: int | None
) -> tuple[Addressee, ...]:
    count = draw(st.integers(min_size, max_size))
    result = []
    for _ in range(count):
        route, address = draw(st.sampled_from(_ADDRESSEES))
        precedence = draw(st.none() | st.sampled_from(_ADDRESSEE_PRECEDENCES))
        serial = None
        if draw(st.booleans()):
            first = draw(st.integers(1, 9990))
            serial = f"{first:04d}"
            if sections:
                serial += f"-{first + sections - 1:04d}"
        result.append(_addressee(route, address, precedence, serial))
    return tuple(result)


@st.composite
def _exempt(draw: st.DrawFn) -> tuple[Addressee, ...]:
    count = draw(st.integers(0, 2))
    return tuple(
        _addressee(None, draw(st.sampled_from(_POSTS))[2], None, None) for _ in range(count)
    )


@st.composite
def headers(
    draw: st.DrawFn,
    classification: Classification = Classification.CONFIDENTIAL,
    station: str = "RUEHBJ",
    from_: str = "AMEMBASSY BEIJING",
    serial: int = 1960,
    section: Section | None = None,
    full: bool | None = None,
) -> Header:
    """A routing header for a cable of ``classification`` sent by ``station`` (``from_``)
    with ``serial``.  ``full=True`` gives format lines 1 to 9 (VZCZC, relay, DE, ZNY/ZNR,
    DTG, FM, TO, INFO, XMT), ``False`` the short form older cables have (DTG, FM, TO,
    INFO), ``None`` either."""
    if not isinstance(classification, Classification):
        raise InvalidArgument(f"classification={classification!r} is not a Classification")
    _check_range("serial", serial, 0, 999_999)
    if full is None:
        full = draw(st.booleans())
    when = draw(
        st.datetimes(min_value=dt.datetime(1966, 1, 1), max_value=dt.datetime(2010, 12, 31))
    ).replace(second=0, microsecond=0, tzinfo=_UTC)
    precedence = draw(st.sampled_from(_LETTER_PRECEDENCES))
    info_precedence = draw(st.none() | st.sampled_from(_LETTER_PRECEDENCES))
    sections = section.total if section is not None else None
    fields: dict[str, object] = {
        "precedence": precedence,
        "info_precedence": info_precedence,
        "date_time_group": when,
        "dtg_signals": draw(st.sampled_from(((), ("ZDS",), ("ZDK",)))),
        "dtg_note": draw(st.none() | st.just("CCY ADC1AECC MSI3311-632")),
        "from_": from_,
        "to": draw(_addressees(1, 3, sections)),
        "info": draw(_addressees(0, 5, sections)),
    }
    if full:
        designator = draw(st.sampled_from(("XRO", "XYZ", "MDI")))
        number = draw(st.integers(0, 9999))
        if designator == "XYZ":
            indicators: tuple[str, ...] = ("RUEHWEB",)
        else:
            indicators = tuple(
                draw(st.lists(st.sampled_from(_RELAYS), min_size=1, max_size=8, unique=True))
            )
        letter = SECURITY_LETTER_OF[classification]
        fields.update(
            transmission_id=f"VZCZC{designator}{number:04d}",
            relay=Relay(draw(st.sampled_from(_LETTER_PRECEDENCES)), indicators),
            station=station,
            station_serial=serial % 10_000,
            station_section=section.number if section is not None else None,
            filed_day_of_year=when.timetuple().tm_yday,
            filed_time=f"{when:%H:%M}",
            security=Security(
                prefix="ZNR" if letter == "U" else "ZNY",
                classification=_LETTER_CLASSIFICATION[letter],
                signals=draw(st.sampled_from((("ZZH",), ("ZZH", "ZUI"), ("ZZH", "ZDK")))),
                code=letter * 5,
                note=draw(st.none() | st.just("CCY AD6CB6C9 WSC6493 634")),
            ),
            exempt=draw(_exempt()),
            station_name=station_name(station),
        )
    return Header(**fields)  # type: ignore[arg-type]


_LETTER_CLASSIFICATION = {
    "U": Classification.UNCLASSIFIED,
    "C": Classification.CONFIDENTIAL,
    "S": Classification.SECRET,
    "T": Classification.TOP_SECRET,
}


# --- preamble ---------------------------------------------------------------------------


@st.composite
def _declassify(draw: st.DrawFn) -> Declassify:
    date = draw(st.dates(min_value=dt.date(1980, 1, 1), max_value=dt.date(2035, 12, 31)))
    form = draw(st.sampled_from(("mdy", "ymd", "dng", "N/A", "OADR", "X1", "event")))
    if form == "mdy":
        return Declassify(date, f"{date:%m/%d/%Y}")
    if form == "ymd":
        return Declassify(date, f"{date:%Y/%m/%d}")
    if form == "dng":
        return Declassify(date, f"DNG: CO {date:%m/%d/%Y}")
    if form == "event":
        return Declassify(None, "TEN YEARS AFTER KOREAN UNIFICATION")
    return Declassify(None, form)


def _tag(code: str) -> Tag:
    return Tag(code, tag_kind(code))


_ORGANIZATIONS: list[str] = []


def _organizations() -> list[str]:
    # Codes the TAGS grammar reads as one token and whose kind is "organization".
    if not _ORGANIZATIONS:
        shape = re.compile(r"[A-Z0-9][A-Z0-9&'/-]*[A-Z0-9]")
        _ORGANIZATIONS.extend(
            code
            for code in sorted(organization_tags())
            if shape.fullmatch(code) and tag_kind(code) is TagKind.ORGANIZATION
        )
    return _ORGANIZATIONS


@st.composite
def _tags(draw: st.DrawFn) -> tuple[Tag, ...]:
    kinds = st.one_of(
        st.sampled_from(sorted(subject_tags())),
        st.sampled_from(_GEOGRAPHIC),
        st.sampled_from(_PROGRAMS),
        st.sampled_from(_organizations()),
        st.sampled_from(_PEOPLE),
        st.sampled_from(_UNKNOWN_TAGS),
    )
    codes = draw(st.lists(kinds, min_size=1, max_size=8, unique=True))
    return tuple(_tag(code) for code in codes)


@st.composite
def _reference(draw: st.DrawFn, label: str | None, year: int | None) -> Reference:
    shape = draw(st.sampled_from(("cable", "cable-year", "notal", "email", "telcon", "report")))
    post = draw(st.sampled_from(_POSTS))[0]
    number = draw(st.integers(1, 99_999))
    if shape in ("cable", "notal"):
        caption = "NOTAL" if shape == "notal" else None
        text = f"{post} {number}" + (" (NOTAL)" if caption else "")
        cable_id = f"{year % 100:02d}{post.replace(' ', '')}{number}" if year else None
        return Reference(label, text, ReferenceKind.CABLE, cable_id, caption)
    if shape == "cable-year":
        item_year = draw(st.integers(1990, 2010))
        written = str(item_year) if draw(st.booleans()) else f"{item_year % 100:02d}"
        text = f"{written} {post} {number:05d}"
        cable_id = f"{item_year % 100:02d}{post.replace(' ', '')}{number}"
        return Reference(label, text, ReferenceKind.CABLE, cable_id)
    if shape == "email":
        return Reference(
            label, f"E-MAIL FROM POLOFF OF {number % 28 + 1} MARCH", ReferenceKind.EMAIL
        )
    if shape == "telcon":
        return Reference(label, f"TELCON OF {number % 28 + 1} MARCH", ReferenceKind.TELCON)
    return Reference(label, f"OSC EUP2008070795{number:04d}", ReferenceKind.REPORT)


@st.composite
def _references(draw: st.DrawFn, year: int | None) -> tuple[Reference, ...]:
    count = draw(st.integers(0, 4))
    if count == 0:
        return ()
    lettered = count > 1 and draw(st.booleans())
    labels = string.ascii_uppercase[:count] if lettered else [None] * count
    return tuple(draw(_reference(label, year)) for label in labels)


@st.composite
def _classified_by(draw: st.DrawFn) -> ClassifiedBy:
    authority = draw(st.sampled_from(_AUTHORITIES))
    number = draw(st.sampled_from(("1.4", "1.5")))
    letters = draw(st.lists(st.sampled_from("abcdefgh"), max_size=3, unique=True))
    reasons = [f"{number}({letter})" for letter in sorted(letters)] or [number]
    return ClassifiedBy(authority, tuple(reasons))


# --- body -------------------------------------------------------------------------------


@st.composite
def _body(
    draw: st.DrawFn, max_paragraphs: int, upper: bool
) -> tuple[tuple[Paragraph, ...], tuple[TextBlock, ...], str | None, tuple[str, ...]]:
    case: Callable[[str], str] = str.upper if upper else (lambda text: text)
    count = draw(st.integers(0, max_paragraphs))
    marking = st.none() | st.sampled_from(_MARKINGS)
    texts = [case(draw(paragraph_texts())) for _ in range(count)]
    headings: list[str | None] = [draw(st.none() | _heading) for _ in range(count)]
    summary: str | None = None
    comments: list[str] = []
    if count and draw(st.booleans()):
        form = draw(st.sampled_from(("inline", "heading-end", "heading")))
        if form == "inline":
            summary = texts[0]
            texts[0] = case(f"SUMMARY: {summary} END SUMMARY.")
        elif form == "heading-end":
            summary = texts[0]
            headings[0] = "Summary"
            texts[0] = f"{summary} {case('End Summary.')}"
        else:
            headings[0] = "Summary"
            summary = texts[0]
    if count > 1 and draw(st.booleans()):
        index = draw(st.integers(1, count - 1))
        comment = case(draw(paragraph_texts()))
        comments.append(comment.rstrip("."))
        if draw(st.booleans()):
            texts[index] = f"{texts[index]} ({case('Comment:')} {comment} {case('End comment.')})"
        else:
            texts[index] = case(f"COMMENT: {comment} END COMMENT.")
    paragraphs = tuple(
        Paragraph(
            number,
            draw(marking),
            headings[number - 1],
            texts[number - 1],
            redactions=texts[number - 1].count(_REDACTION),
        )
        for number in range(1, count + 1)
    )
    blocks: tuple[TextBlock, ...] = ()
    if draw(st.booleans()) or not paragraphs:
        blocks = (TextBlock(case(draw(_lead_in))),)
    return paragraphs, blocks, summary, tuple(comments)


@st.composite
def _cable(
    draw: st.DrawFn,
    header: bool | None,
    max_paragraphs: int,
    classifications: Sequence[Classification],
) -> Cable:
    classification = draw(st.sampled_from(classifications))
    post, station, from_ = draw(st.sampled_from(_POSTS))
    serial = draw(st.integers(1, 999_999))
    section = None
    if draw(st.booleans()):
        total = draw(st.integers(2, 12))
        section = Section(draw(st.integers(1, total)), total)
    with_header = draw(st.booleans()) if header is None else header
    routing = (
        draw(headers(classification, station, from_, serial, section)) if with_header else None
    )
    declassify = draw(st.none() | _declassify())
    executive_order = draw(st.none() | st.sampled_from(_EXECUTIVE_ORDERS))
    if executive_order is None and declassify is not None and declassify.text.startswith("DNG"):
        # A downgrade instruction is only read after an E.O. number.
        executive_order = "12958"
    if routing is None and (declassify is None or declassify.date is None):
        # Without a date-time group the reference id needs a dated DECL to get its year.
        day = draw(st.dates(min_value=dt.date(1980, 1, 1), max_value=dt.date(2035, 12, 31)))
        declassify = Declassify(day, f"{day:%m/%d/%Y}")
    year: int | None = None
    if routing is not None and routing.date_time_group is not None:
        year = routing.date_time_group.year
    reference_year = year
    if year is None and declassify is not None and declassify.date is not None:
        reference_year = year_from_declassify(declassify.date.year, executive_order)
    upper = draw(st.booleans())
    paragraphs, blocks, summary, comments = draw(_body(max_paragraphs, upper))
    redactions = sum(p.text.count(_REDACTION) for p in paragraphs) + sum(
        b.text.count(_REDACTION) for b in blocks
    )
    captions = tuple(draw(st.lists(st.sampled_from(_CAPTIONS), max_size=3, unique=True)))
    return Cable(
        reference_id=(reference_id(reference_year, post, serial) if reference_year else None),
        classification=classification,
        origin=post,
        serial=serial,
        section=section,
        header=routing,
        captions=captions,
        distribution=tuple(draw(st.lists(st.sampled_from(_DISTRIBUTION), max_size=2, unique=True))),
        executive_order=executive_order,
        declassify=declassify,
        tags=draw(_tags()),
        subject=draw(_subject),
        references=draw(_references(reference_year)),
        classified_by=draw(st.none() | _classified_by()),
        paragraphs=paragraphs,
        text_blocks=blocks,
        summary=summary,
        comments=comments,
        signature=draw(st.none() | st.sampled_from(_SIGNERS)),
        redactions=redactions,
    )


def cables(
    *,
    header: bool | None = None,
    max_paragraphs: int = 6,
    classifications: Sequence[Classification] | None = None,
) -> st.SearchStrategy[Cable]:
    """Valid cables; ``parse(render(cable))`` equals ``cable`` apart from ``defects``.

    ``header``: ``True`` for cables with a routing header, ``False`` for cables without,
    ``None`` for both.  ``max_paragraphs``: most numbered paragraphs (0 to 50); a cable
    without paragraphs has a text block.  ``classifications``: the levels to draw from
    (default: all five).
    """
    if header is not None and not isinstance(header, bool):
        raise InvalidArgument(f"header={header!r} must be True, False or None")
    _check_range("max_paragraphs", max_paragraphs, 0, 50)
    levels = tuple(Classification) if classifications is None else tuple(classifications)
    if not levels or not all(isinstance(level, Classification) for level in levels):
        raise InvalidArgument(
            f"classifications={classifications!r} must be a non-empty sequence of Classification"
        )
    return _cable(header, max_paragraphs, levels)


# --- damage -----------------------------------------------------------------------------


def _wrap(lines: list[str], width: int) -> list[str]:
    out: list[str] = []
    for line in lines:
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            if cut <= 0:
                break
            out.append(line[:cut])
            line = line[cut + 1 :]
        out.append(line)
    return out


@st.composite
def damage(draw: st.DrawFn, text: str, kinds: Sequence[str] = DAMAGE_KINDS) -> str:
    """``text`` with some of the damage ``kinds`` applied (see :data:`DAMAGE_KINDS`):
    long lines wrapped at 60 to 80 columns, the text or some lines lower-cased, page
    headers (``BEIJING 00001960 002.2 OF 004``, ``PAGE 02 ...``) put in, lines dropped,
    apostrophes keyed as commas (``China,s``)."""
    unknown = set(kinds) - set(DAMAGE_KINDS)
    if unknown:
        raise InvalidArgument(f"unknown damage kinds {sorted(unknown)}; use {DAMAGE_KINDS}")
    lines = text.split("\n")
    chosen = draw(st.lists(st.sampled_from(tuple(kinds)), unique=True))
    if "comma-apostrophe" in chosen:
        lines = [re.sub(r"(?<=[A-Za-z])'(?=[sS]\b)", ",", line) for line in lines]
    if "wrap" in chosen:
        lines = _wrap(lines, draw(st.integers(60, 80)))
    if "lower" in chosen:
        if draw(st.booleans()):
            lines = [line.lower() for line in lines]
        else:
            picks = draw(st.lists(st.integers(0, max(0, len(lines) - 1)), max_size=5))
            for index in picks:
                lines[index] = lines[index].lower()
    if "page-header" in chosen:
        for _ in range(draw(st.integers(1, 3))):
            page = draw(st.integers(2, 9))
            post = draw(st.sampled_from(_POSTS))[0]
            serial = draw(st.integers(1, 99_999))
            header = draw(
                st.sampled_from(
                    (
                        f"{post} {serial:08d} {page:03d}.2 OF {page + 1:03d}",
                        f"PAGE {page:02d} {post} {serial:05d} {page:02d} OF {page + 1:02d} 221200Z",
                        "CONFIDENTIAL",
                    )
                )
            )
            lines.insert(draw(st.integers(0, len(lines))), header)
    if "drop-line" in chosen and len(lines) > 1:
        for _ in range(draw(st.integers(1, 3))):
            if len(lines) > 1:
                del lines[draw(st.integers(0, len(lines) - 1))]
    return "\n".join(lines)


def cable_texts(
    *, damaged: bool = True, kinds: Sequence[str] = DAMAGE_KINDS
) -> st.SearchStrategy[str]:
    """Rendered :func:`cables`; with ``damaged=True`` some of the damage ``kinds`` (see
    :func:`damage`) is applied, as transcription and OCR do to real cables."""
    if not isinstance(damaged, bool):
        raise InvalidArgument(f"damaged={damaged!r} must be a bool")
    unknown = set(kinds) - set(DAMAGE_KINDS)
    if unknown:
        raise InvalidArgument(f"unknown damage kinds {sorted(unknown)}; use {DAMAGE_KINDS}")
    texts = cables().map(render)
    if not damaged:
        return texts
    return texts.flatmap(lambda text: damage(text, tuple(kinds)))


# --- equivalent spellings ---------------------------------------------------------------

_SPACED = re.compile(r"^((?:[A-Z] ){4,}[A-Z])(?= )", re.M)
_EO_LINE = re.compile(r"^E\.O\. (\d+)(:?) ", re.M)


def _reason_spellings(number: str, letters: Sequence[str]) -> list[str]:
    if not letters:
        return [number]
    if len(letters) == 1:
        (a,) = letters
        return [f"{number} ({a})", f"{number}({a})", f"{number} ({a.upper()})", f"{number} {a}"]
    head, last = letters[:-1], letters[-1]
    spaced = " ".join(f"({x})" for x in letters)
    return [
        f"{number} " + ", ".join(f"({x})" for x in head) + f" and ({last})",
        f"{number}(" + ")(".join(letters) + ")",
        f"{number} " + spaced.upper().replace(") (", ") AND (", len(letters) - 1),
        f"{number} (" + ",".join(letters) + ")",
        f"{number} (" + "/".join(letters) + ")",
        f"{number} (" + " & ".join(x.upper() for x in letters) + ")",
        f"{number} " + ", ".join(head) + f" and {last}",
        f"{number} " + ", ".join(f"({x})" for x in letters),
    ]


@st.composite
def _variant(draw: st.DrawFn, cable: Cable) -> tuple[Cable, str]:
    text = render(cable)
    if cable.classified_by is not None and cable.classified_by.reasons:
        reasons = cable.classified_by.reasons
        number = reasons[0].split("(")[0]
        letters = [r[len(number) + 1 : -1] for r in reasons if "(" in r]
        spelled = draw(st.sampled_from(_reason_spellings(number, letters)))
        label = draw(st.sampled_from(("Classified By:", "CLASSIFIED BY:", "Classified by:")))
        joint = draw(
            st.sampled_from((", for reasons ", "; reasons ", " for reason ", ", Reason: "))
        )
        end = draw(st.sampled_from((".", "")))
        line = f"{label} {cable.classified_by.authority}{joint}{spelled}{end}"
        text = re.sub(r"^Classified By: .*$", lambda _: line, text, count=1, flags=re.M)
    if draw(st.booleans()):
        # TAGS without the colon, or separated by spaces only.
        text = re.sub(r"^TAGS: ", draw(st.sampled_from(("TAGS ", "TAGS:  "))), text, flags=re.M)
    if draw(st.booleans()):
        text = _EO_LINE.sub(lambda m: f"{draw(st.sampled_from(('EO', 'E.O.')))} {m[1]} ", text)
    if draw(st.booleans()):
        text = _SPACED.sub(lambda m: m[1].replace(" ", ""), text, count=1)
    if draw(st.booleans()):
        text = re.sub(r"^¶(\d+)\. ", r"\1. ", text, flags=re.M)
    return cable, text


def cable_variants(
    *, header: bool | None = None, max_paragraphs: int = 6
) -> st.SearchStrategy[tuple[Cable, str]]:
    """``(cable, text)`` pairs where ``text`` is the cable written with spellings real cables
    use for the same thing: Classified By reasons as ``1.4 (b) and (d)``, ``1.4(b)(d)``,
    ``1.4 (B) AND (D)``, ``1.4 (b,d)``, ``1.4 (b/d)``, ``1.4 (B & D)``, ``1.4 b and d``,
    labels in capitals, TAGS without a colon, ``EO 12958 DECL:``, an unspaced
    classification (``CONFIDENTIAL``), paragraph numbers without ``¶``.  ``parse(text)``
    equals ``cable`` apart from ``defects``.  Arguments as for :func:`cables`."""
    return cables(header=header, max_paragraphs=max_paragraphs).flatmap(_variant)


# --- articles ---------------------------------------------------------------------------

_PLACES = ("BEIJING", "NEW YORK", "LONDON", "WASHINGTON", "SHANGHAI", "FRANKFURT", "TOKYO")
_AGENCIES = ("Reuters", "AP", "Xinhua")
_PEOPLE_NAMES = ("Jane Doe", "John Roe", "Kevin Yao", "Ken Wills", "Maria Perez", "Ali Khan")


@st.composite
def _article(draw: st.DrawFn) -> Article:
    title = draw(st.none() | _heading)
    paragraphs = tuple(draw(st.lists(paragraph_texts(redactions=False), min_size=1, max_size=6)))
    dateline = None
    if draw(st.booleans()):
        dateline = Dateline(draw(st.sampled_from(_PLACES)), draw(st.sampled_from(_AGENCIES)))
    names = st.lists(st.sampled_from(_PEOPLE_NAMES), min_size=1, max_size=2, unique=True)
    credits = tuple(
        Credit(role, tuple(draw(names)))
        for role in draw(
            st.lists(st.sampled_from(("reporting", "writing", "editing")), unique=True)
        )
    )
    return Article(
        title=title,
        date=draw(st.none() | st.dates(dt.date(2006, 1, 1), dt.date(2013, 12, 31))),
        dateline=dateline,
        authors=tuple(draw(st.lists(st.sampled_from(_PEOPLE_NAMES), max_size=2, unique=True))),
        credits=credits,
        paragraphs=paragraphs,
    )


def articles() -> st.SearchStrategy[Article]:
    """News articles: an optional headline, byline, date and wire dateline, one to six
    paragraphs and an optional credit line (``Reporting by ...; Editing by ...``).
    ``parse(render(article))`` gives the article back."""
    return _article()


def documents() -> st.SearchStrategy[Document]:
    """Either a cable from :func:`cables` or an article from :func:`articles`."""
    return st.one_of(cables(), articles())
