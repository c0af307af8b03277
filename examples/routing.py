"""Print who sent a cable to whom, and when, from its routing header.

    python examples/routing.py                       # the seed cable next to this script
    python examples/routing.py path/to/cable.txt ...

Output for the seed cable:

    07BEIJING1960  CONFIDENTIAL  filed 2007-03-22 08:16 UTC (precedence IMMEDIATE)
      from  AMEMBASSY BEIJING  [RUEHBJ = AMEMBASSY BEIJING]
      to    SECSTATE WASHDC  IMMEDIATE  serial 6090  [RUEHC = DEPT OF STATE WASHINGTON DC]
      info  UN SECURITY COUNCIL COLLECTIVE  IMMEDIATE  [RUEHGG]
      ...
"""

from __future__ import annotations

import sys
from pathlib import Path

import cableparse

SEED = Path(__file__).with_name("seed-cable.txt")


def describe_addressee(role: str, addressee: cableparse.Addressee) -> str:
    parts = [f"  {role:<5} {addressee.address}"]
    if addressee.precedence is not None:
        parts.append(addressee.precedence.value)
    if addressee.serial is not None:
        parts.append(f"serial {addressee.serial}")
    if addressee.routing_indicator is not None:
        # The station name comes from the ACP 117 routing-indicator table shipped with
        # cableparse; collectives and unknown indicators have none.
        station = addressee.routing_indicator
        if addressee.station_name:
            station += f" = {addressee.station_name}"
        parts.append(f"[{station}]")
    return "  ".join(parts)


def describe(cable: cableparse.Cable) -> list[str]:
    header = cable.header
    title = f"{cable.reference_id or '(no reference id)'}  "
    title += cable.classification.value if cable.classification else "(unclassified?)"
    if header is None:
        return [title, "  (no routing header)"]
    if header.date_time_group is not None:
        title += f"  filed {header.date_time_group:%Y-%m-%d %H:%M} UTC"
    if header.precedence is not None:
        title += f" (precedence {header.precedence.value})"
    lines = [title]
    sender = header.from_ or "(no FM line)"
    if header.station:
        station = header.station
        if header.station_name:
            station += f" = {header.station_name}"
        sender += f"  [{station}]"
    lines.append(f"  from  {sender}")
    for role, addressees in (("to", header.to), ("info", header.info), ("xmt", header.exempt)):
        lines.extend(describe_addressee(role, addressee) for addressee in addressees)
    return lines


def main(argv: list[str]) -> int:
    paths = [Path(name) for name in argv] or [SEED]
    for path in paths:
        document = cableparse.parse(path.read_text(encoding="utf-8", errors="replace"))
        if not isinstance(document, cableparse.Cable):
            print(f"{path}: not a cable (parsed as an article)")
            continue
        print("\n".join(describe(document)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
