"""Plain articles: anything that is not a cable."""

from __future__ import annotations

import re

from .defects import DefectCode
from .model import Article, Page
from .policy import DefectSink, Policy
from .text import SourceText, fold_space

__all__ = ["build_article"]

_BLANK_SPLIT = re.compile(r"\n[ \t]*\n")


def build_article(source: SourceText, policy: Policy, page: Page | None = None) -> Article:
    sink = DefectSink(policy, source.lines)
    if not source.text.strip():
        sink.report(DefectCode.EMPTY_INPUT, "the input holds no text")
        return Article(page=page, defects=tuple(sink.defects))
    blocks = [fold_space(b) for b in _BLANK_SPLIT.split(source.text) if b.strip()]
    if len(blocks) == 1:
        blocks = [fold_space(line) for line in source.lines if line.strip()]
    return Article(paragraphs=tuple(blocks), page=page, defects=tuple(sink.defects))
