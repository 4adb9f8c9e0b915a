"""Words and numbers as a reader sees them: plurals, fixed decimals without "-0.00"."""

from __future__ import annotations

import math


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 article``, ``2 articles`` (``many`` for irregular plurals)."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def fixed(value: object, digits: int = 2, sign: bool = False) -> str:
    """A number with ``digits`` decimals (``+`` for positives with ``sign``); zero never "-0.00"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    number = float(value)
    if round(number, digits) == 0:
        number = 0.0
    return f"{number:+.{digits}f}" if sign and number else f"{number:.{digits}f}"
