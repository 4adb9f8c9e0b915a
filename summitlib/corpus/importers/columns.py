"""Which column of an export holds the text, the date, the title...: given, or guessed.

Common spellings of each field are listed in ``summitlib/data/import_columns.csv`` (compared
after lower-casing and turning spaces and dashes into underscores); add a row there to teach
the guesser a new spelling.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib.resources import files

from summitlib.errors import SourceError

FIELDS = ("text", "published", "title", "author", "outlet", "url", "id")
OPTIONS = {"text": "--text", "published": "--date", "title": "--title", "author": "--author"}
OPTIONS |= {"outlet": "--outlet", "url": "--url", "id": "--id"}


@cache
def spellings() -> dict[str, list[str]]:
    """Field → known column spellings, in order of preference."""
    table = files("summitlib") / "data" / "import_columns.csv"
    result: dict[str, list[str]] = {field: [] for field in FIELDS}
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            result[row["field"]].append(row["spelling"])
    return result


def normalise(name: str) -> str:
    """A column name compared with the spellings: lower case, words joined by underscores."""
    return re.sub(r"[\s\-.]+", "_", str(name).strip().casefold()).strip("_")


def choose_columns(
    source: str, columns: list[str], given: dict[str, str | None]
) -> tuple[dict[str, str], list[str]]:
    """The column of each field (given ones checked, others guessed) and the guessed fields."""
    chosen: dict[str, str] = {}
    for field, name in given.items():
        if name is None:
            continue
        if name not in columns:
            listed = ", ".join(repr(c) for c in columns)
            raise SourceError(
                f"{source}: {OPTIONS[field]} {name!r} is not a column; the columns are {listed}"
            )
        chosen[field] = name
    by_name = {normalise(c): c for c in reversed(columns)}
    guessed = []
    for field in FIELDS:
        if field in chosen:
            continue
        for spelling in spellings()[field]:
            column = by_name.get(spelling)
            if column is not None and column not in chosen.values():
                chosen[field], guessed = column, [*guessed, field]
                break
    if "text" not in chosen:
        listed = ", ".join(repr(c) for c in columns)
        raise SourceError(
            f"{source}: no column holds the article text (columns: {listed}); "
            "name it with --text COLUMN"
        )
    return chosen, guessed
