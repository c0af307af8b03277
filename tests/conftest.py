"""Shared fixtures: the seeds in examples/ and the corpus in ../shared (skipped when absent)."""

from __future__ import annotations

import html.parser
import os
import re
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path(os.environ.get("CABLEPARSE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
SEEDS = SHARED / "seeds"


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus file {name} not available (../shared is absent)")
    return path


_NUMBERED_ANCHOR = re.compile(r"par(\d+)$")


class _PreBlocks(html.parser.HTMLParser):
    """Collects the text of the <pre> blocks and counts the ¶ paragraph anchors."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []
        self.in_pre = False
        self.anchors = 0
        self.anchor_numbers: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            self.in_pre = True
            self.blocks.append([])
        elif tag == "a":
            for key, value in attrs:
                # Numbered paragraphs only: WikiLeaks also anchored lettered REF items (parB).
                match = _NUMBERED_ANCHOR.match(value or "") if key == "id" else None
                if match:
                    self.anchors += 1
                    self.anchor_numbers.append(int(match.group(1)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self.in_pre = False

    def handle_data(self, data: str) -> None:
        if self.in_pre:
            self.blocks[-1].append(data)


def page_text(html_text: str) -> tuple[str, int]:
    """The page's two <pre> blocks unescaped and joined by a blank line; the ¶ anchor count."""
    parser = _PreBlocks()
    parser.feed(html_text)
    return "\n\n".join("".join(block) for block in parser.blocks), parser.anchors


def page_anchor_numbers(html_text: str) -> list[int]:
    """The numbers of the page's ¶ paragraph anchors, in order."""
    parser = _PreBlocks()
    parser.feed(html_text)
    return parser.anchor_numbers


def plausible_paragraph_anchors(numbers: list[int]) -> int:
    """Anchors that continue the paragraph sequence.

    WikiLeaks anchored every line that opened with digits and a period, so a wrapped line
    starting with a year (``2013.``) or a resolution number (``1737.``) got an anchor too;
    those jump far ahead of the sequence and are not counted.
    """
    count = 0
    previous: int | None = None
    for number in numbers:
        if (previous is None and number < 100) or (
            previous is not None and number <= previous + 10
        ):
            count += 1
            previous = number
    return count


def iter_cablegate_pages() -> Iterator[tuple[str, str]]:
    """(name, html) for every page of the Cablegate corpus archive."""
    archive = corpus_file("cablegate-2010-html.tar.xz")
    with tarfile.open(archive) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".html"):
                handle = tar.extractfile(member)
                assert handle is not None
                yield Path(member.name).stem, handle.read().decode("utf-8")


@pytest.fixture(scope="session")
def cablegate_pages() -> list[tuple[str, str, int]]:
    """(reference id, plain text, ¶ anchor count) for the 1,295 corpus pages."""
    return [(name, *page_text(html_text)) for name, html_text in iter_cablegate_pages()]


@pytest.fixture(scope="session")
def cablegate_blocks() -> list[tuple[str, str, str]]:
    """(reference id, header block, body block) of the 1,295 corpus pages, each block
    unescaped and without the line ends around it."""
    blocks: list[tuple[str, str, str]] = []
    for name, html_text in iter_cablegate_pages():
        parser = _PreBlocks()
        parser.feed(html_text)
        head, body = ("".join(block).strip("\n") for block in parser.blocks[:2])
        blocks.append((name, head, body))
    return blocks


@pytest.fixture(scope="session")
def cablegate_anchor_numbers() -> dict[str, list[int]]:
    """Reference id → the numbers of the page's ¶ paragraph anchors."""
    return {name: page_anchor_numbers(html_text) for name, html_text in iter_cablegate_pages()}


@pytest.fixture(scope="session")
def seed_cable_text() -> str:
    return (EXAMPLES / "seed-cable.txt").read_text(encoding="utf-8")


# Hypothesis: a fast profile by default (CI), ``HYPOTHESIS_PROFILE=thorough`` for 10,000
# examples per property.  Imported here so that every test module shares the profiles.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile(
    "fast", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
