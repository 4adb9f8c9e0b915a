"""Table cells that hold several values joined with ``|`` (joint speakers, their roles,
registry aliases): one way to join them and one way to split them."""

from __future__ import annotations

SEPARATOR = "|"


def join_values(values: list[str]) -> str:
    """Several values as one cell: ``"Putin|Lukashenko"``."""
    return SEPARATOR.join(values)


def split_values(cell: object) -> list[str]:
    """The non-empty, stripped values of a ``|``-joined cell (empty for None or NaN)."""
    if not isinstance(cell, str):
        return []
    return [part.strip() for part in cell.split(SEPARATOR) if part.strip()]
