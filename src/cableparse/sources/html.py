"""Cablegate web pages: the metadata table and the two ``<pre>`` blocks, read with the
standard library's HTML parser.

A page reads ``<table class='cable'>`` with the cells Reference ID, Created, Released,
Classification and Origin, then ``<code><pre>`` header and ``<code><pre>`` body.  Inside the
blocks, tag links (``<a href='/tag/PREL_0.html'>PREL</a>``) and paragraph anchors
(``<a id='par1' href='#par1'>¶</a>``) keep their text and lose their markup, so the body
parser sees ``TAGS: PREL`` and ``¶1.``.  HTML that is not a Cablegate page gives its visible
text, block elements on their own lines.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import re

import attrs

from ..model import Page

__all__ = ["HtmlDocument", "looks_like_html", "parse_page_datetime", "read_html"]

#: The metadata columns a Cablegate page has, as named in its table heading.
PAGE_FIELDS: dict[str, str] = {
    "reference id": "reference_id",
    "created": "created",
    "released": "released",
    "classification": "classification",
    "origin": "origin",
}
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"title", "section", "article", "header", "footer", "blockquote", "dd", "dt", "hr"}
)
_HIDDEN_TAGS = frozenset({"script", "style", "head", "noscript", "template"})
# A whole page, or the ``<pre>`` block of one cut out of it (``<code><pre>C O N F I D E N
# T I A L ...``, as scraped copies of the Cablegate pages keep them).
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?"
    rb"<(?:!doctype\s+html|html|pre|code>\s*<pre)\b",
    re.I,
)
#: How the metadata table opens on Cablegate pages (both quote styles).
_CABLE_TABLE_OPENINGS = ("<table class='cable'>", '<table class="cable">')
_PAGE_DATETIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?")


@attrs.frozen(slots=True)
class HtmlDocument:
    """What an HTML page holds: the text to parse and, for a Cablegate page, its metadata."""

    text: str
    #: ``None`` when the page has no Cablegate metadata table.
    page: Page | None
    #: Metadata cells a Cablegate page lacked or that could not be read, with the reason.
    problems: tuple[str, ...] = ()

    @property
    def is_cablegate(self) -> bool:
        return self.page is not None


def looks_like_html(data: bytes) -> bool:
    """True when ``data`` starts like an HTML or XHTML document, or a ``<pre>`` block of
    one."""
    return bool(_HTML_START.match(data[:1024]))


def parse_page_datetime(value: str) -> dt.datetime | None:
    """``2007-12-20 10:10`` (the pages' form, in UTC) as an aware datetime, else ``None``."""
    match = _PAGE_DATETIME.search(value)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.timezone.utc)
    except ValueError:
        return None


class _PageParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pre_blocks: list[list[str]] = []
        self.headings: list[str] = []
        self.cells: list[str] = []
        self.visible: list[str] = []
        self._pre_depth = 0
        self._hidden_depth = 0
        self._in_cable_table = False
        self._cell: list[str] | None = None
        self._cell_is_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            self._pre_depth += 1
            if self._pre_depth == 1:
                self.pre_blocks.append([])
        elif tag in _HIDDEN_TAGS:
            self._hidden_depth += 1
        elif tag == "table" and "cable" in (dict(attrs).get("class") or "").split():
            self._in_cable_table = True
        elif self._in_cable_table and tag in ("th", "td"):
            self._cell = []
            self._cell_is_heading = tag == "th"
        if tag in _BLOCK_TAGS:
            self.visible.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/> and <hr/> break lines; other empty elements carry no text.
        if tag in _BLOCK_TAGS:
            self.visible.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)
        elif tag in _HIDDEN_TAGS:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag == "table" and self._in_cable_table:
            self._in_cable_table = False
        elif tag in ("th", "td") and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            (self.headings if self._cell_is_heading else self.cells).append(text)
            self._cell = None
        if tag in _BLOCK_TAGS:
            self.visible.append("\n")

    def handle_data(self, data: str) -> None:
        if self._pre_depth:
            self.pre_blocks[-1].append(data)
        if self._cell is not None:
            self._cell.append(data)
        if not self._hidden_depth:
            self.visible.append(data)


def read_html(markup: str, *, whole: bool = False) -> HtmlDocument:
    """Read an HTML page: a Cablegate page's metadata and ``<pre>`` text, else its text.

    On a Cablegate page everything the reader needs follows the metadata table; the ~800
    tags of site navigation before it cost four times the parse of the cable, so parsing
    starts at the table unless ``whole`` is true.
    """
    parser = _PageParser()
    start = 0 if whole else _cable_table_start(markup)
    parser.feed(markup[start:] if start else markup)
    parser.close()
    blocks = ["".join(block) for block in parser.pre_blocks]
    page, problems = _page(parser.headings, parser.cells)
    # Header block, blank line, body block: the layout the plain-text parser expects.
    text = "\n\n".join(blocks) if blocks else _visible_text("".join(parser.visible))
    return HtmlDocument(text, page, problems)


def _cable_table_start(markup: str) -> int:
    for opening in _CABLE_TABLE_OPENINGS:
        position = markup.find(opening)
        if position >= 0:
            return position
    return 0


def _visible_text(raw: str) -> str:
    lines = (" ".join(line.split()) for line in raw.split("\n"))
    text = "\n".join(lines)
    # Block elements each add a line break; keep at most one blank line between blocks.
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def _page(headings: list[str], cells: list[str]) -> tuple[Page | None, tuple[str, ...]]:
    if not headings:
        return None, ()
    values: dict[str, str] = {}
    for heading, cell in zip(headings, cells, strict=False):
        field = PAGE_FIELDS.get(heading.lower())
        if field is not None and cell:
            values[field] = cell
    problems = [
        f"the page has no {heading} cell"
        for heading, field in PAGE_FIELDS.items()
        if field not in values and field != "released"
    ]
    created = released = None
    if "created" in values:
        created = parse_page_datetime(values["created"])
        if created is None:
            problems.append(f"the Created cell {values['created']!r} is not a date and time")
    if "released" in values:
        released = parse_page_datetime(values["released"])
        if released is None:
            problems.append(f"the Released cell {values['released']!r} is not a date and time")
    page = Page(
        reference_id=values.get("reference_id"),
        created=created,
        released=released,
        classification=values.get("classification"),
        origin=values.get("origin"),
    )
    return page, tuple(problems)
