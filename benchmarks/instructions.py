"""Instructions per cable, counted by valgrind: a figure that host noise does not move.

On a shared machine the cables/s of ``parse_corpus.py`` move by 10-30 % from one run to
the next, more than most single changes are worth.  The count of machine instructions
does not move: string hashes are salted the same way in every run (``PYTHONHASHSEED``)
and the garbage collector is off while the sample is parsed, so the same code counts the
same (to ~1 k a cable).  This script runs the
full parse (``parse`` + ``to_dict``) of a sample of the corpus under ``valgrind
--tool=callgrind`` twice, once without the sample, and reports the difference per
cable.  It counts work, not time (cache misses and branch mispredictions cost time and
no instructions), so it compares two versions of the code;
``parse_corpus.py`` says how fast either is.

    python benchmarks/instructions.py                       # this checkout
    python benchmarks/instructions.py --src /tmp/old/src    # another one, e.g. a worktree
    python benchmarks/instructions.py --src VENV/lib/python3.11/site-packages  # a wheel

Needs valgrind on the PATH; takes a minute or two.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import DEFAULT_ARCHIVE, load_corpus

ROOT = Path(__file__).resolve().parents[1]
# The sample: every STEP-th page after WARM_UP pages that load the parsers.
WARM_UP = 30
STEP = 4


def child(sample_file: str, count: int) -> None:
    """Parse the warm-up pages, then ``count`` pages of the sample (run under valgrind)."""
    import cableparse

    with open(sample_file, "rb") as handle:
        warm_up, sample = pickle.load(handle)
    for text in warm_up:
        cableparse.to_dict(cableparse.parse(text))
    # Where a collection of the older generations falls depends on everything allocated
    # before it, so one more object anywhere moved the count by up to ~30 k a cable; with
    # the collector off, the same code counts the same to ~1 k.  (It costs nothing
    # measurable on the corpus: parse_corpus.py runs with it on.)
    gc.collect()
    gc.disable()
    for text in sample[:count]:
        cableparse.to_dict(cableparse.parse(text))


def instructions(src: Path, sample_file: str, count: int) -> int:
    """Instructions of a child process that parses ``count`` sample pages."""
    with tempfile.TemporaryDirectory() as out:
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}/callgrind.out",
            sys.executable,
            __file__,
            "--child",
            sample_file,
            str(count),
        ]
        # One hash salt for every run: the same code then counts the same.
        environment = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
        result = subprocess.run(command, capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        raise SystemExit(f"valgrind run failed:\n{result.stderr[-2000:]}")
    for line in result.stderr.splitlines():
        if "refs:" in line:  # ==123== I   refs:      2,905,223,578
            return int(line.rsplit(maxsplit=1)[-1].replace(",", ""))
    raise SystemExit("valgrind printed no instruction count")


def build(src: Path) -> str:
    """Which build of the package ``src`` holds: compiled (by mypyc) or pure Python."""
    probe = "import cableparse; print('compiled' if cableparse.compiled() else 'pure Python')"
    environment = {**os.environ, "PYTHONPATH": str(src)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=environment
    )
    return result.stdout.strip() or "unknown"


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="package source dir")
    parser.add_argument("--cables", type=int, default=300, help="sample size")
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    options = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    pages = [text for _, text in load_corpus(options.archive)]
    sample = pages[WARM_UP::STEP][: options.cables]
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as handle:
        pickle.dump((pages[:WARM_UP], sample), handle)
    try:
        # The two runs share nothing: on two cores they run side by side.
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(2) as pool:
            without, with_sample = pool.map(
                lambda count: instructions(options.src, handle.name, count), (0, len(sample))
            )
    finally:
        os.unlink(handle.name)
    per_cable = (with_sample - without) / len(sample)
    print(f"source: {options.src} ({build(options.src)})")
    print(f"sample: {len(sample)} corpus pages (every {STEP}th after the first {WARM_UP})")
    print(f"instructions per cable (parse + to_dict): {per_cable / 1000:,.0f} k")


if __name__ == "__main__":
    main()
