"""The annotation pipeline: one core function per article, thin wrappers for a corpus.

Each article is cleaned, split into sentences, and passed to the extractors (actors, dates,
amounts, quotations, stance); every span they find in the cleaned text is mapped back to
the raw text, so ``raw[start:end] == text`` for every row. Results are cached per article.

>>> from summitlib import load_corpus, annotate
>>> tables = annotate(load_corpus("corpus"))
>>> tables.quotes[["speaker", "kind"]].head(2)  # doctest: +SKIP
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd

from summitlib import cache as cache_store
from summitlib.cleaning import CleanText
from summitlib.corpus import Corpus, Document
from summitlib.errors import ParameterError
from summitlib.nlp import tone, word_spans
from summitlib.paths import cache_dir as default_cache_dir
from summitlib.positions import positions_rows
from summitlib.sentences import split_sentences
from summitlib.tables import DOCUMENT_COLUMNS, Tables, frame

ENGINES = ("local", "dask")
PARALLEL_THRESHOLD = 64


class Spans:
    """Maps cleaned spans to raw rows and finds the sentence each row belongs to."""

    def __init__(self, doc_id: str, cleaned: CleanText, sentences: list[tuple[int, int]]):
        self.doc_id = doc_id
        self.cleaned = cleaned
        self.sentences = [cleaned.to_raw(s, e) for s, e in sentences]
        self._ends = [e for _, e in self.sentences]

    def sent_id(self, raw_start: int) -> int:
        """Index of the sentence that contains (or follows) a raw offset."""
        return min(bisect.bisect_right(self._ends, raw_start), max(len(self._ends) - 1, 0))

    def row(self, start: int, end: int, **columns: object) -> dict:
        """A table row for a cleaned span: doc_id, sent_id, raw start/end, raw text, extras."""
        raw_start, raw_end = self.cleaned.to_raw(start, end)
        return self.raw_row(raw_start, raw_end, **columns)

    def raw_row(self, raw_start: int, raw_end: int, **columns: object) -> dict:
        """A table row for a span already in raw offsets."""
        return {
            "doc_id": self.doc_id,
            "sent_id": self.sent_id(raw_start),
            "start": raw_start,
            "end": raw_end,
            "text": self.cleaned.raw[raw_start:raw_end],
            **columns,
        }


def annotate_document(doc: Document, raw: str | None = None) -> dict[str, list[dict]]:
    """All annotation rows of one article, keyed by table name (plain, JSON-ready values)."""
    from summitlib.actors import find_actors, load_registry
    from summitlib.amounts import find_amounts
    from summitlib.dates import find_dates
    from summitlib.quotes import find_quotes, interview_turns
    from summitlib.stance import document_stance, find_stance

    cleaned = doc.cleaned() if raw is None else _clean(raw)
    text = cleaned.text
    sentences = split_sentences(text)
    spans = Spans(doc.doc_id, cleaned, sentences)
    registry = load_registry()
    stance_spans = find_stance(text, sentences)
    mentions = find_actors(text, registry)
    title = doc.meta.get("title", "") or ""
    quotes = find_quotes(text, registry, mentions, sentences, title)
    rows = {
        "sentences": [
            spans.row(s, e, sent_id=i, tone=round(tone(text[s:e]), 4))
            for i, (s, e) in enumerate(sentences)
        ],
        "actors": [
            spans.row(
                m.start, m.end, actor=m.actor, actor_type=m.actor_type, role=m.role, via=m.via
            )
            for m in mentions
        ],
        "dates": _date_rows(spans, find_dates(text, doc.published), doc),
        "amounts": [
            spans.row(a.start, a.end, value=a.value, unit=a.unit, kind=a.kind, topic=a.topic)
            for a in find_amounts(text)
        ],
        "turns": [
            spans.row(t.start, t.end, speaker=t.speaker, kind=t.kind, label=t.label)
            for t in interview_turns(text, mentions, title)
        ],
        "quotes": [
            spans.row(q.start, q.end, speaker=q.speaker, kind=q.kind, cue=q.cue, role=q.role)
            for q in quotes
        ],
        "stance": [
            spans.row(
                s.start,
                s.end,
                stance=s.stance,
                score=round(s.score, 4),
                evidence=s.evidence,
                tone=round(s.tone, 4),
            )
            for s in stance_spans
        ],
    }
    doc_stance = document_stance(stance_spans)
    rows["positions"] = positions_rows(doc, rows["quotes"], rows["stance"], doc_stance)
    rows["document"] = [
        {
            "n_sentences": len(sentences),
            "n_words": len(word_spans(text)),
            "integration_stance": round(doc_stance, 4),
            "tone": round(_mean(r["tone"] for r in rows["sentences"]), 4),
            "n_quotes": len(quotes),
            "n_dates": len(rows["dates"]),
        }
    ]
    return rows


def _clean(raw: str) -> CleanText:
    """Clean a raw text (used when a worker has already read the file)."""
    from summitlib.cleaning import clean_text

    return clean_text(raw)


def _date_rows(spans: Spans, mentions: list, doc: Document) -> list[dict]:
    """Date rows, plus the publication-date marker that cleaning removed from the text."""
    from summitlib.dates import find_dates

    rows = []
    for removal in spans.cleaned.removed:
        if removal.kind != "date_marker":
            continue
        marker = spans.cleaned.raw[removal.start : removal.end]
        for m in find_dates(marker, doc.published):
            s, e = removal.start + m.start, removal.start + m.end
            rows.append(
                spans.raw_row(s, e, value=m.value, anchor="dateline", granularity=m.granularity)
            )
    for m in mentions:
        rows.append(
            spans.row(m.start, m.end, value=m.value, anchor=m.anchor, granularity=m.granularity)
        )
    return rows


def _mean(values: Iterable[float]) -> float:
    """Arithmetic mean, 0.0 for nothing."""
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def cache_key(doc: Document) -> str:
    """What an article's annotation depends on, hashed."""
    parts = {
        "sha256": doc.sha256,
        "doc_id": doc.doc_id,
        "published": doc.published.isoformat(),
        "author": doc.meta.get("author", ""),
        "genre": doc.meta.get("genre", ""),
        "title": doc.meta.get("title", ""),
    }
    return cache_store.entry_key(parts)


def annotate_cached(doc: Document, cache_dir: Path | None) -> dict[str, list[dict]]:
    """An article's rows from the cache, or computed (and then stored)."""
    if cache_dir is None:
        return annotate_document(doc)
    key = cache_key(doc)
    rows = cache_store.load_entry(cache_dir, key)
    if rows is None:
        rows = annotate_document(doc)
        cache_store.store_entry(cache_dir, key, rows)
    return rows


def annotate(
    corpus: Corpus,
    *,
    cache: bool = True,
    cache_dir: Path | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> Tables:
    """Annotate every article of a corpus and return the contract's tables.

    >>> tables = annotate(load_corpus("corpus"))            # doctest: +SKIP
    >>> tables = annotate(corpus, engine="dask")            # same tables, on a Dask cluster
    """
    if engine not in ENGINES:
        raise ParameterError(f"engine {engine!r} is not one of {', '.join(ENGINES)}")
    folder = (cache_dir or default_cache_dir()) if cache else None
    docs = list(corpus)
    if engine == "dask":
        from summitlib.engines import annotate_with_dask

        per_doc = annotate_with_dask(docs, folder, scheduler=scheduler)
    else:
        per_doc = _annotate_local(docs, folder, workers, progress)
    return assemble(corpus, docs, per_doc)


def _annotate_local(
    docs: list[Document],
    folder: Path | None,
    workers: int | None,
    progress: Callable[[Iterable], Iterable] | None,
) -> list[dict[str, list[dict]]]:
    """Annotate in this process, or in a process pool when the corpus is large enough."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and len(docs) >= PARALLEL_THRESHOLD:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(annotate_cached, docs, [folder] * len(docs), chunksize=8)
            return list(progress(results) if progress else results)
    items = progress(docs) if progress else docs
    return [annotate_cached(doc, folder) for doc in items]


def assemble(corpus: Corpus, docs: list[Document], per_doc: list[dict]) -> Tables:
    """Concatenate per-article rows into the corpus tables, in a stable order."""
    names = ["sentences", "actors", "dates", "quotes", "stance", "positions", "amounts", "turns"]
    tables = {name: frame([r for rows in per_doc for r in rows[name]], name) for name in names}
    documents = []
    for doc, rows in zip(docs, per_doc, strict=True):
        meta = {c: doc.meta.get(c, "") for c in corpus.columns}
        documents.append(
            {
                **meta,
                "doc_id": doc.doc_id,
                "file": doc.file,
                "sha256": doc.sha256,
                "published": doc.published.isoformat(),
                **rows["document"][0],
            }
        )
    table = pd.DataFrame(documents)
    extra = [c for c in table.columns if c not in DOCUMENT_COLUMNS]
    return Tables(documents=table[DOCUMENT_COLUMNS + extra], **tables)
