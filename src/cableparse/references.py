"""The REF field: its items (cables, emails, telcons, reports, memos), labels and ids.

``REF: A. 99 PRETORIA 12315 B. STATE 89241 (NOTAL) C. SMITH-JONES EMAIL 10/15/07`` gives
three references labelled A, B and C; cable references get a canonical id (2-digit year
from the item, else the citing cable's; post without spaces; serial without leading zeros).
Labels are ``A.``, ``A)``, ``(A)``, lower case, doubled (``A. A)``) or preceded by the ¶ of a
paragraph anchor; items without labels are separated by ``;``, newlines or spaces.  Every
pattern is matched once per position, so long fields are read in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .memo import remember
from .model import Reference, ReferenceKind
from .text import fold_space

__all__ = [
    "cable_id",
    "ends_on_cable_reference",
    "post_key",
    "read_references",
    "reference_id",
    "with_citing_year",
    "year_from_declassify",
]

_LABEL_WORD: Final = re.compile(
    r"\s*(?i:PROGRAM\s+REF|REF(?:ERENCES?|S|\(S\))?|REFTELS?(?=\s*:))(?![A-Za-z])\s*[:.]?"
)
# Page furniture inside the field: ``MADRID 00000869 001.2 OF 004``, ``PAGE 02 ROME 01196
# 01 OF 02 082030Z``, a lone classification word.
_PAGE_HEADER: Final = re.compile(r"\b[A-Z][A-Z ]{1,30}? \d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}\b")
_PAGE_LINE: Final = re.compile(
    r"^\s*(?:PAGE\s+\d+\b.*|(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET)(?:\s*//\s*\w+)?\s*)$"
)
_LABEL: Final = re.compile(
    r"(?:^|(?<=[\s;,]))¶?\s?"
    r"(?:(?:\(([A-Za-z])\)|\[([A-Za-z])\]|([A-Za-z])[.)])(?=[\s(]|[A-Z0-9](?!\.)|$)"
    r"|([A-Za-z]) [-–] (?=\S))"
)
_POST: Final = r"[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}"
# One of several cable references in a row (``STATE 1234, MOSCOW 5678``).
# A comma may stand between the post and the serial (``PRAGUE 849, PRAGUE, 1228``).
_CABLE: Final = re.compile(
    r"(?:(\d{4}|\d{2}) )?(" + _POST + r"),? 0*(\d{1,7})(?![\d/-]|:\d)"
    # A year after the serial, where a comma or the end follows (``AMMAN 07718 99, ...``).
    r"(?: (?:19|20)?\d{2}(?=[,;]|$))?"
    r"(?: ?\(([A-Z][A-Z /]*)\))?"
)
# What may follow a cable reference in the same item.
_TRAILER: Final = re.compile(
    r"(?:,? ?(?:AND PREVIOUS|AND PREVIOUS/RELATED|AND RELATED|AND PREVIOUS CABLES|CIRCULAR"
    r"|NOTAL|ALL NOTAL|\([^()]{0,80}\)))*"
    r"[ .;,]*"
)
_CAPTION: Final = re.compile(
    r"\(((?:ALL )?(?:NOTAL|EXDIS|NODIS|STADIS|LIMDIS|NOFORN|SIPDIS|SBU))\)"
)
_MONTH_NAME: Final = "(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
# What a cable's subject after a dash adds to an item (``KUALA LUMPUR 1026 - DPM NAJIB
# DISCUSSES ISA``): the item still cites that cable.  A date after the dash dates a
# document of another series (``MTCR POC 201/2006 - MAY 16 2006``).
_DESCRIPTION: Final = re.compile(
    r"(?<= )(?:-{1,2}|\u2013|\u2014) +(?!" + _MONTH_NAME + r"[A-Z]*\.? \d)[A-Z\"'(]"
)
# Words that look like a post before a number but are none.
_NOT_POSTS: Final = frozenset(
    {
        "UNSCR",
        "UNSC",
        "RESOLUTION",
        "PARA",
        "PARAS",
        "PARAGRAPH",
        "DTG",
        "IIR",
        "TD",
        "PAGE",
        "SECTION",
        "NO",
        "NUMBER",
        "EMAIL",
        "E-MAIL",
        "TELCON",
        "MEMO",
        "REPORT",
        "REF",
        "REFTEL",
        "OSC",
        "FBIS",
        "LAW",
        "ARTICLE",
        "ISSUE",
        "AND",
        "OR",
        "E.O.",
        "E.O",
        "EO",
    }
)
_MONTHS: Final = frozenset(
    {
        *("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV"),
        *("DEC", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE", "JULY", "AUGUST"),
        *("SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "MSG"),
    }
)
_POST_ALIASES: Final = {
    "SECSTATE": "STATE",
    "RIODEJAN": "RIODEJANEIRO",
    "RIO": "RIODEJANEIRO",
    "USEU": "USEUBRUSSELS",
    "UNVIE": "UNVIEVIENNA",
    "UNVIENNA": "UNVIEVIENNA",
    # The US mission to UNESCO in Paris.
    "PARISFR": "UNESCOPARISFR",
    "USUNESCOPARISFR": "UNESCOPARISFR",
    "USUNNY": "USUNNEWYORK",
    "USUN": "USUNNEWYORK",
    # Short names REF lines use for posts whose ids spell them out.
    "HAGUE": "THEHAGUE",
    "MEXICOCITY": "MEXICO",
    "ADDIS": "ADDISABABA",
    "PAP": "PORTAUPRINCE",
    "PAUP": "PORTAUPRINCE",
    "BKK": "BANGKOK",
    "HK": "HONGKONG",
    "HCMC": "HOCHIMINHCITY",
    "HOCHIMINH": "HOCHIMINHCITY",
}
# The kind of a non-cable item, from the first telling word; the group name is the kind.
_KIND_WORD: Final = re.compile(
    r"(?i)\b(?:(?P<email>e-?\s?mails?)|(?P<telcon>telcons?|telecons?|telephone|phone\s+call)"
    r"|(?P<memo>memos?|memcons?|memorandums?|memoranda)"
    r"|(?P<report>OSC|IIR|FBIS|reports?|INTSUM|SITREP|TDX?-\d+))\b"
)
_INNER_LABEL: Final = re.compile(
    r"(?:REF:? )?(?:\(?([A-Z])[.):]\s*(?=\S)|\(([A-Z])\)|([A-Z]) (?=\S))"
)
# ``REF:`` or ``REFERENCE:`` repeated at the start of an item.
_ITEM_PREFIX: Final = re.compile(r"^(?:REF(?:ERENCE)?S?(?::\s*|\s+(?=[A-Z]{2})))+")
# A portion mark between the post and the serial: ``KUWAIT (C)02293``.
_MARK_BEFORE_SERIAL: Final = re.compile(r"(?<=[A-Z]) ?\((?:U|C|S|SBU|[CS]//?NF)\) ?(?=\d)")
# Transcription swaps of O and 0: ``LAGOS O1512``, ``COTON0U 348``.
_DIGIT_O: Final = re.compile(r"(?<![A-Z])O(?=\d{3})")
_LETTER_ZERO: Final = re.compile(r"(?<=[A-Z])0(?=[A-Z])")
# A serial, possibly with its year after it: ``4525``, ``4525-91``, ``00789/08``.
_SERIAL: Final = re.compile(r"0*(\d{1,7})(?:[-/](\d{2})(?!\d))?")
# ``[YEAR] POST [(YY)] SERIAL[/SERIAL| AND SERIAL|, SERIAL ...] [YY|(YY)]``.
_CABLE_LIST: Final = re.compile(
    r"(?:(?P<year>\d{4}|\d{2}) )?(?P<post>" + _POST + r")"
    r"(?: \((?P<paren_year>\d{2})\))? ?"
    r"(?!\d{1,2}/\d{1,2}/\d{2}(?:\d\d)?(?!\d))"  # a date (``USEU TODAY 04/06/04``)
    r"(?P<serials>\d{1,7}(?:[-/]\d{2}(?!\d))?(?:(?:/| AND | & |, ?)\d{1,7}(?:[-/]\d{2}(?!\d))?)*)"
    r"(?![\d:])(?: (?P<tail_year>(?:19|20)?\d{2})(?![\d/:-])"
    r"| \((?P<tail_paren_year>(?:19|20)?\d{2})\)(?!\S))?"
)
_PAREN_YEAR: Final = re.compile(r"^\((\d{2}|\d{4})\) ?")
_SERIAL_FIRST: Final = re.compile(r"0*(\d{1,7}) (" + _POST + r")$")
_REFTEL: Final = re.compile(r"REFTELS?\b")


# A post and a serial ending a line: ``MOSCOW 1603``, ``RIO DE JANEIRO 311``.
_ENDS_ON_CABLE: Final = re.compile(r"(?<![^\s;,:])" + _POST + r" 0*\d{1,7}$")


def ends_on_cable_reference(line: str) -> bool:
    """Whether ``line`` ends on a whole cable reference, a post and its serial."""
    return _ENDS_ON_CABLE.search(line) is not None


def cable_id(year: str | None, post: str, serial: str, citing_year: int | None) -> str | None:
    """``07LAPAZ3261`` from the parts of a cable reference; None without any year."""
    if year is not None:
        yy = year[-2:]
    elif citing_year is not None:
        yy = f"{citing_year % 100:02d}"
    else:
        return None
    return reference_id(yy, post, int(serial))


def reference_id(year: str | int, post: str, serial: int) -> str:
    """A cable's reference id: two-digit year, post key, serial (``07``, ``LA PAZ``,
    ``3261`` → ``07LAPAZ3261``); the one rule for a cable's own id and the ids it cites."""
    yy = f"{year % 100:02d}" if isinstance(year, int) else year[-2:]
    return f"{yy}{post_key(post)}{serial}"


#: How many years after it was written a cable was set to declassify: ten as a rule, then
#: the longer terms the orders allowed (corpus, E.O. 12958 with a date-time group: 927 of
#: 1,179 at ten years, 95 at 25, 58 at 20, 23 at 15; 50 for a source's identity, 25X1).
_DECL_TERMS: Final = (10, 15, 20, 25, 50)
#: The last year each order governed new classifications; a cable marked under it was
#: written no later (E.O. 13526 took over from 12958 in 2010).
_LAST_YEAR_OF_ORDER: Final = {"11652": 1978, "12065": 1982, "12356": 1995, "12958": 2010}


def year_from_declassify(declassify_year: int, executive_order: str | None) -> int:
    """The year a cable was likely written, from its DECL year: ten years before, or the
    first longer term that falls within the years of the cable's executive order
    (``E.O. 12958: DECL: 12/31/2034`` is 2009, not 2024: 12958 was gone by then)."""
    last = _LAST_YEAR_OF_ORDER.get(executive_order or "")
    if last is not None:
        for term in _DECL_TERMS:
            if declassify_year - term <= last:
                return declassify_year - term
    return declassify_year - _DECL_TERMS[0]


def post_key(post: str) -> str:
    """A post as reference ids write it: letters and digits only, upper case, known
    aliases resolved (``La Paz`` → ``LAPAZ``, ``SECSTATE`` → ``STATE``), without the kind
    of post written before its city (``AMEMBASSY HANOI`` → ``HANOI``)."""
    name = _POST_NAMES.get(post)
    if name is None:
        words = post.split()
        if len(words) > 1 and words[0].upper() in _POST_KINDS:
            words = words[1:]
        name = _NOT_ID_CHARACTER.sub("", "".join(words)).upper()
        name = _POST_ALIASES.get(name, name)
        remember(_POST_NAMES, post, name)
    return name


# Kinds of post that an address writes before the city; ids never hold them.
_POST_KINDS: Final = frozenset({"AMEMBASSY", "AMCONSUL", "AMCONGEN", "EMBASSY", "CONSULATE"})


_NOT_ID_CHARACTER: Final = re.compile(r"[^A-Za-z0-9]")


# Per distinct post as written, across cables: a few hundred posts recur in every REF
# (bounded memos, see memo.py).
_POST_NAMES: dict[str, str] = {}
_POST_OF: dict[str, str | None] = {}


def read_references(
    text: str, year: int | None = None, origin: str | None = None
) -> list[Reference]:
    """Items of a REF field with their labels; ``year`` and ``origin`` are the citing
    cable's year and post."""
    lines = [line for line in text.split("\n") if not _PAGE_LINE.match(line)]
    body = "\n".join(lines)
    # The label, sometimes written twice (``Ref:  Ref A) Taipei 3393``).
    label_word = _LABEL_WORD.match(body)
    while label_word is not None and label_word.end():
        body = body[label_word.end() :]
        label_word = _LABEL_WORD.match(body)
    if "OF" in body:  # the page header's "001.2 OF 004"
        body = _PAGE_HEADER.sub(" ", body)
    labelled = _labelled_items(body)
    items: list[tuple[str | None, str]]
    if labelled is None:
        items = [(None, part) for part in _unlabelled_parts(body)]
    else:
        items = _mend_release_labels(labelled)
    references: list[Reference] = []
    for label, item in items:
        # Dashes set between items (``(A) State 348254 -  (B) State 348253``) end none.
        item = fold_space(item).strip(" ;,:-\u2013")
        if not item:
            continue
        serial = _LONE_SERIAL.fullmatch(item) if label is not None else None
        if serial is not None and references and references[-1].cable_id is not None:
            # ``A. MANILA 2969`` / ``B. 2962 AND PREVIOUS``: the post and year above.
            cited = _ID_PARTS.fullmatch(references[-1].cable_id)
            if cited is not None:
                identifier = f"{cited.group(1)}{cited.group(2)}{int(serial.group(1))}"
                references.append(Reference(label, item, ReferenceKind.CABLE, identifier, None))
                continue
        if (
            serial is not None
            and not references
            and origin
            and year is not None
            and len(serial.group(1)) >= 3
            and not _YEAR_LIKE.fullmatch(serial.group(1))
        ):
            # ``REF: A) 6307 B) STATE 285773``: the first item names a serial alone, a
            # cable of the citing post (a number that reads as a year may be a wrapped
            # date: no id).
            identifier = reference_id(year, origin, int(serial.group(1)))
            references.append(Reference(label, item, ReferenceKind.CABLE, identifier, None))
            continue
        references.extend(_references(label, item, year))
    return references


# A number that may be a year (19xx, 20xx) rather than a serial.
_YEAR_LIKE: Final = re.compile(r"19\d\d|20\d\d")
# A labelled item that is a serial alone, and the parts of a cable id.
_LONE_SERIAL: Final = re.compile(r"0*(\d{1,7})(?: AND PREVIOUS| AND RELATED)?", re.IGNORECASE)
_ID_PARTS: Final = re.compile(r"(\d\d)([A-Z]+)(\d+)")


def with_citing_year(references: Sequence[Reference], year: int | None) -> list[Reference]:
    """The references again, cable ids filled in with ``year`` where the item names none.

    For callers that learn the citing cable's year only after reading the REF field (from
    the DECL date or the page): items are read again, so an item that gave several
    references gives them again, once.
    """
    if year is None or all(
        r.cable_id is not None or r.kind is not ReferenceKind.CABLE for r in references
    ):
        return list(references)
    result: list[Reference] = []
    index = 0
    while index < len(references):
        reference = references[index]
        if reference.kind is not ReferenceKind.CABLE or reference.cable_id is not None:
            result.append(reference)
            index += 1
            continue
        result.extend(_references(reference.label, reference.text, year))
        index = _item_end(references, index)
    return result


def _item_end(references: Sequence[Reference], index: int) -> int:
    """The end of the references that the item of ``references[index]`` gave: they stand
    in a row, as many as the item gives (a list of serials gave several), and the same
    item written again (``BEIJING 1; BEIJING 1``) starts a row of its own."""
    reference = references[index]
    key = (reference.label, reference.text)
    stop = min(len(references), index + len(_references(key[0], key[1], None)))
    end = index + 1
    while end < stop and (references[end].label, references[end].text) == key:
        end += 1
    return end


def _labelled_items(body: str) -> list[tuple[str | None, str]] | None:
    """Items cut at labels that run A, B, C ...; None when the field has no such labels."""
    cuts: list[tuple[int, int, str]] = []
    for match in _LABEL.finditer(body):
        # The alternatives hold one group each: the last one matched is the letter.
        letter = match[match.lastindex or 0].upper()
        if not cuts:
            # The first label opens the field, or follows one unlabelled item and a
            # semicolon (``REF: 09 STATE 96625; A. STATE 70789; B. ...``); a second REF
            # block goes on with the letters of the first (``REF: C. STATE 12345``).
            before = body[: match.start()].strip(" ¶\n")
            if before and (not before.endswith(";") or ";" in before[:-1]):
                continue
        else:
            previous = cuts[-1]
            doubled = letter == previous[2] and not body[previous[1] : match.start()].strip()
            if doubled:
                # ``A. A) STATE 54183``: the second label repeats the first.
                cuts[-1] = (previous[0], match.end(), letter)
                continue
            # Labels run forward; a list may skip a letter or repeat one (``B) ... B)``).
            if not 0 <= ord(letter) - ord(previous[2]) <= 3:
                continue
        cuts.append((match.start(), match.end(), letter))
    if not cuts:
        return None
    items: list[tuple[str | None, str]] = []
    if body[: cuts[0][0]].strip(" ¶\n"):
        items.append((None, body[: cuts[0][0]]))  # the unlabelled item before the labels
    for i, (_, end, letter) in enumerate(cuts):
        stop = cuts[i + 1][0] if i + 1 < len(cuts) else len(body)
        items.append((letter, body[end:stop]))
    if len(items) == 1 and items[0][0] != "A" and not _names_cables(items[0][1]):
        # One letter other than A before free text is no list: ``J. SMITH EMAIL``.
        return None
    return items


# The web release set a label before every line of a REF list, wrapped lines too: the
# year of a date (``A. EMBASSY PARIS DAILY REPORT FOR JANUARY 13`` / ``B. 2008``), and
# the letters the cable wrote itself came after them (``C. (B) EMBASSY PARIS ...``).
_ENDS_ON_DAY: Final = re.compile(_MONTH_NAME + r"[A-Z]*\.? \d{1,2},?\s*$", re.IGNORECASE)
_OWN_LABEL: Final = re.compile(r"\s*\(([A-Z])\)\s*")


def _is_wrapped_year(item: str) -> bool:
    """A year alone as an item, read as a lone serial is (``2007 AND PREVIOUS``)."""
    lone = _LONE_SERIAL.fullmatch(item)
    return lone is not None and len(lone.group(1)) == 4 and lone.group(1)[:2] in ("19", "20")


def _mend_release_labels(items: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """The items as the cable wrote them, where the release labelled its wrapped lines.

    A year alone under an item that ends on a month and day goes on with that item.
    Where items open with letters of their own that lag behind the release's (``C. (B)``),
    those letters are the labels, and an item without one goes on with the item before.
    """
    mended: list[tuple[str | None, str]] = []
    for label, text in items:
        if (
            mended
            and label is not None
            and _is_wrapped_year(text.strip(" ;,.\n"))
            and _ENDS_ON_DAY.search(mended[-1][1])
        ):
            mended[-1] = (mended[-1][0], f"{mended[-1][1].rstrip()} {text.strip()}")
        else:
            mended.append((label, text))
    own = [_OWN_LABEL.match(text) for _, text in mended]
    lagging = sum(
        1
        for (label, _), match in zip(mended, own, strict=True)
        if label is not None and match is not None and match.group(1) < label
    )
    if lagging < 2:
        return mended
    # Each item as its label and its pieces, joined once: an item that many unlabelled
    # lines go on with is built in linear time.
    relabelled: list[tuple[str | None, list[str]]] = []
    for (label, text), match in zip(mended, own, strict=True):
        if match is not None:
            relabelled.append((match.group(1), [text[match.end() :].strip()]))
        elif relabelled:
            relabelled[-1][1].append(text.strip())
        else:
            relabelled.append((label, [text.strip()]))
    return [(label, " ".join(pieces)) for label, pieces in relabelled]


def _names_cables(item: str) -> bool:
    return bool(_cable_ids(fold_space(item).strip(" ;,.").upper(), None))


_ITEM_BREAK: Final = re.compile(r"[;\n]")
_SERIAL_ONLY: Final = re.compile(r"0*\d{1,7}(?: ?\([A-Z ]+\))?")


def _unlabelled_parts(body: str) -> list[str]:
    """Unlabelled items: split at ``;`` and line ends, then between cable references that
    follow each other (``STATE 1234, STATE 5678``, ``2009 CAIRO 2394 2009 CAIRO 491``)."""
    if "\n" in body:
        body = _join_wrapped_lines(body)
    parts: list[str] = []
    for chunk in _ITEM_BREAK.split(body):
        chunk = fold_space(chunk).strip(" ,")
        if not chunk:
            continue
        pieces = _cable_run(chunk)
        parts.extend(pieces if pieces else [chunk])
    # A line that only continues the previous item (``(D)BEIJING`` / ``5361``).
    merged: list[str] = []
    for part in parts:
        if merged and _SERIAL_ONLY.fullmatch(part):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return merged


def _join_wrapped_lines(body: str) -> str:
    """The lines of an unlabelled field, a line that only wraps a free-text item joined to
    the line before it: ``10 AUGUST 2008 U.S. NON PAPER ON DEPLOYMENT OF A U.S. PATRIOT`` /
    ``BATTERY IN POLAND`` is one item."""
    joined: list[list[str]] = []  # each line of the result, as the lines it joins
    free = False  # the last item of joined[-1] is free text that a line went on with
    for line in body.split("\n"):
        if joined and _wraps_free_item(joined[-1][-1], line, free):
            joined[-1].append(line.strip())
            # A line without an item break goes on with the same item, which stays free
            # text (a line holding a digit never joins): it is not judged again, so that
            # an item of thousands of lines is read in linear time.
            free = ";" not in line
        else:
            joined.append([line])
            free = False
    return "\n".join(
        parts[0] if len(parts) == 1 else " ".join([parts[0].rstrip(), *parts[1:]])
        for parts in joined
    )


# A line that wrapped reached the right margin, less a word: at least this long (without
# the REF label, which a first line loses before this test).
_WRAPPED_LINE: Final = 35
_DIGIT: Final = re.compile(r"\d")


def _wraps_free_item(previous: str, line: str, free: bool) -> bool:
    """A line that goes on with the item on the line before: it names nothing of its own
    (no serial, date or year, no item kind), and that item is free text, not a cable
    reference nor a list of them, on a line that wrapped (long, no closing ``;``).
    ``free``: the item is known to be free text (lines went on with it already)."""
    text = line.strip()
    if not text or _DIGIT.search(text) or _KIND_WORD.search(text) is not None:
        return False
    previous = previous.strip()
    if len(previous) < _WRAPPED_LINE or previous.endswith(";"):
        return False
    if free:
        return True
    item = fold_space(_ITEM_BREAK.split(previous)[-1]).strip(" ,").upper()
    if not item:
        return False
    return not _cable_ids(item, None) and _cable_run(item) is None and not _REFTEL.match(item)


def _cable_run(chunk: str) -> list[str] | None:
    """The cable references a chunk consists of, or None if it holds anything else."""
    upper = chunk.upper()
    pieces = []
    position = 0
    while position < len(upper):
        match = _CABLE.match(upper, position)
        if match is None or not _is_post(match.group(2)):
            return None
        trailer = _TRAILER.match(upper, match.end())
        end = trailer.end() if trailer else match.end()
        comma = match.end(2)
        if upper[comma] == ",":  # the item is read without it
            pieces.append((chunk[position:comma] + chunk[comma + 1 : end]).strip(" ,;.:"))
        else:
            pieces.append(chunk[position:end].strip(" ,;.:"))
        position = end
        # Separators between references: commas, ampersands and (in older cables) colons.
        while position < len(upper) and upper[position] in " ,&:":
            position += 1
        if upper.startswith("AND ", position):
            position += 4
    return pieces if len(pieces) > 1 else None


def _is_post(name: str) -> bool:
    """False for words before a number that name no post (``UNSCR 1737``, ``JULY 15``)."""
    return _post(name) is not None


def _post(name: str) -> str | None:
    """The post that words before a serial name, or None: without a classification word
    before it or a word for the document after it (``UNCLASS USDA FAS 57863``, ``COLOMBO
    CABLES 0266``)."""
    known = _POST_OF.get(name, "")  # no post is named by nothing: "" is "not judged yet"
    if known == "":
        known = _judge_post(name)
        remember(_POST_OF, name, known)
    return known


def _judge_post(name: str) -> str | None:
    if name.replace(" ", "") in _POST_ALIASES:
        return name
    words = name.split()
    while len(words) > 1 and words[0] in _LEVEL_WORDS:
        words.pop(0)
    while len(words) > 1 and words[-1] in _DOCUMENT_WORDS:
        words.pop()
    if words[0] in _NOT_POSTS or _KIND_WORD.search(name) or name.endswith("-"):
        # (``TD-314/65216-07``: a report's number, no post and serial)
        return None
    if any(word in _MONTHS or word in _NOT_POSTS for word in words):
        return None
    return " ".join(words)


_LEVEL_WORDS: Final = frozenset(
    {"UNCLAS", "UNCLASS", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "SBU"}
)
_DOCUMENT_WORDS: Final = frozenset(
    {"CABLE", "CABLES", "TELEGRAM", "TELEGRAMS", "MESSAGE", "MESSAGES"}
)


# Most items are one cable reference and nothing else: ``99 PRETORIA 12315``, ``STATE
# 89241``.  Written this way (a year of 2 or 4 digits, post words of two or more letters, a
# serial of up to 7 digits) an item holds nothing that the general reading changes before
# matching _CABLE_LIST (no REF prefix, no doubled label, no O/0 swap, no #, no caption,
# no year in parentheses), and _CABLE_LIST reads it as the same three parts.
_PLAIN_CABLE: Final = re.compile(r"(?:(\d{4}|\d{2}) )?([A-Z]{2,}(?: [A-Z]{2,}){0,3}) (\d{1,7})")


def _references(label: str | None, text: str, year: int | None) -> list[Reference]:
    """The references one item makes: one, or one per serial of a list such as
    ``KABUL 936/935`` or ``BRASILIA 2799 AND 2764`` (all with the item's label and text)."""
    upper = text.upper()
    plain = _PLAIN_CABLE.fullmatch(upper)
    if plain is not None and not upper.startswith("REF"):
        item_year, written, serial = plain.groups()
        post = _post(written)
        if post is not None:
            identifier = cable_id(_century_year(item_year), post, serial, year)
            return [Reference(label, text, ReferenceKind.CABLE, identifier, None)]
    return _read_item(label, text, upper, year)


def _read_item(label: str | None, text: str, upper: str, year: int | None) -> list[Reference]:
    """:func:`_references` for any item (``upper`` is the item in capitals)."""
    if upper.startswith("REF"):
        upper = _ITEM_PREFIX.sub("", upper, count=1)
    # A doubled label inside the item: ``(A) PARIS 7682``, ``REF A STATE 122214``.
    inner = _INNER_LABEL.match(upper) if label is not None else None
    if inner is not None and (inner.group(1) or inner.group(2) or inner.group(3)) == label:
        upper = upper[inner.end() :].lstrip()
    upper = _DIGIT_O.sub("0", _LETTER_ZERO.sub("O", upper.replace("#", "")))
    # ``(08) SAO PAULO 581``: the year in parentheses before the post.
    if upper.startswith("("):
        upper = _PAREN_YEAR.sub(r"\1 ", upper, count=1)
    if "(" in upper:
        upper = _MARK_BEFORE_SERIAL.sub(" ", upper)
    caption_match = _CAPTION.search(upper) if "(" in upper else None
    caption = caption_match.group(1) if caption_match else None
    cables = _cable_ids(upper, year)
    if not cables and upper[:1].isalnum():
        # ``ISLAMABAD 5266 ISLAMABAD 4817``: several cables in one labelled item.
        for piece in _cable_run(upper) or ():
            cables.extend(_cable_ids(piece, year))
    if cables:
        return [Reference(label, text, ReferenceKind.CABLE, c, caption) for c in cables]
    word = _KIND_WORD.search(upper)
    if word is not None and word.lastgroup is not None:
        return [Reference(label, text, ReferenceKind(word.lastgroup), None, caption)]
    if _REFTEL.match(upper):
        return [Reference(label, text, ReferenceKind.CABLE, None, caption)]
    return [Reference(label, text, ReferenceKind.OTHER, None, caption)]


def _century_year(year: str | None) -> str | None:
    """The year written before a post, or None: four digits are a year only as 19xx or
    20xx."""
    if year is not None and len(year) == 4 and year[:2] not in ("19", "20"):
        return None
    return year


def _cable_ids(upper: str, year: int | None) -> list[str | None]:
    """Cable ids of an item that is nothing but cable references, else []."""
    match = _CABLE_LIST.match(upper)
    swapped = None
    if match is None:
        swapped = _SERIAL_FIRST.match(upper)
        post = None if swapped is None else _post(swapped.group(2))
        if swapped is None or post is None:
            return []
        if _YEAR_LIKE.fullmatch(swapped.group(1)):
            # ``B) 2005 Minsk``: the year before the post, the serial left out.
            return [None]
        return [cable_id(None, post, swapped.group(1), year)]
    post = _post(match.group("post"))
    if post is None or (
        upper[match.start("serials") - 1] != " " and len(post.rsplit(" ", 1)[-1]) < 2
    ):
        # (a letter glued to the digits is part of another kind of number: ``EXP.LIC.
        # D328589``)
        return []
    trailer = _TRAILER.match(upper, match.end())
    if trailer is None or (
        trailer.end() != len(upper) and not _DESCRIPTION.match(upper, trailer.end())
    ):
        return []
    item_year = _century_year(match.group("year") or match.group("paren_year"))
    tail_year = match.group("tail_year") or match.group("tail_paren_year")
    if tail_year:
        item_year = tail_year
    ids: list[str | None] = []
    seen: set[str | None] = set()
    for serial in _SERIAL.finditer(match.group("serials")):
        serial_year = serial.group(2) or item_year
        identifier = cable_id(serial_year, post, serial.group(1), year)
        if identifier not in seen:
            seen.add(identifier)
            ids.append(identifier)
    return ids
