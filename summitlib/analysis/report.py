"""Helpers for the research notebooks: parameter checks, results files, text views, statistics.

The notebooks stay short by calling these small, tested functions:

- :func:`check_parameters` validates a notebook's parameters by name and raises
  :class:`~summitlib.errors.ParameterError` naming the parameter;
- :func:`write_results` writes ``<stem>.results.json`` (sorted keys, plain JSON values);
- :func:`kwic` and :func:`dispersion` are NLTK-style keyword-in-context and lexical
  dispersion, computed on the corpus texts;
- :func:`value_interval` and :func:`value_granularity` put the codebook's normalised date
  values (``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-H1``, ``start/end``...) on the calendar;
- :func:`bootstrap_mean` gives percentile intervals that stay honest for a handful of articles;
- :data:`ISSUES` and :func:`issue_matrix` build the speaker-by-issue position matrix.

Plotting lives in :mod:`summitlib.analysis.plots`, the peer baselines and error lists in
:mod:`summitlib.evaluation.baselines`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pandas as pd

from summitlib.errors import ParameterError
from summitlib.pipeline.tables import atomic_write_text

GRANULARITIES = ("year", "half", "quarter", "month", "week", "day")
GROUPINGS = {"article": "doc_id", "outlet": "outlet", "genre": "genre", "summit": "summit_id"}
UNKNOWN = "(unknown)"
INTEGRATION_TERMS = (
    "integration",
    "Union State",
    "sovereignty",
    "unification",
    "merger",
    "road map",
    "supranational",
)
ISSUES: dict[str, tuple[str, ...]] = {
    "political union": (
        "union state",
        "political union",
        "unification",
        "merger",
        "merge",
        "single state",
        "constitution",
        "incorporat",
        "absorb",
        "annex",
    ),
    "sovereignty": ("sovereign", "independence", "independent state", "statehood"),
    "economic integration": (
        "economic",
        "econom",
        "trade",
        "market",
        "tax",
        "customs",
        "currency",
        "programme",
        "program",
        "road map",
        "roadmap",
        "industr",
    ),
    "supranational bodies": (
        "supranational",
        "parliament",
        "council of ministers",
        "supreme state council",
        "joint bodies",
        "common institutions",
        "eurasian economic union",
    ),
    "energy and loans": (
        "gas",
        "oil",
        "energy",
        "loan",
        "credit",
        "refinanc",
        "subsid",
        "price",
        "tax manoeuvre",
        "tax maneuver",
        "billion",
    ),
}


class InconsistentResults(RuntimeError):
    """A closing check of a notebook found results that contradict each other."""


# --- parameters -------------------------------------------------------------------------


def as_path(name: str, value: object, *, must_exist: bool = True) -> Path | None:
    """A folder parameter: None stays None, a string or Path becomes a Path."""
    if value is None:
        return None
    if not isinstance(value, str | Path) or not str(value).strip():
        raise ParameterError(f"{name} must be a folder path or None, not {value!r}")
    path = Path(value).expanduser()
    if must_exist and not path.is_dir():
        raise ParameterError(f"{name}: the folder {str(path)!r} does not exist")
    return path


def as_date(name: str, value: object) -> dt.date | None:
    """An ISO date parameter (``YYYY-MM-DD``, a date, or None)."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if not isinstance(value, str):
        raise ParameterError(f"{name} must be an ISO date string YYYY-MM-DD or None, not {value!r}")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ParameterError(
            f"{name} {value!r} is not a valid date; write it as YYYY-MM-DD, e.g. 2021-02-22"
        ) from None


def as_int(name: str, value: object, minimum: int | None = None) -> int:
    """An integer parameter, at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        if (
            isinstance(value, float)
            and value.is_integer()
            or isinstance(value, str)
            and value.strip().lstrip("-").isdigit()
        ):
            value = int(value)
        else:
            raise ParameterError(f"{name} must be a whole number, not {value!r}")
    if minimum is not None and value < minimum:
        raise ParameterError(f"{name} must be at least {minimum}, not {value}")
    return value


def as_float(name: str, value: object, low: float, high: float) -> float:
    """A number parameter within ``[low, high]``."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ParameterError(f"{name} must be a number, not {value!r}")
    try:
        number = float(value)
    except ValueError:
        raise ParameterError(f"{name} must be a number, not {value!r}") from None
    if math.isnan(number) or not low <= number <= high:
        raise ParameterError(f"{name} must be between {low} and {high}, not {value!r}")
    return number


def as_str_list(name: str, value: object, *, allow_none: bool = False) -> list[str] | None:
    """A list of non-empty strings; a comma-separated string is split (handy on the CLI)."""
    if value is None and allow_none:
        return None
    if isinstance(value, str):
        value = [part for part in value.split(",")]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        what = "a list of strings" + (" or None" if allow_none else "")
        raise ParameterError(f"{name} must be {what}, not {value!r}")
    items = [v.strip() for v in value if v.strip()]
    if not items and value:
        raise ParameterError(f"{name} holds only empty strings: {value!r}")
    return list(dict.fromkeys(items))


def as_choice(name: str, value: object, choices: Iterable[str], *, allow_none: bool = False):
    """One of ``choices`` (or None when allowed)."""
    options = list(choices)
    if value is None and allow_none:
        return None
    if not isinstance(value, str) or value not in options:
        listed = ", ".join(repr(c) for c in options) or "(none available)"
        extra = " or None" if allow_none else ""
        raise ParameterError(f"{name} {value!r} is not one of {listed}{extra}")
    return value


def as_optional_str(name: str, value: object) -> str | None:
    """A non-empty string or None (checked against the corpus later)."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(f"{name} must be a non-empty string or None, not {value!r}")
    return value.strip()


CHECKS: dict[str, Callable[[str, object], object]] = {
    "corpus_dir": as_path,
    "gold_dir": as_path,
    "results_dir": lambda n, v: as_path(n, v, must_exist=False),
    "terms": as_str_list,
    "speakers": lambda n, v: as_str_list(n, v, allow_none=True),
    "top_n_actors": lambda n, v: as_int(n, v, minimum=1),
    "max_rows": lambda n, v: as_int(n, v, minimum=1),
    "min_quotes": lambda n, v: as_int(n, v, minimum=1),
    "date_from": as_date,
    "date_to": as_date,
    "min_granularity": lambda n, v: as_choice(n, v, GRANULARITIES),
    "summit": lambda n, v: as_optional_str(n, v),
    "group_by": lambda n, v: as_choice(n, v, GROUPINGS),
    "threshold": lambda n, v: as_float(n, v, 0.0, 1.0),
}


def check_parameters(**params: object) -> dict[str, object]:
    """Validate notebook parameters by name; return them normalised (paths, dates, lists).

    >>> check_parameters(date_from="2021-01-01", date_to="2020-01-01")
    Traceback (most recent call last):
    summitlib.errors.ParameterError: date_from 2021-01-01 is after date_to 2020-01-01 ...
    """
    checked = {}
    for name, value in params.items():
        if name not in CHECKS:
            raise ParameterError(f"unknown parameter {name!r}; known: {', '.join(sorted(CHECKS))}")
        checked[name] = CHECKS[name](name, value)
    start, end = checked.get("date_from"), checked.get("date_to")
    if start is not None and end is not None and start > end:
        raise ParameterError(
            f"date_from {start} is after date_to {end}; the window must run forward in time"
        )
    if checked.get("results_dir") is None and "results_dir" in params:
        checked["results_dir"] = Path(".")
    return checked


def check_summit(value: str | None, known: Iterable[str]) -> str | None:
    """The ``summit`` parameter checked against the summit ids the corpus knows."""
    return as_choice("summit", value, sorted(set(known)), allow_none=True)


# --- results ----------------------------------------------------------------------------


def jsonable(value: object) -> object:
    """Plain JSON values: numpy scalars unwrapped, NaN to None, paths and dates as strings."""
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        items = sorted(value, key=str) if isinstance(value, set) else value
        return [jsonable(v) for v in items]
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, 6)
    if isinstance(value, Path | dt.date):
        return str(value)
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def write_results(
    stem: str, results: Mapping, results_dir: str | Path = ".", parameters: Mapping | None = None
) -> Path:
    """Write ``<results_dir>/<stem>.results.json`` and return its path."""
    folder = Path(results_dir)
    folder.mkdir(parents=True, exist_ok=True)
    payload = {
        "notebook": stem,
        "parameters": jsonable(dict(parameters or {})),
        "results": jsonable(dict(results)),
    }
    path = folder / f"{stem}.results.json"
    atomic_write_text(
        path, json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    )
    return path


def require(condition: bool, message: str) -> None:
    """Raise :class:`InconsistentResults` with ``message`` unless ``condition`` holds."""
    if not condition:
        raise InconsistentResults(message)


# --- documents and groups ---------------------------------------------------------------


def with_column(table: pd.DataFrame, column: str, fill: str = UNKNOWN) -> pd.Series:
    """A text column of ``table``, or ``fill`` where it is missing or empty."""
    if column not in table.columns:
        return pd.Series([fill] * len(table), index=table.index, dtype=object)
    values = table[column].astype(object).where(table[column].notna(), "")
    return values.map(lambda v: str(v).strip() or fill)


def top_n(counts: pd.Series, n: int) -> tuple[pd.Series, int]:
    """The ``n`` largest counts (ties by label) and how many labels were left out."""
    if counts.empty:
        return counts, 0
    frame = counts.rename("n").reset_index()
    frame.columns = ["label", "n"]
    frame = frame.sort_values(["n", "label"], ascending=[False, True])
    shown = frame.head(n)
    return pd.Series(shown["n"].to_numpy(), index=shown["label"], name=counts.name), len(
        frame
    ) - len(shown)


def removals(corpus) -> pd.DataFrame:
    """What cleaning removed: one row per removed span (article, kind, size, the text)."""
    rows = [
        {
            "doc_id": doc.doc_id,
            "kind": r.kind,
            "chars": r.end - r.start,
            "text": cleaned.raw[r.start : r.end],
        }
        for doc in corpus
        for cleaned in [doc.cleaned()]
        for r in cleaned.removed
    ]
    return pd.DataFrame(rows, columns=["doc_id", "kind", "chars", "text"])


# --- text views -------------------------------------------------------------------------


def term_pattern(term: str) -> re.Pattern:
    """A case-insensitive, whitespace-tolerant pattern for a term, on word boundaries."""
    words = [re.escape(w) for w in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def kwic(texts: Mapping[str, str], term: str, width: int = 40) -> pd.DataFrame:
    """Keyword in context (like NLTK's concordance): one row per hit, in text order."""
    pattern = term_pattern(term)
    rows = []
    for doc_id, text in texts.items():
        for m in pattern.finditer(text):
            left = " ".join(text[max(0, m.start() - width * 2) : m.start()].split())
            right = " ".join(text[m.end() : m.end() + width * 2].split())
            rows.append(
                {
                    "doc_id": doc_id,
                    "start": m.start(),
                    "left": left[-width:],
                    "match": " ".join(m.group(0).split()),
                    "right": right[:width],
                }
            )
    return pd.DataFrame(rows, columns=["doc_id", "start", "left", "match", "right"])


def kwic_lines(table: pd.DataFrame, width: int = 40) -> str:
    """Concordance lines with the keyword in an aligned middle column."""
    return "\n".join(
        f"{r.left:>{width}} [{r.match}] {r.right:<{width}}" for r in table.itertuples()
    )


def dispersion(texts: Mapping[str, str], terms: Iterable[str]) -> pd.DataFrame:
    """Hits of each term as relative positions (0..1) within each text, texts kept in order."""
    rows = []
    for index, (doc_id, text) in enumerate(texts.items()):
        size = max(len(text), 1)
        for term in terms:
            for m in term_pattern(term).finditer(text):
                rows.append(
                    {
                        "doc_index": index,
                        "doc_id": doc_id,
                        "term": term,
                        "position": m.start() / size,
                    }
                )
    return pd.DataFrame(rows, columns=["doc_index", "doc_id", "term", "position"])


def highlight(text: str, terms: Iterable[str]) -> str:
    """HTML-escaped text with every term wrapped in ``<mark>``."""
    import html

    escaped = html.escape(text)
    for term in terms:
        escaped = term_pattern(html.escape(term)).sub(
            lambda m: f"<mark>{m.group(0)}</mark>", escaped
        )
    return escaped


def shorten(text: str, limit: int = 160) -> str:
    """One line of at most ``limit`` characters, with an ellipsis when cut."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


# --- dates ------------------------------------------------------------------------------

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
    parsed = [_parse_value(v) for v in table["value"]] if len(table) else []
    table["first"] = [p[0] if p else None for p in parsed]
    table["last"] = [p[1] if p else None for p in parsed]
    table["resolution"] = [p[2] if p else None for p in parsed]
    table["mid"] = [p[0] + (p[1] - p[0]) / 2 if p else None for p in parsed]
    return table


# --- statistics -------------------------------------------------------------------------


def bootstrap_mean(
    values: Iterable[float], n_boot: int = 2000, seed: int = 0, level: float = 0.95
) -> tuple[float, float, float]:
    """Mean and a percentile bootstrap interval; NaNs for no values, a point for one value."""
    import numpy as np

    data = np.asarray([float(v) for v in values], dtype=float)
    if data.size == 0:
        return math.nan, math.nan, math.nan
    mean = float(data.mean())
    if data.size == 1:
        return mean, mean, mean
    rng = np.random.default_rng(seed)
    means = rng.choice(data, size=(n_boot, data.size), replace=True).mean(axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return mean, float(low), float(high)


def effective_stance(stance: pd.DataFrame, threshold: float) -> pd.Series:
    """Each sentence's stance, set to 0 where ``|score|`` does not exceed ``threshold``."""
    if stance.empty:
        return pd.Series([], dtype=int)
    labels = pd.to_numeric(stance["stance"], errors="coerce").fillna(0).astype(int)
    scores = pd.to_numeric(stance["score"], errors="coerce").fillna(0.0)
    return labels.where(scores.abs() > threshold, 0)


def group_stance(
    stance: pd.DataFrame, documents: pd.DataFrame, group_by: str, threshold: float = 0.0
) -> pd.DataFrame:
    """Mean sentence stance per group with a bootstrap interval over sentences and n."""
    column = GROUPINGS[group_by]
    docs = documents.assign(group=with_column(documents, column), published=documents["published"])
    table = stance.assign(label=effective_stance(stance, threshold)).merge(
        docs[["doc_id", "group", "published"]], on="doc_id", how="left"
    )
    rows = []
    for group, part in table.groupby("group", sort=True):
        mean, low, high = bootstrap_mean(part["label"])
        rows.append(
            {
                "group": group,
                "first_published": str(part["published"].min()),
                "n_sentences": len(part),
                "n_articles": part["doc_id"].nunique(),
                "mean_stance": mean,
                "ci_low": low,
                "ci_high": high,
                "share_for": float((part["label"] > 0).mean()),
                "share_against": float((part["label"] < 0).mean()),
            }
        )
    columns = ["group", "first_published", "n_sentences", "n_articles", "mean_stance"]
    columns += ["ci_low", "ci_high", "share_for", "share_against"]
    result = pd.DataFrame(rows, columns=columns)
    return result.sort_values(["first_published", "group"]).reset_index(drop=True)


def tone_sign(tone: float, neutral: float = 0.05) -> int:
    """VADER's usual reading of a compound score: positive, negative or neutral (±0.05)."""
    return 1 if tone >= neutral else -1 if tone <= -neutral else 0


def sign_confusion(stance: pd.DataFrame) -> pd.DataFrame:
    """Counts of sign(tone) (rows) against targeted stance (columns), all labels shown."""
    labels = [-1, 0, 1]
    tones = stance["tone"].astype(float).map(tone_sign) if len(stance) else pd.Series(dtype=int)
    stances = stance["stance"].astype(int) if len(stance) else pd.Series(dtype=int)
    table = pd.crosstab(
        pd.Categorical(tones, categories=labels),
        pd.Categorical(stances, categories=labels),
        dropna=False,
    )
    table.index.name, table.columns.name = "sign of tone", "stance"
    return table


# --- speakers and issues ----------------------------------------------------------------


def issues_of(text: str) -> list[str]:
    """The issues (keys of :data:`ISSUES`) whose keywords occur in ``text``."""
    lowered = str(text).lower()
    return [issue for issue, words in ISSUES.items() if any(w in lowered for w in words)]


def quote_stance(quotes: pd.DataFrame, stance: pd.DataFrame) -> pd.Series:
    """Each quote's stance: the score of the stance sentence overlapping it most (NaN if none)."""
    by_doc = {doc: part for doc, part in stance.groupby("doc_id")} if len(stance) else {}
    values = []
    for q in quotes.itertuples():
        part = by_doc.get(q.doc_id)
        best, best_overlap = math.nan, 0
        if part is not None:
            for s in part.itertuples():
                shared = min(q.end, s.end) - max(q.start, s.start)
                if shared > best_overlap:
                    best, best_overlap = float(s.score), shared
        values.append(best)
    return pd.Series(values, index=quotes.index, dtype=float)


def split_speakers(quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per (quote, speaker): joint speakers ``A|B`` are split, unknown ones dropped."""
    if quotes.empty:
        return quotes.assign(speaker=pd.Series(dtype=object))
    table = quotes.assign(speaker=quotes["speaker"].fillna("").astype(str).str.split("|"))
    table = table.explode("speaker")
    table["speaker"] = table["speaker"].str.strip()
    return table[table["speaker"] != ""].reset_index(drop=True)


def issue_matrix(quotes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Speaker-by-issue mean quote stance and the number of quotes behind each cell.

    ``quotes`` needs ``speaker``, ``text`` and ``quote_stance`` columns. A quote counts for
    every issue its text mentions; a cell with quotes but no stance sentence is 0 (neutral).
    """
    issues = list(ISSUES)
    speakers = sorted(set(quotes["speaker"])) if len(quotes) else []
    means = pd.DataFrame(math.nan, index=speakers, columns=issues)
    counts = pd.DataFrame(0, index=speakers, columns=issues)
    for q in quotes.itertuples():
        for issue in issues_of(q.text):
            counts.loc[q.speaker, issue] += 1
    for speaker in speakers:
        said = quotes[quotes["speaker"] == speaker]
        for issue in issues:
            mask = said["text"].map(lambda t, i=issue: i in issues_of(t))
            if mask.any():
                means.loc[speaker, issue] = said.loc[mask, "quote_stance"].fillna(0.0).mean()
    means.index.name = counts.index.name = "speaker"
    return means, counts
