"""The scales of the annotation: the sign of a score, and the -2..+2 position scale."""

from __future__ import annotations

POSITION_RANGE = 2


def sign(x: float) -> int:
    """-1, 0 or +1: the sign of a score."""
    return (x > 0) - (x < 0)


def clip(x: float, bound: float = 1.0) -> float:
    """``x`` limited to ``[-bound, bound]``."""
    return max(-bound, min(bound, x))


def position(score: float, dead_band: float) -> int:
    """A stance on the -2..+2 scale from a score on it: 0 inside the dead band, else rounded
    (never rounded to 0 outside the band)."""
    if abs(score) < dead_band:
        return 0
    return int(clip(round(score), POSITION_RANGE)) or sign(score)
