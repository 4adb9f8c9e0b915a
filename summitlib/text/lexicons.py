"""Word lists kept as data under ``summitlib/data/lexicons/``: one item a line, ``#`` lines
are comments."""

from __future__ import annotations

from functools import cache

from summitlib.paths import lexicons_dir


@cache
def read_lexicon(name: str) -> tuple[str, ...]:
    """The items of ``data/lexicons/<name>``, stripped, without blank and ``#`` lines."""
    lines = (lexicons_dir() / name).read_text(encoding="utf-8").splitlines()
    return tuple(ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))
