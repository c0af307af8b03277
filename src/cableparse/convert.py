"""Converting a corpus: every document under some paths to JSON Lines (or Parquet), in
input order, on several processes, in flat memory.

Reading stays in the calling process (it is I/O); decoding, parsing and serialising run in
worker processes, which hand back finished output lines.  Inputs are fed to the workers
through a bounded window, so however large the corpus, only a few hundred documents are in
flight at once.
"""

from __future__ import annotations

import collections
import enum
import functools
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, Protocol

import attrs
import orjson

from .defects import CableParseError
from .model import Cable, Document
from .serialize import to_dict
from .sources.files import InputError, InputMeter, RawInput, RowInput, iter_inputs
from .sources.parse import parse_bytes, parse_row

__all__ = [
    "ConvertError",
    "OutputFormat",
    "Progress",
    "Summary",
    "convert",
]

#: Documents per task sent to a worker: enough to make the hand-over cheap.
CHUNKSIZE = 8
#: Chunks in flight per worker before reading waits for results.
WINDOW_CHUNKS = 4


class OutputFormat(str, enum.Enum):
    JSONL = "jsonl"
    PARQUET = "parquet"


@attrs.frozen(slots=True)
class ConvertError:
    """A document that could not be read or parsed, and why."""

    name: str
    message: str


@attrs.frozen(slots=True)
class Summary:
    """What a conversion did."""

    documents: int = 0
    cables: int = 0
    articles: int = 0
    errors: tuple[ConvertError, ...] = ()
    #: Defect counts by code, most frequent first.
    defects: tuple[tuple[str, int], ...] = ()
    seconds: float = 0.0

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def render(self) -> str:
        """The closing lines that ``cableparse convert`` prints on stderr."""
        lines = [
            f"{self.documents:,} documents ({self.cables:,} cables, {self.articles:,} articles)"
            f", {len(self.errors):,} errors, in {self.seconds:.1f} s"
            f" ({self.documents_per_second:,.1f} documents/s)"
        ]
        if self.defects:
            total = sum(count for _, count in self.defects)
            codes = ", ".join(f"{code} {count:,}" for code, count in self.defects)
            lines.append(f"defects: {total:,} ({codes})")
        else:
            lines.append("defects: none")
        return "\n".join(lines)


class _Tally:
    """The running counts of a conversion."""

    def __init__(self) -> None:
        self.documents = self.cables = self.articles = 0
        self.errors: list[ConvertError] = []
        self.defects: collections.Counter[str] = collections.Counter()
        self.started = time.perf_counter()

    def summary(self) -> Summary:
        return Summary(
            documents=self.documents,
            cables=self.cables,
            articles=self.articles,
            errors=tuple(self.errors),
            defects=tuple(self.defects.most_common()),
            seconds=time.perf_counter() - self.started,
        )


@attrs.frozen(slots=True)
class _Outcome:
    """What a worker hands back for one input: the output record, or an error."""

    name: str
    line: bytes | None = None
    kind: str | None = None
    defect_codes: tuple[str, ...] = ()
    columns: dict[str, Any] | None = None
    error: str | None = None


class Progress(Protocol):
    def update(self, summary: Summary, position: int, total: int) -> None: ...

    def message(self, text: str) -> None: ...

    def close(self) -> None: ...


def _work(item: RawInput | RowInput, *, strict: bool, spans: bool, columns: bool) -> _Outcome:
    try:
        if isinstance(item, RowInput):
            document = parse_row(item.row, strict=strict)
        else:
            document = parse_bytes(item.data, name=item.name, strict=strict)
        data = to_dict(document, spans=spans)
        return _Outcome(
            name=item.name,
            line=orjson.dumps(data) + b"\n",
            kind=data["kind"],
            defect_codes=tuple(defect.code.value for defect in document.defects),
            columns=_columns(item.name, document, data) if columns else None,
        )
    except CableParseError as error:
        return _Outcome(name=item.name, error=str(error).split("\n", 1)[0])
    except Exception as error:  # a bug must cost one document, never the whole run
        return _Outcome(name=item.name, error=f"internal error: {type(error).__name__}: {error}")


def _columns(name: str, document: Document, data: dict[str, Any]) -> dict[str, Any]:
    page = document.page
    if isinstance(document, Cable):
        reference_id = document.reference_id
        classification = document.classification.value if document.classification else None
        title = document.subject
    else:
        reference_id = page.reference_id if page else None
        classification = page.classification if page else None
        title = document.title
    return {
        "name": name,
        "kind": data["kind"],
        "reference_id": reference_id,
        "classification": classification,
        "created": page.created if page else None,
        "title": title,
        "defects": len(document.defects),
        "document": orjson.dumps(data).decode("utf-8"),
    }


class _Writer(Protocol):
    def write(self, outcome: _Outcome) -> None: ...

    def close(self) -> None: ...


class _JsonLinesWriter:
    def __init__(self, out: IO[bytes]) -> None:
        self._out = out

    def write(self, outcome: _Outcome) -> None:
        assert outcome.line is not None
        self._out.write(outcome.line)

    def close(self) -> None:
        self._out.flush()


class _ParquetWriter:
    """Parquet through pyarrow: a few flat columns for filtering and the whole JSON
    document, written in row groups so that memory stays flat."""

    ROWS_PER_GROUP = 2000

    def __init__(self, out: IO[bytes]) -> None:
        try:
            import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]
            import pyarrow.parquet as pq  # type: ignore[import-untyped,import-not-found,unused-ignore]
        except ImportError as error:
            raise RuntimeError(
                "--format parquet needs pyarrow: pip install 'cableparse[parquet]'"
            ) from error
        self._pa = pa
        self._schema = pa.schema(
            [
                ("name", pa.string()),
                ("kind", pa.string()),
                ("reference_id", pa.string()),
                ("classification", pa.string()),
                ("created", pa.timestamp("s", tz="UTC")),
                ("title", pa.string()),
                ("defects", pa.int32()),
                ("document", pa.string()),
            ]
        )
        self._writer = pq.ParquetWriter(out, self._schema)
        self._rows: list[dict[str, Any]] = []

    def write(self, outcome: _Outcome) -> None:
        assert outcome.columns is not None
        self._rows.append(outcome.columns)
        if len(self._rows) >= self.ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            table = self._pa.Table.from_pylist(self._rows, schema=self._schema)
            self._writer.write_table(table)
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def default_jobs() -> int:
    """All the cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def convert(
    paths: Iterable[str | os.PathLike[str]],
    out: IO[bytes],
    *,
    output_format: OutputFormat = OutputFormat.JSONL,
    jobs: int | None = None,
    strict: bool = False,
    spans: bool = False,
    progress: Progress | None = None,
    on_error: Callable[[ConvertError], None] | None = None,
) -> Summary:
    """Write every document under ``paths`` to ``out``, in input order.

    ``jobs`` worker processes parse (default: all cores; 1 parses in this process).  An
    input that cannot be read or parsed (strict mode) is skipped, reported to
    ``on_error`` and listed in the returned :class:`Summary`.
    """
    path_list = [os.fspath(path) for path in paths]
    jobs = default_jobs() if jobs is None else max(1, jobs)
    meter = InputMeter()
    if progress is not None:
        meter.measure(path_list)
    writer: _Writer = (
        _ParquetWriter(out) if output_format is OutputFormat.PARQUET else _JsonLinesWriter(out)
    )
    work = functools.partial(
        _work, strict=strict, spans=spans, columns=output_format is OutputFormat.PARQUET
    )
    tally = _Tally()
    last_update = 0.0
    try:
        for outcome in _outcomes(iter_inputs(path_list, meter=meter), work, jobs):
            if outcome.error is not None:
                error = ConvertError(outcome.name, outcome.error)
                tally.errors.append(error)
                if on_error is not None:
                    on_error(error)
            else:
                writer.write(outcome)
                tally.documents += 1
                if outcome.kind == "cable":
                    tally.cables += 1
                else:
                    tally.articles += 1
                tally.defects.update(outcome.defect_codes)
            if progress is not None and time.perf_counter() - last_update >= 0.1:
                last_update = time.perf_counter()
                progress.update(tally.summary(), meter.position, meter.total)
    finally:
        writer.close()
        if progress is not None:
            progress.close()
    return tally.summary()


def _outcomes(
    inputs: Iterator[RawInput | RowInput | InputError],
    work: Callable[[RawInput | RowInput], _Outcome],
    jobs: int,
) -> Iterator[_Outcome]:
    if jobs == 1:
        for item in inputs:
            yield _read_error(item) if isinstance(item, InputError) else work(item)
        return
    # Pool.imap pulls its input from a thread as fast as it can; the semaphore holds it to a
    # window of documents in flight, released as results come back, so memory stays flat.
    size = jobs * CHUNKSIZE * WINDOW_CHUNKS
    window = threading.Semaphore(size)
    stop = threading.Event()

    def gated() -> Iterator[RawInput | RowInput | _Outcome]:
        for item in inputs:
            window.acquire()
            if stop.is_set():
                return
            # A read error is already an outcome; the exception it holds stays here.
            yield _read_error(item) if isinstance(item, InputError) else item

    with multiprocessing.get_context().Pool(jobs, initializer=_ignore_interrupts) as pool:
        try:
            for outcome in pool.imap(
                functools.partial(_dispatch, work=work), gated(), chunksize=CHUNKSIZE
            ):
                window.release()
                yield outcome
        finally:
            # When the caller stops early, the reading thread may wait for room in the
            # window; let it go, or the pool would wait for it forever on the way out.
            stop.set()
            window.release(size)


def _ignore_interrupts() -> None:
    # Ctrl-C reaches every process of the group; only the parent handles it (and then
    # terminates the pool), so a worker never dies in the middle of a task.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _dispatch(
    item: RawInput | RowInput | _Outcome, *, work: Callable[[RawInput | RowInput], _Outcome]
) -> _Outcome:
    return item if isinstance(item, _Outcome) else work(item)


def _read_error(item: InputError) -> _Outcome:
    return _Outcome(name=item.name, error=item.message)


class TerminalProgress:
    """A one-line progress bar on a terminal: share of input bytes read, documents, rate."""

    WIDTH = 24

    def __init__(self, stream: IO[str] | None = None) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._shown = False

    def update(self, summary: Summary, position: int, total: int) -> None:
        done = summary.documents + len(summary.errors)
        rate = summary.documents_per_second
        if total > 0:
            share = min(1.0, position / total)
            filled = int(share * self.WIDTH)
            bar = f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {share:4.0%} "
        else:
            bar = ""
        line = f"\r{bar}{done:,} documents, {rate:,.0f}/s, {summary.seconds:,.0f} s"
        self._stream.write(line + "\x1b[K")
        self._stream.flush()
        self._shown = True

    def message(self, text: str) -> None:
        if self._shown:
            self._stream.write("\r\x1b[K")
        self._stream.write(text + "\n")
        self._stream.flush()

    def close(self) -> None:
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False
