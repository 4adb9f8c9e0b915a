"""Notebook parameters: each checked by name, raising ParameterError that names the parameter."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from pathlib import Path

from summitlib.errors import ParameterError

GRANULARITIES = ("year", "half", "quarter", "month", "week", "day")
GROUPINGS = {"article": "doc_id", "outlet": "outlet", "genre": "genre", "summit": "summit_id"}


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


def as_file(name: str, value: object) -> Path | None:
    """A file parameter that must exist: None stays None, a string or Path becomes a Path."""
    if value is None:
        return None
    if not isinstance(value, str | Path) or not str(value).strip():
        raise ParameterError(f"{name} must be a file path or None, not {value!r}")
    path = Path(value).expanduser()
    if not path.is_file():
        raise ParameterError(f"{name}: the file {str(path)!r} does not exist")
    return path


def as_model(name: str, value: object) -> Path | None:
    """A model folder written by ``summit train`` (None: the shipped models)."""
    from summitlib.learning.model import check_model_folder

    folder = as_path(name, value)
    return check_model_folder(folder, name) if folder is not None else None


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


def as_choice(
    name: str, value: object, choices: Iterable[str], *, allow_none: bool = False
) -> str | None:
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
    "stance_model": as_model,
    "sheet": as_file,
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
    "count_by": lambda n, v: as_choice(n, v, ("story", "article")),
}


def check_parameters(**params: object) -> dict[str, object]:
    """Validate notebook parameters by name; return them normalised (paths, dates, lists)."""
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
