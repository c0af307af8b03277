"""How a parse treats a defect: record it (lenient, the default) or raise (strict)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .defects import Defect, DefectCode, ParseError

__all__ = ["DEFAULT", "STRICT", "DefectSink", "Policy"]


@attrs.frozen(slots=True)
class Policy:
    """An immutable parsing policy; derive variants with :func:`attrs.evolve`."""

    #: Raise :class:`ParseError` at the first defect instead of recording it.
    raise_on_defect: bool = False


DEFAULT = Policy()
STRICT = attrs.evolve(DEFAULT, raise_on_defect=True)


class DefectSink:
    """Collects the defects of one parse, or raises on the first one under a strict policy."""

    __slots__ = ("_lines", "defects", "policy")

    def __init__(self, policy: Policy, lines: Sequence[str] = ()) -> None:
        self.policy = policy
        self._lines = lines
        self.defects: list[Defect] = []

    def report(
        self,
        code: DefectCode,
        message: str,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        if self.policy.raise_on_defect:
            source = None
            if line is not None and 0 < line <= len(self._lines):
                source = self._lines[line - 1]
            raise ParseError(message, line=line, column=column, code=code, source_line=source)
        self.defects.append(Defect(code, message, line))
