"""Office holders: who was the Russian president or the Belarusian prime minister on a date.

A registry description ("the Russian president", "the Belarusian prime minister") names an
office, and the office has had other holders than the one the registry lists today: in an
article of 1999 "the Russian president" is Boris Yeltsin, in one of 2010 Dmitry Medvedev.
``data/office_holders.csv`` lists each holder from their first day in office.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Holder:
    """One term of an office: the holder, their gender and their first day."""

    office: str
    actor: str
    gender: str
    start: dt.date


def holders_path() -> Path:
    """The office-holder list that ships with summitlib."""
    return Path(str(resources.files("summitlib") / "data" / "office_holders.csv"))


@lru_cache(maxsize=2)
def load_holders(path: Path | None = None) -> dict[str, tuple[Holder, ...]]:
    """Each office's terms, in order of their first day."""
    lines = (path or holders_path()).read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(line for line in lines if not line.startswith("#"))
    terms: dict[str, list[Holder]] = {}
    for row in rows:
        start = dt.date.fromisoformat(row["from"])
        terms.setdefault(row["office"], []).append(
            Holder(row["office"], row["actor"], row["gender"], start)
        )
    return {office: tuple(sorted(ts, key=lambda h: h.start)) for office, ts in terms.items()}


def holder_on(office: str, day: dt.date | None) -> Holder | None:
    """Who held ``office`` on ``day`` (None for an office not listed, no day, or a day
    before its first listed term)."""
    terms = load_holders().get(office)
    if not terms or day is None:
        return None
    i = bisect.bisect_right([h.start for h in terms], day) - 1
    return terms[i] if i >= 0 else None
