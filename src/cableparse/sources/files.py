"""Every document under some paths: files, folders (recursive), tar and zip archives, and
cables.csv files, streamed one document at a time in a stable order.

:func:`iter_inputs` reads (bytes, csv rows) without parsing, so that the conversion engine
can parse in worker processes; :func:`iter_documents` parses as it goes.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import sys
import tarfile
import zipfile
from collections.abc import Iterable, Iterator
from typing import IO, cast

import attrs

from ..model import Document
from .csv import CsvRow, iter_csv_rows
from .parse import parse_bytes, parse_row
from .sniff import InputKind, is_skipped_name, sniff

__all__ = [
    "Input",
    "InputError",
    "InputMeter",
    "RawInput",
    "RowInput",
    "documents_from",
    "iter_documents",
    "iter_inputs",
    "iter_stream_inputs",
]

_HEAD = 4096
#: Errors that a damaged or truncated archive raises while it is read.  The standard
#: library's readers raise more than their documented errors on damaged input (tarfile's
#: stream mode raises TypeError on a truncated gzip header), and a damaged archive must end
#: as an input error, never as an exception: so any Exception.
_ARCHIVE_ERRORS: tuple[type[BaseException], ...] = (Exception,)


@attrs.frozen(slots=True)
class RawInput:
    """One document's bytes, not yet decoded."""

    name: str
    data: bytes


@attrs.frozen(slots=True)
class RowInput:
    """One cables.csv row."""

    name: str
    row: CsvRow


@attrs.frozen(slots=True)
class InputError:
    """An input that could not be read; ``error`` is what reading it raised."""

    name: str
    error: BaseException

    @property
    def message(self) -> str:
        if isinstance(self.error, OSError) and self.error.strerror:
            return self.error.strerror
        if isinstance(self.error, (OSError, ValueError, EOFError)):
            return str(self.error) or type(self.error).__name__
        return f"damaged input ({type(self.error).__name__}: {self.error})"


Input = RawInput | RowInput | InputError


class InputMeter:
    """How far reading has got, in bytes of the files named on the command line (for a
    progress bar): archives count by compressed bytes read."""

    def __init__(self) -> None:
        self.total = 0
        self._done = 0
        self._current: IO[bytes] | None = None

    def measure(self, paths: Iterable[str]) -> None:
        for path in paths:
            if os.path.isdir(path):
                for folder, dirs, files in os.walk(path):
                    dirs[:] = [d for d in dirs if not d.startswith(".")]
                    for file in files:
                        if not is_skipped_name(file):
                            self.total += _size(os.path.join(folder, file))
            else:
                self.total += _size(path)

    @property
    def position(self) -> int:
        current = 0
        if self._current is not None:
            try:
                current = self._current.tell()
            except (OSError, ValueError):
                current = 0
        return self._done + current

    def start_file(self, handle: IO[bytes]) -> None:
        self._current = handle

    def end_file(self, size: int) -> None:
        self._current = None
        self._done += size


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _as_list(path_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    if isinstance(path_or_paths, (str, os.PathLike)):
        return [os.fspath(path_or_paths)]
    return [os.fspath(path) for path in path_or_paths]


def iter_inputs(
    path_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    meter: InputMeter | None = None,
) -> Iterator[Input]:
    """Every document under the paths, in order, as bytes or csv rows; a path or archive
    member that cannot be read yields an :class:`InputError` and reading goes on."""
    meter = meter or InputMeter()
    for path in _as_list(path_or_paths):
        if path == "-":
            yield from _stream(path, sys.stdin.buffer)
        elif os.path.isdir(path):
            yield from _walk(path, meter)
        else:
            yield from _file(path, meter)


def iter_stream_inputs(handle: IO[bytes], name: str = "-") -> Iterator[Input]:
    """The documents in an open binary stream (standard input, a socket): one text or HTML
    document, or the rows of a cables.csv, or the members of a tar archive."""
    yield from _stream(name, handle)


def _walk(folder: str, meter: InputMeter) -> Iterator[Input]:
    # Entries sorted by name, files and folders together, so the order is the order of the
    # paths (a.txt, b/c.txt, d.txt) on every system.
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield InputError(folder, error)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink():
                yield from _walk(entry.path, meter)
        elif not is_skipped_name(entry.name):
            yield from _file(entry.path, meter)


def _file(path: str, meter: InputMeter) -> Iterator[Input]:
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after a generator's yields
    except OSError as error:
        yield InputError(path, error)
        return
    size = _size(path)
    meter.start_file(handle)
    try:
        yield from _stream(path, handle, seekable=True)
    finally:
        handle.close()
        meter.end_file(size)


def _stream(
    name: str, handle: IO[bytes], *, seekable: bool = False, sniff_name: str | None = None
) -> Iterator[Input]:
    """The documents in one open file: itself, its csv rows or its archive members."""
    try:
        head = handle.read(_HEAD)
    except OSError as error:
        yield InputError(name, error)
        return
    kind = sniff(head, name if sniff_name is None else sniff_name)
    if kind is InputKind.CSV:
        yield from _csv(name, _rewound(head, handle))
    elif kind is InputKind.TAR:
        yield from _tar(name, _rewound(head, handle))
    elif kind is InputKind.ZIP:
        yield from _zip(name, head, handle, seekable)
    elif kind is InputKind.COMPRESSED:
        yield from _decompressed(name, head, _rewound(head, handle))
    else:
        try:
            yield RawInput(name, head + handle.read())
        except OSError as error:
            yield InputError(name, error)


def _csv(name: str, handle: IO[bytes]) -> Iterator[Input]:
    try:
        for index, row in enumerate(iter_csv_rows(handle), start=1):
            yield RowInput(f"{name}#{row.row_id or index}", row)
    except _ARCHIVE_ERRORS as error:
        yield InputError(name, error)


def _tar(name: str, handle: IO[bytes]) -> Iterator[Input]:
    try:
        # Stream mode reads members in order without seeking, so compressed archives of any
        # size are read once, front to back.
        with tarfile.open(fileobj=handle, mode="r|*") as tar:
            while (member := tar.next()) is not None:
                # Stream mode keeps every member header it has passed; drop them so that an
                # archive of a million files reads in flat memory.
                del tar.members[:]  # type: ignore[attr-defined]
                if not member.isfile() or is_skipped_name(member.name):
                    continue
                inner = tar.extractfile(member)
                if inner is None:
                    continue
                yield from _stream(f"{name}/{member.name}", inner)
    except _ARCHIVE_ERRORS as error:
        yield InputError(name, error)


def _decompressed(name: str, head: bytes, handle: IO[bytes]) -> Iterator[Input]:
    """A gzip, bzip2 or xz file: what it holds (a csv, a tar, a text) is read as a stream."""
    try:
        with _decompressor(head, handle) as stream:
            # The decompressors are binary files; typeshed does not list them as IO[bytes].
            inner = cast(IO[bytes], stream)
            yield from _stream(name, inner, sniff_name=_without_compression_suffix(name))
    except _ARCHIVE_ERRORS as error:
        yield InputError(name, error)


def _decompressor(head: bytes, handle: IO[bytes]) -> gzip.GzipFile | bz2.BZ2File | lzma.LZMAFile:
    if head.startswith(b"\x1f\x8b"):
        return gzip.GzipFile(fileobj=handle, mode="rb")
    if head.startswith(b"BZh"):
        return bz2.BZ2File(handle)
    return lzma.LZMAFile(handle)


def _without_compression_suffix(name: str) -> str:
    for suffix in (".gz", ".bz2", ".xz"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _zip(name: str, head: bytes, handle: IO[bytes], seekable: bool) -> Iterator[Input]:
    try:
        source: IO[bytes] = handle
        if not seekable:
            # A zip inside an archive: its directory is at its end, so it is read whole.
            source = io.BytesIO(head + handle.read())
        with zipfile.ZipFile(source) as archive:
            for info in archive.infolist():
                if info.is_dir() or is_skipped_name(info.filename):
                    continue
                with archive.open(info) as inner:
                    yield from _stream(f"{name}/{info.filename}", inner)
    except _ARCHIVE_ERRORS as error:
        yield InputError(name, error)


def _rewound(head: bytes, rest: IO[bytes]) -> IO[bytes]:
    return io.BufferedReader(_Rewound(head, rest), buffer_size=1 << 16)


class _Rewound(io.RawIOBase):
    """A stream whose first bytes were already read for sniffing, put back in front."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer)
        if self._head:
            count = min(len(view), len(self._head))
            view[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def iter_documents(
    path_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    strict: bool = False,
    cable: bool = False,
) -> Iterator[tuple[str, Document]]:
    """Yield ``(name, document)`` for every document under the paths, in order.

    Paths may be files (text, Markdown, Cablegate HTML), folders (read recursively, hidden
    files and images skipped), ``.tar``/``.tar.gz``/``.tar.bz2``/``.tar.xz``/``.zip``
    archives, cables.csv files (one document per row, streamed), any of these compressed
    with gzip, bzip2 or xz (``cables.csv.xz``), and ``-`` for standard input.  Names of archive
    members read ``ARCHIVE/MEMBER``; csv rows read ``FILE#ROW-ID``.  A path that cannot be
    read raises the ``OSError`` (or archive error) that reading it raised.  ``cable=True``
    parses every document as a cable.
    """
    yield from documents_from(iter_inputs(path_or_paths), strict=strict, cable=cable)


def documents_from(
    inputs: Iterable[Input], *, strict: bool = False, cable: bool = False
) -> Iterator[tuple[str, Document]]:
    """Parse what :func:`iter_inputs` or :func:`iter_stream_inputs` read."""
    for item in inputs:
        if isinstance(item, InputError):
            raise item.error
        if isinstance(item, RowInput):
            yield item.name, parse_row(item.row, strict=strict, cable=cable)
        else:
            yield item.name, parse_bytes(item.data, name=item.name, strict=strict, cable=cable)
