"""Time ``import cableparse`` in fresh interpreters.

Each run starts a new ``python -c "import cableparse"`` and reads the module's cumulative
import time from ``-X importtime``; the figure reported is the median (and the best) of
the runs.  It also checks that importing builds no Lark parser.

    python benchmarks/import_time.py            # 11 fresh interpreters
    python benchmarks/import_time.py --runs 21
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

LIMIT_MS = 150.0

_PROBE = (
    "import sys, cableparse, cableparse._lark as L; "
    "print('parsers built at import:', L.get_parser.cache_info().currsize); "
    "print('lark imported:', 'lark' in sys.modules)"
)


def one_run() -> tuple[float, str]:
    """Cumulative import time of ``cableparse`` in ms, and the probe's output."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _PROBE],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in result.stderr.splitlines():
        # import time: self [us] | cumulative | imported package
        parts = [part.strip() for part in line.split("|")]
        if len(parts) == 3 and parts[2] == "cableparse":
            return int(parts[1]) / 1000, result.stdout.strip()
    raise RuntimeError("cableparse not found in -X importtime output")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args(argv)
    times = []
    probe = ""
    for _ in range(max(1, args.runs)):
        milliseconds, probe = one_run()
        times.append(milliseconds)
    median = statistics.median(times)
    print(
        f"import cableparse: median {median:.1f} ms, best {min(times):.1f} ms "
        f"over {len(times)} fresh interpreters (limit {LIMIT_MS:.0f} ms)"
    )
    print(probe)
    return 0 if median <= LIMIT_MS else 1


if __name__ == "__main__":
    sys.exit(main())
