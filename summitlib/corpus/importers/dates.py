"""Publication dates of table exports, normalised to ISO ``YYYY-MM-DD``.

Read in this order: date and datetime cells (Excel), Excel serial day numbers, ISO dates
with or without a time, numeric day/month/year dates (day first unless the column shows
month-first order or ``month_first`` is set), and anything else through dateparser (English,
Russian, Belarusian and Ukrainian month names, "Sept. 9, 2021", "9 сентября 2021 г.").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

EXCEL_EPOCH = dt.date(1899, 12, 30)
EXCEL_SERIALS = (20_000, 80_000)  # 1954-10-03 .. 2119-01-10
ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")
NUMERIC = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})(?:[ ,T].*)?")
YEAR_FIRST = re.compile(r"(\d{4})[./](\d{1,2})[./](\d{1,2})(?:[ T].*)?")
LANGUAGES = ["en", "ru", "be", "uk"]


def month_first_order(values: Iterable[object]) -> bool | None:
    """Whether a column's numeric dates put the month first: True, False, or None (unclear)."""
    first_big = second_big = False
    for value in values:
        match = NUMERIC.fullmatch(str(value).strip())
        if match:
            first_big |= int(match.group(1)) > 12
            second_big |= int(match.group(2)) > 12
    if first_big != second_big:
        return second_big
    return None


def to_iso(value: object, month_first: bool = False) -> str | None:
    """The ISO date of a cell, or None when it cannot be read as a date."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _excel_serial(value)
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return _excel_serial(float(text))
    return _parse_text(text, month_first)


def _excel_serial(number: float) -> str | None:
    """An Excel day number (days since 1899-12-30) as an ISO date, if plausible."""
    low, high = EXCEL_SERIALS
    if number != number or not low <= number < high:
        return None
    return (EXCEL_EPOCH + dt.timedelta(days=int(number))).isoformat()


@lru_cache(maxsize=4096)
def _parse_text(text: str, month_first: bool) -> str | None:
    """A date written as text (cached: exports repeat their dates)."""
    numeric = "mdy" if month_first else "dmy"
    for pattern, order in ((ISO, "ymd"), (YEAR_FIRST, "ymd"), (NUMERIC, numeric)):
        match = pattern.fullmatch(text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
            return _valid(parts["y"], parts["m"], parts["d"])
    import dateparser

    order = "MDY" if month_first else "DMY"
    settings = {"DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month", "year"]}
    parsed = dateparser.parse(text, languages=LANGUAGES, settings=settings)
    return parsed.date().isoformat() if parsed else None


def _valid(year: int, month: int, day: int) -> str | None:
    """The ISO date of year, month and day (two-digit years in 1970..2069), if it exists."""
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
