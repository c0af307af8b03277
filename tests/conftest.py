"""Shared fixtures: the seeds in examples/ and the corpus in ../shared (skipped when absent)."""

from __future__ import annotations

import html.parser
import os
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


class _PreBlocks(html.parser.HTMLParser):
    """Collects the text of the <pre> blocks and counts the ¶ paragraph anchors."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []
        self.in_pre = False
        self.anchors = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            self.in_pre = True
            self.blocks.append([])
        elif tag == "a" and any(k == "id" and (v or "").startswith("par") for k, v in attrs):
            self.anchors += 1

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
def seed_cable_text() -> str:
    return (EXAMPLES / "seed-cable.txt").read_text(encoding="utf-8")
