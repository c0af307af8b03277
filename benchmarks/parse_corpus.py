"""Throughput and latency of the full parse on the Cablegate corpus.

Every page is parsed in memory with :func:`cableparse.parse` and turned into a dict with
:func:`cableparse.to_dict` (the whole pipeline: header, preamble, paragraphs, every
contract field, JSON-ready output).  Reports cables/s (median of the rounds), per-cable
p50 / p99 / max, the slowest cables and the peak memory of the process.

Two clocks are read: wall time (``perf_counter``) and the CPU time of the thread
(``thread_time``).  On an idle machine they agree; on a shared one the CPU figures are
the single-core cost of the parse and the wall figures also count time spent waiting for
the core.

    python benchmarks/parse_corpus.py                 # 5 rounds
    python benchmarks/parse_corpus.py --rounds 3 --archive PATH
    python benchmarks/parse_corpus.py --profile       # cProfile: top functions
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import platform
import pstats
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import DEFAULT_ARCHIVE, load_corpus

import cableparse

Pages = list[tuple[str, str]]


def one_round(pages: Pages) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of each page's parse + ``to_dict``."""
    parse = cableparse.parse
    to_dict = cableparse.to_dict
    wall_clock = time.perf_counter
    cpu_clock = time.thread_time
    walls: list[float] = []
    cpus: list[float] = []
    for _, text in pages:
        w0 = wall_clock()
        c0 = cpu_clock()
        to_dict(parse(text))
        cpus.append(cpu_clock() - c0)
        walls.append(wall_clock() - w0)
    return walls, cpus


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


def _latency_line(label: str, latency: list[float]) -> str:
    ordered = sorted(latency)
    p50 = percentile(ordered, 0.50) * 1e3
    p99 = percentile(ordered, 0.99) * 1e3
    worst = ordered[-1] * 1e3
    return f"per cable ({label}): p50 {p50:.3f} ms, p99 {p99:.3f} ms, max {worst:.3f} ms"


def profile(pages: Pages, top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    one_round(pages)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (default 5, min 3)")
    parser.add_argument("--slowest", type=int, default=5, help="slowest cables listed")
    parser.add_argument("--profile", action="store_true", help="print the top functions")
    parser.add_argument("--top", type=int, default=30, help="functions shown by --profile")
    args = parser.parse_args(argv)

    pages = load_corpus(args.archive)
    size = sum(len(text.encode("utf-8")) for _, text in pages)
    print(
        f"python {platform.python_version()} ({platform.machine()}), cableparse "
        f"{cableparse.__version__} ({'compiled' if cableparse.compiled() else 'pure Python'}, "
        f"from {Path(cableparse.__file__).parent})"
    )
    print(f"corpus: {len(pages)} pages, {size / 1e6:.2f} MB of text, from {args.archive.name}")

    # The first parse loads the parsers (from the cache file, or builds them); a warm-up
    # round then fills every lazy table, as in any long-running use.
    start = time.perf_counter()
    cableparse.to_dict(cableparse.parse(pages[0][1]))
    print(f"first parse (parser load): {(time.perf_counter() - start) * 1e3:.1f} ms")
    one_round(pages)

    if args.profile:
        profile(pages, args.top)
        return 0

    rounds = max(3, args.rounds)
    wall_rounds: list[list[float]] = []
    cpu_rounds: list[list[float]] = []
    gc.collect()
    for _ in range(rounds):
        walls, cpus = one_round(pages)
        wall_rounds.append(walls)
        cpu_rounds.append(cpus)
    wall_rates = [len(pages) / sum(walls) for walls in wall_rounds]
    cpu_rates = [len(pages) / sum(cpus) for cpus in cpu_rounds]
    print(f"rounds: {rounds}")
    print(
        f"cables/s (wall, median of {rounds}): {statistics.median(wall_rates):,.0f}   "
        f"[{', '.join(f'{r:,.0f}' for r in wall_rates)}]"
    )
    print(
        f"cables/s (CPU, median of {rounds}):  {statistics.median(cpu_rates):,.0f}   "
        f"[{', '.join(f'{r:,.0f}' for r in cpu_rates)}]"
    )
    # Per-cable latency: each cable's median over the rounds, so that one pause (GC, the
    # scheduler) does not make a cable look slow.
    wall_latency = [statistics.median(column) for column in zip(*wall_rounds, strict=True)]
    cpu_latency = [statistics.median(column) for column in zip(*cpu_rounds, strict=True)]
    print(_latency_line("wall", wall_latency))
    print(_latency_line("CPU", cpu_latency))
    print(f"slowest {args.slowest} (wall, median of {rounds}):")
    ranked = sorted(zip(wall_latency, pages, strict=True), key=lambda item: -item[0])
    for seconds, (name, text) in ranked[: args.slowest]:
        print(f"  {seconds * 1e3:8.3f} ms  {name}  ({len(text):,} chars)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    if sys.platform == "darwin":
        peak /= 1024
    print(f"peak memory (max RSS, corpus text included): {peak:.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
