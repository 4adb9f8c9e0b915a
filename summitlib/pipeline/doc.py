"""The per-article document that flows once through the pipeline, in the spirit of spaCy's Doc.

An :class:`ArticleDoc` carries one article's cleaned text and offset map and, as the
components fill them, its sentences, paragraphs, quoted spans, actor mentions, interview
turns and sentence tones, each computed once. Components add table rows with
:meth:`ArticleDoc.row`, which maps a span of the cleaned text back to the raw text, so
``raw[start:end] == text`` holds for every row of every table.
"""

from __future__ import annotations

import bisect
import datetime as dt
import sys
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

from summitlib.corpus.cleaning import CleanText
from summitlib.corpus.reader import Document
from summitlib.pipeline.rows import Rows

SHORT_TEXT = 40  # characters: row texts up to this long are interned


@dataclass
class ArticleDoc:
    """One article on its way through the pipeline: the text layers and the rows found so far."""

    article: Document
    cleaned: CleanText
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tones: list[float] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    quoted: list = field(default_factory=list)
    mentions: list = field(default_factory=list)
    turns: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    stance: list = field(default_factory=list)
    values: dict[str, object] = field(default_factory=dict)
    options: dict[str, object] = field(default_factory=dict)  # the pipeline's settings
    rows: dict[str, Rows] = field(default_factory=dict)  # by table, held column by column
    _sentence_ends: array = field(default_factory=lambda: array("q"), repr=False)

    @property
    def text(self) -> str:
        """The cleaned text every component reads."""
        return self.cleaned.text

    @property
    def doc_id(self) -> str:
        """The article's identifier."""
        return self.article.doc_id

    @property
    def title(self) -> str:
        """The article's title from its metadata ("" when it has none)."""
        return self.article.meta.get("title", "") or ""

    @property
    def published(self) -> dt.date:
        """The article's publication date."""
        return self.article.published

    def set_sentences(self, sentences: list[tuple[int, int]]) -> None:
        """Record the sentence spans (cleaned offsets) and index their raw ends."""
        self.sentences = sentences
        self._sentence_ends = array("q", (self.cleaned.to_raw(s, e)[1] for s, e in sentences))

    def sent_id(self, raw_start: int) -> int:
        """Index of the sentence that contains (or follows) a raw offset."""
        ends = self._sentence_ends
        return min(bisect.bisect_right(ends, raw_start), max(len(ends) - 1, 0))

    def row(self, start: int, end: int, **columns: object) -> dict:
        """A table row for a cleaned span: doc_id, sent_id, raw start/end, raw text, extras."""
        raw_start, raw_end = self.cleaned.to_raw(start, end)
        return self._row(raw_start, raw_end, columns)

    def raw_row(self, raw_start: int, raw_end: int, **columns: object) -> dict:
        """A table row for a span already in raw offsets (a short text, such as a name or a
        date that recurs through a long article, is kept once)."""
        return self._row(raw_start, raw_end, columns)

    def _row(self, raw_start: int, raw_end: int, columns: dict[str, object]) -> dict:
        """The row of a raw span: the five common columns, then ``columns`` (which may give
        one of them another value, in its place)."""
        text = self.cleaned.raw[raw_start:raw_end]
        row = {
            "doc_id": self.article.doc_id,
            "sent_id": self.sent_id(raw_start),
            "start": raw_start,
            "end": raw_end,
            "text": sys.intern(text) if len(text) <= SHORT_TEXT else text,
        }
        row.update(columns)
        return row

    def add_rows(self, table: str, rows: Iterable[dict]) -> None:
        """Append rows to one of the document's tables (created when new)."""
        self.rows.setdefault(table, Rows()).extend(rows)
