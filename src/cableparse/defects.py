"""Defects: what the parser noticed but did not let stop it, and the one error it raises.

Lenient parsing never raises on bad input; it records a :class:`Defect` on the result, as
the standard library's ``email`` package does.  Strict parsing turns the first defect into
a :class:`ParseError`.  This module imports nothing from the package so that every other
module may use it.
"""

from __future__ import annotations

import enum

import attrs

__all__ = ["CableParseError", "Defect", "DefectCode", "ParseError"]


class DefectCode(str, enum.Enum):
    """The catalogue of defect codes.  Each value is the code written to JSON."""

    #: A line that no rule understood; it is kept verbatim in ``unparsed``.
    UNPARSED_LINE = "unparsed-line"
    #: A routing-header line whose shape the header grammar does not accept.
    HEADER_LINE_INVALID = "header-line-invalid"
    #: The date-time group is malformed or names an impossible date.
    DTG_INVALID = "dtg-invalid"
    #: The Julian day on the DE line disagrees with the day of the date-time group.
    JULIAN_DAY_MISMATCH = "julian-day-mismatch"
    #: The classification line could not be read.
    CLASSIFICATION_LINE_INVALID = "classification-line-invalid"
    #: The classification line and the ZNY/ZNR security line disagree.
    CLASSIFICATION_MISMATCH = "classification-mismatch"
    #: No classification line; the reference id was built from the FM post and the DE serial.
    REFERENCE_ID_FROM_HEADER = "reference-id-from-header"
    #: The year of the reference id was inferred from the declassification date.
    REFERENCE_ID_YEAR_GUESSED = "reference-id-year-guessed"
    #: No reference id could be derived.
    REFERENCE_ID_MISSING = "reference-id-missing"
    #: The E.O./DECL line could not be fully read.
    DECL_INVALID = "decl-invalid"
    #: The TAGS field could not be fully read.
    TAGS_INVALID = "tags-invalid"
    #: The cable has no SUBJECT line.
    SUBJECT_MISSING = "subject-missing"
    #: A REF item could not be read.
    REFERENCE_INVALID = "reference-invalid"
    #: The Classified By field names no reason or could not be read.
    CLASSIFIED_BY_INVALID = "classified-by-invalid"
    #: A paragraph number that a page-mark artefact turned into another number (``15.``
    #: right after ``4.``) was repaired.
    MANGLED_PARAGRAPH_NUMBER = "mangled-paragraph-number"
    #: Paragraph numbers skip or go backwards.
    PARAGRAPH_NUMBER_OUT_OF_SEQUENCE = "paragraph-number-out-of-sequence"
    #: The text was not valid UTF-8 and a fallback decoding was used.
    ENCODING_FALLBACK = "encoding-fallback"
    #: The input contained control characters (such as NUL) that were replaced.
    CONTROL_CHARACTERS = "control-characters"
    #: The input is empty or holds only white space.
    EMPTY_INPUT = "empty-input"
    #: The document was parsed as a cable although detection saw no cable structure.
    NOT_A_CABLE = "not-a-cable"
    #: An article credit line whose names could not be split.
    CREDIT_LINE_INVALID = "credit-line-invalid"
    #: An article's date stamp or metadata date names a day that does not exist.
    ARTICLE_DATE_INVALID = "article-date-invalid"
    #: A bug inside cableparse stopped a parser; the input lines are kept in ``unparsed``.
    INTERNAL_ERROR = "internal-error"
    #: A container (HTML page, CSV row) lacked a field it normally has.
    CONTAINER_FIELD_MISSING = "container-field-missing"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class Defect:
    """One problem found in the input, with the 1-based input line it concerns."""

    code: DefectCode
    message: str
    line: int | None = None


class CableParseError(Exception):
    """Base class of every exception cableparse raises on purpose."""


class ParseError(CableParseError, ValueError):
    """Raised by strict parsing at the first problem.

    ``line`` and ``column`` are 1-based positions in the input (``column`` may be ``None``
    when the problem concerns a whole line); ``code`` is the :class:`DefectCode` that a
    lenient parse would have recorded.
    """

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        code: DefectCode | None = None,
        source_line: str | None = None,
    ) -> None:
        self.message = message
        self.line = line
        self.column = column
        self.code = code
        self.source_line = source_line
        super().__init__(self._render())

    def _render(self) -> str:
        where = ""
        if self.line is not None:
            where = f" (line {self.line}" + (f", column {self.column}" if self.column else "") + ")"
        text = f"{self.message}{where}"
        if self.source_line is not None:
            text += f"\n    {self.source_line}"
            if self.column:
                text += "\n    " + " " * (self.column - 1) + "^"
        return text
