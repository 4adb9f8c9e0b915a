"""Word lists kept as data under ``summitlib/data/lexicons/``: one item a line, ``#`` lines
are comments."""

from __future__ import annotations

import re
from functools import cache

from summitlib.paths import lexicons_dir


@cache
def read_lexicon(name: str) -> tuple[str, ...]:
    """The items of ``data/lexicons/<name>``, stripped, without blank and ``#`` lines."""
    lines = (lexicons_dir() / name).read_text(encoding="utf-8").splitlines()
    return tuple(ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))


def _named_item(line: str) -> tuple[str, str]:
    """Split a ``name = regex`` line (a bare regex is named after its first word)."""
    if " = " in line:
        name, pattern = line.split(" = ", 1)
        return name.strip(), pattern.strip()
    return re.sub(r"\W+", "_", re.split(r"[|\\(\[]", line)[0]).strip("_") or "x", line


def read_named_lexicon(name: str) -> list[tuple[str, str]]:
    """A lexicon of ``name = regex`` lines as (name, regex) pairs."""
    return [_named_item(line) for line in read_lexicon(name)]
