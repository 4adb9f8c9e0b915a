"""Views of the texts: cleaning removals, keyword in context, dispersion, highlighting."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

import numpy as np
import pandas as pd

from summitlib.analysis.lexicons import INTEGRATION_TERMS
from summitlib.analysis.wording import plural
from summitlib.pipeline.tables import Tables

__all__ = [
    "INTEGRATION_TERMS",
    "concordance",
    "dispersion",
    "highlight",
    "kwic",
    "kwic_lines",
    "removals",
    "shorten",
    "term_pattern",
    "term_hits",
    "term_spans",
]


def removals(tables: Tables) -> pd.DataFrame:
    """What cleaning removed: one row per removed span (article, kind, size, the text)."""
    columns = ["doc_id", "kind", "chars", "text"]
    if "_removed" not in tables.extra:
        return pd.DataFrame(columns=columns).astype({"chars": int})
    return tables["_removed"][columns]


def term_pattern(term: str, flags: int = re.IGNORECASE) -> re.Pattern:
    """A case-insensitive, whitespace-tolerant pattern for a term, on word boundaries."""
    words = [re.escape(w) for w in term.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", flags)


def term_spans(text: str, term: str) -> Iterator[tuple[int, int]]:
    """Start and end of each hit of ``term`` in ``text`` (as :func:`term_pattern` finds them).

    Where lower-casing keeps every offset, the text is lower-cased once and ``str.find``
    jumps to each occurrence of the term's first word, where the pattern is tried; this is
    several times faster than letting the regex engine try every position."""
    lowered = text.lower()
    if len(lowered) != len(text) or not term.split():
        yield from (m.span() for m in term_pattern(term).finditer(text))
        return
    yield from _lower_spans(lowered, term)


def _lower_spans(lowered: str, term: str) -> Iterator[tuple[int, int]]:
    """The hits of a term (with words) in lower-cased text, found from its first word."""
    pattern, first = _lower_pattern(term), term.split()[0].lower()
    at = lowered.find(first)
    while at != -1:
        hit = pattern.match(lowered, at)
        if hit:
            yield hit.span()
        at = lowered.find(first, hit.end() if hit else at + 1)


@lru_cache(maxsize=256)
def _lower_pattern(term: str) -> re.Pattern:
    """:func:`term_pattern` for lower-cased text, without re.IGNORECASE."""
    return term_pattern(term.lower(), flags=0)


def kwic(
    texts: Mapping[str, str], term: str, width: int = 40, hits: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Keyword in context (like NLTK's concordance): one row per hit, in text order (the rows
    of ``hits``, from :func:`term_hits`, that are of ``term``, when given)."""
    hits = term_hits(texts, [term]) if hits is None else hits[hits["term"] == term]
    rows = []
    for doc_id, start, end in hits[["doc_id", "start", "end"]].itertuples(index=False):
        text = texts[doc_id]
        left = " ".join(text[max(0, start - width * 2) : start].split())
        right = " ".join(text[end : end + width * 2].split())
        rows.append(
            {
                "doc_id": doc_id,
                "start": start,
                "left": left[-width:],
                "match": " ".join(text[start:end].split()),
                "right": right[:width],
            }
        )
    return pd.DataFrame(rows, columns=["doc_id", "start", "left", "match", "right"])


def term_hits(texts: Mapping[str, str], terms: Iterable[str]) -> pd.DataFrame:
    """Every hit of each term (as :func:`term_spans` finds them): ``doc_index``, ``doc_id``,
    ``term``, ``start``, ``end``; by text, then term in the order given, then position.

    Texts are lower-cased once for all terms and searched a few thousand at a time, joined
    by a character that no cleaned text holds and that is neither a word nor a space
    character (so no hit crosses from one text into the next); a text that lower-casing
    would change in length, or that holds that character, is searched on its own."""
    terms, found = list(terms), []
    batch: list[tuple[int, str]] = []
    size = 0
    for index, text in enumerate(texts.values()):
        batch.append((index, text))
        size += len(text)
        if size >= BATCH_CHARS:
            found += _batch_hits(batch, terms)
            batch, size = [], 0
    found += _batch_hits(batch, terms)
    columns = ["doc_index", "term_index", "start", "end"]
    hits = pd.DataFrame(np.concatenate(found, axis=1).T if found else [], columns=columns)
    hits = hits.astype(np.int64).sort_values(["doc_index", "term_index", "start"], kind="stable")
    doc_index = hits["doc_index"].to_numpy()
    return pd.DataFrame(
        {
            "doc_index": doc_index,
            "doc_id": np.array(list(texts), dtype=object)[doc_index],
            "term": np.array(terms, dtype=object)[hits["term_index"].to_numpy()],
            "start": hits["start"].to_numpy(),
            "end": hits["end"].to_numpy(),
        }
    )


BATCH_CHARS = 2**24  # characters of text searched together (about 16 million)
JOINER = "\x00"  # cleaning removes it from every text; not \w, not \s: a word boundary


def _batch_hits(batch: list[tuple[int, str]], terms: list[str]) -> list[np.ndarray]:
    """The hits in some texts: arrays of (doc_index, term_index, start, end) columns."""
    found, joined, starts, indexes = [], [], [], []
    at = 0
    for index, text in batch:
        lowered = text.lower()
        if len(lowered) != len(text) or JOINER in text:
            found += [_columns(index, t, list(term_spans(text, w))) for t, w in enumerate(terms)]
            continue
        joined.append(lowered)
        starts.append(at)
        indexes.append(index)
        at += len(lowered) + len(JOINER)
    text, starts, indexes = JOINER.join(joined), np.array(starts), np.array(indexes)
    for t, term in enumerate(terms):
        if not term.split():  # no word to look for: the pattern, text by text
            for index, one in zip(indexes.tolist(), joined, strict=True):
                found.append(_columns(index, t, list(term_spans(one, term))))
            continue
        spans = np.array(list(_lower_spans(text, term)), dtype=np.int64).reshape(-1, 2)
        doc = np.searchsorted(starts, spans[:, 0], side="right") - 1
        local = spans - starts[doc][:, None] if len(doc) else spans
        found.append(np.vstack([indexes[doc], np.full(len(doc), t), local.T]))
    return found


def _columns(index: int, term: int, spans: list[tuple[int, int]]) -> np.ndarray:
    """The hits of one term in one text as (doc_index, term_index, start, end) columns."""
    spans = np.array(spans, dtype=np.int64).reshape(-1, 2)
    return np.vstack([np.full(len(spans), index), np.full(len(spans), term), spans.T])


def kwic_lines(table: pd.DataFrame, width: int = 40) -> str:
    """Concordance lines with the keyword in an aligned middle column."""
    return "\n".join(
        f"{r.left:>{width}} [{r.match}] {r.right:<{width}}" for r in table.itertuples()
    )


def concordance(
    term: str, hits: pd.DataFrame, texts: Mapping[str, str], max_rows: int, width: int = 40
) -> str:
    """A term's concordance block: hits and articles, up to ``max_rows`` lines (from ``hits``,
    as :func:`term_hits` gives them), what is left. Only the lines shown are cut from texts."""
    found = hits[hits["term"] == term]
    counted = f"{plural(len(found), 'hit')} in {plural(found['doc_id'].nunique(), 'article')}"
    shown = [f"== {term!r}: {counted}"]
    shown.append(kwic_lines(kwic(texts, term, width, found.head(max_rows)), width=width))
    if len(found) > max_rows:
        shown.append(f"   ... {len(found) - max_rows} more lines not shown")
    return "\n".join(shown) + "\n"


def dispersion(
    texts: Mapping[str, str], terms: Iterable[str], hits: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Hits of each term as relative positions (0..1) within each text, texts kept in order
    (from ``hits`` of :func:`term_hits` for these texts and terms, when given)."""
    hits = term_hits(texts, terms) if hits is None else hits
    if hits.empty:
        return pd.DataFrame([], columns=["doc_index", "doc_id", "term", "position"])
    sizes = np.array([max(len(text), 1) for text in texts.values()], dtype=np.int64)
    position = hits["start"].to_numpy() / sizes[hits["doc_index"].to_numpy()]
    return hits[["doc_index", "doc_id", "term"]].assign(position=position)


def highlight(text: str, terms: Iterable[str]) -> str:
    """HTML-escaped text with every term wrapped in ``<mark>``."""
    escaped = html.escape(text)
    for term in terms:
        escaped = term_pattern(html.escape(term)).sub(
            lambda m: f"<mark>{m.group(0)}</mark>", escaped
        )
    return escaped


def shorten(text: str, limit: int = 160) -> str:
    """One line of at most ``limit`` characters, with an ellipsis when cut."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
