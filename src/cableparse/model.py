"""The typed document model: frozen attrs classes, no parsing logic.

Every class is immutable and slotted.  Tuples stand in for lists so that documents can be
hashed and compared.  Source spans (``span``) tell which input lines a part came from; they
do not take part in equality, so a document rebuilt from JSON (which omits spans unless
asked) compares equal to the parsed one.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from .defects import Defect

__all__ = [
    "Addressee",
    "Article",
    "Cable",
    "Classification",
    "ClassifiedBy",
    "Credit",
    "Dateline",
    "Declassify",
    "Document",
    "DocumentKind",
    "FieldSpan",
    "Header",
    "Page",
    "Paragraph",
    "Precedence",
    "Reference",
    "ReferenceKind",
    "Relay",
    "Section",
    "Security",
    "Span",
    "Tag",
    "TagKind",
    "TextBlock",
    "UnparsedLine",
]


class DocumentKind(str, enum.Enum):
    CABLE = "cable"
    ARTICLE = "article"


class Classification(str, enum.Enum):
    """Overall classification levels, lowest first."""

    UNCLASSIFIED = "UNCLASSIFIED"
    LIMITED_OFFICIAL_USE = "LIMITED OFFICIAL USE"
    CONFIDENTIAL = "CONFIDENTIAL"
    SECRET = "SECRET"
    TOP_SECRET = "TOP SECRET"


class Precedence(str, enum.Enum):
    """Delivery precedence, from the prosign letters or the words of addressee lines."""

    FLASH = "FLASH"
    NIACT_IMMEDIATE = "NIACT IMMEDIATE"
    IMMEDIATE = "IMMEDIATE"
    PRIORITY = "PRIORITY"
    ROUTINE = "ROUTINE"
    EMERGENCY = "EMERGENCY"


class TagKind(str, enum.Enum):
    SUBJECT = "subject"
    PROGRAM = "program"
    ORGANIZATION = "organization"
    GEOGRAPHIC = "geographic"
    PERSON = "person"
    UNKNOWN = "unknown"


class ReferenceKind(str, enum.Enum):
    CABLE = "cable"
    EMAIL = "email"
    TELCON = "telcon"
    REPORT = "report"
    MEMO = "memo"
    OTHER = "other"


# Tuple fields accept any iterable from callers (and from cattrs) but store tuples.  The
# converter is the builtin itself, called from C (a field costs a Python call otherwise,
# ~20 a cable); mypy's attrs plugin types converters by a named function's signature.
if TYPE_CHECKING:

    def _tuple(value: Iterable[Any]) -> tuple[Any, ...]: ...

else:
    _tuple = tuple


@attrs.frozen(slots=True)
class Span:
    """Inclusive 1-based range of input lines."""

    first_line: int
    last_line: int


@attrs.frozen(slots=True)
class FieldSpan:
    """The input lines one named field came from."""

    name: str
    span: Span


@attrs.frozen(slots=True)
class UnparsedLine:
    """An input line that no rule claimed, kept verbatim."""

    line: int
    text: str


@attrs.frozen(slots=True)
class Page:
    """What a container (a Cablegate HTML page, a cables.csv row) says about a document."""

    reference_id: str | None = None
    created: dt.datetime | None = None
    released: dt.datetime | None = None
    classification: str | None = None
    origin: str | None = None
    #: Reference ids the container lists for the document (the cables.csv column).
    references: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    #: The row number of a cables.csv record.
    row_id: str | None = None


# --- routing header ---------------------------------------------------------------------


@attrs.frozen(slots=True)
class Relay:
    """Format line 2: the precedence prosign and the routing indicators of the relays."""

    precedence: Precedence | None
    routing_indicators: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen(slots=True)
class Security:
    """Format line 4: ``ZNY CCCCC ZZH``: prefix, classification and operating signals."""

    prefix: str
    classification: Classification | None
    signals: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    #: The five-letter group as written (``CCCCC``, ``SSSBB/FFFFF``).
    code: str | None = None
    #: A parenthesised note after the signals, without the parentheses.
    note: str | None = None


@attrs.frozen(slots=True)
class Addressee:
    """One addressee of a FM/TO/INFO/XMT line: ``RUEHC/SECSTATE WASHDC IMMEDIATE 6090``."""

    routing_indicator: str | None
    address: str
    precedence: Precedence | None = None
    #: Message serial for this addressee, or a range (``0612-0615``) for sectioned cables.
    serial: str | None = None
    #: Name of the station that ``routing_indicator`` designates, from the ACP 117 table.
    station_name: str | None = None
    span: Span | None = attrs.field(default=None, eq=False)


@attrs.frozen(slots=True)
class Header:
    """The routing header, format lines 1 to 9.  Absent lines leave their fields ``None``."""

    transmission_id: str | None = None
    relay: Relay | None = None
    station: str | None = None
    station_serial: int | None = None
    station_section: int | None = None
    filed_day_of_year: int | None = None
    filed_time: str | None = None
    security: Security | None = None
    precedence: Precedence | None = None
    info_precedence: Precedence | None = None
    date_time_group: dt.datetime | None = None
    from_: str | None = None
    to: tuple[Addressee, ...] = attrs.field(default=(), converter=_tuple)
    info: tuple[Addressee, ...] = attrs.field(default=(), converter=_tuple)
    exempt: tuple[Addressee, ...] = attrs.field(default=(), converter=_tuple)
    #: Operating signals written after the date-time group (``O P 180800Z MAR 08 ZDS``).
    dtg_signals: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    #: A note in parentheses after the date-time group (``(CCY ADC1AECC MSI3311-632)``,
    #: a corrected copy), without the parentheses.
    dtg_note: str | None = None
    station_name: str | None = None
    #: Lines of older layouts around the format lines (partial-extract notice, PAGE and
    #: ACTION lines, office distribution), kept verbatim.
    notes: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    spans: tuple[FieldSpan, ...] = attrs.field(default=(), converter=_tuple, eq=False)


# --- preamble ---------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Section:
    """``SECTION 01 OF 03`` on the classification line."""

    number: int
    total: int


@attrs.frozen(slots=True)
class Declassify:
    """The DECL part of the E.O. line; ``text`` keeps the value as written."""

    date: dt.date | None
    text: str


@attrs.frozen(slots=True)
class Tag:
    """One TAGS entry; person tags read ``SURNAME, GIVEN``."""

    code: str
    kind: TagKind


@attrs.frozen(slots=True)
class Reference:
    """One item of a REF field."""

    label: str | None
    text: str
    kind: ReferenceKind = ReferenceKind.OTHER
    #: Canonical id of a referenced cable (``07LAPAZ3261``).
    cable_id: str | None = None
    #: Caption written after the item, such as ``NOTAL`` or ``EXDIS``.
    caption: str | None = None


@attrs.frozen(slots=True)
class ClassifiedBy:
    """The classifying authority and the reasons, normalised to ``1.4(b)`` form."""

    authority: str | None
    reasons: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


# --- body -------------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Paragraph:
    """A numbered paragraph.  ``text`` has no number and no portion mark; lines are joined."""

    number: int
    marking: str | None
    heading: str | None
    text: str
    span: Span | None = attrs.field(default=None, eq=False)
    #: Count of redaction runs (``XXXXXXXXXXXX``, 10 to 14 X's in any case) in the text.
    redactions: int = 0


@attrs.frozen(slots=True)
class TextBlock:
    """Body text outside any numbered paragraph (an unnumbered cable, a lead-in)."""

    text: str
    span: Span | None = attrs.field(default=None, eq=False)


# --- documents --------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Cable:
    """A parsed diplomatic cable."""

    reference_id: str | None = None
    classification: Classification | None = None
    origin: str | None = None
    serial: int | None = None
    section: Section | None = None
    header: Header | None = None
    captions: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    distribution: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    executive_order: str | None = None
    declassify: Declassify | None = None
    tags: tuple[Tag, ...] = attrs.field(default=(), converter=_tuple)
    subject: str | None = None
    references: tuple[Reference, ...] = attrs.field(default=(), converter=_tuple)
    classified_by: ClassifiedBy | None = None
    paragraphs: tuple[Paragraph, ...] = attrs.field(default=(), converter=_tuple)
    text_blocks: tuple[TextBlock, ...] = attrs.field(default=(), converter=_tuple)
    summary: str | None = None
    comments: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    signature: str | None = None
    #: Count of redaction runs (``XXXXXXXXXXXX``) in the body.
    redactions: int = 0
    page: Page | None = None
    #: Layout lines in the body: page headers, repeated classification lines, stamps.
    markers: tuple[UnparsedLine, ...] = attrs.field(default=(), converter=_tuple)
    unparsed: tuple[UnparsedLine, ...] = attrs.field(default=(), converter=_tuple)
    defects: tuple[Defect, ...] = attrs.field(default=(), converter=_tuple)
    spans: tuple[FieldSpan, ...] = attrs.field(default=(), converter=_tuple, eq=False)

    @property
    def kind(self) -> DocumentKind:
        return DocumentKind.CABLE


@attrs.frozen(slots=True)
class Dateline:
    """``BEIJING (Reuters) -``: where the story was filed and by which agency.

    A story that opens with the agency alone (``(Reuters) -``) has no place.
    """

    place: str | None
    agency: str | None = None


@attrs.frozen(slots=True)
class Credit:
    """One role of a credit line: ``Reporting by A and B``."""

    role: str
    names: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen(slots=True)
class Article:
    """Any document that is not a cable: a news story, a pasted web article."""

    title: str | None = None
    date: dt.date | None = None
    dateline: Dateline | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    credits: tuple[Credit, ...] = attrs.field(default=(), converter=_tuple)
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    boilerplate: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    page: Page | None = None
    defects: tuple[Defect, ...] = attrs.field(default=(), converter=_tuple)

    @property
    def kind(self) -> DocumentKind:
        return DocumentKind.ARTICLE


Document = Cable | Article
