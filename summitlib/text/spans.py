"""A sorted index of text spans, so that long articles are annotated in near-linear time."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


def trim_span(text: str, start: int, end: int, lead: str = "", tail: str | None = None) -> tuple:
    """Shrink ``start:end`` past white space and the given edge characters.

    >>> trim_span(" , so it is. ", 0, 12, lead=",", tail=".")
    (3, 11)
    """
    tail = lead if tail is None else tail
    while start < end and (text[start].isspace() or text[start] in lead):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in tail):
        end -= 1
    return start, end


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    """Characters two spans share."""
    return max(0, min(a1, b1) - max(a0, b0))


def shorter_overlap(a0: int, a1: int, b0: int, b1: int) -> float:
    """Overlap as a share of the shorter span."""
    return overlap(a0, a1, b0, b1) / max(1, min(a1 - a0, b1 - b0))


class SpanIndex(Generic[T]):
    """Items with a (start, end) span, queried by position with binary search.

    >>> index = SpanIndex([(0, 4), (10, 12)], lambda s: s)
    >>> index.overlaps(3, 5), index.overlaps(5, 9), index.within(0, 20)
    (True, False, [(0, 4), (10, 12)])
    """

    def __init__(self, items: Iterable[T], span: Callable[[T], tuple[int, int]]):
        self.items = sorted(items, key=lambda item: span(item))
        self.spans = [span(item) for item in self.items]
        self.starts = [s for s, _ in self.spans]
        self.max_end: list[int] = []
        running = -1
        for _, end in self.spans:
            running = max(running, end)
            self.max_end.append(running)

    def _first_after(self, start: int) -> int:
        """Index of the first item that starts at or after ``start``."""
        return bisect.bisect_left(self.starts, start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any item shares a character with ``start:end``."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.max_end[i] > start

    def containing(self, pos: int) -> T | None:
        """The last-starting item whose span holds ``pos`` (ends inclusive)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        while i >= 0 and self.max_end[i] >= pos:
            if self.spans[i][1] >= pos:
                return self.items[i]
            i -= 1
        return None

    def overlapping(self, start: int, end: int) -> list[T]:
        """Items that share a character with ``start:end``, in order."""
        i = bisect.bisect_left(self.starts, end) - 1
        found = []
        while i >= 0 and self.max_end[i] > start:
            if self.spans[i][1] > start:
                found.append(self.items[i])
            i -= 1
        return found[::-1]

    def within(self, start: int, end: int) -> list[T]:
        """Items lying wholly inside ``start:end``, in order."""
        found = []
        for i in range(self._first_after(start), len(self.items)):
            if self.starts[i] >= end:
                break
            if self.spans[i][1] <= end:
                found.append(self.items[i])
        return found

    def before(self, pos: int, limit: int = 50) -> list[T]:
        """Up to ``limit`` items that end at or before ``pos``, nearest last."""
        i = bisect.bisect_right(self.starts, pos)
        lo = max(0, i - limit - 8)
        found = [self.items[j] for j in range(lo, i) if self.spans[j][1] <= pos]
        return found[-limit:]


class Occupied:
    """Non-overlapping spans claimed so far, growing one at a time (for greedy matching)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``start:end`` shares a character with a claimed span."""
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.ends[i - 1] > start

    def claim(self, start: int, end: int) -> None:
        """Claim a span that overlaps none claimed so far."""
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
