"""Write a seed corpus for fuzz_parse.py: the example documents and rendered cables.

``python fuzz/make_corpus.py fuzz/corpus`` (the folder is created; it is git-ignored).
Each seed starts with one byte that fuzz_parse.py reads as "text" (even) or "bytes" (odd).
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(folder: str) -> None:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    seeds = [path.read_bytes() for path in sorted((ROOT / "examples").glob("*.txt"))]
    try:
        from hypothesis.errors import NonInteractiveExampleWarning

        from cableparse import render
        from cableparse.strategies import cables

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", NonInteractiveExampleWarning)
            seeds += [render(cables().example()).encode("utf-8") for _ in range(20)]
    except ImportError:  # hypothesis is optional here
        pass
    for number, seed in enumerate(seeds):
        (out / f"seed-{number:03d}").write_bytes(b"\x00" + seed)
        (out / f"seed-{number:03d}-bytes").write_bytes(b"\x01" + seed)
    print(f"{2 * len(seeds)} seeds in {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).parent / "corpus"))
