"""Inputs of about 1 MB built from one repeated construct: each must parse in linear time.

A parser that backtracks or rescans shows itself here long before it shows on real
cables.  Every input is parsed with ``parse`` (which detects the kind first) and turned
into a dict; the limit is 1 s per input.  Wall and CPU time are both shown: on a shared
machine the wall time also counts the time spent waiting for a core.  For information
the script also times ``parse_cable`` (the cable pipeline forced) and ``parse_article``
on the same text.

    python benchmarks/adversarial.py              # the six inputs of the performance brief
    python benchmarks/adversarial.py --scale 0.5  # half-size inputs (linearity check)
    python benchmarks/adversarial.py --extra      # more constructs (comments, spaces, ...)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

import cableparse

LIMIT_SECONDS = 1.0
MEGABYTE = 1_000_000

# A short real-looking routing header and classification line, so that the repeated
# construct reaches the preamble and body code and not only the article fallback.
_HEAD = (
    "VZCZCXRO2111\n"
    "OO RUEHCN RUEHGH\n"
    "DE RUEHBJ #1960/01 0810816\n"
    "ZNY CCCCC ZZH\n"
    "O 220816Z MAR 07\n"
    "FM AMEMBASSY BEIJING\n"
    "TO RUEHC/SECSTATE WASHDC IMMEDIATE 6090\n"
    "\n"
    "C O N F I D E N T I A L SECTION 01 OF 02 BEIJING 001960\n"
    "\n"
    "SIPDIS\n"
    "\n"
    "E.O. 12958: DECL: 03/21/2032\n"
)
_SUBJECT = "SUBJECT: A SUBJECT LINE\n\n"


def _repeat(unit: str, count: int) -> str:
    return unit * count


def single_line(scale: float) -> str:
    words = "THE MINISTER SAID 12 (C) THAT E.O. TAGS REF: --- XXXXXXXXXX AND "
    return _HEAD + _SUBJECT + "1. (C) " + _repeat(words, int(MEGABYTE * scale) // len(words))


def tags(scale: float) -> str:
    count = int(200_000 * scale)
    return _HEAD + "TAGS: " + _repeat("PREL ", count) + "\n" + _SUBJECT + "1. (C) Text.\n"


def references(scale: float) -> str:
    count = int(60_000 * scale)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    items = "".join(f"{letters[i % 26]}. 07STATE{i % 9999:04d} " for i in range(count))
    return _HEAD + "TAGS: PREL\n" + _SUBJECT + "REF: " + items + "\n\n1. (C) Text.\n"


def paragraph_markers(scale: float) -> str:
    count = int(120_000 * scale)
    lines = "".join(f"{i % 200 + 1}. (C) \n" for i in range(count))
    return _HEAD + "TAGS: PREL\n" + _SUBJECT + lines


def dash_lines(scale: float) -> str:
    count = int(14_000 * scale)
    return _HEAD + "TAGS: PREL\n" + _SUBJECT + "1. (C) Text.\n" + _repeat("-" * 70 + "\n", count)


def spaced_classification(scale: float) -> str:
    count = int(40_000 * scale)
    return _repeat("C O N F I D E N T I A L ", count) + "\n\nE.O. 12958: DECL: 03/21/2032\n"


# More constructs, beyond the brief: each once hit a quadratic path somewhere.
def comment_openings(scale: float) -> str:
    count = int(MEGABYTE * scale) // 20
    return _HEAD + _SUBJECT + "1. (C) " + _repeat("COMMENT: end of it. ", count) + "\n"


def white_space_line(scale: float) -> str:
    return _HEAD + _SUBJECT + "1. (C) A" + " " * int(MEGABYTE * scale) + "B ---\n"


def addressee_lines(scale: float) -> str:
    count = int(MEGABYTE * scale) // 40
    lines = _repeat("RUEHXX/AMEMBASSY SOMEWHERE PRIORITY 1234\n", count)
    return _HEAD.replace("TO RUEHC/SECSTATE WASHDC IMMEDIATE 6090\n", "INFO " + lines)


def blank_addressee(scale: float) -> str:
    # Before the addressee patterns read whole words, every blank re-read the run after
    # it: 10,000 blanks took 5 s.
    blanks = " " * int(MEGABYTE * scale)
    return _HEAD.replace("TO RUEHC/SECSTATE WASHDC", "TO RUEHC/SECSTATE" + blanks + "WASHDC")


def blank_from_line(scale: float) -> str:
    blanks = " " * int(MEGABYTE * scale)
    return _HEAD.replace("FM AMEMBASSY ", "FM AMEMBASSY" + blanks)


def damaged_station_lines(scale: float) -> str:
    # Every line is a DE line the grammar refuses (a letter in the serial): the header is
    # read line by line, and each line costs a parse and a defect.
    line = "DE RUEHBJ #19X0\n"
    return "VZCZCXRO1234\n" + _repeat(line, int(MEGABYTE * scale) // len(line))


def header_lines(line: str) -> Callable[[float], str]:
    # A header of one format line over and over: the grammar takes it once, so the
    # header is read line by line.
    def build(scale: float) -> str:
        return "VZCZCXRO1234\n" + _repeat(line, int(MEGABYTE * scale) // len(line))

    return build


def caption_lines(scale: float) -> str:
    return _HEAD + _repeat("NOFORN\n", int(MEGABYTE * scale) // 7) + _SUBJECT + "1. (C) Text.\n"


def underlined_headings(scale: float) -> str:
    # Consecutive headings make one heading: its lines were once joined as they came.
    unit = "TITLE\n-----\n"
    return _HEAD + _SUBJECT + "1. (C) Text.\n" + _repeat(unit, int(MEGABYTE * scale) // len(unit))


def wrapped_field(label: str, line: str) -> Callable[[float], str]:
    """A preamble field that goes on over ~1 MB of wrapped lines: each line once asked
    whether it goes on with the field (a join of the field per line was quadratic)."""

    def build(scale: float) -> str:
        lines = _repeat(line + "\n", int(MEGABYTE * scale) // (len(line) + 1))
        return _HEAD + "TAGS: PREL\n" + label + lines + "\n1. (C) Text.\n"

    return build


def classified_by_over_blanks(scale: float) -> str:
    # Each blank line asks whether the Classified By already gives its reasons.
    unit = "\nSOMEONE\n"
    lines = _repeat(unit, int(MEGABYTE * scale) // len(unit))
    return _HEAD + "TAGS: PREL\n" + _SUBJECT + "Classified By: X\n" + lines + "\n1. (C) Text.\n"


def addressees_over_blanks(scale: float) -> str:
    # Each blank line inside the TO list looks for the next line of text.
    unit = "RUEHC/SECSTATE WASHDC\n\n"
    lines = _repeat(unit, int(MEGABYTE * scale) // len(unit))
    head = "O 220816Z MAR 07\nFM AMEMBASSY BEIJING\nTO "
    return head + lines + "\nC O N F I D E N T I A L BEIJING 001960\n\n" + _SUBJECT


def inline_openings(scale: float) -> str:
    # A body whose line ends were lost: every paragraph opens inside one line.
    unit = "Text. 2. (C) more "
    return _HEAD + _SUBJECT + "1. (C) " + _repeat(unit, int(MEGABYTE * scale) // len(unit)) + "\n"


def tags_word(scale: float) -> str:
    # One long word in TAGS is asked whether it is codes run together (PHUMBA).
    return _HEAD + "TAGS " + "A" * int(MEGABYTE * scale) + "\n" + _SUBJECT + "1. (C) Text.\n"


def relabelled_references(scale: float) -> str:
    # Letters of the cable's own that lag behind the release's, then lines without one:
    # every line goes on with the item above.
    unit = "D. A LINE OF THE ITEM ABOVE\n"
    lines = _repeat(unit, int(MEGABYTE * scale) // len(unit))
    head = "REF: A. (A) EMBASSY REPORT\nB. (A) STATE 1\nC. (B) STATE 2\n"
    return _HEAD + "TAGS: PREL\n" + _SUBJECT + head + lines + "\n1. (C) Text.\n"


def comment_closings(scale: float) -> str:
    # Each paragraph closes a comment it did not open: the paragraphs above are asked.
    unit = "Comment continued: more. End comment.\n\n"
    count = int(MEGABYTE * scale) // (len(unit) + 13)
    paragraphs = "".join(f"{n}. (C) {unit}" for n in range(1, count + 1))
    return _HEAD + "TAGS: PREL\n" + _SUBJECT + paragraphs


def weak_comment_openings(scale: float) -> str:
    # ``comment.`` ending sentences before an END COMMENT: each is asked whether it opens
    # the comment (it does not: no colon, not the start of a sentence).
    unit = "He declined to comment. "
    text = _repeat(unit, int(MEGABYTE * scale) // len(unit))
    return _HEAD + _SUBJECT + "1. (C) " + text + "End comment.\n"


def one_long_word(scale: float) -> str:
    return "X" * int(MEGABYTE * scale)


def blank_lines(scale: float) -> str:
    return _HEAD + _repeat("\n", int(MEGABYTE * scale)) + "1. (C) Text.\n"


INPUTS: dict[str, Callable[[float], str]] = {
    "single 1 MB line": single_line,
    "TAGS with 200,000 codes": tags,
    "60,000 REF items": references,
    "120,000 paragraph markers": paragraph_markers,
    "14,000 dash lines": dash_lines,
    "spaced classification x 40,000": spaced_classification,
}
EXTRA: dict[str, Callable[[float], str]] = {
    "50,000 COMMENT: openings": comment_openings,
    "1 MB of spaces in a line": white_space_line,
    "25,000 addressee lines": addressee_lines,
    "addressee with 1 MB of blanks": blank_addressee,
    "FM line with 1 MB of blanks": blank_from_line,
    "62,500 damaged DE lines": damaged_station_lines,
    "58,823 date-time group lines": header_lines("O 220816Z MAR 07\n"),
    "58,823 impossible dates": header_lines("O 320816Z MAR 07\n"),
    "71,428 security lines": header_lines("ZNY CCCCC ZZH\n"),
    "76,923 VZCZC lines": header_lines("VZCZCXRO1234\n"),
    "142,857 NOFORN lines": caption_lines,
    "83,333 underlined headings": underlined_headings,
    "SUBJECT of 35,714 lines": wrapped_field("SUBJECT: ", "A Subject Line That Wrapped"),
    "REF item of 16,129 lines": wrapped_field(
        _SUBJECT + "REF: ", "A FREE TEXT REFERENCE THAT WRAPPED AT THE MARGIN OF THE LINE"
    ),
    "55,555 openings in one line": inline_openings,
    "Classified By over 111,111 blank lines": classified_by_over_blanks,
    "43,478 TO lines between blank lines": addressees_over_blanks,
    "REF of 35,714 relabelled lines": relabelled_references,
    "19,230 comment closings": comment_closings,
    "41,666 comment. before END COMMENT": weak_comment_openings,
    "one 1 MB word": one_long_word,
    "one 1 MB word in TAGS": tags_word,
    "1,000,000 blank lines": blank_lines,
}


ENTRY_POINTS: dict[str, Callable[[str], object]] = {
    "parse": cableparse.parse,
    "parse_cable": cableparse.parse_cable,
    "parse_article": cableparse.parse_article,
}


def time_input(text: str, repeat: int = 3) -> dict[str, tuple[float, float]]:
    """(wall, CPU) seconds of each entry point + ``to_dict`` on ``text``: the median of
    ``repeat`` runs, so that one run slowed by a busy neighbour does not decide."""
    seconds: dict[str, tuple[float, float]] = {}
    for name, parse in ENTRY_POINTS.items():
        walls: list[float] = []
        cpus: list[float] = []
        for _ in range(repeat):
            start = time.perf_counter()
            cpu = time.thread_time()
            cableparse.to_dict(parse(text))  # type: ignore[arg-type]
            walls.append(time.perf_counter() - start)
            cpus.append(time.thread_time() - cpu)
        seconds[name] = (statistics.median(walls), statistics.median(cpus))
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="input size factor")
    parser.add_argument("--extra", action="store_true", help="also run the extra inputs")
    parser.add_argument("--repeat", type=int, default=3, help="runs per input (median)")
    args = parser.parse_args(argv)
    cableparse.to_dict(cableparse.parse(_HEAD + _SUBJECT + "1. (C) Warm-up.\n"))
    inputs = dict(INPUTS)
    if args.extra:
        inputs.update(EXTRA)
    failures = 0
    print(f"seconds, wall / CPU of the thread, median of {args.repeat} runs")
    print(
        f"{'input':34s} {'size':>8s}  {'parse':>13s}  {'parse_cable':>13s}  {'parse_article':>13s}"
    )
    for label, build in inputs.items():
        text = build(args.scale)
        seconds = time_input(text, args.repeat)
        slow = seconds["parse"][0] > LIMIT_SECONDS
        failures += slow
        cells = "  ".join(f"{wall:6.3f}/{cpu:6.3f}" for wall, cpu in seconds.values())
        print(f"{label:34s} {len(text) / 1e6:5.2f} MB  {cells}" + ("  over 1 s" if slow else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
