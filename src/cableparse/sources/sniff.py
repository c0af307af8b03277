"""What kind of input a file is, from its name and its first bytes."""

from __future__ import annotations

import enum

from .csv import looks_like_cables_csv
from .html import looks_like_html

__all__ = ["InputKind", "is_skipped_name", "sniff"]


class InputKind(str, enum.Enum):
    TEXT = "text"
    HTML = "html"
    CSV = "csv"
    TAR = "tar"
    #: A gzip, bzip2 or xz stream around one file (``cables.csv.xz``); what is inside is
    #: told after decompressing.
    COMPRESSED = "compressed"
    ZIP = "zip"


_TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_COMPRESSED_MAGIC = (b"\x1f\x8b", b"BZh9", b"BZh", b"\xfd7zXZ\x00")
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
#: Files in folders and archives that are never documents: images, styles, scripts, binaries.
_SKIPPED_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".ico", ".svg", ".webp", ".bmp", ".tif", ".tiff"}
    | {".css", ".js", ".map", ".woff", ".woff2", ".ttf", ".otf", ".eot"}
    | {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".pyc", ".so", ".exe", ".dll", ".o"}
)


def sniff(head: bytes, name: str | None = None) -> InputKind:
    """The kind of an input from its name (suffix) and its first kilobytes."""
    lowered = (name or "").lower()
    if lowered.endswith(_TAR_SUFFIXES) or head[257:262] == b"ustar":
        return InputKind.TAR
    if lowered.endswith(".zip") or head.startswith(_ZIP_MAGIC):
        return InputKind.ZIP
    if head.startswith(_COMPRESSED_MAGIC):
        return InputKind.COMPRESSED
    if lowered.endswith(".csv") or looks_like_cables_csv(head):
        return InputKind.CSV
    if lowered.endswith(_HTML_SUFFIXES) or looks_like_html(head):
        return InputKind.HTML
    return InputKind.TEXT


def is_skipped_name(name: str) -> bool:
    """True for hidden files and files whose suffix says they hold no document."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if not base or base.startswith("."):
        return True
    dot = base.rfind(".")
    return dot > 0 and base[dot:].lower() in _SKIPPED_SUFFIXES
