"""Load the Cablegate corpus pages as plain text, in memory, for the benchmarks.

Standard library only: the archive is read with :mod:`tarfile` and the two ``<pre>``
blocks of every page (header, body) are pulled out with :mod:`html.parser`, the same way
the test suite reads them, so the benchmark needs nothing but ``../shared``.
"""

from __future__ import annotations

import html.parser
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARCHIVE = ROOT.parent / "shared" / "corpus" / "cablegate-2010-html.tar.xz"


class _PreBlocks(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []
        self.in_pre = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre":
            self.in_pre = True
            self.blocks.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self.in_pre = False

    def handle_data(self, data: str) -> None:
        if self.in_pre:
            self.blocks[-1].append(data)


def page_text(html_text: str) -> str:
    """The page's ``<pre>`` blocks, unescaped and joined by a blank line."""
    parser = _PreBlocks()
    parser.feed(html_text)
    return "\n\n".join("".join(block) for block in parser.blocks)


def load_corpus(archive: Path = DEFAULT_ARCHIVE) -> list[tuple[str, str]]:
    """(reference id, text) of every page in the archive, sorted by reference id."""
    if not archive.exists():
        raise SystemExit(f"corpus archive not found: {archive} (pass --archive PATH)")
    pages: list[tuple[str, str]] = []
    with tarfile.open(archive) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".html"):
                handle = tar.extractfile(member)
                assert handle is not None
                pages.append((Path(member.name).stem, page_text(handle.read().decode("utf-8"))))
    pages.sort()
    return pages
