"""Fuzz your own code with generated cables from ``cableparse.strategies``.

    pip install 'cableparse[hypothesis]'
    python examples/fuzz_my_pipeline.py [--examples 200]
    pytest examples/fuzz_my_pipeline.py                  # the same tests under pytest

``routing_rows`` below stands for a function of yours: it flattens a cable's routing into rows
for a spreadsheet or a database table.  The tests state what must hold for *any* cable, and
Hypothesis tries hundreds of generated cables (full, short and missing headers, dual
precedence, ZEN addressees, serial ranges, ...) to find one that breaks it.  When one does, it
prints the smallest cable it could shrink the failure to.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cableparse
from cableparse.strategies import cable_texts, cables, documents

# --- your code -----------------------------------------------------------------------------


def routing_rows(document: cableparse.Document) -> list[dict[str, Any]]:
    """One row per addressee: who sent the cable, to whom, in which role, and when."""
    if not isinstance(document, cableparse.Cable) or document.header is None:
        return []
    header = document.header
    sent = header.date_time_group.isoformat() if header.date_time_group else None
    rows = []
    for role, addressees in (("to", header.to), ("info", header.info), ("xmt", header.exempt)):
        for addressee in addressees:
            rows.append(
                {
                    "cable": document.reference_id,
                    "sender": header.from_,
                    "role": role,
                    "recipient": addressee.address,
                    "precedence": addressee.precedence.value if addressee.precedence else None,
                    "sent": sent,
                }
            )
    return rows


# --- the properties your code must have -------------------------------------------------------


@given(cables())
def test_one_row_per_addressee(cable: cableparse.Cable) -> None:
    rows = routing_rows(cable)
    header = cable.header
    expected = 0 if header is None else len(header.to) + len(header.info) + len(header.exempt)
    assert len(rows) == expected
    assert all(row["recipient"] for row in rows)


@given(documents())
def test_rows_survive_the_json_round_trip(document: cableparse.Document) -> None:
    # What you store as JSON and load again must give the same rows as the parsed object.
    assert routing_rows(cableparse.from_json(cableparse.to_json(document))) == routing_rows(
        document
    )


@given(cable_texts(), st.booleans())
def test_never_crashes_on_damaged_text(text: str, strict: bool) -> None:
    # Real transcriptions are damaged (wrapped, lower-cased, lines lost).  Lenient parsing
    # always returns a document; strict parsing may refuse, but only with ParseError.
    try:
        document = cableparse.parse(text, strict=strict)
    except cableparse.ParseError:
        assert strict
        return
    routing_rows(document)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=200, help="cases per test")
    args = parser.parse_args(argv)
    # Building a whole cable takes a while; tell Hypothesis that this is expected.
    chosen = settings(
        max_examples=args.examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    tests = [
        test_one_row_per_addressee,
        test_rows_survive_the_json_round_trip,
        test_never_crashes_on_damaged_text,
    ]
    for test in tests:
        chosen(test)()
        print(f"ok  {test.__name__} ({args.examples} examples)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
