"""Time ``import cableparse`` in fresh interpreters.

Each run starts a new ``python -c "import cableparse"`` and reads the module's cumulative
import time from ``-X importtime``; the figure reported is the median (and the best) of
the runs.  It also checks that importing builds no Lark parser.

An installed package imports from compiled bytecode (pip writes it at install time), so
the timed runs do too: the modules' bytecode goes to a temporary ``PYTHONPYCACHEPREFIX``
in a first, untimed run, even where ``PYTHONDONTWRITEBYTECODE`` is set (an editable
install in such an environment would otherwise compile every module on every import).
``--cold`` times compiling from source instead.

    python benchmarks/import_time.py            # 11 fresh interpreters
    python benchmarks/import_time.py --runs 21
    python benchmarks/import_time.py --cold     # no bytecode: source compiled each time
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

LIMIT_MS = 150.0

_PROBE = (
    "import sys, cableparse, cableparse._lark as L; "
    "print('parsers built at import:', L.get_parser.cache_info().currsize); "
    "print('lark imported:', 'lark' in sys.modules)"
)


def one_run(env: dict[str, str]) -> tuple[float, str]:
    """Cumulative import time of ``cableparse`` in ms, and the probe's output."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", _PROBE],
        capture_output=True,
        text=True,
        check=True,
        env=env,
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
    parser.add_argument("--cold", action="store_true", help="no bytecode: compile each time")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ)
        if args.cold:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env["PYTHONPYCACHEPREFIX"] = cache  # empty and never written
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = cache
            one_run(env)  # writes the bytecode, as installing does
        times = []
        probe = ""
        for _ in range(max(1, args.runs)):
            milliseconds, probe = one_run(env)
            times.append(milliseconds)
    median = statistics.median(times)
    how = "compiled from source" if args.cold else "from bytecode"
    print(
        f"import cableparse ({how}): median {median:.1f} ms, best {min(times):.1f} ms "
        f"over {len(times)} fresh interpreters (limit {LIMIT_MS:.0f} ms)"
    )
    print(probe)
    return 0 if median <= LIMIT_MS else 1


if __name__ == "__main__":
    sys.exit(main())
