"""Normalised date values on the calendar: intervals, granularity, windows."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import pandas as pd

from summitlib.analysis.groups import with_column
from summitlib.analysis.params import GRANULARITIES

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _single_interval(value: str) -> tuple[dt.date, dt.date, str] | None:
    """First day, last day and granularity of a single (non-range) value."""
    try:
        if m := _DAY.match(value):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day, "day"
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return dt.date(year, month, 1), _month_end(year, month), "month"
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6), "week"
        if m := _QUARTER.match(value):
            year, q = int(m[1]), int(m[2])
            return dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter"
        if m := _HALF.match(value):
            year, h = int(m[1]), int(m[2])
            return dt.date(year, 6 * h - 5, 1), _month_end(year, 6 * h), "half"
        if m := _YEAR.match(value):
            year = int(m[1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    except ValueError:
        return None
    return None


def value_interval(value: object) -> tuple[dt.date, dt.date] | None:
    """The calendar interval a normalised date value covers, or None if it does not parse."""
    parsed = _parse_value(value)
    return None if parsed is None else (parsed[0], parsed[1])


def value_granularity(value: object) -> str | None:
    """``day``, ``week``, ``month``, ``quarter``, ``half`` or ``year`` (ranges: the coarser end)."""
    parsed = _parse_value(value)
    return None if parsed is None else parsed[2]


@lru_cache(maxsize=65536)
def _parse_value(value: object) -> tuple[dt.date, dt.date, str] | None:
    """Interval and granularity of a value, ranges included."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if "/" in value:
        left, _, right = value.partition("/")
        a, b = _single_interval(left), _single_interval(right)
        if a is None or b is None or a[0] > b[1]:
            return None
        coarser = min(a[2], b[2], key=GRANULARITIES.index)
        return a[0], b[1], coarser
    return _single_interval(value)


def at_least(granularity: str | None, minimum: str) -> bool:
    """Whether a granularity is at least as fine as ``minimum`` (day is the finest)."""
    if granularity not in GRANULARITIES:
        return False
    return GRANULARITIES.index(granularity) >= GRANULARITIES.index(minimum)


def overlaps_window(
    first: dt.date, last: dt.date, date_from: dt.date | None, date_to: dt.date | None
) -> bool:
    """Whether ``[first, last]`` touches the window (an open end is unbounded)."""
    return (date_from is None or last >= date_from) and (date_to is None or first <= date_to)


def window_mask(
    first: pd.Series, last: pd.Series, date_from: dt.date | None, date_to: dt.date | None
) -> pd.Series:
    """Which ``[first, last]`` intervals touch the window, as a boolean Series."""
    flags = [
        a is not None and b is not None and overlaps_window(a, b, date_from, date_to)
        for a, b in zip(first, last, strict=True)
    ]
    return pd.Series(flags, index=first.index, dtype=bool)


def resolve_dates(dates: pd.DataFrame) -> pd.DataFrame:
    """The dates table with ``first``, ``last``, ``resolution`` and ``mid`` (calendar) columns."""
    table = dates.copy()
    parsed = [_parse_value(v) for v in table["value"]]
    table["first"] = [p[0] if p else None for p in parsed]
    table["last"] = [p[1] if p else None for p in parsed]
    table["resolution"] = [p[2] if p else None for p in parsed]
    table["mid"] = [p[0] + (p[1] - p[0]) / 2 if p else None for p in parsed]
    return table


def summits_in_window(
    summits: pd.DataFrame, date_from: dt.date | None, date_to: dt.date | None, summit: str | None
) -> pd.DataFrame:
    """Summits (with ``first`` and ``last`` days) that touch the window; one when chosen."""
    table = summits.copy()
    table["first"] = pd.to_datetime(table["start"]).dt.date
    table["last"] = pd.to_datetime(table["end"].where(table["end"] != "", table["start"])).dt.date
    table = table[window_mask(table["first"], table["last"], date_from, date_to)]
    return table if summit is None else table[table["summit_id"] == summit]


def articles_in_window(
    docs: pd.DataFrame, date_from: dt.date | None, date_to: dt.date | None, summit: str | None
) -> pd.DataFrame:
    """Articles (with ``day``, filled ``outlet`` and ``summit_id``) published in the window."""
    articles = docs.assign(
        day=pd.to_datetime(docs["published"]).dt.date,
        outlet=with_column(docs, "outlet"),
        summit_id=with_column(docs, "summit_id"),
    )
    articles = articles[window_mask(articles["day"], articles["day"], date_from, date_to)]
    return articles if summit is None else articles[articles["summit_id"] == summit]


def select_dates(
    parsed: pd.DataFrame,
    doc_ids: pd.Series,
    min_granularity: str,
    date_from: dt.date | None,
    date_to: dt.date | None,
) -> pd.DataFrame:
    """Parsed dates of these articles, precise enough and in the window, in calendar order."""
    keep = parsed["doc_id"].isin(doc_ids)
    keep &= parsed["resolution"].map(lambda g: at_least(g, min_granularity))
    keep &= window_mask(parsed["first"], parsed["last"], date_from, date_to)
    return parsed[keep].sort_values(["first", "last", "doc_id", "start"])
