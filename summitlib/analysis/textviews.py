"""Views of the texts: cleaning removals, keyword in context, dispersion, highlighting."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

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


def kwic(texts: Mapping[str, str], term: str, width: int = 40) -> pd.DataFrame:
    """Keyword in context (like NLTK's concordance): one row per hit, in text order."""
    rows = []
    for doc_id, text in texts.items():
        for start, end in term_spans(text, term):
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


def kwic_lines(table: pd.DataFrame, width: int = 40) -> str:
    """Concordance lines with the keyword in an aligned middle column."""
    return "\n".join(
        f"{r.left:>{width}} [{r.match}] {r.right:<{width}}" for r in table.itertuples()
    )


def concordance(term: str, lines: pd.DataFrame, max_rows: int, width: int = 40) -> str:
    """A term's concordance block: hits and articles, up to ``max_rows`` lines, what is left."""
    found = f"{plural(len(lines), 'hit')} in {plural(lines['doc_id'].nunique(), 'article')}"
    shown = [f"== {term!r}: {found}"]
    shown.append(kwic_lines(lines.head(max_rows), width=width))
    if len(lines) > max_rows:
        shown.append(f"   ... {len(lines) - max_rows} more lines not shown")
    return "\n".join(shown) + "\n"


def dispersion(texts: Mapping[str, str], terms: Iterable[str]) -> pd.DataFrame:
    """Hits of each term as relative positions (0..1) within each text, texts kept in order."""
    rows = []
    for index, (doc_id, text) in enumerate(texts.items()):
        size = max(len(text), 1)
        for term in terms:
            for start, _ in term_spans(text, term):
                rows.append(
                    {"doc_index": index, "doc_id": doc_id, "term": term, "position": start / size}
                )
    return pd.DataFrame(rows, columns=["doc_index", "doc_id", "term", "position"])


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
