"""Load the Cablegate corpus pages as plain text, in memory, for the benchmarks.

The archive is read with :mod:`tarfile` and the two ``<pre>`` blocks of every page
(header, body) are pulled out by the package's own page reader, so the benchmark needs
nothing but the package and ``../shared``.
"""

from __future__ import annotations

import tarfile
from pathlib import Path

from cableparse.sources.html import read_html

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ARCHIVE = ROOT.parent / "shared" / "corpus" / "cablegate-2010-html.tar.xz"


def page_text(html_text: str) -> str:
    """The page's ``<pre>`` blocks, unescaped and joined by a blank line (the library's own
    Cablegate page reader; the test suite keeps an independent one as its oracle)."""
    return read_html(html_text).text


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
