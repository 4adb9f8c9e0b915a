"""Removal of scraping debris, keeping a map from every cleaned character to the raw text.

Cleaning only deletes characters or swaps one character for another (a non-breaking space
for a space), so each character of the cleaned text has exactly one raw offset. The removed
spans never overlap: their lengths add up to the characters dropped. Web addresses (a bare
``https://…`` or ``<https://…>``, a ``www.`` host) are debris too, so that they never become
sentences, quotes or keyword-in-context lines; so is the mark of a hashtag ("Sviatlana
#Tsikhanouskaya" reads as a name), and the French spaces inside guillemets ("« … »"). Analysis
runs on the cleaned text; every span it finds is mapped back with :meth:`CleanText.to_raw`
so that the published tables always point into the article exactly as stored.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

# (kind, pattern, group to keep or None to drop the whole match)
MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
SHORTCODE = re.compile(
    r"\[(?:bsa_pro_ad_space|adsense|ad|advert|caption|/caption|embed|/embed|gallery)\b[^\]\n]*\]"
)
DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*")
RELATED_LINE = re.compile(  # "Read also: <headline>" (a bare "Read also:" heading stays: the
    # quote rules read the linked headlines under it as no one's answers)
    r"^[ \t]*(?:Related(?: article| story| articles)?|Read (?:more|also)|See also)[ \t]*:"
    r"[ \t]*\S.*$",
    re.M | re.I,
)
TRAILER = re.compile(
    r"^[ \t]*(?:Leave a (?:Reply|Comment)|Post a comment|Share this(?: article)?:?|"
    r"You must be logged in to post a comment\.?|Comments are closed\.?)[ \t]*$",
    re.M | re.I,
)
_ADDRESS = r"<?\b(?:https?://|www\.)[^\s<>\[\]()]*[^\s<>\[\]().,;:!?'\"’”]>?"
URL = re.compile(rf"[ \t]*\(\s*{_ADDRESS}\s*\)|{_ADDRESS}")  # with its brackets when alone in them
AUTHOR_LINE = re.compile(r"^[ \t]*[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3}[ \t]*$")
SPACE_LIKE = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " "}
SPACE_LIKE_CLASS = "[" + "".join(SPACE_LIKE) + "]"  # a regex matching any of them
KEPT = re.compile(rb"\x00+")  # runs of kept characters in the drop mask
GUILLEMET_SPACE = re.compile(r"(?<=«)[ \u00a0\u202f]+|[ \u00a0\u202f]+(?=»)")  # French: « … »
HASHTAG = re.compile(r"(?<![\w#&/])#(?=[^\W\d_])")  # the mark of "#Tsikhanouskaya", not "C#"
INVISIBLE = re.compile(r"[\ufeff\u200b\u200c\u200d\u2060\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Removal:
    """A raw span that cleaning removed, and why."""

    start: int
    end: int
    kind: str


class OffsetMap(Sequence[int]):
    """The raw offset of each cleaned character, stored as one pair of starts per kept run.

    Cleaning keeps stretches of the raw text whole, so the map is piecewise a shift: the
    cleaned offset where each run starts and the raw offset it comes from (16 bytes per run,
    not 8 per character). Indexing gives the raw offset of a cleaned character."""

    def __init__(self, clean_starts: array, raw_starts: array, length: int):
        self.clean_starts, self.raw_starts, self.length = clean_starts, raw_starts, length

    def __len__(self) -> int:
        """How many cleaned characters there are."""
        return self.length

    def __getitem__(self, i: int) -> int:  # type: ignore[override]
        """The raw offset of cleaned character ``i``."""
        if i < 0:
            i += self.length
        if not 0 <= i < self.length:
            raise IndexError("cleaned offset out of range")
        run = bisect.bisect_right(self.clean_starts, i) - 1
        return self.raw_starts[run] + i - self.clean_starts[run]

    def __iter__(self) -> Iterator[int]:
        """The raw offsets in cleaned order."""
        ends = [*self.clean_starts[1:], self.length][: len(self.clean_starts)]
        for clean, raw, end in zip(self.clean_starts, self.raw_starts, ends, strict=True):
            yield from range(raw, raw + end - clean)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span from cleaned character ``start`` to just after ``end - 1``, given
        ``0 <= start < end <= len(self)`` (two lookups of ``self[i]`` in one call)."""
        clean_starts, raw_starts = self.clean_starts, self.raw_starts
        first = bisect.bisect_right(clean_starts, start) - 1
        last = bisect.bisect_right(clean_starts, end - 1, first) - 1
        return (
            raw_starts[first] + start - clean_starts[first],
            raw_starts[last] + end - clean_starts[last],
        )

    def first_at(self, raw_offset: int) -> int:
        """The first cleaned character whose raw offset is ``raw_offset`` or later."""
        run = bisect.bisect_right(self.raw_starts, raw_offset) - 1
        if run < 0:
            return 0
        end = self.clean_starts[run + 1] if run + 1 < len(self.clean_starts) else self.length
        return min(self.clean_starts[run] + raw_offset - self.raw_starts[run], end)


@dataclass
class CleanText:
    """Cleaned text plus the raw offset of each of its characters."""

    raw: str
    text: str
    offsets: OffsetMap  # the raw offset of each cleaned character
    removed: list[Removal] = field(default_factory=list)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned span to the raw span that covers the same characters."""
        if 0 <= start < end <= self.offsets.length:
            return self.offsets.raw_span(start, end)
        if end <= start:
            point = self.offsets[start] if start < len(self.offsets) else len(self.raw)
            return point, point
        return self.offsets[start], self.offsets[end - 1] + 1

    def span_text(self, raw_start: int, raw_end: int) -> str:
        """The cleaned text of a raw span (what is left of it once the debris is gone)."""
        first = self.offsets.first_at(raw_start)
        return self.text[first : max(first, self.offsets.first_at(raw_end))]

    def removed_chars(self) -> int:
        """How many raw characters cleaning dropped."""
        return len(self.raw) - len(self.text)


def clean_text(raw: str) -> CleanText:
    """Clean ``raw`` and keep the offset map (see the module docstring).

    The kept characters are copied run by run (the stretches between removals), and the map
    keeps two integers per run: time grows linearly with the text and memory, besides the two
    texts, by one byte per character (the drop mask, while cleaning).
    """
    removals = _removals(raw)
    drop = bytearray(len(raw))
    for r in removals:
        drop[r.start : r.end] = b"\x01" * (r.end - r.start)
    parts: list[str] = []
    clean_starts, raw_starts, length = array("q"), array("q"), 0
    for run in KEPT.finditer(drop):
        parts.append(swap_spaces(raw[run.start() : run.end()]))
        clean_starts.append(length)
        raw_starts.append(run.start())
        length += run.end() - run.start()
    offsets = OffsetMap(clean_starts, raw_starts, length)
    return CleanText(raw=raw, text="".join(parts), offsets=offsets, removed=removals)


def swap_spaces(text: str) -> str:
    """The text with each space-like character (no-break spaces, tabs) as a plain space (one
    ``replace`` per character: many times faster than ``str.translate`` with a table)."""
    for char, space in SPACE_LIKE.items():
        text = text.replace(char, space)
    return text


def removal_runs(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Removed spans (they may overlap) merged into sorted, disjoint runs: starts, ends."""
    order = np.argsort(starts, kind="stable")
    starts, ends = np.asarray(starts)[order], np.maximum.accumulate(np.asarray(ends)[order])
    if len(starts):
        first = np.r_[True, starts[1:] > ends[:-1]]
        last = np.r_[first[1:], True]
        starts, ends = starts[first], ends[last]
    return starts, ends


def kept_before(positions: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """How many characters cleaning kept before each raw position, given the removed spans.

    This is :meth:`OffsetMap.first_at` of a raw position, computed for many positions at once
    from the removals alone (they may overlap), without the offset map.
    """
    starts, ends = removal_runs(starts, ends)
    removed_before = np.r_[0, np.cumsum(ends - starts)]  # in the runs before run i
    positions = np.asarray(positions, dtype=np.int64)
    last = np.searchsorted(starts, positions, side="right") - 1  # last run starting <= p
    kept = positions.copy()
    hit = last >= 0
    run = last[hit]
    partly = np.minimum(positions[hit], ends[run]) - starts[run]  # removed of run up to p
    kept[hit] -= removed_before[run] + partly
    return kept


def span_text(raw: str, start: int, starts: Sequence[int], ends: Sequence[int], run: int) -> str:
    """The cleaned text of the raw span ``raw`` that begins at ``start``: without the parts
    that the removal runs (disjoint, sorted; ``run`` the first that ends after ``start``)
    cover, space-like characters swapped. :meth:`CleanText.span_text` without the map."""
    end, at, pieces = start + len(raw), start, []
    while run < len(starts) and starts[run] < end:
        if starts[run] > at:
            pieces.append(raw[at - start : starts[run] - start])
        at = max(at, int(ends[run]))
        run += 1
    pieces.append(raw[at - start :])
    return swap_spaces("".join(pieces))


def _removals(raw: str) -> list[Removal]:
    """Every raw span to drop, sorted, each tagged with its kind."""
    found: list[Removal] = []
    marker = DATE_MARKER.match(raw)
    if marker:
        found.append(Removal(marker.start(), marker.end(), "date_marker"))
    for m in MARKDOWN_LINK.finditer(raw):
        found.append(Removal(m.start(), m.start(1), "link"))
        found.append(Removal(m.end(1), m.end(), "link"))
    found += [Removal(m.start(), m.end(), "shortcode") for m in SHORTCODE.finditer(raw)]
    found += [Removal(m.start(), m.end(), "related") for m in RELATED_LINE.finditer(raw)]
    if "://" in raw or "www." in raw:  # every address holds one: spare the scan
        found += [Removal(m.start(), m.end(), "url") for m in URL.finditer(raw)]
    found += [Removal(m.start(), m.end(), "invisible") for m in INVISIBLE.finditer(raw)]
    if "«" in raw:
        found += [Removal(m.start(), m.end(), "spacing") for m in GUILLEMET_SPACE.finditer(raw)]
    if "#" in raw:
        found += [Removal(m.start(), m.end(), "hashtag") for m in HASHTAG.finditer(raw)]
    trailer = _trailer_start(raw)
    if trailer is not None:
        found.append(Removal(trailer, len(raw), "trailer"))
    return disjoint(sorted(found, key=lambda r: (r.start, -r.end)))


def disjoint(removals: list[Removal]) -> list[Removal]:
    """Sorted removals cut so that none overlaps an earlier one (the earlier keeps its kind)."""
    kept: list[Removal] = []
    reached = 0
    for r in removals:
        if r.end > reached:
            kept.append(Removal(max(r.start, reached), r.end, r.kind))
            reached = r.end
    return kept


def _trailer_start(raw: str) -> int | None:
    """Where a comment form (and the author blurb just before it) begins, if anywhere."""
    match = None
    for match in TRAILER.finditer(raw):  # noqa: B007 - keep the last
        pass
    if match is None or raw[match.end() :].strip():
        return None
    start = match.start()
    blocks = [b for b in re.finditer(r"[^\n]+", raw[:start]) if b.group().strip()]
    if len(blocks) >= 2:
        bio, name = blocks[-1], blocks[-2]
        if AUTHOR_LINE.match(name.group()) and len(bio.group()) < 400:
            return name.start()
    if blocks and AUTHOR_LINE.match(blocks[-1].group()):
        return blocks[-1].start()
    return start
