"""Per-cable text dumps with a five-line prelude (the layout of the alx/cablegate files).

Such a file opens with the reference id, the subject, the creation date in Ruby's
``Time#to_s`` form (``Mon Aug 13 00:00:00 +0100 1979``), the classification and the
origin, followed by the text of the page's ``<pre>`` blocks joined without a separator,
which glues the classification line onto the last header line
(``TO SECSTATE WASHDC 3182C O N F I D E N T I A L SECTION 01 OF 02 TEHRAN 08980``); the
cable parser splits such a line where the body starts (cable.py), keeping its number.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from ..model import Page
from ..vocab import MONTHS

__all__ = ["DumpDocument", "read_dump"]

_REFERENCE_ID = re.compile(r"\d{2}[A-Z][A-Z0-9]{1,24}\d{1,7}$")
_RUBY_TIME = re.compile(
    r"[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d\d):(\d\d):(\d\d) [+-]\d{4} (\d{4})$"
)


@attrs.frozen(slots=True)
class DumpDocument:
    page: Page
    #: The cable text after the prelude, the prelude's lines left blank: a line of the
    #: text is the line of the file with the same number.
    text: str


def read_dump(text: str) -> DumpDocument | None:
    """The prelude as a page and the cable text, or None when ``text`` has no prelude."""
    lines = text.split("\n", 5)
    if len(lines) < 5 or not _REFERENCE_ID.match(lines[0].strip()):
        return None
    when = _RUBY_TIME.match(lines[2].strip())
    if when is None:
        return None
    month, day, hour, minute, second, year = when.groups()
    try:
        # The offset is the zone of the machine that wrote the file; the cable's own
        # date is the wall-clock date, so it is kept as it reads.
        created = dt.datetime(
            int(year),
            MONTHS[month.upper()],
            int(day),
            int(hour),
            int(minute),
            int(second),
            tzinfo=dt.timezone.utc,
        )
    except (KeyError, ValueError):
        created = None
    page = Page(
        reference_id=lines[0].strip(),
        created=created,
        classification=lines[3].strip() or None,
        origin=lines[4].strip() or None,
    )
    return DumpDocument(page, "\n" * (len(lines) - 1) + (lines[5] if len(lines) > 5 else ""))
